import { compileWith } from "./logic/compile.ts";
import { scopeDocument, scopeRoot, type Root, type Scope, type ScopeNames } from "./logic/scope.ts";
import { explainer, inputsOf, scopeGetter } from "./explain.ts";
import { kindModule, RULE_KINDS } from "./kinds/index.ts";
import { BASE, type CompileContext, type RuleRunner } from "./kinds/kind.ts";
import type { RuleDefinition, RuleResult, RulesReport } from "./types.ts";
import type { JsonSchema } from "../schema/types.ts";
import { scoreLookup, type ScoreLookup } from "../schema/scores.ts";

export { RESULTS_KEY } from "./explain.ts";

export interface RunOptions {
  /** Attach an explanation (rule and inputs) to every result and finding. On by default. */
  explain?: boolean;
}

/**
 * The roots of the names a kind binds (BASE, a table's `item`, a check's row…), made once per
 * set of names: shared by all rule sets without scores, per rule set with the schema's scores.
 */
const plainRoots = new WeakMap<ScopeNames, Root>();

function rootsFor(scores?: ScoreLookup): (names: ScopeNames) => Root {
  const roots = scores ? new WeakMap<ScopeNames, Root>() : plainRoots;
  return (names) => {
    let root = roots.get(names);
    if (!root) roots.set(names, (root = scopeRoot(names, scores)));
    return root;
  };
}

interface CompiledRule {
  def: RuleDefinition;
  inputs: string[];
  /** `scope` binds BASE: the document and the results so far. */
  run: RuleRunner;
}

/** Compiles a rule with its kind's module (kinds/), which gets the engine's side through the context. */
function compileRule(def: RuleDefinition, root: (names: ScopeNames) => Root, scores: ScoreLookup | undefined): CompiledRule {
  const kind = kindModule(def.kind);
  if (!kind) throw new Error(`Regeln ”${def.id}” är av slaget ”${String(def.kind)}”, som inte finns (${Object.keys(RULE_KINDS).join(", ")})`);
  const inputs = inputsOf(def, scores);
  const explainBase = explainer(def, BASE, scores);
  const { id, title } = def;
  const resultKind = def.kind as RuleResult["kind"];
  const internal = Boolean(def.internal);
  const ctx: CompileContext = {
    compile: (expr, names = BASE) => compileWith(expr, root(names)),
    rootOf: (names) => root(names),
    compileWithRoot: (expr, r) => compileWith(expr, r),
    compileAll: (exprs, names) => Object.entries(exprs ?? {}).map(([k, v]) => [k, compileWith(v, root(names))]),
    read: (path) => scopeGetter(path, BASE),
    explainer: (names = BASE) => explainer(def, names, scores),
    publish(scope, report, value, explain) {
      // Two literals rather than a spread of `{internal}`: a spread copies through a slower path per result.
      const r: RuleResult = internal ? { id, kind: resultKind, title, value, internal: true } : { id, kind: resultKind, title, value };
      if (explain) r.explanation = explainBase(scope);
      (scope.values[0] as Record<string, unknown>)[def.id] = value;
      report.results.push(r);
    },
  };
  return { def, inputs, run: kind.compile(def, ctx) };
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
    const root = rootsFor(scores);
    this.rules = definitions.map((d) => compileRule(d, root, scores));
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
