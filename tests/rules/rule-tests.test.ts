import { describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../engine/cli/main.ts";
import { applyPatch, mergePatch, parseRuleTests, uncoveredRules, type RuleTests } from "../../engine/rules/ruleTests.ts";
import { ROOT, readJson } from "../helpers.ts";
import type { JsonSchema } from "../../engine/compiler.ts";

/** Every schema version in schemas/, as [instrument, version]. */
const VERSIONS: Array<[string, string]> = readdirSync(join(ROOT, "schemas"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !["types", "validators", "node_modules"].includes(d.name))
  .flatMap((d) =>
    readdirSync(join(ROOT, "schemas", d.name))
      .filter((f) => f.endsWith(".schema.json"))
      .map((f): [string, string] => [d.name, f.slice(0, -".schema.json".length)]),
  )
  .sort();

async function blankett(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), "blankett-rule-tests-"));
let dirs = 0;

/** A copy of a schema version in a directory of its own, with `tests` as its tests file (or none). */
function copy(instrument: string, version: string, tests?: unknown): string {
  const dir = join(tmp, String(dirs++));
  mkdirSync(dir);
  const schema = join(dir, `${version}.schema.json`);
  copyFileSync(join(ROOT, "schemas", instrument, `${version}.schema.json`), schema);
  if (tests !== undefined) writeFileSync(join(dir, `${version}.tests.json`), typeof tests === "string" ? tests : JSON.stringify(tests));
  return schema;
}

const testsOf = (instrument: string, version: string) => readJson<RuleTests & Record<string, any>>(join(ROOT, "schemas", instrument, `${version}.tests.json`));
const schemaOf = (instrument: string, version: string) => readJson<JsonSchema>(join(ROOT, "schemas", instrument, `${version}.schema.json`));

describe("blankett test: every schema version's rule tests pass", () => {
  it("finds the six versions", () => {
    expect(VERSIONS.length).toBeGreaterThanOrEqual(6);
  });

  it.each(VERSIONS)("%s@%s", async (instrument, version) => {
    expect(existsSync(join(ROOT, "schemas", instrument, `${version}.tests.json`)), "every version has a tests file").toBe(true);
    const r = await blankett("test", `${instrument}@${version}`);
    expect(r.code, [...r.out, ...r.err].join("\n")).toBe(0);
    const n = testsOf(instrument, version).cases.length;
    expect(r.out.at(-1)).toBe(`${instrument}@${version}: ${n} fall, ${n} ok, 0 fel`);
    expect(r.out.filter((l) => l.startsWith("ok "))).toHaveLength(n);
  });

  it.each(VERSIONS)("%s@%s: every rule is named by some case", (instrument, version) => {
    const schema = schemaOf(instrument, version);
    expect(uncoveredRules(schema, parseRuleTests(testsOf(instrument, version), schema))).toEqual([]);
  });

  it("runs the tests file beside a schema file (same version stem)", async () => {
    const r = await blankett("test", copy("fia", "1.0.0", testsOf("fia", "1.0.0")));
    expect(r.code).toBe(0);
  });
});

describe("blankett test: a wrong expectation fails (exit 1) naming the case and the rule", () => {
  it("a category result", async () => {
    const tests = testsOf("fia", "1.0.0");
    const c = tests.cases.find((x) => (x.expect.results?.kategori as { code?: string } | undefined)?.code === "stod_arbete_socialt" && x.base === "interview-2")!;
    c.expect.results!.kategori = { code: "ej_stod_arbete_socialt" };
    const r = await blankett("test", copy("fia", "1.0.0", tests));
    expect(r.code).toBe(1);
    const at = r.out.indexOf(`fel  ${c.name}`);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(r.out[at + 1]).toBe('       regel kategori: väntat "ej_stod_arbete_socialt", fick "stod_arbete_socialt"');
    const n = tests.cases.length;
    expect(r.out.at(-1)).toBe(`fia@1.0.0: ${n} fall, ${n - 1} ok, 1 fel`);
    // The answers are never printed, only results: interview-2's interviewer and free text stay out.
    expect(r.out.join("\n")).not.toMatch(/Ahmed Karimi|truckförare/);
  });

  it("an indication, a value and a table row", async () => {
    const tests = testsOf("fia", "1.0.0");
    const c = tests.cases.find((x: any) => x.base === "interview-1")!;
    c.expect.results!.indikationArbete = { indication: false };
    c.expect.results!.omradenMedProblem = { value: ["boende"] };
    (c.expect.results!.profil as any).rows.skulder.rang = 2;
    const r = await blankett("test", copy("fia", "1.0.0", tests));
    expect(r.code).toBe(1);
    const at = r.out.indexOf(`fel  ${c.name}`);
    expect(r.out.slice(at + 1, at + 4)).toEqual([
      "       regel omradenMedProblem: väntat [\"boende\"], fick [\"boende\",\"situationen_hemma\",\"socialt_natverk\",\"psykisk_halsa\",\"overgrepp_tvang\",\"skulder\",\"narstaendes_problem\"]",
      "       regel profil, raden skulder, rang: väntat 2, fick 1",
      "       regel indikationArbete: väntat false, fick true",
    ]);
  });

  it("a finding expected but not made, and one made but not expected", async () => {
    const tests = testsOf("barnahuslogg", "1.0.0");
    const c = tests.cases[0]!;
    c.expect.findings = c.expect.findings!.filter((f) => f.rule !== "barnetsOnskemal");
    c.expect.findings.push({ rule: "fyraManader", severity: "warning" });
    const r = await blankett("test", copy("barnahuslogg", "1.0.0", tests));
    expect(r.code).toBe(1);
    const at = r.out.indexOf(`fel  ${c.name}`);
    expect(r.out.slice(at + 1, at + 3)).toEqual(["       fynd saknas: fyraManader (varning)", "       oväntat fynd: barnetsOnskemal (varning) /handelser: Loggen säger inget om barnets egna önskemål. Skriv in vad barnet ville, eller att barnet fick frågan."]);
  });

  it("a validation error (SUE, no rules)", async () => {
    const tests = testsOf("sue", "1.0.0");
    const c = tests.cases.find((x) => x.name.startsWith("manader-13"))!;
    c.expect.validation = [{ pointer: "/efterInsats/manaderMedBistandKalenderar", keyword: "minimum" }];
    const r = await blankett("test", copy("sue", "1.0.0", tests));
    expect(r.code).toBe(1);
    const at = r.out.indexOf(`fel  ${c.name}`);
    expect(r.out.slice(at + 1, at + 3)).toEqual([
      "       valideringsfel saknas: /efterInsats/manaderMedBistandKalenderar (minimum)",
      "       oväntat valideringsfel: /efterInsats/manaderMedBistandKalenderar (maximum)",
    ]);
  });
});

describe("blankett test: unusable input (exit 2, one line)", () => {
  const minimal = (extra: Record<string, unknown> = {}) => ({
    schema: "fia@1.0.0",
    cases: [{ name: "ett fall", answers: { meta: { schema: "fia@1.0.0" } }, expect: { results: { kategori: { code: null } } } }],
    ...extra,
  });

  it.each<[string, unknown, RegExp]>([
    ["no tests file", undefined, /Ingen testfil för .*1\.0\.0\.tests\.json finns inte/],
    ["not JSON", "{", /inte giltig JSON/],
    ["not the format", { schema: "fia@1.0.0", cases: [{ name: "x" }] }, /följer inte formatet i rule-tests\.meta\.json vid \/cases\/0: required/],
    ["an unknown key", minimal({ extra: 1 }), /följer inte formatet.*additionalProperties \(”extra”\)/],
    ["another version", minimal({ schema: "fia@2.0.0" }), /Testfilen gäller fia@2\.0\.0, men schemat är fia@1\.0\.0/],
    [
      "an unknown rule",
      { schema: "fia@1.0.0", cases: [{ name: "ett fall", answers: {}, expect: { results: { kategorin: { code: null } } } }] },
      /Fall 1 \(”ett fall”\): regeln ”kategorin” finns inte i fia@1\.0\.0/,
    ],
    [
      "an expectation that does not suit the rule",
      { schema: "fia@1.0.0", cases: [{ name: "ett fall", answers: {}, expect: { results: { indikationArbete: { code: "x" } } } }] },
      /”code” passar bara en kategoriregel, men ”indikationArbete” är av slaget indication/,
    ],
    ["a missing base", { schema: "fia@1.0.0", cases: [{ name: "ett fall", base: "nagon", expect: { valid: true } }] }, /grunddokumentet ”nagon” finns inte/],
    [
      "two cases with one name",
      { schema: "fia@1.0.0", cases: [0, 1].map(() => ({ name: "samma", answers: {}, expect: { valid: false } })) },
      /Fall 2 \(”samma”\): namnet finns redan/,
    ],
    [
      "a patch path that is not there",
      { schema: "fia@1.0.0", cases: [{ name: "ett fall", answers: {}, patch: [{ op: "replace", path: "/plan/mal/0", value: 1 }], expect: { valid: false } }] },
      /Fall ”ett fall”: svaren går inte att bygga: replace \/plan\/mal\/0: sökvägen finns inte \(”plan”\)/,
    ],
  ])("%s", async (_what, tests, message) => {
    const r = await blankett("test", copy("fia", "1.0.0", tests));
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
  });

  it("a schema file not named <version>.schema.json", async () => {
    const file = join(tmp, "fia.json");
    copyFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), file);
    const r = await blankett("test", file);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/ska heta <version>\.schema\.json/);
  });

  it("no argument, and an unknown instrument", async () => {
    expect((await blankett("test")).code).toBe(2);
    const r = await blankett("test", "finnsinte@1.0.0");
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/Okänt formulär/);
  });
});

describe("building the answers", () => {
  it("merge patch: objects merge, null removes, arrays replace; __proto__ stays data", () => {
    const base = { a: { b: 1, c: 2 }, l: [1, 2] };
    expect(mergePatch(base, { a: { c: null, d: 3 }, l: [9] })).toEqual({ a: { b: 1, d: 3 }, l: [9] });
    const polluted = mergePatch({}, JSON.parse('{"__proto__": {"x": 1}}')) as Record<string, unknown>;
    expect(Object.hasOwn(polluted, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("JSON Patch: add inserts or appends, remove and replace need the target", () => {
    const doc = { l: [1, 2], o: { "a/b": 1 } };
    expect(applyPatch(structuredClone(doc), [{ op: "add", path: "/l/-", value: 3 }, { op: "add", path: "/l/0", value: 0 }])).toEqual({ l: [0, 1, 2, 3], o: { "a/b": 1 } });
    expect(applyPatch(structuredClone(doc), [{ op: "remove", path: "/o/a~1b" }, { op: "replace", path: "/l/1", value: 5 }])).toEqual({ l: [1, 5], o: {} });
    expect(() => applyPatch(structuredClone(doc), [{ op: "remove", path: "/l/2" }])).toThrow(/index 2 finns inte/);
    expect(() => applyPatch(structuredClone(doc), [{ op: "replace", path: "/o/x", value: 1 }])).toThrow(/nyckeln ”x” finns inte/);
  });
});

describe("uncoveredRules", () => {
  it("lists the rules no case names, in the schema's order", () => {
    const schema = schemaOf("fia", "1.0.0");
    const tests = parseRuleTests(
      { schema: "fia@1.0.0", cases: [{ name: "ett fall", answers: {}, expect: { results: { kategori: { code: null } }, findingsExclude: ["malHarDelmal"] } }] },
      schema,
    );
    expect(uncoveredRules(schema, tests)).toEqual(["profil", "omradenMedProblem", "indikationSocialt", "indikationArbete", "uppfoljningEfterIntervju", "nastaUppfoljningEfterIntervju", "malHarUppfoljning"]);
  });
});
