import { compileLogic, truthy, type Evaluator } from "../rules/logic/compile.ts";
import { suppress, type SuppressionCell } from "./suppress.ts";
import { MISSING_GROUP, type IndicatorCell, type IndicatorFile, type IndicatorReport } from "./types.ts";

/** Parameters are visible to expressions as `{"var": "@param.name"}`. */
export const PARAM_KEY = "@param";

export interface AccumulatorOptions {
  groupBy?: string[];
  parameters?: Record<string, number>;
  /** Only these indicators (all when empty). */
  only?: string[];
}

interface Counts {
  numerator: number;
  denominator: number;
}

interface CompiledIndicator {
  id: string;
  kind: "rate" | "distribution";
  /** rate: denominator condition; distribution: `among`. */
  filter: Evaluator | undefined;
  /** rate: numerator condition; distribution: the category value(s). */
  measure: Evaluator;
  /** cell key → counts. For distributions the key ends with the category. */
  cells: Map<string, Counts>;
  /** distribution: group key → records counted (the denominator of every category in the group). */
  groupTotals: Map<string, number>;
}

export function resolveParameters(def: IndicatorFile, given: Record<string, number> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of Object.keys(given)) {
    if (!(name in def.parameters)) throw new Error(`Okänd parameter ”${name}”. Kända: ${Object.keys(def.parameters).join(", ")}`);
  }
  for (const [name, p] of Object.entries(def.parameters)) {
    const v = given[name] ?? p.default;
    if (!Number.isFinite(v) || (p.minimum !== undefined && v < p.minimum) || (p.maximum !== undefined && v > p.maximum)) {
      throw new Error(`Parametern ”${name}” måste vara ett tal${p.minimum !== undefined ? ` från ${p.minimum}` : ""}${p.maximum !== undefined ? ` till ${p.maximum}` : ""}`);
    }
    out[name] = v;
  }
  return out;
}

const SEP = "\u0000";

function values(v: unknown): string[] {
  if (Array.isArray(v)) {
    const out = [...new Set(v.filter((x) => x !== null && x !== undefined).map(String))];
    return out.length ? out : [MISSING_GROUP];
  }
  return v === null || v === undefined || v === "" ? [MISSING_GROUP] : [String(v)];
}

/** Every combination of the record's group values (a record in two intervention groups counts in both). */
function groupKeys(perGroup: string[][]): string[] {
  let keys = [""];
  for (const vs of perGroup) {
    const next: string[] = [];
    for (const k of keys) for (const v of vs) next.push(k === "" ? v : k + SEP + v);
    keys = next;
  }
  return keys;
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
  private readonly params: Record<string, number>;
  private records = 0;
  private invalid = 0;

  constructor(
    private readonly def: IndicatorFile,
    options: AccumulatorOptions = {},
  ) {
    this.parameters = resolveParameters(def, options.parameters);
    this.params = this.parameters;
    this.groupBy = options.groupBy ?? [];
    this.groups = this.groupBy.map((g) => {
      const group = def.groups[g];
      if (!group) throw new Error(`Okänd gruppering ”${g}”. Kända: ${Object.keys(def.groups).join(", ")}`);
      return compileLogic(group.expr);
    });
    const only = options.only?.length ? new Set(options.only) : undefined;
    for (const id of only ?? []) if (!def.indicators.some((i) => i.id === id)) throw new Error(`Okänd indikator ”${id}”`);
    this.indicators = def.indicators
      .filter((i) => !only || only.has(i.id))
      .map((i) => ({
        id: i.id,
        kind: i.kind,
        filter: i.kind === "rate" ? compileLogic(i.denominator) : i.among === undefined ? undefined : compileLogic(i.among),
        measure: compileLogic(i.kind === "rate" ? i.numerator : i.of),
        cells: new Map(),
        groupTotals: new Map(),
      }));
  }

  /** A record that failed validation: counted, never read. */
  skipInvalid(): void {
    this.invalid++;
  }

  add(record: unknown): void {
    this.records++;
    const ctx = { ...(record as object), [PARAM_KEY]: this.params };
    const keys = groupKeys(this.groups.map((g) => values(g(ctx))));
    for (const ind of this.indicators) {
      if (ind.filter && !truthy(ind.filter(ctx))) continue;
      if (ind.kind === "rate") {
        const hit = truthy(ind.measure(ctx)) ? 1 : 0;
        for (const k of keys) {
          const c = ind.cells.get(k);
          if (c) {
            c.denominator++;
            c.numerator += hit;
          } else ind.cells.set(k, { denominator: 1, numerator: hit });
        }
      } else {
        const categories = values(ind.measure(ctx));
        for (const k of keys) {
          ind.groupTotals.set(k, (ind.groupTotals.get(k) ?? 0) + 1);
          for (const cat of categories) {
            const ck = this.groupBy.length ? k + SEP + cat : cat;
            const c = ind.cells.get(ck);
            if (c) c.numerator++;
            else ind.cells.set(ck, { numerator: 1, denominator: 0 });
          }
        }
      }
    }
  }

  report(threshold: number): IndicatorReport {
    const cells: IndicatorCell[] = [];
    for (const ind of this.indicators) {
      const rows: Array<SuppressionCell & { key: string }> = [];
      for (const [key, c] of ind.cells) {
        const coords = key === "" ? [] : key.split(SEP);
        const groupKey = ind.kind === "distribution" ? coords.slice(0, this.groupBy.length).join(SEP) : key;
        const denominator = ind.kind === "distribution" ? (ind.groupTotals.get(groupKey) ?? 0) : c.denominator;
        rows.push({ key, coords, numerator: c.numerator, denominator, suppressed: false });
      }
      rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      suppress(rows, threshold, ind.kind === "rate");
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
    return { schema: this.def.schema, parameters: this.parameters, groupBy: this.groupBy, records: this.records, invalidRecords: this.invalid, cells };
  }
}
