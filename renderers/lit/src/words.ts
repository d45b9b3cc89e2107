import type { RuleResult } from "../../../engine/runtime.ts";

/** "Händelse" → "händelse", for "Lägg till händelse". */
export function lower(text: string): string {
  return text.toLocaleLowerCase("sv");
}

export function yesNo(value: unknown): string {
  return value === true ? "Ja" : value === false ? "Nej" : "–";
}

/** A plain value in words: null → "–", lists joined with ", ", booleans as Ja/Nej. */
export function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.length ? value.map(valueInWords).join(", ") : "–";
  if (typeof value === "boolean") return yesNo(value);
  if (typeof value === "object") {
    const label = (value as { label?: unknown }).label;
    return typeof label === "string" ? label : "–";
  }
  return String(value);
}

/** A rule result as the results section shows it (category → its label, indication → Ja/Nej). */
export function resultInWords(result: RuleResult): string {
  if (result.kind === "indication") return yesNo(result.value);
  if (result.kind === "category") {
    const v = result.value as { label?: unknown } | null;
    return v && typeof v.label === "string" ? v.label : "–";
  }
  return valueInWords(result.value);
}

/** The kinds listed in the results section; tables are shown in the guided summary instead. */
export const LISTED_KINDS: ReadonlySet<string> = new Set(["category", "indication", "value"]);
