/** A changed score on an option is a change of meaning for stored results (issue 11.4). */
import { describe, expect, it } from "vitest";
import { diffSchemas, requiredBump } from "../../engine/diff/index.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";
import { readJson, ROOT } from "../helpers.ts";

const vardag = () => readJson<JsonSchema>(`${ROOT}/examples/instrument/vardag/1.0.0.schema.json`);

function withScores(schema: JsonSchema, scores: Record<string, number | undefined>): JsonSchema {
  const copy = structuredClone(schema);
  for (const option of (copy.$defs as { hurOfta: { oneOf: Array<Record<string, unknown>> } }).hurOfta.oneOf) {
    const code = option.const as string;
    if (!(code in scores)) continue;
    if (scores[code] === undefined) delete option["x-score"];
    else option["x-score"] = scores[code];
  }
  return copy;
}

describe("diff of option scores", () => {
  it("a changed score is breaking, names the option, old and new points, and needs a major version", () => {
    const report = diffSchemas(vardag(), withScores(vardag(), { ofta: 3 }));
    const rescored = report.changes.filter((c) => c.kind === "option-rescored");
    // The scale is shared by three questions: each question's stored results change.
    expect(rescored.map((c) => [c.pointer, c.class, c.before, c.after])).toEqual([
      ["/fragor/somn", "breaking", 2, 3],
      ["/fragor/mat", "breaking", 2, 3],
      ["/fragor/pengar", "breaking", 2, 3],
    ]);
    expect(rescored[0]!.summary).toBe("Poängen för alternativet ”Ofta” (kod ofta) ändras från 2 till 3.");
    expect(requiredBump(report.changes)).toBe("major");
  });

  it("the same scores is no change; a score added where there was none is compatible", () => {
    expect(diffSchemas(vardag(), vardag()).changes.filter((c) => c.kind === "option-rescored")).toEqual([]);
    const unscored = withScores(vardag(), { aldrig: undefined, ibland: undefined, ofta: undefined });
    const added = diffSchemas(unscored, vardag()).changes.filter((c) => c.kind === "option-rescored");
    expect(added).toHaveLength(9);
    expect(added.every((c) => c.class === "compatible")).toBe(true);
  });
});
