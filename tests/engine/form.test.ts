import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { buildFormModel, computeFormState, fieldId, hiddenPointers, normalizeDocument, setIn } from "../../engine/compiler.ts";
import { FIXTURES, readJson, schema } from "../helpers.ts";

const fia = schema("fia");
const bh = schema("barnahuslogg");

describe("form model", () => {
  it("FIA: seven guided steps in the schema's order, meta left out", () => {
    const m = buildFormModel(fia);
    expect(m.guided).toBe(true);
    expect(m.sections.map((s) => s.key)).toEqual(["intervju", "livssituation", "arbete", "insatserKrav", "bedomning", "sammanstallning", "plan"]);
    const boende = m.sections[1]!.children!.find((c) => c.key === "boende")!;
    expect(boende.children!.map((c) => [c.key, c.widget, c.required])).toEqual([
      ["omfattning", "radio", true],
      ["problemstorlek", "radio", false],
      ["kommentar", "textarea", false],
    ]);
    expect(boende.children![0]!.options!.map((o) => o.label)).toEqual(["I stor omfattning", "I viss omfattning", "Inte alls", "Osäker"]);
  });

  it("barnahuslogg: events are a table whose row fields have row-relative paths", () => {
    const events = buildFormModel(bh).sections.find((s) => s.key === "handelser")!;
    expect(events.kind).toBe("table");
    expect(events.rowLabel).toBe("Händelse");
    expect(events.columns).toEqual(["datum", "handelsetyp", "beskrivning", "informeradAv"]);
    const datum = events.children!.find((c) => c.key === "datum")!;
    expect(datum).toMatchObject({ path: ["datum"], inRow: true, widget: "date" });
  });
});

describe("form state", () => {
  it("hides a question until its condition holds, per row in tables", () => {
    const moa = readJson<any>(join(FIXTURES, "barnahuslogg/valid/moa.json"));
    const hidden = hiddenPointers(bh, moa);
    // Row 5 (index 4) is the interview: its pick-up details are shown, the prosecution decision is not.
    expect(hidden.has("/handelser/4/detaljer/hamtning")).toBe(false);
    expect(hidden.has("/handelser/4/detaljer/beslut")).toBe(true);
    // Row 6 (index 5) is the prosecution decision.
    expect(hidden.has("/handelser/5/detaljer/beslut")).toBe(false);
    expect(hidden.has("/handelser/5/detaljer/hamtning")).toBe(true);
  });

  it("shows errors only for touched fields, or all after a submit attempt", () => {
    const doc = { meta: { schema: "fia@1.0.0" }, intervju: { datum: "igår" } };
    const quiet = computeFormState(fia, doc);
    expect(quiet.errors).toEqual([]);
    expect(quiet.errorCount).toBeGreaterThan(1);
    const touched = computeFormState(fia, doc, { touched: new Set(["/intervju/datum"]) });
    expect(touched.errors.map((e) => e.pointer)).toEqual(["/intervju/datum"]);
    const submitted = computeFormState(fia, doc, { submitted: true });
    expect(submitted.errors.length).toBe(submitted.errorCount);
  });

  it("gives DOM ids that cannot collide", () => {
    expect(fieldId("/a-b")).not.toBe(fieldId("/a/b"));
    expect(fieldId("/handelser/0/datum")).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe("normalizeDocument", () => {
  it("drops empty strings and untouched optional sections, keeps required ones and lists", () => {
    let doc: unknown = { meta: { schema: "fia@1.0.0" }, intervju: { datum: "2025-01-01", intervjuare: "" }, arbete: {}, insatserKrav: { onskadeInsatser: [] } };
    doc = setIn(doc, ["plan"], { mal: [] });
    expect(normalizeDocument(fia, doc)).toEqual({
      meta: { schema: "fia@1.0.0" },
      intervju: { datum: "2025-01-01" },
      arbete: {},
      insatserKrav: { onskadeInsatser: [] },
      plan: { mal: [] },
    });
  });
});
