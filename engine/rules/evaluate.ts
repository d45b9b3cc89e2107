import { compileLogic, readPaths, truthy, type Evaluator } from "./logic/compile.ts";
import type { Explanation, Finding, RuleDefinition, RuleResult, RulesReport } from "./types.ts";
import type { JsonSchema } from "../schema/types.ts";

/** Results of earlier rules are visible to later ones under this key: `{"var": "@.id"}`. */
export const RESULTS_KEY = "@";

export interface RunOptions {
  /** Attach an explanation (rule and inputs) to every result and finding. On by default. */
  explain?: boolean;
}

interface CompiledRule {
  def: RuleDefinition;
  inputs: string[];
  run(ctx: Record<string, unknown>, report: RulesReport, explain: boolean): void;
}

function dotGet(data: unknown, path: string | readonly string[]): unknown {
  let node = data;
  for (const part of typeof path === "string" ? path.split(".") : path) {
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function explanation(def: RuleDefinition, inputs: string[], ctx: unknown): Explanation {
  return {
    rule: def.id,
    title: def.title,
    inputs: inputs.map((path) => {
      const value = dotGet(ctx, path) ?? null;
      // An earlier rule's structured result is named, not repeated: its own explanation covers it.
      const structured = value !== null && typeof value === "object" && (!Array.isArray(value) || value.some((v) => v !== null && typeof v === "object"));
      if (path.startsWith(RESULTS_KEY + ".") && structured) return { path, value: `regel ${path.slice(2)}` };
      return { path, value };
    }),
  };
}

/** Replaces {name} in a message with the rule's named values; {number} is the 1-based row number. */
function fillMessage(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([a-zA-Z][a-zA-Z0-9_]*)\}/g, (whole, name: string) => (name in values ? String(values[name] ?? "–") : whole));
}

function inputsOf(def: RuleDefinition): string[] {
  const paths = new Set<string>();
  for (const e of [def.expr, def.when, def.assert]) readPaths(e, paths);
  for (const c of def.cases ?? []) readPaths(c.when, paths);
  for (const v of Object.values(def.fields ?? {})) readPaths(v, paths);
  for (const v of Object.values(def.values ?? {})) readPaths(v, paths);
  if (def.judgement) paths.add(def.judgement);
  // A table reads `item.value.x` for each item: explain it as the item's own path + ".x".
  const itemFields = [...paths].filter((p) => p.startsWith("item.value.")).map((p) => p.slice("item.value".length));
  const out = [...paths].filter((p) => !p.startsWith("item."));
  for (const item of def.each ?? []) for (const f of itemFields) out.push(item.path + f);
  return [...new Set(out)];
}

function compileValues(values: Record<string, unknown> | undefined): Array<[string, Evaluator]> {
  return Object.entries(values ?? {}).map(([k, v]) => [k, compileLogic(v)]);
}

function compileRule(def: RuleDefinition): CompiledRule {
  const inputs = inputsOf(def);
  const result = (value: unknown, ctx: unknown, explain: boolean): RuleResult => {
    const r: RuleResult = { id: def.id, kind: def.kind as RuleResult["kind"], title: def.title, value };
    if (explain) r.explanation = explanation(def, inputs, ctx);
    return r;
  };
  const publish = (ctx: Record<string, unknown>, report: RulesReport, r: RuleResult) => {
    (ctx[RESULTS_KEY] as Record<string, unknown>)[def.id] = r.value;
    report.results.push(r);
  };

  switch (def.kind) {
    case "value": {
      const expr = compileLogic(def.expr);
      return { def, inputs, run: (ctx, report, explain) => publish(ctx, report, result(expr(ctx) ?? null, ctx, explain)) };
    }
    case "indication": {
      const expr = compileLogic(def.expr);
      return {
        def,
        inputs,
        run: (ctx, report, explain) => {
          const indicated = truthy(expr(ctx));
          publish(ctx, report, result(indicated, ctx, explain));
          if (!def.judgement) return;
          const judged = dotGet(ctx, def.judgement);
          if (typeof judged === "boolean" && judged !== indicated) {
            report.findings.push({
              rule: def.id,
              severity: "warning",
              pointer: "/" + def.judgement.split(".").join("/"),
              message: def.mismatchMessage ?? `Bedömningen skiljer sig från indikationen ”${def.title}”`,
              ...(explain ? { explanation: explanation(def, inputs, ctx) } : {}),
            });
          }
        },
      };
    }
    case "category": {
      const cases = (def.cases ?? []).map((c) => ({ when: compileLogic(c.when), value: c.value, label: c.label }));
      return {
        def,
        inputs,
        run: (ctx, report, explain) => {
          const hit = cases.find((c) => truthy(c.when(ctx)));
          publish(ctx, report, result(hit ? { code: hit.value, label: hit.label } : null, ctx, explain));
        },
      };
    }
    case "table": {
      const fields = compileValues(def.fields);
      const each = (def.each ?? []).map((item) => ({ ...item, parts: item.path.split(".") }));
      return {
        def,
        inputs,
        run: (ctx, report, explain) => {
          // One scope per run with `item` swapped per row; measured faster than mutating the
          // shared context (which changes its shape) and than a copy per row.
          const scope: Record<string, unknown> = { ...ctx, item: null };
          const rows = each.map((item) => {
            scope.item = { code: item.code, label: item.label, value: dotGet(ctx, item.parts) ?? null };
            const row: Record<string, unknown> = { code: item.code, label: item.label };
            for (const [name, f] of fields) row[name] = f(scope) ?? null;
            return row;
          });
          publish(ctx, report, result(rows, ctx, explain));
        },
      };
    }
    case "check": {
      const when = def.when === undefined ? undefined : compileLogic(def.when);
      const assert = compileLogic(def.assert);
      const values = compileValues(def.values);
      const severity = def.severity ?? "error";
      const emit = (scope: Record<string, unknown>, report: RulesReport, explain: boolean, index?: number) => {
        const named: Record<string, unknown> = index === undefined ? {} : { number: index + 1 };
        for (const [name, f] of values) named[name] = f(scope);
        report.findings.push({
          rule: def.id,
          severity,
          pointer: (def.pointer ?? "").replace(/\{index\}/g, String(index ?? 0)),
          message: fillMessage(def.message ?? def.title, named),
          ...(explain ? { explanation: explanation(def, inputs, scope) } : {}),
        });
      };
      if (!def.forEach) {
        return {
          def,
          inputs,
          run: (ctx, report, explain) => {
            if (when && !truthy(when(ctx))) return;
            if (!truthy(assert(ctx))) emit(ctx, report, explain);
          },
        };
      }
      const listParts = def.forEach.split(".");
      return {
        def,
        inputs,
        run: (ctx, report, explain) => {
          const list = dotGet(ctx, listParts);
          if (!Array.isArray(list) || list.length === 0) return;
          const scope: Record<string, unknown> = { ...ctx, row: null, prev: null, index: 0 };
          for (let index = 0; index < list.length; index++) {
            scope.row = list[index];
            scope.prev = index > 0 ? list[index - 1] : null;
            scope.index = index;
            if (when && !truthy(when(scope))) continue;
            // A finding's explanation must not see the next row: give it its own copy of the scope.
            if (!truthy(assert(scope))) emit({ ...scope }, report, explain, index);
          }
        },
      };
    }
  }
}

export class CompiledRules {
  readonly rules: CompiledRule[];

  constructor(definitions: RuleDefinition[]) {
    const seen = new Set<string>();
    for (const d of definitions) {
      if (seen.has(d.id)) throw new Error(`Regeln ”${d.id}” finns två gånger`);
      seen.add(d.id);
    }
    this.rules = definitions.map(compileRule);
  }

  run(doc: unknown, options: RunOptions = {}): RulesReport {
    const explain = options.explain ?? true;
    const ctx: Record<string, unknown> = { ...(doc !== null && typeof doc === "object" ? (doc as object) : {}), [RESULTS_KEY]: {} };
    const report: RulesReport = { results: [], findings: [] };
    for (const rule of this.rules) rule.run(ctx, report, explain);
    return report;
  }
}

const cache = new WeakMap<JsonSchema, CompiledRules>();

/** The schema's `x-rules`, compiled once. A schema without rules gets an empty rule set. */
export function rulesFor(schema: JsonSchema): CompiledRules {
  let compiled = cache.get(schema);
  if (!compiled) {
    const defs = Array.isArray(schema["x-rules"]) ? (schema["x-rules"] as RuleDefinition[]) : [];
    compiled = new CompiledRules(defs);
    cache.set(schema, compiled);
  }
  return compiled;
}
