/**
 * Lit-only wording helpers. Results and values in words are the engine's (engine/form/words.ts),
 * shared with the React renderer.
 */

/** "Händelse" → "händelse", for "Lägg till händelse". */
export function lower(text: string): string {
  return text.toLocaleLowerCase("sv");
}
