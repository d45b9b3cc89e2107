import type { ValidateFunction } from "ajv";
import { kindModule } from "./kinds/index.ts";
import { definitionsAjv } from "../validation/ajv.ts";
import { checkDocument } from "./check.ts";
import type { Finding, RuleDefinition, RuleResult } from "./types.ts";
import { isSchemaObject as isObject, type JsonSchema } from "../schema/types.ts";
import type { ValidationMode } from "../validation/validator.ts";
import ruleTestsMeta from "@blankett/schemas/rule-tests.meta.json" with { type: "json" };

/**
 * Rule tests as data: `<semver>.tests.json` beside a schema version (schemas/README.md, "Rule
 * tests"; format schemas/rule-tests.meta.json). Each case builds a synthetic answer document,
 * runs validation and the rules on it (checkDocument), and compares what it expects.
 */

export interface FindingExpectation {
  rule: string;
  severity: "error" | "warning";
  pointer?: string;
  message?: string;
}

export type ResultExpectation =
  | { value: unknown }
  | { code: string | null; label?: string }
  | { indication: boolean }
  | { rows: Record<string, Record<string, unknown>> };

export interface PatchOperation {
  op: "add" | "remove" | "replace";
  path: string;
  value?: unknown;
}

export interface RuleTestCase {
  name: string;
  description?: string;
  base?: string;
  answers?: Record<string, unknown>;
  patch?: PatchOperation[];
  mode?: ValidationMode;
  expect: {
    valid?: boolean;
    validation?: Array<{ pointer: string; keyword: string }>;
    results?: Record<string, ResultExpectation>;
    findings?: FindingExpectation[];
    findingsInclude?: FindingExpectation[];
    findingsExclude?: string[];
  };
}

export interface RuleTests {
  schema: string;
  description?: string;
  bases?: Record<string, { description?: string; answers: Record<string, unknown> }>;
  cases: RuleTestCase[];
}

/** A tests file that cannot be used as it is (the CLI: exit 2). The message is Swedish. */
export class RuleTestsError extends Error {}

/** One difference between what a case expected and what it got, in Swedish. */
export interface Difference {
  /** The rule id, or "validering" for schema validation. */
  rule: string;
  text: string;
}

export interface CaseOutcome {
  name: string;
  ok: boolean;
  differences: Difference[];
}

let check: ValidateFunction | undefined;

/** The version stamp of a schema: `<instrument>@<semver>`, from x-instrument. */
function stampOf(schema: JsonSchema): string | undefined {
  const inst = schema["x-instrument"] as { name?: unknown; version?: unknown } | undefined;
  return typeof inst?.name === "string" && typeof inst.version === "string" ? `${inst.name}@${inst.version}` : undefined;
}

function rulesOf(schema: JsonSchema): RuleDefinition[] {
  return Array.isArray(schema["x-rules"]) ? (schema["x-rules"] as RuleDefinition[]) : [];
}

const EXPECTATION_KIND: Record<string, string> = { code: "category", indication: "indication", rows: "table" };

/**
 * Checks a tests file against rule-tests.meta.json and against the schema it tests: the version
 * stamp agrees, every base named exists, every rule named exists and each expectation suits the
 * rule's kind, and case names are unique. Throws RuleTestsError (in Swedish) otherwise.
 */
export function parseRuleTests(data: unknown, schema: JsonSchema): RuleTests {
  check ??= definitionsAjv().compile(ruleTestsMeta);
  if (!check(data)) {
    const e = check.errors![0]!;
    const where = e.instancePath || "/";
    const more = e.keyword === "additionalProperties" ? ` (”${String((e.params as { additionalProperty?: unknown }).additionalProperty).slice(0, 60)}”)` : "";
    throw new RuleTestsError(`Testfilen följer inte formatet i rule-tests.meta.json vid ${where}: ${e.keyword}${more}`);
  }
  const tests = data as RuleTests;
  const stamp = stampOf(schema);
  if (stamp !== tests.schema) throw new RuleTestsError(`Testfilen gäller ${tests.schema}, men schemat är ${stamp ?? "utan x-instrument"}`);
  const rules = new Map(rulesOf(schema).map((r) => [r.id, r]));
  const names = new Set<string>();
  tests.cases.forEach((c, i) => {
    const where = `Fall ${i + 1} (”${c.name}”)`;
    if (names.has(c.name)) throw new RuleTestsError(`${where}: namnet finns redan i ett annat fall`);
    names.add(c.name);
    if (c.base !== undefined && !Object.hasOwn(tests.bases ?? {}, c.base)) throw new RuleTestsError(`${where}: grunddokumentet ”${c.base}” finns inte under bases`);
    const known = (id: string) => {
      if (!rules.has(id)) throw new RuleTestsError(`${where}: regeln ”${id}” finns inte i ${stamp}`);
      return rules.get(id)!;
    };
    for (const [id, e] of Object.entries(c.expect.results ?? {})) {
      const rule = known(id);
      const module = kindModule(rule.kind);
      if (module && !module.givesResult) throw new RuleTestsError(`${where}: ”${id}” är ${module.word}; den ger fynd, inget resultat`);
      const key = Object.keys(e)[0]!;
      const wanted = EXPECTATION_KIND[key];
      if (wanted && rule.kind !== wanted) throw new RuleTestsError(`${where}: ”${key}” passar bara ${kindModule(wanted)?.word ?? wanted}, men ”${id}” är av slaget ${rule.kind}`);
    }
    for (const f of [...(c.expect.findings ?? []), ...(c.expect.findingsInclude ?? [])]) known(f.rule);
    for (const id of c.expect.findingsExclude ?? []) known(id);
  });
  return tests;
}

// --- building the answers -------------------------------------------------------------------

/** Sets an own property, so a key such as "__proto__" is data, never a prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** JSON Merge Patch (RFC 7386); the patch is never shared with the result. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObject(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else setOwn(out, key, mergePatch(Object.hasOwn(out, key) ? out[key] : undefined, value));
  }
  return out;
}

function unescapeToken(t: string): string {
  return t.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** JSON Patch (RFC 6902): add, remove and replace. Throws RuleTestsError naming the path. */
export function applyPatch(doc: unknown, ops: PatchOperation[]): unknown {
  let root = doc;
  for (const op of ops) {
    const tokens = op.path === "" ? [] : op.path.slice(1).split("/").map(unescapeToken);
    const fail = (why: string): never => {
      throw new RuleTestsError(`${op.op} ${op.path}: ${why}`);
    };
    if (tokens.length === 0) {
      if (op.op === "remove") fail("hela dokumentet kan inte tas bort");
      root = structuredClone(op.value);
      continue;
    }
    let parent: unknown = root;
    for (const t of tokens.slice(0, -1)) {
      if (Array.isArray(parent) && /^(0|[1-9]\d*)$/.test(t) && Number(t) < parent.length) parent = parent[Number(t)];
      else if (isObject(parent) && Object.hasOwn(parent, t)) parent = parent[t];
      else fail(`sökvägen finns inte (”${t.slice(0, 60)}”)`);
    }
    const last = tokens[tokens.length - 1]!;
    if (Array.isArray(parent)) {
      const append = op.op === "add" && last === "-";
      if (!append && !/^(0|[1-9]\d*)$/.test(last)) fail("ett listindex väntades");
      const i = append ? parent.length : Number(last);
      const limit = op.op === "add" ? parent.length : parent.length - 1;
      if (i > limit) fail(`index ${i} finns inte (listan har ${parent.length} rader)`);
      if (op.op === "add") parent.splice(i, 0, structuredClone(op.value));
      else if (op.op === "remove") parent.splice(i, 1);
      else parent[i] = structuredClone(op.value);
    } else if (isObject(parent)) {
      if (op.op !== "add" && !Object.hasOwn(parent, last)) fail(`nyckeln ”${last.slice(0, 60)}” finns inte`);
      if (op.op === "remove") delete parent[last];
      else setOwn(parent, last, structuredClone(op.value));
    } else fail("sökvägen går inte in i ett objekt eller en lista");
  }
  return root;
}

/** The case's answer document: its base (copied) with `answers` merged on, then `patch`. */
export function caseDocument(tests: RuleTests, c: RuleTestCase): unknown {
  let doc: unknown;
  if (c.base !== undefined) {
    doc = structuredClone(tests.bases![c.base]!.answers);
    if (c.answers) doc = mergePatch(doc, c.answers);
  } else doc = structuredClone(c.answers);
  return c.patch ? applyPatch(doc, c.patch) : doc;
}

// --- comparing ------------------------------------------------------------------------------

/** Equality of JSON values; key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** A result value or expectation in one line (these are synthetic test answers). */
function shown(v: unknown): string {
  const s = v === undefined ? "inget" : JSON.stringify(v);
  return s.length > 300 ? s.slice(0, 297) + "…" : s;
}

const SEVERITY: Record<string, string> = { error: "fel", warning: "varning" };

function findingLine(f: { rule: string; severity: string; pointer?: string; message?: string }): string {
  return `${f.rule} (${SEVERITY[f.severity] ?? f.severity})${f.pointer !== undefined ? " " + (f.pointer || "/") : ""}${f.message !== undefined ? ": " + f.message : ""}`;
}

function findingMatches(e: FindingExpectation, f: Finding): boolean {
  return e.rule === f.rule && e.severity === f.severity && (e.pointer === undefined || e.pointer === f.pointer) && (e.message === undefined || e.message === f.message);
}

/** Each expectation paired with a distinct finding; what is left over on either side. */
function pairFindings(expected: FindingExpectation[], got: Finding[]): { missing: FindingExpectation[]; extra: Finding[] } {
  const left = [...got];
  const missing: FindingExpectation[] = [];
  // The most specific expectations take their finding first, so a looser one cannot steal it.
  const specificity = (e: FindingExpectation) => (e.pointer !== undefined ? 1 : 0) + (e.message !== undefined ? 1 : 0);
  for (const e of [...expected].sort((a, b) => specificity(b) - specificity(a))) {
    const i = left.findIndex((f) => findingMatches(e, f));
    if (i < 0) missing.push(e);
    else left.splice(i, 1);
  }
  return { missing, extra: left };
}

function compareResult(id: string, e: ResultExpectation, r: RuleResult | undefined, out: Difference[]): void {
  const differ = (expected: unknown, got: unknown) => out.push({ rule: id, text: `regel ${id}: väntat ${shown(expected)}, fick ${shown(got)}` });
  if (!r) {
    out.push({ rule: id, text: `regel ${id}: gav inget resultat` });
    return;
  }
  if ("value" in e) {
    if (!jsonEqual(e.value, r.value)) differ(e.value, r.value);
  } else if ("indication" in e) {
    if (r.value !== e.indication) differ(e.indication, r.value);
  } else if ("code" in e) {
    const got = r.value as { code?: unknown; label?: unknown } | null;
    const gotCode = got === null ? null : got.code;
    if (gotCode !== e.code || (e.label !== undefined && got?.label !== e.label)) differ(e.label === undefined ? e.code : { code: e.code, label: e.label }, e.label === undefined ? gotCode : got);
  } else {
    const rows = Array.isArray(r.value) ? (r.value as Array<Record<string, unknown>>) : [];
    for (const [code, fields] of Object.entries(e.rows)) {
      const row = rows.find((x) => x.code === code);
      if (!row) {
        out.push({ rule: id, text: `regel ${id}, raden ${code}: finns inte` });
        continue;
      }
      for (const [field, v] of Object.entries(fields)) {
        if (!jsonEqual(v, row[field])) out.push({ rule: id, text: `regel ${id}, raden ${code}, ${field}: väntat ${shown(v)}, fick ${shown(row[field])}` });
      }
    }
  }
}

/** Runs one case. A base or patch that cannot be applied is a RuleTestsError. */
export function runCase(schema: JsonSchema, tests: RuleTests, c: RuleTestCase): CaseOutcome {
  let doc: unknown;
  try {
    doc = caseDocument(tests, c);
  } catch (e) {
    if (e instanceof RuleTestsError) throw new RuleTestsError(`Fall ”${c.name}”: svaren går inte att bygga: ${e.message}`);
    throw e;
  }
  const report = checkDocument(schema, doc, c.mode ?? "complete", { explain: false });
  const findings = [...report.errors.filter((x): x is Finding => "rule" in x), ...report.warnings];
  const validation = report.errors.filter((x) => !("rule" in x)) as Array<{ pointer: string; keyword: string }>;
  const out: Difference[] = [];
  const x = c.expect;

  if (x.valid !== undefined && x.valid !== (validation.length === 0 && !report.refused)) {
    const yes = (b: boolean) => (b ? "giltigt" : "ogiltigt");
    out.push({ rule: "validering", text: `validering: väntat ${yes(x.valid)}, fick ${yes(!x.valid)}${validation.length ? ` (${validation.length} fel, först ${validation[0]!.pointer || "/"} ${validation[0]!.keyword})` : ""}` });
  }
  if (x.validation) {
    const left = [...validation];
    for (const e of x.validation) {
      const i = left.findIndex((v) => v.pointer === e.pointer && v.keyword === e.keyword);
      if (i < 0) out.push({ rule: "validering", text: `valideringsfel saknas: ${e.pointer || "/"} (${e.keyword})` });
      else left.splice(i, 1);
    }
    for (const v of left) out.push({ rule: "validering", text: `oväntat valideringsfel: ${v.pointer || "/"} (${v.keyword})` });
  }
  for (const [id, e] of Object.entries(x.results ?? {})) {
    compareResult(
      id,
      e,
      report.results.find((r) => r.id === id),
      out,
    );
  }
  if (x.findings) {
    const { missing, extra } = pairFindings(x.findings, findings);
    for (const m of missing) out.push({ rule: m.rule, text: `fynd saknas: ${findingLine(m)}` });
    for (const f of extra) out.push({ rule: f.rule, text: `oväntat fynd: ${findingLine(f)}` });
  }
  if (x.findingsInclude) {
    for (const m of pairFindings(x.findingsInclude, findings).missing) out.push({ rule: m.rule, text: `fynd saknas: ${findingLine(m)}` });
  }
  for (const id of x.findingsExclude ?? []) {
    for (const f of findings.filter((y) => y.rule === id)) out.push({ rule: id, text: `oväntat fynd: ${findingLine(f)}` });
  }
  return { name: c.name, ok: out.length === 0, differences: out };
}

/** Runs every case, in order. */
export function runRuleTests(schema: JsonSchema, tests: RuleTests): CaseOutcome[] {
  return tests.cases.map((c) => runCase(schema, tests, c));
}

/**
 * The ids of the schema's rules that no case names: not in `results`, and not as the rule of an
 * expected finding (`findings`, `findingsInclude`, `findingsExclude`). For `blankett lint`: a rule
 * no case covers can change without a test noticing.
 */
export function uncoveredRules(schema: JsonSchema, tests: RuleTests): string[] {
  const covered = new Set<string>();
  for (const c of tests.cases) {
    for (const id of Object.keys(c.expect.results ?? {})) covered.add(id);
    for (const f of [...(c.expect.findings ?? []), ...(c.expect.findingsInclude ?? [])]) covered.add(f.rule);
    for (const id of c.expect.findingsExclude ?? []) covered.add(id);
  }
  return rulesOf(schema)
    .map((r) => r.id)
    .filter((id) => !covered.has(id));
}
