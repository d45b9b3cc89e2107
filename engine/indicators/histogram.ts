/**
 * Counts of whole numbers over a declared range, for the medians and quartiles of a `duration`
 * indicator. Memory is bounded by the range, never by the number of values: the counts start
 * sparse (a Map, for a group with few distinct values) and turn into one dense array of the
 * range's length once the Map would be larger than the array. Values outside the range, or not
 * whole numbers, are not kept here: the accumulator counts them apart ("utanför intervallet").
 */

/** The widest range a definition may declare (a hundred years of days): one dense array per group cell. */
export const MAX_HISTOGRAM_RANGE = 36_600;

/** A Map entry costs roughly eight times an array slot: switch to dense once the Map passes an eighth of the range. */
const SPARSE_SHARE = 8;

export class Histogram {
  private sparse: Map<number, number> | undefined = new Map();
  private dense: Float64Array | undefined;
  /** Values counted. */
  n = 0;

  constructor(
    readonly minimum: number,
    readonly maximum: number,
  ) {
    if (!Number.isInteger(minimum) || !Number.isInteger(maximum) || maximum < minimum || maximum - minimum > MAX_HISTOGRAM_RANGE) {
      throw new Error(`Intervallet för en tidsindikator ska vara heltal med högst ${MAX_HISTOGRAM_RANGE} steg mellan minsta och största värde, angivet: ${minimum}–${maximum}`);
    }
  }

  /** Whether a value can be counted: a whole number within the range. */
  accepts(value: unknown): value is number {
    return typeof value === "number" && Number.isInteger(value) && value >= this.minimum && value <= this.maximum;
  }

  /** Counts a value the caller has checked with `accepts`, `times` times. */
  add(value: number, times = 1): void {
    this.n += times;
    if (this.dense) {
      this.dense[value - this.minimum]! += times;
      return;
    }
    const sparse = this.sparse!;
    sparse.set(value, (sparse.get(value) ?? 0) + times);
    if (sparse.size * SPARSE_SHARE > this.maximum - this.minimum + 1) this.densify();
  }

  private densify(): void {
    const dense = new Float64Array(this.maximum - this.minimum + 1);
    for (const [v, c] of this.sparse!) dense[v - this.minimum] = c;
    this.dense = dense;
    this.sparse = undefined;
  }

  /** Adds another histogram's counts (the same range): a merged group's values. */
  addAll(other: Histogram): void {
    for (const [v, c] of other.entries()) this.add(v, c);
  }

  /** (value, count) pairs in ascending value order, counts above zero. */
  entries(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (this.dense) {
      for (let i = 0; i < this.dense.length; i++) if (this.dense[i]! > 0) out.push([i + this.minimum, this.dense[i]!]);
      return out;
    }
    for (const e of this.sparse!) out.push(e);
    return out.sort((a, b) => a[0] - b[0]);
  }

  /**
   * The p-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics: with the values
   * sorted x[0] ≤ … ≤ x[n−1] and h = (n−1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). This is
   * the definition of Excel's PERCENTIL.INK / KVARTIL.INK and R's default (type 7), so a reader can
   * recompute a published figure in a spreadsheet; p = 0.5 is the ordinary median (the mean of the
   * two middle values when n is even). Null when there are no values.
   */
  quantile(p: number): number | null {
    if (this.n === 0) return null;
    const h = (this.n - 1) * p;
    const lo = Math.floor(h);
    const [a, b] = this.orderStatistics(lo, Math.min(lo + 1, this.n - 1));
    return a + (h - lo) * (b - a);
  }

  /** The values at two ranks (0-based, i ≤ j) of the sorted values, in one walk over the counts. */
  private orderStatistics(i: number, j: number): [number, number] {
    let seen = 0;
    let first: number | undefined;
    for (const [v, c] of this.entries()) {
      seen += c;
      if (first === undefined && seen > i) first = v;
      if (seen > j) return [first!, v];
    }
    throw new Error("Histogrammet har färre värden än det räknat");
  }
}

/** n, median and quartiles of one group's values: the histograms of its cells added up (one: as it is). */
export function quantilesOf(histograms: readonly Histogram[], range: { minimum: number; maximum: number }): { n: number; median: number | null; p25: number | null; p75: number | null } {
  let h = histograms[0];
  if (histograms.length !== 1) {
    h = new Histogram(range.minimum, range.maximum);
    for (const m of histograms) h.addAll(m);
  }
  return { n: h!.n, median: h!.quantile(0.5), p25: h!.quantile(0.25), p75: h!.quantile(0.75) };
}
