import type { RuleResult } from "../rules/types.ts";
import type { JsonSchema } from "../schema/types.ts";
import { choiceOptions, schemaAt } from "../schema/walk.ts";

/**
 * Computed values in Swedish words, as both renderers show them (DOM contract 7): a category as
 * its label, an indication as "Ja"/"Nej", lists joined with ", ", nothing as "–". Plain text only;
 * the renderers put it in text nodes.
 */

/** true → "Ja", false → "Nej", anything else (not answered, not computed) → "–". */
export function yesNo(value: unknown): string {
  return value === true ? "Ja" : value === false ? "Nej" : "–";
}

/** A plain value in words: null/undefined/"" → "–", booleans as Ja/Nej, lists joined with ", ", {label} → the label. */
export function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return yesNo(value);
  if (Array.isArray(value)) return value.length === 0 ? "–" : value.map(valueInWords).join(", ");
  if (typeof value === "object") {
    const label = (value as { label?: unknown }).label;
    return typeof label === "string" ? label : "–";
  }
  return String(value);
}

/** A rule result in words: category → its label, indication → Ja/Nej, value → the value. */
export function resultInWords(result: RuleResult): string {
  if (result.kind === "indication") return yesNo(result.value);
  if (result.kind === "category") {
    // The engine publishes {code, label} or null; anything else is not a category to name.
    const v = result.value as { label?: unknown } | null;
    return v && typeof v === "object" && typeof v.label === "string" ? v.label : "–";
  }
  return valueInWords(result.value);
}

/** The result kinds the "Resultat" section lists; tables are shown in the guided summary instead. */
export const LISTED_RESULT_KINDS: ReadonlySet<string> = new Set(["category", "indication", "value"]);

/** Whether a form lists a result for the person filling it in: a listed kind, and not internal. */
export function isListedResult(result: { kind: string; internal?: boolean }): boolean {
  return LISTED_RESULT_KINDS.has(result.kind) && !result.internal;
}

/**
 * A coded answer in words: the label of the option with that code in the question at `path`
 * (answer path segments), else the value in words (free text, numbers, unknown codes).
 */
export function answerInWords(schema: JsonSchema, path: string[], value: unknown): string {
  if (typeof value === "string" || typeof value === "boolean") {
    const option = choiceOptions(schema, schemaAt(schema, path))?.find((o) => o.code === String(value));
    if (option) return option.label;
  }
  return valueInWords(value);
}

/** The name of each version of the child's log, shown and printed on the page (see childView.ts). */
export const CHILD_AUDIENCE_LABELS: Readonly<Record<"barn" | "personal", string>> = {
  barn: "Version för barnet och vårdnadshavarna",
  personal: "Version för socialtjänstens personal",
};

/** The column of the staff version that says who may read a row. */
export const CHILD_VISIBILITY_HEADING = "Får läsas av";
