import { describe, expect, it } from "vitest";
import { buildFormModel, computeFormState, hasStepBefore, initialDocument, settleStep, stepAfter, stepProgress, type JsonSchema } from "../../engine/compiler.ts";
import { schema } from "../helpers.ts";

// fia 2.0.0's sections, in order: intervju, livssituation, arbete, insatserKrav, bedomning,
// sammanstallning, plan (the seven steps), then migrering (index 7), shown only in a document
// that was moved from an older version. The summary is step 8.
const fia = schema("fia", "2.0.0") as JsonSchema;
const model = buildFormModel(fia);

describe("guided steps", () => {
  it("a new interview skips the empty 'moved from an older version' section and counts seven steps", () => {
    const hidden = computeFormState(fia, initialDocument(fia), {}).hidden;
    expect(hidden.has("/migrering")).toBe(true);
    expect(stepProgress(model, hidden, 0).text).toBe("Steg 1 av 7: Om intervjun");
    expect(stepAfter(model, hidden, 6, 1)).toBe(8);
    expect(stepAfter(model, hidden, 8, -1)).toBe(6);
    expect(settleStep(model, hidden, 7)).toBe(8);
    expect(stepProgress(model, hidden, 8)).toEqual({ text: "Sammanfattning efter steg 7 av 7", value: 7, total: 7 });
    expect(hasStepBefore(model, hidden, 0)).toBe(false);
    expect(stepAfter(model, hidden, 8, 1)).toBe(8);
  });

  it("a migrated document shows that section as the eighth step", () => {
    const doc = { ...initialDocument(fia), migrering: { fran: "fia@1.0.0", till: "fia@2.0.0", ejOverforda: [] } };
    const hidden = computeFormState(fia, doc, {}).hidden;
    expect(hidden.has("/migrering")).toBe(false);
    expect(stepAfter(model, hidden, 6, 1)).toBe(7);
    expect(stepProgress(model, hidden, 7).text).toBe("Steg 8 av 8: Flyttat från en äldre version");
    expect(settleStep(model, hidden, 7)).toBe(7);
  });

  it("a saved step out of range or not a number settles on a step that exists", () => {
    const hidden = computeFormState(fia, initialDocument(fia), {}).hidden;
    expect(settleStep(model, hidden, 99)).toBe(8);
    expect(settleStep(model, hidden, -3)).toBe(0);
    expect(settleStep(model, hidden, Number.NaN)).toBe(0);
  });
});
