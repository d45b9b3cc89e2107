import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lintReport, structuralIssues } from "../../engine/lint/lint.ts";
import { applyOverlay } from "../../engine/overlay/overlay.ts";
import { run } from "../../engine/cli/main.ts";
import { checkOverlay } from "../../engine/overlay/overlay.ts";
import { indicatorExpressionIssues } from "../../engine/lint/expressions.ts";
import { rulesFor } from "../../engine/rules/evaluate.ts";
import { ROOT, schema } from "../helpers.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";

/** A fresh copy of a real schema, to break in one place as a municipality's analyst might. */
const copy = (name: string, version: string): any => structuredClone(schema(name, version));
const rule = (s: any, id: string): any => s["x-rules"].find((r: any) => r.id === id);
const errors = (s: JsonSchema) => lintReport(s).errors;
const warnings = (s: JsonSchema) => lintReport(s).warnings;

/** A yes/no count of job-seeking difficulties and a risk category over it (as a variant might add). */
const HARD = ["hittaJobb", "skrivaAnsokan", "kontaktaArbetsgivare", "intervju", "resaTillArbete"];
function withRisk(read = "@.summa", cases?: unknown[]): any {
  const s = copy("fia", "2.0.0");
  s["x-rules"].push(
    {
      id: "summa",
      kind: "value",
      title: "Antal svåra delar av jobbsökandet",
      expr: { "+": HARD.map((k) => ({ if: [{ in: [{ var: `arbete.svarighetJobbsokande.${k}` }, ["svart", "mycket_svart"]] }, 1, 0] })) },
    },
    {
      id: "risk",
      kind: "category",
      title: "Risknivå",
      cases: cases ?? [
        { when: { "<=": [{ var: read }, 1] }, value: "lag", label: "Låg" },
        { when: { "<=": [2, { var: read }, 3] }, value: "medel", label: "Medel" },
        { when: { ">=": [{ var: read }, 4] }, value: "hog", label: "Hög" },
      ],
    },
  );
  return s;
}

const REAL: Array<[string, string]> = [
  ["fia", "1.0.0"],
  ["fia", "1.1.0"],
  ["fia", "2.0.0"],
  ["barnahuslogg", "1.0.0"],
  ["barnahuslogg", "2.0.0"],
  ["sue", "1.0.0"],
];

describe("lint: expressions of x-rules and visibleWhen", () => {
  it.each(REAL)("passes %s@%s without errors", (name, version) => {
    const file = `schemas/${name}/${version}.schema.json`;
    const report = lintReport(schema(name, version), { fileName: file });
    expect(report.errors).toEqual([]);
    // The one warning the real schemas have: a log date compared before it is known to be there.
    for (const w of report.warnings) expect(w.message).toMatch(/^Regeln ”senasteAnteckning” använder ”current\.datum” i ”>”/);
  });

  it("passes the effective schema of the FIA example overlay", () => {
    const overlay = JSON.parse(readFileSync(join(ROOT, "schemas/fia/variants/exempelby.overlay.json"), "utf8"));
    const result = applyOverlay(overlay, schema("fia", "1.0.0")) as { schema?: JsonSchema };
    expect(result.schema).toBeDefined();
    expect(lintReport(result.schema!)).toEqual({ errors: [], warnings: [] });
  });

  it("passes a risk category over a sum of earlier results", () => {
    expect(lintReport(withRisk())).toEqual({ errors: [], warnings: [] });
  });

  it("shows why: with @.sumaa the engine puts the highest total in the lowest zone", () => {
    // What happens today without the check: the misspelt reference reads null, and null <= 1.
    const hard = Object.fromEntries(HARD.map((k) => [k, "mycket_svart"]));
    const report = rulesFor(withRisk("@.sumaa")).run({ arbete: { svarighetJobbsokande: hard } }, { explain: false });
    expect(report.results.find((r) => r.id === "summa")!.value).toBe(5);
    expect(report.results.find((r) => r.id === "risk")!.value).toEqual({ code: "lag", label: "Låg" });
  });

  // a. paths
  it("rejects a path that is not in the schema, and suggests the one meant", () => {
    const s = copy("fia", "2.0.0");
    rule(s, "kategori").cases[0].when.and[0]["==="][0].var = "bedomning.stodbehovArbet";
    expect(errors(s)).toEqual([
      {
        at: "/x-rules/2/cases/0/when/and/0/===/0",
        message: "Regeln ”kategori” läser ”bedomning.stodbehovArbet”, som inte finns i schemat — menade du ”bedomning.stodbehovArbete”?",
      },
    ]);
  });

  it("rejects a path in a table row that one of the rows does not have", () => {
    const s = copy("fia", "2.0.0");
    rule(s, "profil").fields.omfattning = { var: "item.value.omfatning" };
    expect(errors(s).map((i) => i.message)).toEqual([
      "Regeln ”profil” läser ”item.value.omfatning”, som inte finns i schemat för ”boende” — menade du ”item.value.omfattning”?",
    ]);
  });

  it("rejects a row path of a per-row check that the rows do not have", () => {
    const s = copy("fia", "2.0.0");
    rule(s, "malHarUppfoljning").assert["!!"][0].var = "row.uppfoljningsdatm";
    expect(errors(s)).toEqual([
      { at: "/x-rules/8/assert/!!/0", message: "Regeln ”malHarUppfoljning” läser ”row.uppfoljningsdatm”, som inte finns i schemat — menade du ”row.uppfoljningsdatum”?" },
    ]);
  });

  it.each(["__proto__", "constructor", "constructor.name", "__proto__.polluted", "meta.constructor", "meta.__proto__.toString", "toString", "hasOwnProperty"])(
    "rejects the inherited path %s (the engine reads own properties only)",
    (path) => {
      const s = copy("fia", "2.0.0");
      s["x-rules"] = [{ id: "las", kind: "value", title: "Läser", expr: { var: path } }];
      expect(errors(s).map((i) => [i.at, i.message.replace(/ — menade du.*/, "")])).toEqual([["/x-rules/0/expr", `Regeln ”las” läser ”${path}”, som inte finns i schemat`]]);
    },
  );

  it("rejects a per-row check over something that is not a list", () => {
    const s = copy("fia", "2.0.0");
    rule(s, "malHarUppfoljning").forEach = "plan.nastaUppfoljning";
    expect(errors(s).map((i) => `${i.at} ${i.message}`)).toEqual([
      "/x-rules/8/forEach Regeln ”malHarUppfoljning” går igenom ”plan.nastaUppfoljning” rad för rad, men det är ingen lista",
    ]);
  });

  it("rejects a path inside a some/map body that the list's items do not have", () => {
    const s = copy("barnahuslogg", "2.0.0");
    rule(s, "skyddsbedomningFinns").assert.some[1]["=="][0].var = "tidpunk";
    expect(errors(s).map((i) => i.message)).toEqual(["Regeln ”skyddsbedomningFinns” läser ”tidpunk”, som inte finns i schemat — menade du ”tidpunkt”?"]);
  });

  it("rejects a visibleWhen path that is not in the schema, naming the field", () => {
    const s = copy("fia", "2.0.0");
    s.$defs.omradeBoende.properties.problemstorlek["x-ui"].visibleWhen.in[0].var = "livssituation.boende.omfatning";
    expect(errors(s)).toEqual([
      {
        at: "/$defs/omradeBoende/properties/problemstorlek/x-ui/visibleWhen/in/0",
        message: "Villkoret för ”livssituation.boende.problemstorlek” läser ”livssituation.boende.omfatning”, som inte finns i schemat — menade du ”livssituation.boende.omfattning”?",
      },
    ]);
  });

  // b. results of other rules
  it("rejects a result reference to a rule that does not exist (the @.sumaa case)", () => {
    const s = withRisk("@.sumaa");
    const found = errors(s);
    expect(found).toHaveLength(3);
    expect(found[0]).toEqual({
      at: "/x-rules/10/cases/0/when/<=/0",
      message: "Regeln ”risk” läser resultatet ”@.sumaa”, men det finns ingen regel ”sumaa” — menade du ”@.summa”?",
    });
  });

  it("rejects a result reference to a later rule", () => {
    const s = withRisk();
    s["x-rules"].splice(9, 0, s["x-rules"].pop());
    expect(errors(s)).toEqual([
      { at: "/x-rules/9/cases/0/when/<=/0", message: "Regeln ”risk” läser resultatet av ”summa”, som kommer senare bland reglerna och därför inte finns ännu (flytta ”summa” före ”risk”)" },
    ]);
  });

  it("rejects rules that read each other's results (a cycle)", () => {
    const s = withRisk();
    rule(s, "summa").expr["+"].push({ if: [{ var: "@.risk" }, 0, 0] });
    expect(errors(s).map((i) => i.message)).toEqual(["Regeln ”summa” läser resultatet av ”risk”, som i sin tur läser ”summa”: en cirkel (summa → risk → summa)"]);
  });

  it("rejects a rule that reads its own result, and one that reads a check's", () => {
    const s = copy("fia", "2.0.0");
    s["x-rules"].push({ id: "antal", kind: "value", title: "Antal", expr: { "+": [{ var: ["@.antal", 0] }, { var: ["@.malHarDelmal", 0] }] } });
    expect(errors(s).map((i) => i.message)).toEqual([
      "Regeln ”antal” läser ”@.malHarDelmal”, men ”malHarDelmal” är en kontroll och ger inget resultat",
      "Regeln ”antal” läser sitt eget resultat ”@.antal”, som inte finns ännu när regeln körs (en cirkel)",
    ]);
  });

  // c. codes
  it("rejects a code that the field does not have", () => {
    const s = copy("fia", "2.0.0");
    rule(s, "profil").fields.galler.in[1] = ["stora", "viss"];
    expect(errors(s)).toEqual([
      {
        at: "/x-rules/0/fields/galler/in/1/0",
        message: "Regeln ”profil” letar efter ”item.value.omfattning” i en lista med \"stora\", som inte är ett av dess värden (\"stor\", \"viss\", \"ingen\", \"osaker\")",
      },
    ]);
  });

  it("rejects a comparison whose type differs from the codes' (the engine compares with ===)", () => {
    const s = copy("fia", "2.0.0");
    rule(s, "kategori").cases[0].when.and[1]["==="][1] = "false";
    expect(errors(s).map((i) => i.message)).toEqual([
      "Regeln ”kategori” jämför ”bedomning.socialtStodbehov” med \"false\", som inte är ett av dess värden (true, false), så jämförelsen är aldrig sann",
      // …and so the case for false/false never holds:
      "Regeln ”kategori” har inget fall som gäller när bedomning.stodbehovArbete är false och bedomning.socialtStodbehov är false: resultatet blir tomt (ingen kategori)",
    ]);
  });

  it("rejects a register code written as a number, in a visibleWhen", () => {
    const s = copy("sue", "1.0.0");
    s.properties.bakgrund = { ...s.properties.bakgrund, "x-ui": { visibleWhen: { "===": [{ var: "bakgrund.hushallstyp" }, 1] } } };
    const found = errors(s);
    expect(found).toHaveLength(1);
    expect(found[0]!.at).toBe("/properties/bakgrund/x-ui/visibleWhen/===/1");
    expect(found[0]!.message).toMatch(/^Villkoret för ”bakgrund” jämför ”bakgrund.hushallstyp” med 1, som inte är ett av dess värden \("1", "3"/);
  });

  it("accepts a loose == between \"1\" and 1, as the engine does", () => {
    const s = copy("sue", "1.0.0");
    s.properties.bakgrund = { ...s.properties.bakgrund, "x-ui": { visibleWhen: { "==": [{ var: "bakgrund.hushallstyp" }, 1] } } };
    expect(errors(s)).toEqual([]);
  });

  // d. operations
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])("rejects the inherited name %s as an operation", (op) => {
    const s = copy("fia", "2.0.0");
    rule(s, "kategori").cases[0].when = JSON.parse(`{"${op}": [{"var": "bedomning.stodbehovArbete"}]}`);
    expect(errors(s)).toEqual([{ at: "/x-rules/2/cases/0/when", message: `Regeln ”kategori” använder operationen ”${op}”, som inte finns` }]);
  });

  it("rejects a misspelt operation and suggests the right one", () => {
    const s = copy("fia", "2.0.0");
    rule(s, "profil").fields.problemstorlek = { iff: [true, 1, 2] };
    expect(errors(s).map((i) => i.message)).toEqual(["Regeln ”profil” använder operationen ”iff”, som inte finns — menade du ”if”?"]);
  });

  // e. values that may be missing
  it("warns (without failing) when a value that may be missing is compared unguarded, and says how to guard", () => {
    const s = copy("fia", "2.0.0");
    const and = rule(s, "indikationArbete").expr.or[1].and as unknown[];
    and.pop(); // drop {"!==": [{"var": "arbete.arbetslivserfarenhetAr"}, null]}
    expect(errors(s)).toEqual([]);
    expect(warnings(s)).toEqual([
      {
        at: "/x-rules/4/expr/or/1/and/1/</0",
        message:
          "Regeln ”indikationArbete” använder ”arbete.arbetslivserfarenhetAr” i ”<”, men värdet kan saknas, och då jämför regeln med null (till exempel är null <= 7 sant). " +
          'Skydda det med {"if": [{"var": "arbete.arbetslivserfarenhetAr"}, …, …]}.',
      },
    ]);
    // A default is a guard too.
    and[1] = { "<": [{ var: ["arbete.arbetslivserfarenhetAr", 0] }, 1] };
    expect(warnings(s)).toEqual([]);
  });

  it("accepts the guards the engine offers: if, and, a default, a check's when, an else after a missing test", () => {
    const x = { var: "arbete.arbetslivserfarenhetAr" };
    const guarded = [
      { if: [x, { "<": [x, 1] }, false] },
      { and: [{ "!==": [x, null] }, { "<": [x, 1] }] },
      { "<": [{ var: ["arbete.arbetslivserfarenhetAr", 0] }, 1] },
      { if: [{ "==": [x, null] }, false, { "<": [x, 1] }] },
      { if: [{ "!": x }, false, { "<": [x, 1] }] },
      { if: [{ missing: ["arbete.arbetslivserfarenhetAr"] }, false, { "<": [x, 1] }] },
    ];
    for (const expr of guarded) {
      const s = copy("fia", "2.0.0");
      s["x-rules"].push({ id: "prov", kind: "indication", title: "Prov", expr });
      expect(lintReport(s), JSON.stringify(expr)).toEqual({ errors: [], warnings: [] });
    }
    const s = copy("fia", "2.0.0");
    s["x-rules"].push({ id: "prov", kind: "check", severity: "warning", title: "Prov", when: { "!!": [x] }, assert: { ">=": [x, 0] }, message: "Prov", pointer: "/arbete" });
    expect(lintReport(s)).toEqual({ errors: [], warnings: [] });
  });

  it("warns on arithmetic with a value that may be missing", () => {
    const s = withRisk();
    rule(s, "summa").expr["+"].push({ var: "arbete.arbetslivserfarenhetAr" });
    expect(warnings(s).map((i) => i.message)).toEqual([
      "Regeln ”summa” använder ”arbete.arbetslivserfarenhetAr” i ”+”, men värdet kan saknas, och då räknar regeln med null (som blir 0 eller NaN). " +
        'Skydda det med {"if": [{"var": "arbete.arbetslivserfarenhetAr"}, …, …]} eller ge det ett standardvärde med {"var": ["arbete.arbetslivserfarenhetAr", 0]}.',
    ]);
  });

  // f. categories
  it("rejects a category with a gap between its ranges", () => {
    const s = withRisk("@.summa", [
      { when: { "<=": [{ var: "@.summa" }, 1] }, value: "lag", label: "Låg" },
      { when: { ">=": [{ var: "@.summa" }, 3] }, value: "hog", label: "Hög" },
    ]);
    expect(errors(s)).toEqual([{ at: "/x-rules/10/cases", message: "Regeln ”risk” har inget fall som gäller när @.summa är 2: resultatet blir tomt (ingen kategori)" }]);
  });

  it("rejects a category whose ranges overlap", () => {
    const s = withRisk("@.summa", [
      { when: { "<=": [{ var: "@.summa" }, 2] }, value: "lag", label: "Låg" },
      { when: { ">=": [{ var: "@.summa" }, 2] }, value: "hog", label: "Hög" },
    ]);
    expect(errors(s)).toEqual([{ at: "/x-rules/10/cases", message: "Regeln ”risk” har fall som överlappar när @.summa är 2: ”lag” och ”hog” gäller båda (det första vinner)" }]);
  });

  it("rejects a category over codes that leaves one code out", () => {
    const s = copy("fia", "2.0.0");
    rule(s, "kategori").cases.pop();
    expect(errors(s).map((i) => i.message)).toEqual([
      "Regeln ”kategori” har inget fall som gäller när bedomning.stodbehovArbete är true och bedomning.socialtStodbehov är true: resultatet blir tomt (ingen kategori)",
    ]);
  });

  // Indicator definitions and overlays
  it("passes SUE's indicator definitions, and rejects a misspelt path, parameter and labelsFrom", () => {
    const def = JSON.parse(readFileSync(join(ROOT, "schemas/sue/1.0.0.indicators.json"), "utf8"));
    const sue = schema("sue", "1.0.0");
    expect(indicatorExpressionIssues(sue, def)).toEqual([]);
    def.groups.kon.expr.var = "bakgrund.konn";
    def.groups.hushallstyp.labelsFrom = "bakgrund.hushall";
    const sanktioner = def.indicators.find((i: any) => i.id === "sanktioner");
    sanktioner.numerator = { ">": [{ var: "underInsats.antalSanktioner" }, { var: "@param.suppressBelw" }] };
    expect(indicatorExpressionIssues(sue, def).map((i) => `${i.at} ${i.message}`)).toEqual([
      "/groups/kon/expr Grupperingen ”kon” läser ”bakgrund.konn”, som inte finns i schemat — menade du ”bakgrund.kon”?",
      "/groups/hushallstyp/labelsFrom Grupperingen ”hushallstyp” läser ”bakgrund.hushall”, som inte finns i schemat",
      "/indicators/4/numerator/>/1 Indikatorn ”sanktioner” läser parametern ”suppressBelw”, som inte finns bland parametrarna — menade du ”suppressBelow”?",
    ]);
  });

  it("passes barnahuslogg's duration indicators, and refuses a duration whose value is never a number", () => {
    const def = JSON.parse(readFileSync(join(ROOT, "schemas/barnahuslogg/2.1.0.indicators.json"), "utf8"));
    const logg = schema("barnahuslogg", "2.1.0");
    expect(indicatorExpressionIssues(logg, def)).toEqual([]);
    const k = def.indicators.findIndex((i: any) => i.kind === "duration");
    expect(k).toBeGreaterThanOrEqual(0);
    const id = def.indicators[k].id;
    // A date field (a string), not the days between two dates.
    def.indicators[k].of = { var: "utredning.avslutsdatum" };
    expect(indicatorExpressionIssues(logg, def).map((i) => `${i.at} ${i.message}`)).toEqual([
      `/indicators/${k}/of Indikatorn ”${id}” räknar ut något som aldrig är ett tal, så det finns ingen median att ge (använd till exempel days_between)`,
    ]);
    // A coded answer is no number either; a day count stays accepted.
    def.indicators[k].of = { var: "utredning.forlangd" };
    expect(indicatorExpressionIssues(logg, def)).toHaveLength(1);
    def.indicators[k].of = { days_between: [{ var: "utredning.beslutUtredning" }, { var: "utredning.avslutsdatum" }] };
    expect(indicatorExpressionIssues(logg, def)).toEqual([]);
  });

  it("makes overlay check refuse a local item whose visibleWhen reads a local item that does not exist", () => {
    const overlay = JSON.parse(readFileSync(join(ROOT, "schemas/fia/variants/exempelby.overlay.json"), "utf8"));
    expect(checkOverlay(overlay, schema("fia", "1.0.0"))).toEqual([]);
    overlay.addItems[1].schema["x-ui"].visibleWhen["=="][0].var = "lokalt.tolkBehov";
    const violations = checkOverlay(overlay, schema("fia", "1.0.0"));
    expect(violations.map((v) => v.rule)).toEqual(["lint"]);
    expect(violations[0]!.message).toContain("Villkoret för ”lokalt.tolkSprak” läser ”lokalt.tolkBehov”, som inte finns i schemat — menade du ”lokalt.tolkBehovs”?");
  });

  // Refusal where schemas are used
  it("makes the compile hook refuse the schema (structuralIssues), errors only", () => {
    expect(structuralIssues(withRisk("@.sumaa")).length).toBe(3);
    const s = copy("fia", "2.0.0");
    rule(s, "indikationArbete").expr.or[1].and.pop();
    expect(structuralIssues(s)).toEqual([]);
  });

  describe("the CLI", () => {
    const dir = mkdtempSync(join(tmpdir(), "blankett-lint-"));
    const broken = join(dir, "risk.schema.json");
    writeFileSync(broken, JSON.stringify(withRisk("@.sumaa")));
    const doc = join(dir, "svar.json");
    writeFileSync(doc, JSON.stringify({ meta: { schema: "fia@2.0.0", status: "draft" } }));
    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await run(args, { out: (l: string) => out.push(l), err: (l: string) => err.push(l) });
      return { code, out: out.join("\n"), err: err.join("\n") };
    };

    it("lint exits 1 and names the rule and the pointer", async () => {
      const r = await cli("lint", broken);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`${broken}: 3 fel`);
      expect(r.out).toContain("  /x-rules/10/cases/0/when/<=/0: Regeln ”risk” läser resultatet ”@.sumaa”, men det finns ingen regel ”sumaa” — menade du ”@.summa”?");
    });

    it("lint checks an indicator definition against the schema beside it", async () => {
      const def = JSON.parse(readFileSync(join(ROOT, "schemas/sue/1.0.0.indicators.json"), "utf8"));
      def.groups.kon.expr.var = "bakgrund.konn";
      const file = join(dir, "1.0.0.indicators.json");
      writeFileSync(file, JSON.stringify(def));
      writeFileSync(join(dir, "1.0.0.schema.json"), JSON.stringify(schema("sue", "1.0.0")));
      const r = await cli("lint", file, join(ROOT, "schemas/sue/1.0.0.indicators.json"));
      expect(r.code).toBe(1);
      expect(r.out).toContain(`${file}: 1 fel\n  /groups/kon/expr: Grupperingen ”kon” läser ”bakgrund.konn”, som inte finns i schemat — menade du ”bakgrund.kon”?`);
      expect(r.out).toContain("schemas/sue/1.0.0.indicators.json: inga fel");
    });

    it("lint prints warnings and exits 0 on warnings only", async () => {
      const r = await cli("lint", join(ROOT, "schemas/barnahuslogg/2.0.0.schema.json"));
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/2\.0\.0\.schema\.json: inga fel, 1 varning\n {2}\/x-rules\/14\/expr\/reduce\/1\/if\/0\/>\/0: Varning: Regeln ”senasteAnteckning”/);
    });

    it.each(["score", "check", "validate"])("%s refuses the schema lint rejects, exit 2, one line, no stack trace", async (command) => {
      const r = await cli(command, broken, doc);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        "Schemat har fel vid /x-rules/10/cases/0/when/<=/0: Regeln ”risk” läser resultatet ”@.sumaa”, men det finns ingen regel ”sumaa” — menade du ”@.summa”? (och 2 fel till)",
      );
    });
  });
});
