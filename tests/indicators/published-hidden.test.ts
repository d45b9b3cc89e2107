import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers.ts";
import { run } from "../../engine/cli/main.ts";

/**
 * Published output says that a cell is hidden, never why. "primary" (the cell itself is small)
 * tells a reader its count is under the threshold — the very fact suppression hides — and
 * "secondary" tells them it is not; before this test both labels were in the CSV's `dold`
 * column and in the JSON.
 */
const tmp = mkdtempSync(join(tmpdir(), "blankett-published-hidden-"));
const records = join(tmp, "sue.ndjson");

async function blankett(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** One CSV line's fields (quoted fields may hold commas and doubled quotes; no line breaks here). */
function csvRow(line: string): string[] {
  const fields: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = re.exec(line); m && m.index < line.length + 1; m = re.exec(line)) {
    const f = m[1]!;
    fields.push(f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
    if (m[2] === "") break;
  }
  return fields;
}

describe("hidden cells in published indicators", () => {
  const gen = spawnSync(process.execPath, [join(ROOT, "bin/blankett.js"), "generate", "sue@2.0.0", "--count", "150", "--seed", "7", "--out", records], { cwd: ROOT, encoding: "utf8" });

  it("the JSON says hidden as true, with no figures and no reason", async () => {
    expect(gen.status).toBe(0);
    const r = await blankett("indicators", "sue@2.0.0", records, "--format", "json", "--group-by", "kon,aldersgrupp");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { cells: Array<{ suppressed: unknown; numerator: unknown; share: unknown }> };
    const hidden = report.cells.filter((c) => c.suppressed !== false);
    // 150 records over sex × age band: some cells must be small, or the test proves nothing.
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) expect(c.suppressed).toBe(true);
    expect(r.out).not.toMatch(/primary|secondary/);
  });

  it("the CSV's dold column is ja or empty", async () => {
    const r = await blankett("indicators", "sue@2.0.0", records, "--format", "csv", "--group-by", "kon,aldersgrupp");
    expect(r.code).toBe(0);
    const rows = r.out.split("\n").map(csvRow);
    const dold = rows[0]!.indexOf("dold");
    expect(dold).toBeGreaterThan(0);
    // Every row has the header's width, so the column read is the right one.
    for (const row of rows) expect(row.length).toBe(rows[0]!.length);
    const values = new Set(rows.slice(1).map((row) => row[dold]));
    expect(values.has("ja")).toBe(true);
    for (const v of values) expect(["", "ja"]).toContain(v);
    expect(r.out).not.toMatch(/primary|secondary/);
  });
});
