import { compileLogic, truthy, type Evaluator } from "../rules/logic/compile.ts";
import { CellIndex, SEP } from "./cells.ts";
import { Histogram, quantilesOf } from "./histogram.ts";
import { assertSuppressionThreshold, MERGED_GROUP, protect, type SuppressionCell } from "./suppress.ts";
import { MISSING_GROUP, type DurationLeftOut, type IndicatorCell, type IndicatorFile, type IndicatorReport, type SmallGroupNote } from "./types.ts";

/** Parameters are visible to expressions as `{"var": "@param.name"}`. */
export const PARAM_KEY = "@param";

/**
 * Parameters are fixed for a run, so `{"var": "@param.x"}` is replaced by its value before
 * compiling: the expressions then read the record itself, with no per-record copy.
 */
function bindParameters(expr: unknown, params: Record<string, number>): unknown {
  if (Array.isArray(expr)) return expr.map((e) => bindParameters(e, params));
  if (expr === null || typeof expr !== "object") return expr;
  const entries = Object.entries(expr);
  if (entries.length === 1 && entries[0]![0] === "var") {
    const arg = entries[0]![1];
    const path = Array.isArray(arg) ? arg[0] : arg;
    if (typeof path === "string" && path.startsWith(PARAM_KEY + ".")) {
      const name = path.slice(PARAM_KEY.length + 1);
      if (!(name in params)) throw new Error(`Uttrycket läser en okänd parameter ”${name}”`);
      return params[name];
    }
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, bindParameters(v, params)]));
}

export interface AccumulatorOptions {
  groupBy?: string[];
  parameters?: Record<string, number>;
  /** Only these indicators (all when empty). */
  only?: string[];
}

interface CompiledIndicator {
  id: string;
  kind: "rate" | "distribution" | "duration";
  /** rate: denominator condition; distribution and duration: `among`. */
  filter: Evaluator | undefined;
  /** rate: numerator condition; distribution: the category value(s); duration: the number. */
  measure: Evaluator;
  /** Per group cell (indexed by the accumulator's cell id): records counted (the denominator; duration: the values in its histogram). */
  denominators: number[];
  /** rate: per group cell, records meeting the numerator. */
  numerators: number[];
  /** distribution: category → per group cell, records with that category. */
  categories: Map<string, number[]>;
  /** distribution: some record had several categories (their counts then add up to mentions, not people). */
  multi: boolean;
  /** duration: the declared range, a histogram per group cell (made when the cell gets its first value). */
  range?: { minimum: number; maximum: number };
  histograms: Array<Histogram | undefined>;
  /** duration: records meeting `among` whose value was outside the range, or missing. */
  outside: number;
  missing: number;
}

export function resolveParameters(def: IndicatorFile, given: Record<string, number> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of Object.keys(given)) {
    // Own names only: `in` would accept "constructor" or "toString" from Object.prototype.
    if (!Object.hasOwn(def.parameters, name)) throw new Error(`Okänd parameter ”${name}”. Kända: ${Object.keys(def.parameters).join(", ")}`);
  }
  for (const [name, p] of Object.entries(def.parameters)) {
    const v = given[name] ?? p.default;
    // The definition's own default cannot go below the floor either; said before its range, which may start lower.
    if (name === "suppressBelow") assertSuppressionThreshold(v);
    if (!Number.isFinite(v) || (p.minimum !== undefined && v < p.minimum) || (p.maximum !== undefined && v > p.maximum)) {
      throw new Error(`Parametern ”${name}” måste vara ett tal${p.minimum !== undefined ? ` från ${p.minimum}` : ""}${p.maximum !== undefined ? ` till ${p.maximum}` : ""}`);
    }
    out[name] = v;
  }
  return out;
}

/** A single value's code: no value (null, missing, "") is a code of its own. */
function code(v: unknown): string {
  return v === null || v === undefined || v === "" ? MISSING_GROUP : String(v);
}

/** The distinct codes of a value; a list gives each of its values once (none: the missing code). */
function values(v: unknown): string[] {
  if (!Array.isArray(v)) return [code(v)];
  if (v.length > 32) {
    const out = [...new Set(v.filter((x) => x !== null && x !== undefined).map(String))];
    return out.length ? out : [MISSING_GROUP];
  }
  // Lists are mostly short (a record's interventions, its problem areas): a linear search for
  // duplicates beats building a Set per record.
  const out: string[] = [];
  for (const x of v) {
    if (x === null || x === undefined) continue;
    const s = String(x);
    if (out.indexOf(s) === -1) out.push(s);
  }
  return out.length ? out : [MISSING_GROUP];
}

/**
 * Counts indicators over records one at a time. Memory holds one counter per published cell,
 * never the records, so it stays flat however many records stream through.
 */
export class IndicatorAccumulator {
  readonly parameters: Record<string, number>;
  readonly groupBy: string[];
  private readonly groups: Evaluator[];
  private readonly indicators: CompiledIndicator[];
  /** Group values → dense cell id, shared by all indicators so a record looks its cells up once. */
  private readonly cells: CellIndex;
  /** The record's code per grouping, reused from record to record. */
  private readonly codes: string[];
  /** The record's cell ids: usually one, reused from record to record. */
  private readonly oneId = [0];
  private records = 0;
  private invalid = 0;
  private unparsable = 0;

  constructor(
    private readonly def: IndicatorFile,
    options: AccumulatorOptions = {},
  ) {
    this.parameters = resolveParameters(def, options.parameters);
    const compile = (e: unknown) => compileLogic(bindParameters(e, this.parameters));
    this.groupBy = options.groupBy ?? [];
    this.codes = this.groupBy.map(() => "");
    this.cells = new CellIndex(this.groupBy.length, () => {
      for (const ind of this.indicators) {
        ind.denominators.push(0);
        ind.numerators.push(0);
        for (const counts of ind.categories.values()) counts.push(0);
      }
    });
    this.groups = this.groupBy.map((g) => {
      const group = Object.hasOwn(def.groups, g) ? def.groups[g] : undefined;
      if (!group) throw new Error(`Okänd gruppering ”${g}”. Kända: ${Object.keys(def.groups).join(", ")}`);
      return compile(group.expr);
    });
    const only = options.only?.length ? new Set(options.only) : undefined;
    for (const id of only ?? []) if (!def.indicators.some((i) => i.id === id)) throw new Error(`Okänd indikator ”${id}”`);
    this.indicators = def.indicators
      .filter((i) => !only || only.has(i.id))
      .map((i) => ({
        id: i.id,
        kind: i.kind,
        filter: i.kind === "rate" ? compile(i.denominator) : i.among === undefined ? undefined : compile(i.among),
        measure: compile(i.kind === "rate" ? i.numerator : i.of),
        denominators: [],
        numerators: [],
        categories: new Map(),
        multi: false,
        ...(i.kind === "duration" ? { range: i.range } : {}),
        histograms: [],
        outside: 0,
        missing: 0,
      }));
  }

  /** A record that failed validation: counted, never read. */
  skipInvalid(): void {
    this.invalid++;
  }

  /** A line that is not JSON: counted, never read. */
  skipUnparsable(): void {
    this.unparsable++;
  }

  /** The record's cell ids: one when every grouping gives one value (the common case). */
  private cellIds(record: unknown): number[] {
    for (let i = 0; i < this.groups.length; i++) {
      const v = this.groups[i]!(record);
      if (Array.isArray(v)) return this.cells.idsOf(this.groups.map((g) => values(g(record))));
      this.codes[i] = code(v);
    }
    this.oneId[0] = this.cells.idOf(this.codes);
    return this.oneId;
  }

  add(record: unknown): void {
    this.records++;
    const ids = this.cellIds(record);
    for (const ind of this.indicators) {
      if (ind.filter && !truthy(ind.filter(record))) continue;
      if (ind.kind === "duration") {
        this.measureDuration(ind, ind.measure(record), ids);
        continue;
      }
      for (let i = 0; i < ids.length; i++) ind.denominators[ids[i]!]!++;
      if (ind.kind === "rate") {
        if (truthy(ind.measure(record))) for (let i = 0; i < ids.length; i++) ind.numerators[ids[i]!]!++;
        continue;
      }
      const v = ind.measure(record);
      if (Array.isArray(v)) {
        ind.multi = true;
        for (const cat of values(v)) this.count(ind, cat, ids);
      }
      else this.count(ind, code(v), ids);
    }
  }

  /** A duration's value into the histogram of each of the record's cells; counted apart when it cannot be. */
  private measureDuration(ind: CompiledIndicator, v: unknown, ids: number[]): void {
    if (typeof v !== "number") {
      ind.missing++;
      return;
    }
    const range = ind.range!;
    if (!Number.isInteger(v) || v < range.minimum || v > range.maximum) {
      ind.outside++;
      return;
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      (ind.histograms[id] ??= new Histogram(range.minimum, range.maximum)).add(v);
      ind.denominators[id]!++;
    }
  }

  private count(ind: CompiledIndicator, cat: string, ids: number[]): void {
    let counts = ind.categories.get(cat);
    if (!counts) {
      counts = new Array<number>(this.cells.keys.length).fill(0);
      ind.categories.set(cat, counts);
    }
    for (let i = 0; i < ids.length; i++) counts[ids[i]!]!++;
  }

  /** The published table: cells below `threshold` (never below SUPPRESSION_FLOOR) hidden, see suppress.ts. */
  report(threshold: number): IndicatorReport {
    assertSuppressionThreshold(threshold);
    return this.table(threshold);
  }

  /**
   * Every count, nothing hidden: for checking the counting against hand-counted figures in tests,
   * never for publishing (use report). Not reachable through any parameter.
   */
  unsuppressedReport(): IndicatorReport {
    return this.table(undefined);
  }

  private table(threshold: number | undefined): IndicatorReport {
    const cells: IndicatorCell[] = [];
    const smallGroups: SmallGroupNote[] = [];
    const durationLeftOut: DurationLeftOut[] = [];
    for (const ind of this.indicators) {
      let rows: SuppressionCell[] = [];
      const groupCoords = (id: number) => (this.groupBy.length === 0 ? [] : this.cells.keys[id]!.split(SEP));
      this.cells.keys.forEach((groupKey, id) => {
        const denominator = ind.denominators[id]!;
        if (denominator === 0) return;
        // A duration's cell is suppressed by its n, as a count; its median follows the cell.
        if (ind.kind === "rate" || ind.kind === "duration") {
          rows.push({ coords: groupCoords(id), numerator: ind.kind === "rate" ? ind.numerators[id]! : denominator, denominator, suppressed: false });
          return;
        }
        for (const [cat, counts] of ind.categories) {
          if (counts[id]! === 0) continue;
          const coords = [...groupCoords(id), cat];
          rows.push({ coords, numerator: counts[id]!, denominator, suppressed: false });
        }
      });
      if (threshold !== undefined) {
        // Small groups merged or left out first, so that they do not hide the large cells beside them.
        const done = protect(rows, threshold, ind.kind === "rate", this.groupBy.length, ind.kind === "distribution", ind.multi ? this.groupBy.length : undefined);
        rows = done.cells;
        for (const s of done.smallGroups) smallGroups.push({ indicator: ind.id, group: this.groupBy[s.axis]!, values: s.values, action: s.action });
      } else {
        const keyed = rows.map((r) => ({ r, key: r.coords.join(SEP) }));
        keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        rows = keyed.map((k) => k.r);
      }
      if (ind.kind === "duration") {
        const merged = smallGroups.filter((s) => s.indicator === ind.id && s.action === "merged");
        const mergedValues = this.groupBy.map((g) => new Set(merged.filter((s) => s.group === g).flatMap((s) => s.values)));
        const byKey = new Map(this.cells.keys.map((key, id) => [key, id]));
        // Split once, and only when some group was merged (its members are then searched for).
        const coordsById = merged.length ? this.cells.keys.map((_, id) => groupCoords(id)) : [];
        for (const r of rows) cells.push(this.durationCell(ind, r, mergedValues, byKey, coordsById));
        durationLeftOut.push(this.durationLeftOut(ind, threshold));
        continue;
      }
      for (const r of rows) {
        const group: Record<string, string> = {};
        this.groupBy.forEach((g, i) => (group[g] = r.coords[i]!));
        const hidden = r.suppressed !== false;
        cells.push({
          indicator: ind.id,
          group,
          ...(ind.kind === "distribution" ? { category: r.coords[this.groupBy.length]! } : {}),
          numerator: hidden ? null : r.numerator,
          denominator: hidden ? null : r.denominator,
          share: hidden || r.denominator === 0 ? null : r.numerator / r.denominator,
          suppressed: r.suppressed,
        });
      }
    }
    return {
      schema: this.def.schema,
      parameters: this.parameters,
      groupBy: this.groupBy,
      records: this.records,
      invalidRecords: this.invalid,
      unparsableRecords: this.unparsable,
      smallGroups,
      ...(durationLeftOut.length ? { durationLeftOut } : {}),
      cells,
    };
  }

  /**
   * One published duration cell: n, and the median and quartiles unless the cell is hidden. A
   * merged group's ("Övriga grupper") histogram is its members' added up: the cells whose value
   * on a merged grouping is one of the merged values and whose other values are the cell's.
   */
  private durationCell(ind: CompiledIndicator, r: SuppressionCell, mergedValues: Array<Set<string>>, byKey: Map<string, number>, coordsById: string[][]): IndicatorCell {
    const group: Record<string, string> = {};
    this.groupBy.forEach((g, i) => (group[g] = r.coords[i]!));
    const base = { indicator: ind.id, group, numerator: null, denominator: null, share: null };
    if (r.suppressed !== false) return { ...base, suppressed: r.suppressed, n: null, median: null, p25: null, p75: null };
    let members: Histogram[];
    if (!r.coords.includes(MERGED_GROUP)) {
      const own = ind.histograms[byKey.get(r.coords.join(SEP)) ?? -1];
      members = own ? [own] : [];
    } else {
      members = [];
      coordsById.forEach((coords, id) => {
        const h = ind.histograms[id];
        if (h && coords.every((v, axis) => (r.coords[axis] === MERGED_GROUP ? mergedValues[axis]!.has(v) : r.coords[axis] === v))) members.push(h);
      });
    }
    const q = quantilesOf(members, ind.range!);
    // The members must give the n that suppression judged; anything else is a fault here, not a figure to publish.
    if (q.n !== r.numerator) throw new Error(`Indikatorn ”${ind.id}”: gruppens antal stämmer inte med dess värden (internt fel)`);
    return { ...base, suppressed: false, ...q };
  }

  /** The values left out of a duration's medians; counts from 1 to threshold − 1 hidden (null). */
  private durationLeftOut(ind: CompiledIndicator, threshold: number | undefined): DurationLeftOut {
    const shown = (n: number) => (threshold !== undefined && n > 0 && n < threshold ? null : n);
    return { indicator: ind.id, outsideRange: shown(ind.outside), missing: shown(ind.missing), range: ind.range! };
  }
}
