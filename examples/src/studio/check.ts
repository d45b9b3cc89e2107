import { checkVariant, type ApplyResult } from "@blankett/engine/overlay";
import type { JsonSchema } from "@blankett/engine";
import { nationalQuestions } from "./questions.ts";

/**
 * The live check: the engine's checkVariant — the same function `blankett overlay check` calls —
 * after every change, and each violation in words for the person editing (what, why, where).
 */
export type Violation = ApplyResult["violations"][number];

export interface Explained {
  what: string;
  why: string;
  /** The answer path of the item it is about (national, or lokalt.<key>). */
  path?: string;
  label?: string;
}

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

const WHY: Record<string, string> = {
  "dolj-obligatorisk": "Den nationella versionen kräver ett svar på frågan, så varianten kan inte låta bli att ställa den.",
  "dolj-poangsatt": "Nationella regler eller indikatorer räknar med svaret. Utan det skulle resultaten bli fel eller inte gå att jämföra med andra kommuner.",
  "dolj-villkor": "En annan fråga visas bara beroende på svaret på den här.",
  "begransa-poangsatt": "Nationella regler eller indikatorer räknar med alla svarsalternativ.",
  "utoka-alternativ": "En variant får bara ta bort svarsalternativ, inte lägga till nya.",
  "nationella-koder": "Svaren ska betyda samma sak i alla kommuner.",
  motstridiga: "Två ändringar i varianten säger emot varandra.",
  "lokal-namnrymd": "Lokala frågor hålls isär från de nationella.",
  "lokalt-schema": "Lokala frågor får bara använda enkla inställningar.",
  format: "Varianten måste ha ett namn, en rubrik och en nationell grundversion.",
  grundversion: "Varianten bygger på en bestämd nationell version.",
  sokvag: "Frågan måste finnas i den nationella versionen.",
  lint: "Formuläret som varianten ger måste gå att använda.",
};

/** Until the engine's explainViolation is there: the message with question labels for paths. */
export function explain(v: Violation, base: JsonSchema): Explained {
  const labels = new Map(nationalQuestions(base).map((q) => [q.path, q.label]));
  const what = v.message.replace(/”([A-Za-z0-9_.[\]-]+)”/g, (all, p: string) => (labels.has(p) ? `”${labels.get(p)}”` : all));
  const path = (v as { path?: string }).path;
  return { what: what[0]!.toUpperCase() + what.slice(1), why: WHY[v.rule] ?? "Varianten följer inte de nationella reglerna.", ...(path ? { path, ...(labels.has(path) ? { label: labels.get(path)! } : {}) } : {}) };
}
