/** Scores on the options (x-score) and the operations that read them: score, score_sum, score_sum_answered. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileLogic, LogicError } from "../../engine/rules/logic/compile.ts";
import { CompiledRules, rulesFor } from "../../engine/rules/evaluate.ts";
import { scoreLookup } from "../../engine/schema/scores.ts";
import { expressionIssues } from "../../engine/lint/expressions.ts";
import { scoreIssues } from "../../engine/lint/scores.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";
import { schema as loadSchema } from "../helpers.ts";

const scale = {
  type: "string",
  oneOf: [
    { const: "aldrig", title: "Aldrig", "x-score": 0 },
    { const: "ibland", title: "Ibland", "x-score": 1 },
    { const: "ofta", title: "Ofta", "x-score": 2 },
  ],
};

function schemaWith(rules: unknown[], extra: Record<string, unknown> = {}): JsonSchema {
  return {
    $id: "https://blankett.example/schemas/poang/1.0.0",
    type: "object",
    properties: {
      fragor: {
        type: "object",
        properties: {
          a: { $ref: "#/$defs/scale", title: "A" },
          b: { $ref: "#/$defs/scale", title: "B" },
          fritext: { type: "string" },
          under: { type: "object", properties: { c: { $ref: "#/$defs/scale", title: "C" } } },
        },
      },
      // Codes that are numbers: 1 is a code, "1" is not.
      siffror: { oneOf: [{ const: 1, title: "Ett", "x-score": 10 }, { const: 2, title: "Två", "x-score": 20 }] },
      flera: { type: "array", uniqueItems: true, items: { oneOf: [{ const: "x", title: "X", "x-score": 1 }, { const: "y", title: "Y", "x-score": 3 }, { const: "z", title: "Z", "x-score": -1 }] } },
      ...extra,
    },
    $defs: { scale },
    "x-rules": rules,
  };
}

const value = (expr: unknown) => ({ id: "v", kind: "value", title: "V", expr });
const run = (schema: JsonSchema, doc: unknown) => rulesFor(schema).run(doc, { explain: true }).results[0]!;

describe("score operations", () => {
  it("score reads the points of the chosen option, null while unanswered or for a code not among the options", () => {
    const s = schemaWith([value({ score: "fragor.a" })]);
    expect(run(s, { fragor: { a: "ofta" } }).value).toBe(2);
    expect(run(s, { fragor: { a: "aldrig" } }).value).toBe(0);
    expect(run(s, { fragor: {} }).value).toBeNull();
    expect(run(s, { fragor: { a: "OFTA" } }).value).toBeNull();
  });

  it("compares codes as JSON values: the number 1 scores, the string \"1\" does not", () => {
    const s = schemaWith([value({ score: "siffror" })]);
    expect(run(s, { siffror: 1 }).value).toBe(10);
    expect(run(s, { siffror: "1" }).value).toBeNull();
  });

  it("score of a multiple choice is the sum of the chosen options; none chosen is 0", () => {
    const s = schemaWith([value({ score: "flera" })]);
    expect(run(s, { flera: ["x", "y"] }).value).toBe(4);
    expect(run(s, { flera: ["x", "z"] }).value).toBe(0);
    expect(run(s, { flera: [] }).value).toBe(0);
    expect(run(s, {}).value).toBeNull();
  });

  it("score_sum over a group sums every scored question in it (nested groups too), null while any is unanswered", () => {
    const s = schemaWith([value({ score_sum: ["fragor"] })]);
    expect(run(s, { fragor: { a: "ofta", b: "ibland", under: { c: "ofta" } } }).value).toBe(5);
    expect(run(s, { fragor: { a: "ofta", b: "ibland" } }).value).toBeNull();
  });

  it("score_sum_answered sums the answered ones: a lower bound for 'at least N' rules", () => {
    const s = schemaWith([value({ score_sum_answered: ["fragor.a", "fragor.b"] })]);
    expect(run(s, { fragor: { a: "ofta" } }).value).toBe(2);
    expect(run(s, {}).value).toBe(0);
  });

  it("explains a group sum by the answers it read, not by the group", () => {
    const s = schemaWith([value({ score_sum: "fragor" })]);
    const r = run(s, { fragor: { a: "ofta", b: "aldrig", under: { c: "ibland" } } });
    expect(r.explanation!.inputs).toEqual([
      { path: "fragor.a", value: "ofta" },
      { path: "fragor.b", value: "aldrig" },
      { path: "fragor.under.c", value: "ibland" },
    ]);
  });

  it("is refused at compile time, never evaluated to a silent wrong total", () => {
    // No schema: nothing to read scores from (conditions, indicator definitions, map bodies).
    expect(() => compileLogic({ score: "fragor.a" })).toThrow(LogicError);
    const refused = (expr: unknown) => () => new CompiledRules([value(expr) as never], scoreLookup(schemaWith([])));
    expect(refused({ score: "fragor.finnsInte" })).toThrow(/finns inte i schemat/);
    expect(refused({ score: "fragor.fritext" })).toThrow(/inga svarsalternativ med poäng/);
    expect(refused({ score: "fragor" })).toThrow(/score_sum/);
    expect(refused({ score_sum: [{ var: "fragor.a" }] })).toThrow(/sökvägar som text/);
    expect(refused({ map: [[1], { score: "fragor.a" }] })).toThrow(/bara användas i ett schemas regler/);
    const partial = schemaWith([]);
    (partial.$defs as { scale: typeof scale }).scale = { ...scale, oneOf: [scale.oneOf[0]!, { const: "ibland", title: "Ibland" } as never, scale.oneOf[2]!] };
    expect(() => new CompiledRules([value({ score: "fragor.a" }) as never], scoreLookup(partial))).toThrow(/alla svarsalternativ måste ha poäng.*"ibland"/);
  });
});

describe("lint of score operations", () => {
  const messages = (s: JsonSchema) => expressionIssues(s).map((i) => `${i.severity} ${i.at}: ${i.message}`);

  it("names a path that does not exist, a group read with score, and an expression as a path", () => {
    expect(messages(schemaWith([value({ score_sum: ["fragor.a", "fragor.x"] })]))).toEqual([
      "error /x-rules/0/expr/score_sum/1: Regeln ”v” använder ”score_sum”: ”fragor.x” finns inte i schemat",
    ]);
    expect(messages(schemaWith([value({ score: "fragor" })]))[0]).toMatch(/använder ”score” på gruppen ”fragor”; summera en grupp med score_sum/);
    expect(messages(schemaWith([value({ score: { var: "x" } })]))[0]).toMatch(/skriv sökvägen som text/);
  });

  it("refuses score operations in a visibleWhen condition", () => {
    const s = schemaWith([], { villkor: { type: "string", "x-ui": { visibleWhen: { ">": [{ score: "fragor.a" }, 0] } } } });
    expect(messages(s).filter((m) => m.startsWith("error"))).toEqual([
      "error /properties/villkor/x-ui/visibleWhen/>/0: Villkoret för ”villkor” använder ”score”, som läser poäng på svarsalternativen och bara kan användas i schemats regler (x-rules), inte i villkor eller inuti map/filter",
    ]);
  });

  it("knows the range of a sum, so a band that leaves a total uncovered is found", () => {
    const total = value({ score_sum: ["fragor.a", "fragor.b"] });
    const guard = { "!==": [{ var: "@.v" }, null] };
    const bands = (low: number) => ({
      id: "niva",
      kind: "category",
      title: "Nivå",
      cases: [
        { when: { and: [guard, { "<=": [{ var: "@.v" }, 1] }] }, value: "lag", label: "Låg" },
        { when: { and: [guard, { ">=": [{ var: "@.v" }, low] }] }, value: "hog", label: "Hög" },
      ],
    });
    expect(messages(schemaWith([total, bands(2)]))).toEqual([]);
    // 0–4 is what two 0–2 questions can give: with the high band from 3, a total of 2 has no band.
    expect(messages(schemaWith([total, bands(3)]))).toEqual(["error /x-rules/1/cases: Regeln ”niva” har inget fall som gäller när @.v är 2: resultatet blir tomt (ingen kategori)"]);
  });

  it("warns when a sum that can be missing is compared unguarded", () => {
    const s = schemaWith([value({ score_sum: ["fragor.a"] }), { id: "k", kind: "value", title: "K", expr: { "<=": [{ var: "@.v" }, 1] } }]);
    expect(messages(s)).toEqual([expect.stringMatching(/^warning \/x-rules\/1\/expr\/<=\/0: .*”@\.v” i ”<=”, men värdet kan saknas/)]);
  });
});

describe("FIA's work indication on option scores", () => {
  // The expression FIA carried before the scores moved onto the options, kept here as the
  // reference: one `if`/`in` term per part of job seeking.
  const parts = ["hittaJobb", "skrivaAnsokan", "kontaktaArbetsgivare", "intervju", "resaTillArbete"];
  const before = compileLogic({
    ">=": [{ "+": parts.map((p) => ({ if: [{ in: [{ var: `arbete.svarighetJobbsokande.${p}` }, ["svart", "mycket_svart"]] }, 1, 0] })) }, 2],
  });

  it.each(["1.0.0", "1.1.0", "2.0.0"])("fia %s: score_sum_answered gives the indication the if/in chain gave, for every answer pattern", (version) => {
    const schema = loadSchema("fia", version);
    const rule = (schema["x-rules"] as Array<{ id: string; expr: { or: unknown[] } }>).find((r) => r.id === "indikationArbete")!;
    const after = new CompiledRules([{ id: "x", kind: "value", title: "x", expr: rule.expr.or[0] }], scoreLookup(schema));
    const answer = fc.option(fc.constantFrom("latt", "ganska_latt", "svart", "mycket_svart"), { nil: undefined });
    fc.assert(
      fc.property(fc.tuple(...parts.map(() => answer)), (values) => {
        const svarighetJobbsokande: Record<string, string> = {};
        values.forEach((v, i) => {
          if (v !== undefined) svarighetJobbsokande[parts[i]!] = v;
        });
        const doc = { arbete: { svarighetJobbsokande } };
        expect(after.run(doc, { explain: false }).results[0]!.value).toBe(before(doc));
      }),
      { numRuns: 300 },
    );
  });
});

describe("where x-score may stand (lint)", () => {
  it("refuses x-score outside an option, and an option list scored in part, once at the list", () => {
    const s = schemaWith([]);
    (s.properties as Record<string, Record<string, unknown>>).fragor!["x-score"] = 3;
    (s.$defs as { scale: typeof scale }).scale = { ...scale, oneOf: [scale.oneOf[0]!, { const: "ibland", title: "Ibland" } as never, scale.oneOf[2]!] };
    expect(scoreIssues(s)).toEqual([
      { at: "/properties/fragor/x-score", message: "x-score står bara på ett svarsalternativ (en gren i oneOf eller anyOf med const)" },
      { at: "/$defs/scale/oneOf", message: 'Svarsalternativen här: alla svarsalternativ måste ha poäng (x-score) när något har det; "ibland" saknar' },
    ]);
  });

  it("accepts fully scored option lists, single and multiple choice", () => {
    expect(scoreIssues(schemaWith([]))).toEqual([]);
  });
});
