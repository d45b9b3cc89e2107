import type { JsonSchema } from "../schema/types.ts";
import { suggest } from "../lint/suggest.ts";
import { isIsoDate, isoToDay } from "./random.ts";
import { failProfile, type FieldSpec } from "./profile.ts";
import type { IntDist } from "./plan.ts";

/**
 * What compiling a profile carries along (compile.ts, fields.ts), and the checks every kind of
 * field shares: keys that suit the field, number distributions and date ranges within bounds.
 */

export interface State {
  root: JsonSchema;
  ref: string;
  fields: Record<string, FieldSpec>;
  used: Set<string>;
  optional: number;
  dateRange: [number, number];
  phrases: readonly string[];
  /** Paths compiled so far (generation order), with whether each holds a date. */
  known: Map<string, "date" | "other">;
  /** Some condition reads a field generated after it: run the pruning pass. */
  forward: boolean;
  depth: number;
}

export function fail(state: Pick<State, "ref">, message: string): never {
  failProfile(state.ref, message);
}

export function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

export function checkKeys(state: State, path: string, spec: FieldSpec, allowed: string[], what: string): void {
  for (const key of Object.keys(spec)) {
    if (key === "note") continue;
    if (!allowed.includes(key)) {
      fail(state, `”${path}” (${what}): nyckeln ”${key}” gäller inte här (tillåtna: ${[...allowed, "note"].join(", ")})`);
    }
  }
}

/** "[a, b]" or {"N": w, "A-B": w} → an integer distribution within [min, max]. */
export function parseDist(state: State, path: string, key: string, value: [number, number] | [string, string] | Record<string, number>, min: number, max: number): IntDist {
  const where = `”${path}”: ${key}`;
  const inBounds = (a: number, b: number) => {
    if (!Number.isInteger(a) || !Number.isInteger(b) || a > b) fail(state, `${where}: ${a}–${b} är inget heltalsintervall`);
    if (a < min || b > max) fail(state, `${where}: ${a}–${b} ligger utanför schemats gränser ${min}–${max === Infinity ? "∞" : max}`);
  };
  if (Array.isArray(value)) {
    // The meta-schema lets a range hold two dates; on an integer field they fail as no integers.
    const [a, b] = value as [number, number];
    inBounds(a, b);
    return { lo: [a], hi: [b], cum: [1] };
  }
  const d: IntDist = { lo: [], hi: [], cum: [] };
  let total = 0;
  for (const [band, w] of Object.entries(value)) {
    const m = /^(-?\d+)(?:-(-?\d+))?$/.exec(band);
    if (!m) fail(state, `${where}: ”${band}” är varken ett tal eller ett intervall som ”10-12”`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    inBounds(a, b);
    if (w === 0) continue;
    total += w;
    d.lo.push(a);
    d.hi.push(b);
    d.cum.push(total);
  }
  if (total <= 0) fail(state, `${where}: vikterna summerar till 0`);
  return d;
}

export function cumulative(weights: number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}

/** The index of a profile's code among a field's options; an unknown code fails with the nearest one. */
export function codeIndex(state: State, path: string, key: string, codes: string[], code: string): number {
  const i = codes.indexOf(code);
  if (i < 0) {
    const hint = suggest(code, codes);
    fail(state, `”${path}”: okänd kod ”${code}” i ${key} (koderna är ${codes.join(", ")})${hint ? `. Menade du ”${hint}”?` : ""}`);
  }
  return i;
}

export function codeOf(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function dateRange(state: State, path: string, range: unknown): [number, number] {
  if (!Array.isArray(range) || range.length !== 2 || !isIsoDate(range[0]) || !isIsoDate(range[1]) || range[0] > range[1]) {
    fail(state, `”${path}”: range ska vara två datum [från, till] som ”2022-01-01”`);
  }
  return [isoToDay(range[0]), isoToDay(range[1])];
}
