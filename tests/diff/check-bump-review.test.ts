/**
 * `blankett diff --check-bump` is the CI gate: a change the analysis cannot prove ("needs review")
 * counts as breaking until a reviewer accepts it in `<version>.review.json` beside the new schema.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../engine/cli/main.ts";

const base = { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", additionalProperties: false };
// From the corpus (keywords.json): `not` of a pattern added beside a pattern — which answers it
// excludes cannot be proven, so the verdict is "needs review".
const OLD = { ...base, "x-instrument": { name: "korpus", version: "1.0.0", title: "Korpus" }, properties: { svar: { type: "string", pattern: "^b" } } };
const NEW = { ...base, "x-instrument": { name: "korpus", version: "1.1.0", title: "Korpus" }, properties: { svar: { type: "string", pattern: "^b", not: { pattern: "^a" } } } };

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("--check-bump and review files", () => {
  it("a minor step with an unaccepted 'needs review' change fails; accepted in the review file, it passes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "blankett-review-"));
    writeFileSync(join(dir, "1.0.0.schema.json"), JSON.stringify(OLD));
    writeFileSync(join(dir, "1.1.0.schema.json"), JSON.stringify(NEW));
    const before = await cli("diff", join(dir, "1.0.0.schema.json"), join(dir, "1.1.0.schema.json"), "--check-bump");
    expect(before.code).toBe(1);
    expect(before.out).toMatch(/Behöver granskas|BEHÖVER GRANSKAS/);
    writeFileSync(
      join(dir, "1.1.0.review.json"),
      JSON.stringify({ from: "korpus@1.0.0", to: "korpus@1.1.0", accepted: [{ pointer: "/svar", kind: "keyword-changed", keyword: "not", note: "Inga sparade svar börjar på a.", by: "Granskare" }] }),
    );
    const after = await cli("diff", join(dir, "1.0.0.schema.json"), join(dir, "1.1.0.schema.json"), "--check-bump");
    expect(after.err).toBe("");
    expect(after.code).toBe(0);
  });
});
