import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import "../../engine/compiler.ts";
import { diffSchemas } from "../../engine/diff/diff.ts";
import type { DiffReport } from "../../engine/diff/types.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";

/**
 * The diff corpus (tests/diff/corpus/*.json): schema pairs with the verdict that decides the
 * bump — "breaking", "compatible" (compatible or wording only, or nothing) or "review". Every
 * case runs with the counter-example search, so a case said compatible has been searched for a
 * witness; none may exist (0 false compatible). The counts, the share of cases where the search
 * found what the analysis missed, and the time of fia 1.1.0 → 2.0.0 with the search are printed.
 */

type Verdict = "breaking" | "compatible" | "review";
interface Case {
  name: string;
  old: JsonSchema | boolean;
  new: JsonSchema | boolean;
  expect: Verdict;
}

const dir = new URL("./corpus/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
const cases: Array<Case & { file: string }> = files.flatMap((file) => (JSON.parse(readFileSync(new URL(file, dir), "utf8")) as Case[]).map((c) => ({ ...c, file })));

function verdictOf(report: DiffReport): Verdict {
  if (report.counts.breaking > 0) return "breaking";
  if (report.changes.some((c) => c.class === "review" && !c.accepted)) return "review";
  return "compatible";
}

describe("diff corpus", { timeout: 600_000 }, () => {
  it("has at least 150 cases, each named once", () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it("every case gets its expected verdict, and no compatible verdict has a witness", () => {
    const counts: Record<Verdict, number> = { breaking: 0, compatible: 0, review: 0 };
    const wrong: string[] = [];
    let found = 0;
    let tried = 0;
    let validOld = 0;
    for (const c of cases) {
      const analysis = verdictOf(diffSchemas(c.old, c.new));
      const report = diffSchemas(c.old, c.new, { search: true });
      const verdict = verdictOf(report);
      counts[verdict]++;
      tried += report.search?.tried ?? 0;
      validOld += report.search?.validOld ?? 0;
      if (analysis !== "breaking" && verdict === "breaking" && report.changes.some((x) => x.witness !== undefined)) found++;
      // 0 false compatible: a witness always makes its change breaking.
      for (const x of report.changes) if (x.witness !== undefined) expect(x.class, `${c.name}: ${x.pointer}`).toBe("breaking");
      if (c.expect === "compatible") expect(report.changes.filter((x) => x.witness !== undefined), c.name).toEqual([]);
      if (verdict !== c.expect) wrong.push(`${c.file}: ${c.name}: expected ${c.expect}, got ${verdict} (analysis alone: ${analysis})`);
    }
    console.log(
      `diff corpus: ${cases.length} cases — breaking ${counts.breaking}, compatible ${counts.compatible}, review ${counts.review}; ` +
        `the search found a witness the analysis missed in ${found} (${((100 * found) / cases.length).toFixed(1)} %); ` +
        `candidates tried ${tried}, valid under the old version ${validOld}`,
    );
    expect(wrong).toEqual([]);
  });

  it("times fia 1.1.0 → 2.0.0 with the search", () => {
    const load = (v: string) => JSON.parse(readFileSync(new URL(`../../schemas/fia/${v}.schema.json`, import.meta.url), "utf8")) as JsonSchema;
    const a = load("1.1.0");
    const b = load("2.0.0");
    const start = performance.now();
    const report = diffSchemas(a, b, { search: true });
    const ms = performance.now() - start;
    console.log(`diffSchemas(fia 1.1.0, fia 2.0.0, { search: true }): ${ms.toFixed(0)} ms; ${JSON.stringify(report.search)}`);
    expect(report.search).toBeDefined();
    expect(report.bump.required).toBe("major");
  });
});
