import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeFormState, guidedSummaryParts, type JsonSchema } from "../../engine/compiler.ts";

/**
 * Issue 16: the guided summary before the areas and the work questions are answered. A cell whose
 * answers are not given, and an indication none of whose answers is given, read "Inte besvarat" —
 * never "Nej" (which would say the area does not apply, or that there is no need).
 */

const VERSIONS = ["1.0.0", "1.1.0", "2.0.0", "2.1.0"];
const load = (v: string): JsonSchema => JSON.parse(readFileSync(`schemas/fia/${v}.schema.json`, "utf8")) as JsonSchema;

function summaryOf(schema: JsonSchema, doc: unknown) {
  const state = computeFormState(schema, doc, { mode: "draft" });
  return guidedSummaryParts(schema, state.results);
}

describe.each(VERSIONS)("fia@%s guided summary before answers (issue 16)", (version) => {
  const schema = load(version);
  const empty = { meta: { schema: `fia@${version}`, status: "draft" } };

  it("an empty interview: every area's Gäller and problem size say Inte besvarat, both indications too", () => {
    const parts = summaryOf(schema, empty);
    const table = parts.tables[0]!;
    const galler = table.columns.findIndex((c) => c.field === "galler");
    const storlek = table.columns.findIndex((c) => c.field === "problemstorlek");
    expect(table.rows.length).toBeGreaterThan(10);
    for (const row of table.rows) {
      expect(row.cells[galler]).toBe("Inte besvarat");
      expect(row.cells[storlek]).toBe("Inte besvarat");
    }
    expect(parts.indicationWords).toEqual({ indikationSocialt: "Inte besvarat", indikationArbete: "Inte besvarat" });
  });

  it("an area answered 'ingen' says Nej, an area answered 'stor' says Ja; the social indication is then answered", () => {
    const doc = { ...empty, livssituation: { boende: { omfattning: "ingen" }, socialtNatverk: { omfattning: "stor", problemstorlek: "litet" } } };
    const parts = summaryOf(schema, doc);
    const table = parts.tables[0]!;
    const galler = table.columns.findIndex((c) => c.field === "galler");
    const cell = (code: string) => table.rows.find((r) => r.code === code)!.cells[galler];
    expect(cell("boende")).not.toBe("Inte besvarat");
    expect(cell("boende")).toMatch(/^(Nej|Gäller inte)$/);
    expect(cell("socialt_natverk")).toMatch(/^(Ja|Gäller)$/);
    expect(cell("skulder")).toBe("Inte besvarat");
    expect(parts.indicationWords.indikationSocialt).toBe("Nej");
    expect(parts.indicationWords.indikationArbete).toBe("Inte besvarat");
  });

  it("the interviewer's judgement alone does not make an indication answered", () => {
    const doc = { ...empty, bedomning: { stodbehovArbete: true, socialtStodbehov: false } };
    expect(summaryOf(schema, doc).indicationWords).toEqual({ indikationSocialt: "Inte besvarat", indikationArbete: "Inte besvarat" });
  });

  it("one hard part of job seeking answers the work indication", () => {
    const doc = { ...empty, arbete: { svarighetJobbsokande: { hittaJobb: "svart" } } };
    expect(summaryOf(schema, doc).indicationWords.indikationArbete).toBe("Nej");
  });
});
