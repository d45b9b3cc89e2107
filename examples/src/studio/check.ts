import { checkVariant, explainViolation, type Explanation, type Violation } from "@blankett/engine/overlay";
import type { JsonSchema } from "@blankett/engine";

/**
 * The live check: the engine's checkVariant — the same function `blankett overlay check` calls —
 * after every change, and each violation in words for the person editing (what, why, where).
 */
export type { Violation };

export type Explained = Explanation;

export interface Checked {
  schema?: JsonSchema;
  violations: Violation[];
}

export function check(overlay: unknown, base: JsonSchema, indicators: unknown): Checked {
  try {
    return checkVariant(overlay, base, indicators !== undefined ? { indicators } : {});
  } catch (e) {
    return { violations: [{ pointer: "", rule: "lint", message: `varianten gick inte att kontrollera: ${(e as Error).message}` }] };
  }
}

/** The violation in plain Swedish (the engine's words: what, why, and the item by its question text). */
export function explain(v: Violation, base: JsonSchema): Explained {
  return explainViolation(v, base);
}
