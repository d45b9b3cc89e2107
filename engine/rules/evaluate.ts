import { compileWith, truthy, type Evaluator } from "./logic/compile.ts";
import { scopeDocument, scopeRoot, type Root, type Scope, type ScopeNames } from "./logic/scope.ts";
import { explainer, inputsOf, RESULTS_KEY, scopeGetter } from "./explain.ts";
import { messageTemplate, pointerTemplate } from "./template.ts";
import type { Finding, RuleDefinition, RuleResult, RulesReport } from "./types.ts";
import type { JsonSchema } from "../schema/types.ts";
import { scoreLookup, type ScoreLookup } from "../schema/scores.ts";

export { RESULTS_KEY } from "./explain.ts";

export interface RunOptions {
  /** Attach an explanation (rule and inputs) to every result and finding. On by default. */
  explain?: boolean;
}

/**
 * The names each kind of rule binds on top of the document, in the order of their values in a
 * `Scope`: earlier results for every rule, plus the table's `item` or the check's row.
 */
const BASE: ScopeNames = [RESULTS_KEY];
const TABLE: ScopeNames = [RESULTS_KEY, "item"];
const PER_ROW: ScopeNames = [RESULTS_KEY, "row", "prev", "index"];
const plainRoots = rootsFor();

/** The roots of every kind's names; with the schema's scores when the rules belong to a schema. */
function rootsFor(scores?: ScoreLookup): Map<ScopeNames, Root> {
  return new Map<ScopeNames, Root>([BASE, TABLE, PER_ROW].map((names) => [names, scopeRoot(names, scores)]));
}

interface CompiledRule {
  def: RuleDefinition;
  inputs: string[];
  /** `scope` binds BASE: the document and the results so far. */
  run(scope: Scope, report: RulesReport, explain: boolean): void;
}

function compileRule(def: RuleDefinition, roots: Map<ScopeNames, Root>): CompiledRule {
  const scores = roots.get(BASE)!.scores;
  const inputs = inputsOf(def, scores);
  const compile = (expr: unknown, names: ScopeNames = BASE): Evaluator => compileWith(expr, roots.get(names)!);
  const compileValues = (values: Record<string, unknown> | undefined, names: ScopeNames): Array<[string, Evaluator]> =>
    Object.entries(values ?? {}).map(([k, v]) => [k, compile(v, names)]);
  const explainBase = explainer(def, BASE, scores);
  const publish = (scope: Scope, report: RulesReport, value: unknown, explain: boolean) => {
    const r: RuleResult = { id: def.id, kind: def.kind as RuleResult["kind"], title: def.title, value, ...(def.internal ? { internal: true as const } : {}) };
    if (explain) r.explanation = explainBase(scope);
    (scope.values[0] as Record<string, unknown>)[def.id] = value;
    report.results.push(r);
  };

  switch (def.kind) {
    case "value": {
      const expr = compile(def.expr);
      return { def, inputs, run: (scope, report, explain) => publish(scope, report, expr(scope) ?? null, explain) };
    }
    case "indication": {
      const expr = compile(def.expr);
      const judgement = def.judgement;
      if (!judgement) return { def, inputs, run: (scope, report, explain) => publish(scope, report, truthy(expr(scope)), explain) };
      const judged = scopeGetter(judgement, BASE);
      const pointer = "/" + judgement.split(".").join("/");
      const message = def.mismatchMessage ?? `Bedömningen skiljer sig från indikationen ”${def.title}”`;
      return {
        def,
        inputs,
        run: (scope, report, explain) => {
          const indicated = truthy(expr(scope));
          publish(scope, report, indicated, explain);
          const given = judged(scope);
          if (typeof given === "boolean" && given !== indicated) {
            const finding: Finding = { rule: def.id, severity: "warning", pointer, message };
            if (explain) finding.explanation = explainBase(scope);
            report.findings.push(finding);
          }
        },
      };
    }
    case "category": {
      const cases = (def.cases ?? []).map((c) => ({ when: compile(c.when), value: { code: c.value, label: c.label } }));
      return {
        def,
        inputs,
        run: (scope, report, explain) => {
          let hit: { code: string; label: string } | null = null;
          for (const c of cases) {
            if (truthy(c.when(scope))) {
              hit = { ...c.value };
              break;
            }
          }
          publish(scope, report, hit, explain);
        },
      };
    }
    case "table": {
      const fields = compileValues(def.fields, TABLE);
      const each = (def.each ?? []).map((item) => ({ code: item.code, label: item.label, get: scopeGetter(item.path, BASE) }));
      return {
        def,
        inputs,
        run: (scope, report, explain) => {
          const rowScope: Scope = { doc: scope.doc, values: [scope.values[0], null] };
          const rows: Array<Record<string, unknown>> = [];
          for (const item of each) {
            rowScope.values[1] = { code: item.code, label: item.label, value: item.get(scope) ?? null };
            const row: Record<string, unknown> = { code: item.code, label: item.label };
            for (const [name, f] of fields) row[name] = f(rowScope) ?? null;
            rows.push(row);
          }
          publish(scope, report, rows, explain);
        },
      };
    }
    case "check": {
      const names = def.forEach ? PER_ROW : BASE;
      const when = def.when === undefined ? undefined : compile(def.when, names);
      const assert = compile(def.assert, names);
      const values = compileValues(def.values, names);
      const severity = def.severity ?? "error";
      const pointer = pointerTemplate(def.pointer ?? "");
      const message = messageTemplate(def.message ?? def.title);
      const explainFinding = explainer(def, names, scores);
      const emit = (scope: Scope, report: RulesReport, explain: boolean, index?: number) => {
        const named: Record<string, unknown> = index === undefined ? {} : { number: index + 1 };
        for (const [name, f] of values) named[name] = f(scope);
        const finding: Finding = { rule: def.id, severity, pointer: pointer(index), message: message(named) };
        if (explain) finding.explanation = explainFinding(scope);
        report.findings.push(finding);
      };
      if (!def.forEach) {
        return {
          def,
          inputs,
          run: (scope, report, explain) => {
            if (when && !truthy(when(scope))) return;
            if (!truthy(assert(scope))) emit(scope, report, explain);
          },
        };
      }
      const list = scopeGetter(def.forEach, BASE);
      return {
        def,
        inputs,
        run: (scope, report, explain) => {
          const rows = list(scope);
          if (!Array.isArray(rows) || rows.length === 0) return;
          // One scope for all rows: a finding is built in full (message, explanation) before the
          // next row replaces the values.
          const rowScope: Scope = { doc: scope.doc, values: [scope.values[0], null, null, 0] };
          for (let index = 0; index < rows.length; index++) {
            rowScope.values[1] = rows[index];
            rowScope.values[2] = index > 0 ? rows[index - 1] : null;
            rowScope.values[3] = index;
            if (when && !truthy(when(rowScope))) continue;
            if (!truthy(assert(rowScope))) emit(rowScope, report, explain, index);
          }
        },
      };
    }
  }
}

export class CompiledRules {
  readonly rules: CompiledRule[];

  /** `scores`: the option scores of the schema the rules belong to (`score`, `score_sum`). */
  constructor(definitions: RuleDefinition[], scores?: ScoreLookup) {
    const seen = new Set<string>();
    for (const d of definitions) {
      if (seen.has(d.id)) throw new Error(`Regeln ”${d.id}” finns två gånger`);
      seen.add(d.id);
    }
    const roots = scores ? rootsFor(scores) : plainRoots;
    this.rules = definitions.map((d) => compileRule(d, roots));
  }

  run(doc: unknown, options: RunOptions = {}): RulesReport {
    const explain = options.explain ?? true;
    const scope: Scope = { doc: scopeDocument(doc), values: [{}] };
    const report: RulesReport = { results: [], findings: [] };
    for (const rule of this.rules) rule.run(scope, report, explain);
    return report;
  }
}

const cache = new WeakMap<JsonSchema, CompiledRules>();

/** The schema's `x-rules`, compiled once. A schema without rules gets an empty rule set. */
export function rulesFor(schema: JsonSchema): CompiledRules {
  let compiled = cache.get(schema);
  if (!compiled) {
    const defs = Array.isArray(schema["x-rules"]) ? (schema["x-rules"] as RuleDefinition[]) : [];
    compiled = new CompiledRules(defs, scoreLookup(schema));
    cache.set(schema, compiled);
  }
  return compiled;
}
