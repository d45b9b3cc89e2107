import { dayNumberToIso, isFullDate, isoToDayNumber } from "../rules/logic/dates.ts";
/**
 * A small seeded pseudo-random generator for synthetic data: sfc32 (Chris Doty-Humphrey's Small
 * Fast Counting generator, 128-bit state, passes PractRand), seeded through a 32-bit integer hash.
 * Pure: no Math.random, no clock, no I/O — the same seed gives the same numbers on every machine.
 *
 * `createRng(seed, stream)` gives independent streams for one seed: the generator uses one stream
 * per document index, so document i depends only on (seed, i), never on how many came before.
 */

/** A 32-bit integer hash (the murmur3 finaliser): spreads nearby seeds far apart. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const TWO_32 = 4294967296;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    if (!Number.isSafeInteger(stream) || stream < 0) throw new RangeError(`stream must be a non-negative integer, got ${stream}`);
    const lo = seed >>> 0;
    const hi = Math.floor(seed / TWO_32) >>> 0;
    const h = mix32(mix32(lo ^ 0x9e3779b9) ^ hi);
    const sLo = stream >>> 0;
    const sHi = Math.floor(stream / TWO_32) >>> 0;
    this.a = mix32(h ^ sLo);
    this.b = mix32(this.a ^ 0x85ebca6b ^ sHi);
    this.c = mix32(this.b ^ 0xc2b2ae35);
    this.d = 1; // the counter
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** The next 32 random bits as an unsigned integer. */
  next32(): number {
    const a = this.a | 0;
    const b = this.b | 0;
    const c = this.c | 0;
    const d = this.d | 0;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next32() / TWO_32;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p >= 1 ? true : p <= 0 ? false : this.float() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty array");
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** A key of a record of code → weight (non-negative, relative), in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    let total = 0;
    for (const k of keys) total += weights[k];
    if (!(total > 0)) throw new RangeError("weighted: the weights sum to zero");
    let x = this.float() * total;
    for (const k of keys) {
      x -= weights[k];
      if (x < 0) return k;
    }
    return keys[keys.length - 1]!;
  }

  /** An index into cumulative weights (ascending, last = total): the hot-path form of weighted(). */
  weightedIndex(cumulative: ArrayLike<number>): number {
    const n = cumulative.length;
    const x = this.float() * cumulative[n - 1]!;
    for (let i = 0; i < n - 1; i++) if (x < cumulative[i]!) return i;
    return n - 1;
  }

  /** An ISO date (YYYY-MM-DD) between two ISO dates, both included. */
  date(from: string, to: string): string {
    return dayToIso(this.int(isoToDay(from), isoToDay(to)));
  }

  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }
}

export function createRng(seed: number, stream = 0): Rng {
  return new Rng(seed, stream);
}

/** Days since 1970-01-01 of an ISO date (a date-time's date part is used). */
export function isoToDay(iso: string): number {
  const day = isoToDayNumber(iso);
  if (day === null) throw new RangeError(`not an ISO date: ${iso}`);
  return day;
}

/** The ISO date (YYYY-MM-DD) of a day number (days since 1970-01-01). */
export const dayToIso = dayNumberToIso;

/** True for a real calendar date in YYYY-MM-DD form (no 2023-02-30). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && isFullDate(value);
}
