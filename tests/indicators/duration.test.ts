/**
 * The duration indicator kind (issue 14, point 11): medians and quartiles from a bounded
 * histogram, checked against figures worked out by hand and against a sort-based computation on
 * random data; small groups publish no median; values outside the range are counted and said.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Histogram, MAX_HISTOGRAM_RANGE } from "../../engine/indicators/histogram.ts";
import { IndicatorAccumulator } from "../../engine/indicators/accumulate.ts";
import { parseIndicatorFile } from "../../engine/indicators/definition.ts";
import { durationNote, toCsv, toTable } from "../../engine/indicators/format.ts";
import { MERGED_GROUP } from "../../engine/indicators/suppress.ts";
import type { IndicatorFile } from "../../engine/indicators/types.ts";

const hist = (values: number[], min = 0, max = 100) => {
  const h = new Histogram(min, max);
  for (const v of values) h.add(v);
  return h;
};

/** The same definition as Histogram.quantile, on a sorted copy: the reference for the property test. */
function sortedQuantile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, x.length - 1);
  return x[lo]! + (h - lo) * (x[hi]! - x[lo]!);
}

describe("Histogram: medians and quartiles worked out by hand", () => {
  it("eight values 3 1 4 1 5 9 2 6: median 3.5, quartiles 1.75 and 5.25 (as Excel's KVARTIL.INK)", () => {
    // Sorted: 1 1 2 3 4 5 6 9. Median: (3+4)/2. Q1: h = 7·0.25 = 1.75 → 1 + 0.75·(2−1). Q3: h = 5.25 → 5 + 0.25·(6−5).
    const h = hist([3, 1, 4, 1, 5, 9, 2, 6]);
    expect([h.n, h.quantile(0.5), h.quantile(0.25), h.quantile(0.75)]).toEqual([8, 3.5, 1.75, 5.25]);
  });

  it("five values 10 … 50: median 30, quartiles 20 and 40; one value is its own median", () => {
    const h = hist([50, 10, 40, 20, 30]);
    expect([h.quantile(0.5), h.quantile(0.25), h.quantile(0.75)]).toEqual([30, 20, 40]);
    expect(hist([7]).quantile(0.5)).toBe(7);
    expect(new Histogram(0, 10).quantile(0.5)).toBeNull();
  });

  it("a negative range works (days before the report), and counts many values of one day", () => {
    const h = new Histogram(-10, 10);
    h.add(-3, 4);
    h.add(2);
    // Sorted: −3 −3 −3 −3 2: median −3, Q3 at h = 3 → −3.
    expect([h.n, h.quantile(0.5), h.quantile(0.75), h.quantile(1)]).toEqual([5, -3, -3, 2]);
  });

  it("refuses a range wider than the limit, or not whole numbers, naming the limit", () => {
    expect(() => new Histogram(0, MAX_HISTOGRAM_RANGE + 1)).toThrow(new RegExp(`högst ${MAX_HISTOGRAM_RANGE}`));
    expect(() => new Histogram(0.5, 10)).toThrow(/heltal/);
    expect(() => new Histogram(10, 0)).toThrow();
  });

  it("holds at most one array of the range's length, however many values: sparse while small, then dense", () => {
    const h = new Histogram(0, 3650);
    const inside = h as unknown as { sparse?: Map<number, number>; dense?: Float64Array };
    for (let i = 0; i < 400; i++) h.add(i);
    expect([inside.sparse?.size, inside.dense]).toEqual([400, undefined]);
    for (let i = 0; i < 200_000; i++) h.add((i * 7919) % 3651);
    expect([inside.sparse, inside.dense?.length, h.n]).toEqual([undefined, 3651, 200_400]);
  });

  it("accepts only whole numbers within the range", () => {
    const h = new Histogram(0, 3650);
    expect([0, 3650, 12].map((v) => h.accepts(v))).toEqual([true, true, true]);
    expect([-1, 3651, 1.5, NaN, "3", null].map((v) => h.accepts(v))).toEqual([false, false, false, false, false, false]);
  });
});

describe("Histogram: the same quantiles as sorting, on random data", () => {
  it("sparse and dense alike (ranges of 20 and 3651 days, up to 400 values)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant([0, 20] as const), fc.constant([0, 3650] as const), fc.constant([-30, 30] as const)),
        fc.array(fc.nat(), { minLength: 1, maxLength: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([min, max], raw, p) => {
          const values = raw.map((r) => min + (r % (max - min + 1)));
          const h = hist(values, min, max);
          expect(h.n).toBe(values.length);
          for (const q of [0.25, 0.5, 0.75, p]) expect(h.quantile(q)).toBeCloseTo(sortedQuantile(values, q)!, 9);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("addAll gives the quantiles of the two lists together", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 50 }), fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 50 }), (a, b) => {
        const h = hist(a, 0, 60);
        h.addAll(hist(b, 0, 60));
        expect(h.quantile(0.5)).toBeCloseTo(sortedQuantile([...a, ...b], 0.5)!, 9);
      }),
      { numRuns: 200 },
    );
  });
});

const DEF = {
  schema: "test@1.0.0",
  title: "Test",
  parameters: { suppressBelow: { title: "Dölj", default: 5, minimum: 3 } },
  groups: { g: { title: "Grupp", expr: { var: "g" } }, h: { title: "Annan grupp", expr: { var: "h" } } },
  indicators: [{ id: "tid", kind: "duration", title: "Tid", question: "Hur lång tid?", among: { "!!": { var: "med" } }, of: { var: "d" }, range: { minimum: 0, maximum: 100 }, unit: "dagar" }],
};
const def = parseIndicatorFile(DEF) as IndicatorFile;

const rec = (g: string, d: unknown, h = "x") => ({ g, h, med: true, d });

describe("duration indicators in the accumulator", () => {
  it("per group: n, median and quartiles (hand-worked), nothing hidden below the threshold in the unsuppressed report", () => {
    const acc = new IndicatorAccumulator(def, { groupBy: ["g"] });
    for (const d of [3, 1, 4, 1, 5, 9, 2, 6]) acc.add(rec("a", d));
    for (const d of [50, 10, 40]) acc.add(rec("b", d));
    acc.add({ g: "a", med: false, d: 99 }); // not among: in no figure
    const cells = acc.unsuppressedReport().cells;
    expect(cells.map((c) => [c.group.g, c.n, c.median, c.p25, c.p75, c.numerator, c.suppressed])).toEqual([
      ["a", 8, 3.5, 1.75, 5.25, null, false],
      // 10 40 50: median 40, Q1 h = 0.5 → 25, Q3 h = 1.5 → 45.
      ["b", 3, 40, 25, 45, null, false],
    ]);
  });

  it("a group under the threshold publishes no median: left out alone, merged with another into 'Övriga grupper'", () => {
    const acc = new IndicatorAccumulator(def, { groupBy: ["g"] });
    for (const d of [3, 1, 4, 1, 5, 9, 2, 6]) acc.add(rec("a", d));
    for (const d of [10, 20, 30, 40, 50, 60]) acc.add(rec("b", d));
    for (const d of [70, 80]) acc.add(rec("c", d));
    for (const d of [0, 90, 100]) acc.add(rec("d", d));
    const report = acc.report(5);
    // c (2) and d (3) are small; together 5, not small: merged. Their values 0 70 80 90 100: median 80, Q1 70, Q3 90.
    expect(report.cells.map((c) => [c.group.g, c.n, c.median, c.p25, c.p75, c.suppressed])).toEqual([
      ["__ovriga", 5, 80, 70, 90, false],
      ["a", 8, 3.5, 1.75, 5.25, false],
      // 10 … 60: median 35, Q1 h = 1.25 → 22.5, Q3 h = 3.75 → 47.5.
      ["b", 6, 35, 22.5, 47.5, false],
    ]);
    expect(report.smallGroups).toEqual([{ indicator: "tid", group: "g", values: ["c", "d"], action: "merged" }]);

    const alone = new IndicatorAccumulator(def, { groupBy: ["g"] });
    for (const d of [1, 2, 3, 4, 5, 6]) alone.add(rec("a", d));
    for (const d of [7, 8, 9, 10, 11]) alone.add(rec("b", d));
    for (const d of [70, 80]) alone.add(rec("c", d));
    const r2 = alone.report(5);
    expect(r2.cells.map((c) => c.group.g)).toEqual(["a", "b"]);
    expect(r2.smallGroups).toEqual([{ indicator: "tid", group: "g", values: ["c"], action: "leftOut" }]);
    // c's values (70, 80) are in no published figure.
    expect(r2.cells.map((c) => [c.n, c.median, c.p25, c.p75])).toEqual([[6, 3.5, 2.25, 4.75], [5, 9, 8, 10]]);
  });

  it("a cell hidden by suppression has no n, median or quartiles", () => {
    // Two groupings: a × x has 2 values (small) inside large margins, so it is hidden and a neighbour with it.
    const acc = new IndicatorAccumulator(def, { groupBy: ["g", "h"] });
    for (let i = 0; i < 10; i++) acc.add(rec("a", i, "y"));
    for (let i = 0; i < 2; i++) acc.add(rec("a", 50 + i, "x"));
    for (let i = 0; i < 10; i++) acc.add(rec("b", i, "x"));
    for (let i = 0; i < 10; i++) acc.add(rec("b", i, "y"));
    const cells = acc.report(5).cells;
    const hidden = cells.filter((c) => c.suppressed);
    expect(hidden.find((c) => c.group.g === "a" && c.group.h === "x")?.suppressed).toBe("primary");
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const c of hidden) expect([c.n, c.median, c.p25, c.p75]).toEqual([null, null, null, null]);
    for (const c of cells.filter((c) => !c.suppressed)) expect(c.n).toBeGreaterThanOrEqual(5);
  });

  it("values outside the range and missing values are counted apart and said, small counts as 'färre än'", () => {
    const acc = new IndicatorAccumulator(def, { groupBy: [] });
    for (let i = 0; i < 6; i++) acc.add(rec("a", 10));
    for (const d of [-1, 101, 2.5, 500, 1000, 4000]) acc.add(rec("a", d));
    acc.add(rec("a", null));
    acc.add(rec("a", undefined));
    const report = acc.report(5);
    expect(report.durationLeftOut).toEqual([{ indicator: "tid", outsideRange: 6, missing: null, range: { minimum: 0, maximum: 100 } }]);
    expect(report.cells.map((c) => [c.n, c.median])).toEqual([[6, 10]]);
    expect(durationNote(report, def, "tid")).toBe(
      "Räknas inte i medianerna (i hela underlaget): 6 värden utanför intervallet 0–100 dagar och färre än 5 poster där värdet saknas (ett datum fattas).",
    );
    expect(acc.unsuppressedReport().durationLeftOut![0]!.missing).toBe(2);
    const csv = toCsv(report, def, {});
    expect(csv.split("\n")[0]).toBe("indikator,titel,kategori,taljare,namnare,andel,dold,anmarkning,antal_varden,median,kvartil_1,kvartil_3,enhet");
    expect(csv.split("\n")[1]).toMatch(/^tid,Tid,,,,,,Räknas inte i medianerna .*,6,10,10,10,dagar$/);
    expect(toTable(report, def, {})).toMatch(/Alla\s+median 10 dagar \(kvartiler 10–10\), 6 värden/);
  });

  it("refuses a definition without range or unit, or with a range too wide", () => {
    const bad = (patch: Record<string, unknown>) => () => parseIndicatorFile({ ...DEF, indicators: [{ ...DEF.indicators[0], ...patch }] });
    expect(bad({ range: undefined })).toThrow(/range/);
    expect(bad({ unit: undefined })).toThrow(/unit/);
    expect(bad({ range: { minimum: 0, maximum: 1_000_000 } })).toThrow(/Indikatorn ”tid”.*högst 36600/);
    expect(() => parseIndicatorFile({ ...DEF, indicators: [{ id: "r", kind: "rate", title: "R", question: "Q", denominator: true, numerator: true, range: { minimum: 0, maximum: 1 } }] })).toThrow();
  });
});

describe("duration cells on random data: suppression on n, and a merged group's median over its members' records", () => {
  it("no line has exactly one hidden n beside a published total; every published median equals the sort-based median of the records the cell stands for", () => {
    const record = fc.record({ g: fc.constantFrom("a", "b", "c", "d", "e"), h: fc.constantFrom("x", "y", "z"), d: fc.integer({ min: 0, max: 40 }) });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 120 }), fc.boolean(), (records, two) => {
        const groupBy = two ? ["g", "h"] : ["g"];
        const acc = new IndicatorAccumulator(def, { groupBy });
        for (const r of records) acc.add({ ...r, med: true });
        const report = acc.report(5);
        const merged = (axis: number) => new Set(report.smallGroups!.filter((s) => s.group === groupBy[axis] && s.action === "merged").flatMap((s) => s.values));
        const recordsOf = (c: (typeof report.cells)[number]) =>
          records.filter((r) => groupBy.every((g, axis) => (c.group[g] === MERGED_GROUP ? merged(axis).has(r[g as "g" | "h"]) : c.group[g] === r[g as "g" | "h"])));
        // Simple subtraction: along every line with a published total (not small), never exactly one hidden n.
        const lines = new Map<string, Array<{ hidden: boolean; n: number }>>([["", []]]);
        for (const c of report.cells) {
          const cell = { hidden: c.suppressed !== false, n: recordsOf(c).length };
          lines.get("")!.push(cell);
          groupBy.forEach((_, axis) => {
            const key = axis + ":" + groupBy.filter((__, i) => i !== axis).map((g) => c.group[g]).join("|");
            lines.set(key, [...(lines.get(key) ?? []), cell]);
          });
        }
        for (const line of lines.values()) {
          const total = line.reduce((t, c) => t + c.n, 0);
          if (line.length > 1 && total >= 5) expect(line.filter((c) => c.hidden).length).not.toBe(1);
        }
        for (const c of report.cells) {
          if (c.suppressed) continue;
          const mine = recordsOf(c);
          const values = mine.map((r) => r.d);
          expect(c.n).toBe(values.length);
          expect(c.n).toBeGreaterThanOrEqual(5);
          expect(c.median).toBeCloseTo(sortedQuantile(values, 0.5)!, 9);
          expect(c.p25).toBeCloseTo(sortedQuantile(values, 0.25)!, 9);
          expect(c.p75).toBeCloseTo(sortedQuantile(values, 0.75)!, 9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
