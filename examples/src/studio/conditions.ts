import type { Question } from "./questions.ts";

/**
 * "Visa bara när …": a condition picked from lists (a question, a comparison, a value) and the
 * JSON Logic it is written as in `x-ui.visibleWhen`. Nobody types an expression; a condition the
 * studio did not write itself is shown as such and can only be removed.
 */
export type Comparison = "eq" | "ne" | "gt" | "lt" | "in" | "has";

export interface Condition {
  path: string;
  op: Comparison;
  /** For "in": the list of values. */
  value: unknown;
}

export const COMPARISON_LABELS: Record<Comparison, string> = {
  eq: "är",
  ne: "är inte",
  gt: "är större än",
  lt: "är mindre än",
  in: "är något av",
  has: "har kryssat i",
};

/** The comparisons that make sense for a question's kind. */
export function comparisonsFor(q: Question): Comparison[] {
  switch (q.kind) {
    case "yesno":
      return ["eq", "ne"];
    case "single":
      return ["eq", "ne", "in"];
    case "multiple":
      return ["has"];
    case "number":
    case "date":
      return ["eq", "ne", "gt", "lt"];
    case "text":
      return ["eq", "ne"];
    default:
      return [];
  }
}

/** Questions a condition can read: answers with a kind the builder knows, not the item itself. */
export function conditionSources(questions: Question[], self?: string): Question[] {
  return questions.filter((q) => q.path !== self && comparisonsFor(q).length > 0);
}

/** A value to start from when the question or comparison changes. */
export function firstValue(q: Question, op: Comparison): unknown {
  if (op === "in") return q.options?.slice(0, 1).map((o) => o.code) ?? [];
  if (q.options && q.options.length > 0) return q.options[0]!.code;
  if (q.kind === "number") return 0;
  return "";
}

export function toLogic(c: Condition): unknown {
  const v = { var: c.path };
  switch (c.op) {
    case "eq":
      return { "==": [v, c.value] };
    case "ne":
      return { "!=": [v, c.value] };
    case "gt":
      return { ">": [v, c.value] };
    case "lt":
      return { "<": [v, c.value] };
    case "in":
      return { in: [v, Array.isArray(c.value) ? c.value : [c.value]] };
    case "has":
      return { in: [c.value, v] };
  }
}

const OPS: Record<string, Comparison> = { "==": "eq", "!=": "ne", ">": "gt", "<": "lt" };

function varPath(x: unknown): string | undefined {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return undefined;
  const v = (x as Record<string, unknown>).var;
  return typeof v === "string" ? v : undefined;
}

/** The condition a JSON Logic expression is, when it is one the builder writes; else undefined. */
export function fromLogic(logic: unknown): Condition | undefined {
  if (typeof logic !== "object" || logic === null || Array.isArray(logic)) return undefined;
  const entries = Object.entries(logic);
  if (entries.length !== 1) return undefined;
  const [operator, args] = entries[0]!;
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const op = OPS[operator];
  const path = varPath(args[0]);
  if (op && path !== undefined && varPath(args[1]) === undefined) return { path, op, value: args[1] };
  if (operator === "in") {
    if (path !== undefined && Array.isArray(args[1])) return { path, op: "in", value: args[1] };
    const list = varPath(args[1]);
    if (list !== undefined && varPath(args[0]) === undefined) return { path: list, op: "has", value: args[0] };
  }
  return undefined;
}
