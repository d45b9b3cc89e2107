import { deref } from "./walk.ts";
import { isSchemaObject, type JsonSchema } from "./types.ts";

/**
 * Scores on the options (`x-score` on each `oneOf`/`anyOf` branch of a coded question), as FHIR
 * SDC gives answer options an ordinal value: the points live next to the code and its label, so
 * a scoring rule names the questions it sums instead of repeating every code in an `if`/`in`
 * chain — which is where a code that is not among the options used to slip through unnoticed.
 */
export interface ScoredQuestion {
  /** The answer path, dot-separated. */
  path: string;
  /** Code → points. Codes are compared as JSON values (`1` is not `"1"`). */
  scores: ReadonlyMap<unknown, number>;
  /** A multiple choice (an array of codes): its score is the sum of the chosen options'. */
  multiple: boolean;
  /** The lowest and highest score an answer can give. */
  min: number;
  max: number;
}

/** Why a path cannot be scored, in Swedish, for lint and for a refused compile. */
export type ScoreLookup = (path: string) => ScoredQuestion[] | string;

/** The branches of a coded single choice, or undefined when the schema is not one. */
function optionBranches(root: JsonSchema, s: JsonSchema): JsonSchema[] | undefined {
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = s[key];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const out: JsonSchema[] = [];
    for (const b of branches) {
      if (!isSchemaObject(b)) return undefined;
      const d = deref(root, b);
      if (!("const" in d)) return undefined;
      out.push(d);
    }
    return out;
  }
  return undefined;
}

/**
 * The scores of one question's options: undefined when none has `x-score`, a message when some
 * do and some do not (a missing score would silently count as nothing).
 */
export function optionScores(root: JsonSchema, question: JsonSchema): { scores: Map<unknown, number>; multiple: boolean } | string | undefined {
  let s = deref(root, question);
  let multiple = false;
  if ((s.type === "array" || (Array.isArray(s.type) && s.type.includes("array"))) && isSchemaObject(s.items)) {
    s = deref(root, s.items);
    multiple = true;
  }
  const branches = optionBranches(root, s);
  if (!branches) return undefined;
  const scored = branches.filter((b) => "x-score" in b);
  if (scored.length === 0) return undefined;
  if (scored.length < branches.length) {
    const missing = branches.filter((b) => !("x-score" in b)).map((b) => JSON.stringify(b.const));
    return `alla svarsalternativ måste ha poäng (x-score) när något har det; ${missing.join(", ")} saknar`;
  }
  const scores = new Map<unknown, number>();
  for (const b of branches) {
    const points = b["x-score"];
    if (typeof points !== "number" || !Number.isFinite(points)) return `poängen (x-score) för ${JSON.stringify(b.const)} är inte ett tal`;
    scores.set(b.const, points);
  }
  return { scores, multiple };
}

function question(path: string, found: { scores: Map<unknown, number>; multiple: boolean }): ScoredQuestion {
  const values = [...found.scores.values()];
  if (!found.multiple) return { path, ...found, min: Math.min(...values), max: Math.max(...values) };
  // A multiple choice may pick any subset: the negatives alone, or the positives alone.
  const min = values.filter((v) => v < 0).reduce((a, b) => a + b, 0);
  const max = values.filter((v) => v > 0).reduce((a, b) => a + b, 0);
  return { path, ...found, min, max };
}

/** Properties of an object schema in their order (allOf branches included). */
function propertiesOf(root: JsonSchema, s: JsonSchema): Array<[string, JsonSchema]> {
  const out: Array<[string, JsonSchema]> = [];
  if (isSchemaObject(s.properties)) for (const [k, v] of Object.entries(s.properties)) if (isSchemaObject(v)) out.push([k, v]);
  if (Array.isArray(s.allOf)) for (const b of s.allOf) if (isSchemaObject(b)) out.push(...propertiesOf(root, deref(root, b)));
  return out;
}

interface Problem {
  path: string;
  problem: string;
}

/** Problems said once each, with the questions they concern (a shared scale is one problem). */
function sayProblems(problems: Problem[]): string {
  const byProblem = new Map<string, string[]>();
  for (const { path, problem } of problems) byProblem.set(problem, [...(byProblem.get(problem) ?? []), path]);
  return [...byProblem].map(([problem, paths]) => `${paths.map((p) => `”${p}”`).join(", ")}: ${problem}`).join("; ");
}

/** Groups are followed this deep below the named one: far beyond any questionnaire's nesting. */
const MAX_GROUP_DEPTH = 16;

/** Every scored question in a group, in the group's order; arrays (rows) are not entered. */
function scoredIn(root: JsonSchema, s: JsonSchema, path: string, out: ScoredQuestion[], problems: Problem[], depth: number): void {
  if (depth > MAX_GROUP_DEPTH) return;
  for (const [key, child] of propertiesOf(root, s)) {
    const childPath = `${path}.${key}`;
    const found = optionScores(root, child);
    if (typeof found === "string") problems.push({ path: childPath, problem: found });
    else if (found) out.push(question(childPath, found));
    else {
      const d = deref(root, child);
      if (d.type === "object") scoredIn(root, d, childPath, out, problems, depth + 1);
    }
  }
}

/**
 * What `score`, `score_sum` and `score_sum_answered` read for a path: the question there, or every
 * scored question of the group there. A path into an array (a row) is not a question of the
 * document and is refused, as is a path with nothing scored.
 */
export function scoreLookup(root: JsonSchema): ScoreLookup {
  const cache = new Map<string, ScoredQuestion[] | string>();
  return (path) => {
    let hit = cache.get(path);
    if (hit === undefined) {
      hit = lookup(root, path);
      cache.set(path, hit);
    }
    return hit;
  };
}

function lookup(root: JsonSchema, path: string): ScoredQuestion[] | string {
  if (typeof path !== "string" || path === "") return "poäng läses med en sökväg till en fråga eller en grupp av frågor";
  let s: JsonSchema = deref(root, root);
  for (const part of path.split(".")) {
    const next = propertiesOf(root, s).find(([k]) => k === part)?.[1];
    if (!next) return `”${path}” finns inte i schemat`;
    s = deref(root, next);
  }
  const found = optionScores(root, s);
  if (typeof found === "string") return `”${path}”: ${found}`;
  if (found) return [question(path, found)];
  if (s.type !== "object") return `”${path}” har inga svarsalternativ med poäng (x-score)`;
  const out: ScoredQuestion[] = [];
  const problems: Problem[] = [];
  scoredIn(root, s, path, out, problems, 0);
  if (problems.length > 0) return sayProblems(problems);
  if (out.length === 0) return `gruppen ”${path}” har inga frågor med poäng (x-score)`;
  return out;
}

/** The points an answer gives: null when it is not answered (or not one of the codes). */
export function scoreOf(q: ScoredQuestion, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (!q.multiple) return q.scores.get(value) ?? null;
  if (!Array.isArray(value)) return null;
  let sum = 0;
  for (const code of value) {
    const points = q.scores.get(code);
    if (points === undefined) return null;
    sum += points;
  }
  return sum;
}
