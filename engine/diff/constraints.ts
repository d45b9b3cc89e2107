import { LOWER_BOUNDS, UPPER_BOUNDS } from "./fields.ts";
import { sameData } from "./shape.ts";

/**
 * Does a changed constraint let in fewer answers (narrowed: some old answer may now be rejected)
 * or more (widened: every old answer still passes)? When the diff cannot prove "wider" it says
 * "narrower": a reviewer can overrule a cautious verdict, but a wrong "compatible" loses data.
 */
export type Direction = "narrowed" | "widened";

function baseKeyword(keyword: string): string {
  return keyword.startsWith("items.") ? keyword.slice("items.".length) : keyword;
}

export function constraintDirection(keyword: string, before: unknown, after: unknown): Direction {
  const k = baseKeyword(keyword);
  // Without minContains, `contains` asks for at least one match: removing `minContains: 0` narrows.
  if (k === "minContains" && after === undefined) return typeof before === "number" && before >= 1 ? "widened" : "narrowed";
  if (k === "minContains" && before === undefined) return typeof after === "number" && after <= 1 ? "widened" : "narrowed";
  // Removing a constraint never rejects an answer that passed it (absent additionalProperties is true).
  if (after === undefined) return "widened";
  if (before === undefined) {
    // `additionalProperties: true` and `uniqueItems: false` say what the absence already says.
    if (k === "additionalProperties") return after === true ? "widened" : "narrowed";
    if (k === "uniqueItems") return after === false ? "widened" : "narrowed";
    return "narrowed";
  }
  if (LOWER_BOUNDS.includes(k) && typeof before === "number" && typeof after === "number") return after > before ? "narrowed" : "widened";
  if (UPPER_BOUNDS.includes(k) && typeof before === "number" && typeof after === "number") return after < before ? "narrowed" : "widened";
  switch (k) {
    case "uniqueItems":
      return after === true && before !== true ? "narrowed" : "widened";
    case "additionalProperties":
      return after === false && before !== false ? "narrowed" : "widened";
    case "multipleOf":
      // Every multiple of 10 is a multiple of 5: a new step that divides the old one is wider.
      if (typeof before === "number" && typeof after === "number" && after > 0) {
        const q = before / after;
        if (Number.isInteger(q) || Math.abs(q - Math.round(q)) < 1e-9) return "widened";
      }
      return "narrowed";
    default:
      // pattern, format: two regular expressions or formats cannot be compared in general.
      return sameData(before, after) ? "widened" : "narrowed";
  }
}

/** Allowed JSON types: is every old answer's type still allowed (integer is a number)? */
export function typeDirection(before: string[] | undefined, after: string[] | undefined): Direction {
  if (after === undefined) return "widened";
  if (before === undefined) return "narrowed";
  const covered = before.every((t) => after.includes(t) || (t === "integer" && after.includes("number")));
  return covered ? "widened" : "narrowed";
}
