/**
 * Rule kinds as a vocabulary (issue 11 point 7): one module per kind in engine/rules/kinds/, each
 * compiling its kind for the engine and type-checking it for lint; the registry and the
 * meta-schema's list of kinds agree.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RULE_KINDS } from "../../engine/rules/kinds/index.ts";
import { BASE, BOOLEAN, KNOWN, UNKNOWN, type CheckContext, type CompileContext, type Frame, type Shape } from "../../engine/rules/kinds/kind.ts";
import { CompiledRules, rulesFor } from "../../engine/rules/evaluate.ts";
import { explainer, scopeGetter } from "../../engine/rules/explain.ts";
import { compileWith } from "../../engine/rules/logic/compile.ts";
import { scopeRoot, type Scope } from "../../engine/rules/logic/scope.ts";
import { expressionIssues } from "../../engine/lint/expressions.ts";
import { lintSchema, type JsonSchema } from "../../engine/compiler.ts";
import type { RuleDefinition, RulesReport } from "../../engine/rules/types.ts";
import { ROOT } from "../helpers.ts";

const meta = JSON.parse(readFileSync(join(ROOT, "schemas/hints.meta.json"), "utf8"));
const ruleMeta = meta.$defs.rule;

/** A compile context as the engine's, without scores; results go straight into the report. */
function compileContext(def: RuleDefinition): CompileContext {
  return {
    compile: (expr, names = BASE) => compileWith(expr, scopeRoot(names)),
    rootOf: (names) => scopeRoot(names),
    compileWithRoot: (expr, root) => compileWith(expr, root),
    compileAll: (exprs, names) => Object.entries(exprs ?? {}).map(([k, v]) => [k, compileWith(v, scopeRoot(names))]),
    read: (path) => scopeGetter(path, BASE),
    explainer: (names = BASE) => explainer(def, names),
    publish(scope, report, value) {
      report.results.push({ id: def.id, kind: def.kind as "value", title: def.title, value });
      (scope.values[0] as Record<string, unknown>)[def.id] = value;
    },
  };
}

function runDirect(def: RuleDefinition, doc: object): RulesReport {
  const runner = RULE_KINDS[def.kind].compile(def as never, compileContext(def));
  const report: RulesReport = { results: [], findings: [] };
  const scope: Scope = { doc, values: [{}] };
  runner(scope, report, true);
  return report;
}

/** A check context that records what the kind asks of it; every read gives `read`. */
function checkContext(rule: RuleDefinition, read: Shape = KNOWN) {
  const def = rule as unknown as Record<string, unknown>;
  const calls: string[] = [];
  const errors: Array<{ at: string; message: string }> = [];
  const base: Frame = { names: { "@": UNKNOWN }, doc: { absent: false }, rule: 0 };
  const ctx: CheckContext = {
    at: "/x-rules/0",
    base,
    frame: (names) => ({ ...base, names: { ...base.names, ...names } }),
    expr: (key, frame = base) => {
      calls.push(`expr ${key} ${Object.keys(frame.names).join(",")}`);
      return def[key] === undefined ? undefined : read;
    },
    dotPath: (key) => {
      calls.push(`dotPath ${key}`);
      return typeof def[key] === "string" ? read : undefined;
    },
    infer: (_e, at, frame) => {
      calls.push(`infer ${at} ${Object.keys(frame.names).join(",")}`);
      return read;
    },
    readVar: (path) => {
      calls.push(`readVar ${path}`);
      return read;
    },
    ensured: () => new Set(),
    cases: (cases) => calls.push(`cases ${cases.length}`),
    error: (at, message) => errors.push({ at, message }),
    warn: () => {},
    elementOf: () => KNOWN,
    markAbsent: (shape) => ({ ...shape, absent: true }),
    typesOf: () => [],
  };
  return { ctx, calls, errors };
}

afterEach(() => vi.restoreAllMocks());

describe("the registry of rule kinds", () => {
  it("has a module for every kind in hints.meta.json's rule, and no other", () => {
    const kinds: string[] = ruleMeta.properties.kind.enum;
    expect(Object.keys(RULE_KINDS).sort()).toEqual([...kinds].sort());
    for (const kind of kinds) {
      const module = RULE_KINDS[kind as keyof typeof RULE_KINDS];
      expect(typeof module.compile, kind).toBe("function");
      expect(typeof module.check, kind).toBe("function");
      expect(module.word, kind).toMatch(/^(en|ett) [a-zåäö]+$/);
    }
  });

  it("has the meta-schema's if/then of required fields for every kind", () => {
    const withThen = (ruleMeta.allOf as Array<{ if: { properties: { kind: { const: string } } } }>).map((a) => a.if.properties.kind.const);
    expect(withThen.sort()).toEqual(Object.keys(RULE_KINDS).sort());
  });

  it("refuses an unknown kind in Swedish: lint through the meta-schema, the engine when compiling", () => {
    const schema: JsonSchema = { type: "object", properties: { a: { type: "integer" } }, "x-rules": [{ id: "r", kind: "summa", title: "R", expr: 1 }] };
    const issues = lintSchema(schema);
    expect(issues).toContainEqual({ at: "/x-rules/0/kind", message: expect.stringMatching(/måste vara ett av: value, table, category, indication, check/) });
    expect(expressionIssues(schema)).toEqual([]);
    expect(() => rulesFor(schema)).toThrow(/Regeln ”r” är av slaget ”summa”, som inte finns/);
  });

  it("lets lint refuse reading the result of a kind that gives none, named by the kind's word", () => {
    expect(Object.entries(RULE_KINDS).filter(([, m]) => !m.givesResult).map(([k]) => k)).toEqual(["check"]);
    const schema: JsonSchema = {
      type: "object",
      properties: { a: { type: "integer" } },
      "x-rules": [
        { id: "k", kind: "check", title: "K", severity: "error", assert: true, message: "K", pointer: "/a" },
        { id: "v", kind: "value", title: "V", expr: { var: "@.k" } },
      ],
    };
    expect(expressionIssues(schema).map((i) => i.message)).toEqual(["Regeln ”v” läser ”@.k”, men ”k” är en kontroll och ger inget resultat"]);
  });

  it("compiles and checks each rule through its kind's module", () => {
    const compile = vi.spyOn(RULE_KINDS.category, "compile");
    const check = vi.spyOn(RULE_KINDS.category, "check");
    const def = { id: "k", kind: "category" as const, title: "K", cases: [{ when: { ">": [{ var: "a" }, 1] }, value: "hog", label: "Hög" }, { when: true, value: "lag", label: "Låg" }] };
    const rules = new CompiledRules([def]);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(rules.run({ a: 2 }).results[0]!.value).toEqual({ code: "hog", label: "Hög" });
    expressionIssues({ type: "object", properties: { a: { type: "integer" } }, "x-rules": [def] });
    expect(check).toHaveBeenCalledTimes(1);
  });
});

describe("each kind's module, called directly", () => {
  it("value: the expression's value, null when it gives nothing; checked as its expression", () => {
    const def: RuleDefinition = { id: "v", kind: "value", title: "V", expr: { "+": [{ var: "a" }, 1] } };
    expect(runDirect(def, { a: 2 }).results).toEqual([{ id: "v", kind: "value", title: "V", value: 3 }]);
    expect(runDirect({ ...def, expr: { var: "saknas" } }, {}).results[0]!.value).toBeNull();
    const { ctx, calls } = checkContext(def, BOOLEAN);
    expect(RULE_KINDS.value.check(def, ctx)).toBe(BOOLEAN);
    expect(calls).toEqual(["expr expr @"]);
  });

  it("indication: true/false, a warning where the judgement differs; checked as expression and judgement path", () => {
    const def: RuleDefinition = { id: "i", kind: "indication", title: "Behov", expr: { var: "a" }, judgement: "bedomning.behov" };
    const report = runDirect(def, { a: 1, bedomning: { behov: false } });
    expect(report.results[0]!.value).toBe(true);
    expect(report.findings).toMatchObject([{ rule: "i", severity: "warning", pointer: "/bedomning/behov", message: "Bedömningen skiljer sig från indikationen ”Behov”" }]);
    expect(runDirect(def, { a: 1, bedomning: { behov: true } }).findings).toEqual([]);
    const { ctx, calls } = checkContext(def);
    expect(RULE_KINDS.indication.check(def, ctx)).toEqual(BOOLEAN);
    expect(calls).toEqual(["expr expr @", "dotPath judgement"]);
  });

  it("category: the first case that holds, or null; checked case by case and for gaps", () => {
    const def: RuleDefinition = {
      id: "c",
      kind: "category",
      title: "C",
      cases: [
        { when: { "<": [{ var: "a" }, 5] }, value: "lag", label: "Låg" },
        { when: { ">=": [{ var: "a" }, 5] }, value: "hog", label: "Hög" },
      ],
    };
    expect(runDirect(def, { a: 7 }).results[0]!.value).toEqual({ code: "hog", label: "Hög" });
    expect(runDirect({ ...def, cases: def.cases.slice(0, 1) }, { a: 7 }).results[0]!.value).toBeNull();
    const { ctx, calls } = checkContext(def);
    expect(RULE_KINDS.category.check(def, ctx)).toEqual({ absent: true, fields: { code: { absent: false, codes: ["lag", "hog"] }, label: KNOWN } });
    expect(calls).toEqual(["infer /x-rules/0/cases/0/when @", "infer /x-rules/0/cases/1/when @", "cases 2"]);
  });

  it("table: a row per item with its fields; checked with item in scope, summary columns among the fields", () => {
    const def: RuleDefinition = {
      id: "t",
      kind: "table",
      title: "T",
      each: [
        { code: "x", label: "X", path: "svar.x" },
        { code: "y", label: "Y", path: "svar.y" },
      ],
      fields: { dubbel: { "*": [{ var: "item.value" }, 2] } },
      summary: { rowHeading: "Område", columns: [{ field: "dubbel", heading: "Dubbelt" }, { field: "saknas", heading: "Saknas" }] },
    };
    expect(runDirect(def, { svar: { x: 1, y: 4 } }).results[0]!.value).toEqual([
      { code: "x", label: "X", dubbel: 2 },
      { code: "y", label: "Y", dubbel: 8 },
    ]);
    const { ctx, calls, errors } = checkContext(def);
    const shape = RULE_KINDS.table.check(def, ctx);
    expect(shape?.items?.fields && Object.keys(shape.items.fields)).toEqual(["code", "label", "dubbel"]);
    expect(calls).toEqual(["readVar svar.x", "readVar svar.y", "infer /x-rules/0/fields/dubbel @,item"]);
    expect(errors).toEqual([{ at: "/x-rules/0/summary/columns/1/field", message: "visar kolumnen ”saknas”, som inte är ett av tabellens fält" }]);
  });

  it("check: a finding per failing row with {index} and {number}; checked per row with row, prev and index", () => {
    const def: RuleDefinition = {
      id: "k",
      kind: "check",
      title: "K",
      severity: "warning",
      forEach: "rader",
      assert: { ">": [{ var: "row.n" }, 0] },
      message: "Rad {number} har {n}",
      values: { n: { var: "row.n" } },
      pointer: "/rader/{index}/n",
    };
    const report = runDirect(def, { rader: [{ n: 1 }, { n: 0 }] });
    expect(report.results).toEqual([]);
    expect(report.findings).toMatchObject([{ rule: "k", severity: "warning", pointer: "/rader/1/n", message: "Rad 2 har 0" }]);
    const { ctx, calls } = checkContext(def);
    expect(RULE_KINDS.check.check(def, ctx)).toBeUndefined();
    expect(calls).toEqual(["dotPath forEach", "expr when @,row,prev,index", "expr assert @,row,prev,index", "infer /x-rules/0/values/n @,row,prev,index"]);
  });
});
