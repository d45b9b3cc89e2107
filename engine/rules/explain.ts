import { readPaths } from "./logic/compile.ts";
import type { Scope, ScopeNames } from "./logic/scope.ts";
import type { Explanation, RuleDefinition } from "./types.ts";
import type { ScoreLookup } from "../schema/scores.ts";

/** Results of earlier rules are visible to later ones under this key: `{"var": "@.id"}`. */
export const RESULTS_KEY = "@";

const hasOwn = Object.prototype.hasOwnProperty;

/** Own properties only, every step: what an explanation shows is what the document holds. */
function ownGet(data: unknown, parts: readonly string[]): unknown {
  let node = data;
  for (const part of parts) {
    if (node === null || typeof node !== "object" || !hasOwn.call(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Reads a dot path from a scope as from the merged object it stands for (the document with the
 * bound names on top), own properties only. The path is split and its name resolved once.
 */
export function scopeGetter(path: string, names: ScopeNames): (scope: Scope) => unknown {
  const parts = path.split(".");
  const slot = names.indexOf(parts[0]!);
  if (slot === -1) return (scope) => ownGet(scope.doc, parts);
  const rest = parts.slice(1);
  return (scope) => ownGet(scope.values[slot], rest);
}

/**
 * The paths a rule reads, as its explanation lists them. `scores` (the schema's option scores)
 * turns a group a score sum reads into the questions it sums, so the explanation shows answers.
 */
export function inputsOf(def: RuleDefinition, scores?: ScoreLookup): string[] {
  const paths = new Set<string>();
  for (const e of [def.expr, def.when, def.assert]) readPaths(e, paths);
  for (const c of def.cases ?? []) readPaths(c.when, paths);
  for (const v of Object.values(def.fields ?? {})) readPaths(v, paths);
  for (const v of Object.values(def.values ?? {})) readPaths(v, paths);
  if (def.judgement) paths.add(def.judgement);
  // A table reads `item.value.x` for each item: explain it as the item's own path + ".x"; one over
  // single questions reads `item.value` itself, the item's own path.
  const itemFields = [...paths].filter((p) => p === "item.value" || p.startsWith("item.value.")).map((p) => p.slice("item.value".length));
  const out = [...paths].filter((p) => !p.startsWith("item."));
  for (const item of def.each ?? []) for (const f of itemFields) out.push(item.path + f);
  if (!scores) return [...new Set(out)];
  return [...new Set(out.flatMap((p) => {
    const found = scores(p);
    return typeof found === "string" ? [p] : found.map((q) => q.path);
  }))];
}

/** Builds a rule's explanation from a scope with these bound names; the inputs are resolved once. */
export function explainer(def: RuleDefinition, names: ScopeNames, scores?: ScoreLookup): (scope: Scope) => Explanation {
  const inputs = inputsOf(def, scores).map((path) => ({ path, get: scopeGetter(path, names), result: path.startsWith(RESULTS_KEY + ".") }));
  return (scope) => ({
    rule: def.id,
    title: def.title,
    inputs: inputs.map(({ path, get, result }) => {
      const value = get(scope) ?? null;
      // An earlier rule's structured result is named, not repeated: its own explanation covers it.
      const structured = value !== null && typeof value === "object" && (!Array.isArray(value) || value.some((v) => v !== null && typeof v === "object"));
      if (result && structured) return { path, value: `regel ${path.slice(2)}` };
      return { path, value };
    }),
  });
}
