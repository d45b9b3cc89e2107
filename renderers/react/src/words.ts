import type { RuleResult } from "../../../engine/index.ts";

/** A computed value in words, as the DOM contract says: lists joined with ", ", nothing as "–". */
export function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "Ja" : "Nej";
  if (Array.isArray(value)) return value.length === 0 ? "–" : value.map(valueInWords).join(", ");
  if (typeof value === "object") {
    const label = (value as { label?: unknown }).label;
    return typeof label === "string" ? label : "–";
  }
  return String(value);
}

/** category → its label, indication → Ja/Nej, value → the value. */
export function resultInWords(result: RuleResult): string {
  if (result.kind === "indication") return result.value === true ? "Ja" : result.value === false ? "Nej" : "–";
  return valueInWords(result.value);
}

/** The results the "Resultat" section lists (tables go to the guided summary). */
export const listedKinds = new Set(["category", "indication", "value"]);
