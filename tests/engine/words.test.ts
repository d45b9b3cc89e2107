import { describe, expect, it } from "vitest";
import { answerInWords, guidedSummaryParts, resultInWords, valueInWords, yesNo, type JsonSchema, type RuleResult } from "../../engine/runtime.ts";

const r = (kind: RuleResult["kind"], value: unknown, id = "x"): RuleResult => ({ id, kind, title: "T", value });

describe("values and results in words (DOM contract 7)", () => {
  it("plain values: nothing as –, booleans as Ja/Nej, lists joined, {label} as its label", () => {
    expect([null, undefined, "", [], {}].map(valueInWords)).toEqual(["–", "–", "–", "–", "–"]);
    expect(valueInWords(true)).toBe("Ja");
    expect(valueInWords(false)).toBe("Nej");
    expect(valueInWords(["a", 2, true, null])).toBe("a, 2, Ja, –");
    expect(valueInWords({ code: "k", label: "Klar" })).toBe("Klar");
    expect(valueInWords(0)).toBe("0");
    expect(yesNo("true")).toBe("–");
  });

  it("results: category → label, indication → Ja/Nej/–, value → the value", () => {
    expect(resultInWords(r("category", { code: "b", label: "Behov av stöd" }))).toBe("Behov av stöd");
    expect(resultInWords(r("category", null))).toBe("–");
    expect(resultInWords(r("indication", true))).toBe("Ja");
    expect(resultInWords(r("indication", false))).toBe("Nej");
    expect(resultInWords(r("indication", null))).toBe("–");
    expect(resultInWords(r("value", ["boende", "halsa"]))).toBe("boende, halsa");
    expect(resultInWords(r("value", 12))).toBe("12");
  });
});

const scale: JsonSchema = { oneOf: [{ const: "stor", title: "Stort problem" }, { const: "inget", title: "Inget problem" }] };
const yes: JsonSchema = { oneOf: [{ const: true, title: "Gäller" }, { const: false, title: "Gäller inte" }] };
const schema: JsonSchema = {
  type: "object",
  properties: {
    boende: { type: "object", properties: { problemstorlek: scale, galler: yes } },
    halsa: { type: "object", properties: { problemstorlek: scale, galler: yes } },
    bedomning: { type: "object", properties: { stod: { type: "boolean" } } },
  },
  "x-rules": [
    {
      id: "profil",
      kind: "table",
      title: "Profil",
      each: [{ code: "bo", label: "Boende", path: "boende" }, { code: "ha", label: "Hälsa", path: "halsa" }],
      summary: {
        rowHeading: "Område",
        columns: [
          { field: "galler", heading: "Gäller" },
          { field: "problemstorlek", heading: "Problemstorlek" },
          { field: "rang", heading: "Klientens rang" },
        ],
        rankedBy: "rang",
      },
    },
    { id: "ind", kind: "indication", title: "Indikation", judgement: "bedomning.stod" },
  ],
};

describe("guided summary parts", () => {
  it("names coded cells by their option labels, ranks by rang, finds the judgement path", () => {
    const results: RuleResult[] = [
      r("table", [
        { code: "bo", label: "Boende", galler: true, problemstorlek: "stor", rang: 2 },
        { code: "ha", label: "Hälsa", galler: false, problemstorlek: "okand" , rang: 1 },
        { code: "zz", label: "Annat", problemstorlek: "stor" },
      ], "profil"),
      r("indication", true, "ind"),
      r("category", null, "kat"),
    ];
    const parts = guidedSummaryParts(schema, results);
    expect(parts.tables).toHaveLength(1);
    const t = parts.tables[0]!;
    expect(t.columns.map((c) => c.heading)).toEqual(["Gäller", "Problemstorlek", "Klientens rang"]);
    expect(t.rows).toEqual([
      { code: "bo", label: "Boende", cells: ["Gäller", "Stort problem", "2"] },
      // An unknown code is shown as it is; a row without an `each` item gets plain words.
      { code: "ha", label: "Hälsa", cells: ["Gäller inte", "okand", "1"] },
      { code: "zz", label: "Annat", cells: ["–", "stor", "–"] },
    ]);
    expect(parts.ranking).toEqual(["Hälsa", "Boende"]);
    expect(parts.indications).toEqual([{ result: results[1], judgement: ["bedomning", "stod"] }]);
    expect(parts.categories.map((c) => c.id)).toEqual(["kat"]);
  });

  it("answerInWords falls back to the value in words off a choice question", () => {
    expect(answerInWords(schema, ["bedomning", "stod"], true)).toBe("Ja");
    expect(answerInWords(schema, ["boende", "problemstorlek"], "inget")).toBe("Inget problem");
  });
});
