/**
 * Small-cell suppression. A count between 1 and threshold-1 can identify a person, so such a
 * cell is hidden (primary). A hidden cell must not be recoverable as a published total minus the
 * other cells: wherever cells add up to a total someone can see — every line of the table along
 * one grouping, and the whole table — a line with exactly one hidden cell gets a second one hidden
 * (secondary), the smallest remaining, until no line has exactly one. Rates also hide a cell whose
 * complement (denominator − numerator) is small: "all but two" identifies those two.
 */
export interface SuppressionCell {
  /** Coordinates along each axis (group values, and the category for distributions). */
  coords: string[];
  numerator: number;
  denominator: number;
  suppressed: false | "primary" | "secondary";
}

/**
 * The lowest threshold there is: the statistics convention hides counts below 3 at the very least
 * (our default is 5). No parameter, definition or caller can go below it.
 */
export const SUPPRESSION_FLOOR = 3;

/** The threshold when a definition has no `suppressBelow` parameter. */
export const DEFAULT_SUPPRESS_BELOW = 5;

/** Refuses a threshold below the floor (or not a number), in Swedish. */
export function assertSuppressionThreshold(threshold: number): void {
  if (!(threshold >= SUPPRESSION_FLOOR)) {
    throw new Error(
      `Gränsen för små celler (suppressBelow) får inte vara lägre än ${SUPPRESSION_FLOOR}, angivet: ${threshold}. Celler med färre än ${SUPPRESSION_FLOOR} personer visas aldrig.`,
    );
  }
}

const small = (n: number, k: number) => n > 0 && n < k;

export function suppress(cells: SuppressionCell[], threshold: number, checkComplement: boolean): void {
  assertSuppressionThreshold(threshold);
  for (const c of cells) {
    if (small(c.numerator, threshold) || small(c.denominator, threshold) || (checkComplement && small(c.denominator - c.numerator, threshold))) {
      c.suppressed = "primary";
    }
  }
  if (cells.length === 0) return;
  const axes = cells[0]!.coords.length;
  // Lines: cells sharing all coordinates but one; plus the whole table (its sum is the total).
  const lines: SuppressionCell[][] = [cells];
  for (let axis = 0; axis < axes; axis++) {
    const byRest = new Map<string, SuppressionCell[]>();
    for (const c of cells) {
      const key = c.coords.filter((_, i) => i !== axis).join("\u0000");
      const line = byRest.get(key);
      if (line) line.push(c);
      else byRest.set(key, [c]);
    }
    for (const line of byRest.values()) if (line.length > 1) lines.push(line);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter((c) => c.suppressed);
      if (hidden.length !== 1) continue;
      const candidates = line.filter((c) => !c.suppressed && c.denominator > 0);
      if (candidates.length === 0) continue;
      candidates.sort((a, b) => a.denominator - b.denominator || a.numerator - b.numerator);
      candidates[0]!.suppressed = "secondary";
      changed = true;
    }
  }
}
