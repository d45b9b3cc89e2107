/** The author's guide in schemas/README.md, run on its example (examples/instrument/vardag): every step works. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../engine/cli/main.ts";
import { ROOT } from "../helpers.ts";

const SCHEMA = join(ROOT, "examples/instrument/vardag/1.0.0.schema.json");

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("the guide's example instrument", () => {
  it("lints clean, with no rule left untested", async () => {
    const r = await cli("lint", SCHEMA);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${SCHEMA}: inga fel`);
  });

  it("passes its rule tests, boundaries included", async () => {
    const r = await cli("test", SCHEMA);
    expect(r.code).toBe(0);
    expect(r.out).toContain("vardag@1.0.0: 7 fall, 7 ok, 0 fel");
  });

  it("generates valid answers without a profile, and scores them into one of the three bands", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "blankett-guide-")), "svar.ndjson");
    expect((await cli("generate", SCHEMA, "--count", "30", "--seed", "1", "--out", out)).code).toBe(0);
    expect((await cli("validate", SCHEMA, out)).code).toBe(0);
    const scored = await cli("score", SCHEMA, out);
    expect(scored.code).toBe(0);
    const lines = scored.out.split("\n").map((l) => JSON.parse(l) as { results: Array<{ id: string; value: unknown }> });
    expect(lines).toHaveLength(30);
    for (const l of lines) {
      const total = l.results.find((r) => r.id === "poang")!.value as number;
      const band = (l.results.find((r) => r.id === "niva")!.value as { code: string }).code;
      // The bands as the guide states them: low 0–1, middle 2–3, high 4–6.
      expect(band).toBe(total <= 1 ? "lag" : total <= 3 ? "mellan" : "hog");
    }
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(30);
  });
});
