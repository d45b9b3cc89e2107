import { readPaths } from "../rules/logic/compile.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { readPathSegments } from "./paths.ts";
import type { Reader } from "./types.ts";

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
  /** The same, for explanations: kind, id and title. */
  reader: Reader;
}

const titleOf = (o: Record<string, unknown>): { title?: string } => (typeof o.title === "string" ? { title: o.title } : {});

export function scoredPaths(base: JsonSchema, indicators?: unknown): ScoredPath[] {
  const out = new Map<string, ScoredPath>();
  let source = "";
  let reader: Reader = { kind: "rule", id: "" };
  const add = (path: string) => {
    const key = path + "\u0000" + source;
    if (!out.has(key)) out.set(key, { segments: readPathSegments(path), source, reader });
  };
  const rules = Array.isArray(base["x-rules"]) ? base["x-rules"] : [];
  for (const rule of rules) {
    if (!isSchemaObject(rule)) continue;
    source = `regeln ${String(rule.id)}`;
    reader = { kind: "rule", id: String(rule.id), ...titleOf(rule) };
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
  for (const [p, from, who] of indicatorPaths(indicators)) {
    source = from;
    reader = who;
    add(p);
  }
  return [...out.values()];
}

/** Paths the indicator definitions read: group and indicator expressions, and `labelsFrom` questions. */
function indicatorPaths(indicators: unknown): Array<[string, string, Reader]> {
  if (!isSchemaObject(indicators)) return [];
  const out: Array<[string, string, Reader]> = [];
  const entries: Array<[string, unknown, Reader]> = [];
  if (isSchemaObject(indicators.groups)) {
    for (const [name, g] of Object.entries(indicators.groups)) entries.push([`grupperingen ${name}`, g, { kind: "grouping", id: name, ...(isSchemaObject(g) ? titleOf(g) : {}) }]);
  }
  if (Array.isArray(indicators.indicators)) {
    for (const i of indicators.indicators) {
      const id = isSchemaObject(i) ? String(i.id) : "?";
      entries.push([`indikatorn ${id}`, i, { kind: "indicator", id, ...(isSchemaObject(i) ? titleOf(i) : {}) }]);
    }
  }
  for (const [source, entry, who] of entries) {
    if (!isSchemaObject(entry)) continue;
    const paths = new Set<string>();
    for (const key of ["expr", "denominator", "numerator", "among", "of"]) readPaths(entry[key], paths);
    if (typeof entry.labelsFrom === "string") paths.add(entry.labelsFrom);
    for (const p of paths) if (!p.startsWith("@")) out.push([p, source, who]);
  }
  return out;
}
