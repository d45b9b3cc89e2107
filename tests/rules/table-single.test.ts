/**
 * A table rule over single questions (not groups), issue 11 point 8: its explanation lists the
 * questions it read, and the guided summary shows their option labels, not raw codes.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDocument, guidedSummaryParts, type JsonSchema } from "../../engine/compiler.ts";
import { FIXTURES, ROOT } from "../helpers.ts";

const schema = JSON.parse(readFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), "utf8")) as JsonSchema;
(schema.$id as string) = "https://blankett.example/schemas/fia/table-single-test.json";
(schema["x-rules"] as unknown[]).push({
  id: "omfattningar",
  kind: "table",
  title: "Omfattning per område",
  each: [
    { code: "boende", label: "Boende", path: "livssituation.boende.omfattning" },
    { code: "skulder", label: "Skulder", path: "livssituation.skulder.omfattning" },
  ],
  fields: { svar: { var: "item.value" } },
  summary: { rowHeading: "Område", columns: [{ field: "svar", heading: "Omfattning" }] },
});
const doc = JSON.parse(readFileSync(join(FIXTURES, "fia/valid/interview-1.json"), "utf8"));

/** The option label for a code, read from the schema itself (not from the engine). */
function labelOf(code: unknown): string {
  const options = ((schema.$defs as Record<string, JsonSchema>).omfattning!.oneOf as Array<{ const: unknown; title: string }>);
  return options.find((o) => o.const === code)!.title;
}

describe("a table rule over single questions", () => {
  const report = checkDocument(schema, doc);
  const result = report.results.find((r) => r.id === "omfattningar")!;

  it("explains itself with the questions it read", () => {
    const inputs = result.explanation!.inputs.map((i) => i.path);
    expect(inputs).toEqual(["livssituation.boende.omfattning", "livssituation.skulder.omfattning"]);
    expect(result.explanation!.inputs[0]!.value).toBe(doc.livssituation.boende.omfattning);
  });

  it("shows option labels in the guided summary, not codes", () => {
    const table = guidedSummaryParts(schema, report.results).tables.find((t) => t.result.id === "omfattningar")!;
    const boende = table.rows.find((r) => r.code === "boende")!;
    expect(boende.cells).toEqual([labelOf(doc.livssituation.boende.omfattning)]);
    expect(boende.cells[0]).not.toBe(doc.livssituation.boende.omfattning);
  });
});
