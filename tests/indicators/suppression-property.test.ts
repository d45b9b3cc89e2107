/**
 * Property tests for small-cell suppression (issue 14, SUE point 5): for random tables of one to
 * three groupings with many small counts, nothing under the threshold can be recovered from what
 * is published — the shown cells, and every total a table with one grouping fewer publishes (each
 * line of cells, and the whole table), by simple subtraction along a margin or by any linear
 * combination of the margins (checked here by exact elimination over the rationals, independently
 * of the engine's own check). Published totals are totals over the groups the table shows: small
 * groups merged or left out are in no figure of the table.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { protect, takeOutSmallGroups, type SuppressionCell } from "../../engine/indicators/suppress.ts";

const K = 5;
const small = (n: number) => n > 0 && n < K;

/** Exact rationals as [numerator, denominator] bigints, enough for elimination over 0/1 rows. */
type Q = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const norm = ([a, b]: Q): Q => {
  if (a === 0n) return [0n, 1n];
  const g = gcd(a, b) * (b < 0n ? -1n : 1n);
  return [a / g, b / g];
};
const sub = (x: Q, y: Q): Q => norm([x[0] * y[1] - y[0] * x[1], x[1] * y[1]]);
const mul = (x: Q, y: Q): Q => norm([x[0] * y[0], x[1] * y[1]]);
const div = (x: Q, y: Q): Q => norm([x[0] * y[1], x[1] * y[0]]);

/** Lines: cells sharing all coordinates but one, and the whole table. */
function lines(cells: SuppressionCell[]): SuppressionCell[][] {
  const out: SuppressionCell[][] = [cells];
  const axes = cells[0]?.coords.length ?? 0;
  for (let axis = 0; axis < axes; axis++) {
    const by = new Map<string, SuppressionCell[]>();
    for (const c of cells) {
      const key = c.coords.filter((_, i) => i !== axis).join("|");
      by.set(key, [...(by.get(key) ?? []), c]);
    }
    out.push(...by.values());
  }
  return out;
}

/** The hidden cells whose value follows from the shown cells and the published (not small) line totals. */
function recoverable(cells: SuppressionCell[], complement: boolean): SuppressionCell[] {
  const hidden = cells.filter((c) => c.suppressed);
  const n = hidden.length;
  const rows: Q[][] = [];
  for (const line of lines(cells)) {
    const num = line.reduce((s, c) => s + c.numerator, 0);
    const den = line.reduce((s, c) => s + c.denominator, 0);
    // A small total is hidden by the table that would publish it; a one-cell total is that cell
    // in the table with one grouping fewer, suppressed there by the same rules.
    if (line.length < 2 || small(den) || small(num) || (complement && small(den - num))) continue;
    const row: Q[] = hidden.map((c) => [line.includes(c) ? 1n : 0n, 1n]);
    if (row.some((q) => q[0] !== 0n)) rows.push(row);
  }
  // Reduced row echelon form.
  const pivots: number[] = [];
  let r = 0;
  for (let col = 0; col < n && r < rows.length; col++) {
    const p = rows.findIndex((row, i) => i >= r && row[col]![0] !== 0n);
    if (p === -1) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pv = rows[r]![col]!;
    rows[r] = rows[r]!.map((q) => div(q, pv));
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i]![col]![0] === 0n) continue;
      const f = rows[i]![col]!;
      rows[i] = rows[i]!.map((q, j) => sub(q, mul(f, rows[r]![j]!)));
    }
    pivots.push(col);
    r++;
  }
  // A variable is determined when a row of the RREF has it as its only non-zero entry.
  const determined = new Set<number>();
  for (let i = 0; i < r; i++) {
    const nz = rows[i]!.flatMap((q, j) => (q[0] !== 0n ? [j] : []));
    if (nz.length === 1) determined.add(nz[0]!);
  }
  return hidden.filter((_, i) => determined.has(i));
}

const VALUES = ["a", "b", "c", "d"];

/** A random table: 1–3 groupings of 1–4 values, counts mostly small or zero, some large. */
const table = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    rate: fc.boolean(),
    seed: fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 64, maxLength: 64 }),
  })
  .map(({ sizes, rate, seed }) => {
    const cells: SuppressionCell[] = [];
    let i = 0;
    const walk = (coords: string[]) => {
      if (coords.length === sizes.length) {
        const [den, f] = seed[i++ % seed.length]!;
        if (den === 0) return;
        cells.push({ coords, numerator: rate ? Math.round(den * f) : den, denominator: den, suppressed: false });
        return;
      }
      for (const v of VALUES.slice(0, sizes[coords.length]!)) walk([...coords, v]);
    };
    walk([]);
    return { cells, rate, axes: sizes.length };
  });

describe("small-cell suppression: nothing under the threshold can be recovered", () => {
  it("for random tables, no small count follows from the shown cells and the totals, by any linear combination", () => {
    fc.assert(
      fc.property(table, ({ cells, rate, axes }) => {
        const { cells: rows, smallGroups } = protect(cells, K, rate, axes, false);
        // Every small count is hidden …
        for (const c of rows) {
          if (small(c.denominator) || small(c.numerator) || (rate && small(c.denominator - c.numerator))) expect(c.suppressed).toBe("primary");
        }
        // … and cannot be worked out from what is published.
        const out = recoverable(rows, rate).filter((c) => c.suppressed === "primary");
        expect(out.map((c) => c.coords.join(""))).toEqual([]);
        // Groups taken out are not in the table.
        for (const s of smallGroups) for (const c of rows) if (s.action === "leftOut") expect(s.values).not.toContain(c.coords[s.axis]);
      }),
      { numRuns: 400 },
    );
  });

  it("simple subtraction along every margin: no line has exactly one hidden cell with a published total", () => {
    fc.assert(
      fc.property(table, ({ cells, rate, axes }) => {
        const rows = protect(cells, K, rate, axes, false).cells;
        for (const line of lines(rows)) {
          if (line.length < 2) continue;
          expect(line.filter((c) => c.suppressed).length).not.toBe(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("a group whose margin is small is merged or left out, and what is shown has no small margin", () => {
    fc.assert(
      fc.property(table, ({ cells, rate, axes }) => {
        const { cells: shown } = takeOutSmallGroups(cells, K, rate, axes, false);
        for (let axis = 0; axis < axes; axis++) {
          const by = new Map<string, { n: number; d: number }>();
          for (const c of shown) {
            const m = by.get(c.coords[axis]!) ?? { n: 0, d: 0 };
            m.n += c.numerator;
            m.d += c.denominator;
            by.set(c.coords[axis]!, m);
          }
          for (const m of by.values()) expect(small(m.d) || small(m.n) || (rate && small(m.d - m.n))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the two cases of issue 14 on generated SUE records (2000 records, seed 1)", () => {
  const dir = mkdtempSync(join(tmpdir(), "sue-cases-"));
  const file = join(dir, "sue.ndjson");
  execFileSync(process.execPath, ["bin/blankett.js", "generate", "sue@1.0.0", "--count", "2000", "--seed", "1", "--out", file], { stdio: "ignore" });
  const run = (groupBy: string) =>
    JSON.parse(execFileSync(process.execPath, ["bin/blankett.js", "indicators", "sue@1.0.0", file, "--group-by", groupBy, "--format", "json"], { encoding: "utf8", maxBuffer: 64 << 20 })) as {
      cells: Array<{ indicator: string; group: Record<string, string>; category?: string; numerator: number | null; denominator: number | null; suppressed: string | false }>;
      smallGroups: Array<{ indicator: string; group: string; values: string[]; action: string }>;
    };

  it("by sex: the 16 people in 'Annat eller okänt' no longer hide the women's figures", () => {
    const report = run("kon");
    const rates = report.cells.filter((c) => c.category === undefined);
    for (const c of rates.filter((c) => c.group.kon === "kvinna" || c.group.kon === "man")) expect(c.suppressed, `${c.indicator} ${c.group.kon}`).toBe(false);
    const job = report.cells.filter((c) => c.indicator === "jobbinriktadInsats");
    expect(job.map((c) => [c.group.kon, c.numerator, c.denominator])).toEqual([["kvinna", 499, 741], ["man", expect.any(Number), expect.any(Number)]]);
    expect(report.smallGroups).toContainEqual({ indicator: "jobbinriktadInsats", group: "kon", values: ["annat_okant"], action: "leftOut" });
  });

  it("by sex × age: the large cells stay visible (Kvinna 25–34, 30 of 160 with sanctions)", () => {
    const report = run("kon,aldersgrupp");
    const cell = report.cells.find((c) => c.indicator === "sanktioner" && c.group.kon === "kvinna" && c.group.aldersgrupp === "25_34");
    expect([cell?.numerator, cell?.denominator, cell?.suppressed]).toEqual([30, 160, false]);
    for (const [kon, age] of [["kvinna", "35_44"], ["man", "18_24"]]) {
      expect(report.cells.find((c) => c.indicator === "sanktioner" && c.group.kon === kon && c.group.aldersgrupp === age)?.suppressed).toBe(false);
    }
    for (const c of report.cells.filter((c) => c.indicator === "planInomTreManader" || c.indicator === "jobbinriktadInsats")) {
      if (c.group.kon !== "annat_okant") expect(c.suppressed, `${c.indicator} ${JSON.stringify(c.group)}`).toBe(false);
    }
  });
});
