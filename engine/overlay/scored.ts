import { readPaths } from "../rules/logic/compile.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { readPathSegments } from "./paths.ts";

/** Paths in a rule's or indicator's scope that are not answers: earlier results, parameters, row bookkeeping. */
const NOT_ANSWERS = ["@", "@param", "index", "item"];

/**
 * Every answer path that the base version's rules (`x-rules`) or indicators read, as segment lists
 * ("[]" for array items). An item is *scored* when one of these paths is the item itself, lies
 * inside it, or contains it: a rule that reads a whole list (`{"var": "handelser"}`) reads every
 * answer in it, since what happens inside `map`/`filter` bodies is relative to each item and not
 * listed by `readPaths`.
 */
export interface ScoredPath {
  segments: string[];
  /** Who reads it, for the message: "regeln profil", "indikatorn forsorjningshinder". */
  source: string;
}

export function scoredPaths(base: JsonSchema, indicators?: unknown): ScoredPath[] {
  const out = new Map<string, ScoredPath>();
  let source = "";
  const add = (path: string) => {
    const key = path + "\u0000" + source;
    if (!out.has(key)) out.set(key, { segments: readPathSegments(path), source });
  };
  const rules = Array.isArray(base["x-rules"]) ? base["x-rules"] : [];
  for (const rule of rules) {
    if (!isSchemaObject(rule)) continue;
    source = `regeln ${String(rule.id)}`;
    const paths = new Set<string>();
    for (const key of ["expr", "when", "assert"]) readPaths(rule[key], paths);
    if (Array.isArray(rule.cases)) for (const c of rule.cases) if (isSchemaObject(c)) readPaths(c.when, paths);
    for (const key of ["fields", "values"]) if (isSchemaObject(rule[key])) for (const e of Object.values(rule[key] as object)) readPaths(e, paths);
    if (typeof rule.judgement === "string") paths.add(rule.judgement);
    const forEach = typeof rule.forEach === "string" ? rule.forEach : undefined;
    const each = Array.isArray(rule.each) ? rule.each.filter(isSchemaObject).map((e) => e.path).filter((p): p is string => typeof p === "string") : [];
    for (const p of paths) {
      const head = p.split(".")[0]!;
      // A check with forEach reads `row.x` / `prev.x` of each row: the list's items.
      if (forEach && (head === "row" || head === "prev")) {
        add(forEach + ".0" + p.slice(head.length));
        continue;
      }
      // A table reads `item.value.x` for each listed path: that path + ".x".
      if (head === "item") {
        if (p === "item.value" || p.startsWith("item.value.")) for (const e of each) add(e + p.slice("item.value".length));
        continue;
      }
      if (NOT_ANSWERS.includes(head) || head.startsWith("@")) continue;
      add(p);
    }
  }
  for (const [p, from] of indicatorPaths(indicators)) {
    source = from;
    add(p);
  }
  return [...out.values()];
}

/** Paths the indicator definitions read: group and indicator expressions, and `labelsFrom` questions. */
function indicatorPaths(indicators: unknown): Array<[string, string]> {
  if (!isSchemaObject(indicators)) return [];
  const out: Array<[string, string]> = [];
  const entries: Array<[string, unknown]> = [];
  if (isSchemaObject(indicators.groups)) for (const [name, g] of Object.entries(indicators.groups)) entries.push([`grupperingen ${name}`, g]);
  if (Array.isArray(indicators.indicators)) for (const i of indicators.indicators) entries.push([`indikatorn ${isSchemaObject(i) ? String(i.id) : "?"}`, i]);
  for (const [source, entry] of entries) {
    if (!isSchemaObject(entry)) continue;
    const paths = new Set<string>();
    for (const key of ["expr", "denominator", "numerator", "among", "of"]) readPaths(entry[key], paths);
    if (typeof entry.labelsFrom === "string") paths.add(entry.labelsFrom);
    for (const p of paths) if (!p.startsWith("@")) out.push([p, source]);
  }
  return out;
}
