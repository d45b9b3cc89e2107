/** lint warns for a rule that no rule test covers (issue 11, point 6). */
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../engine/cli/main.ts";
import { ROOT } from "../helpers.ts";

async function lint(file: string) {
  const out: string[] = [];
  const code = await run(["lint", file], { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out: out.join("\n") };
}

describe("rule-test coverage in lint", () => {
  const dir = mkdtempSync(join(tmpdir(), "blankett-coverage-"));
  const schema = JSON.parse(readFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), "utf8"));

  it("a rule no case covers is a warning naming it (exit 0)", async () => {
    const s = structuredClone(schema);
    s["x-rules"].push({ id: "antalMal", kind: "value", title: "Antal mål", expr: { count: [{ var: ["plan.mal", []] }] } });
    const file = join(dir, "1.0.0.schema.json");
    writeFileSync(file, JSON.stringify(s));
    copyFileSync(join(ROOT, "schemas/fia/1.0.0.tests.json"), join(dir, "1.0.0.tests.json"));
    const r = await lint(file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Regeln ”antalMal” har inget regeltest som prövar den");
    // The rules the shipped tests cover are not named.
    expect(r.out).not.toMatch(/Regeln ”(?!antalMal)[^”]+” har inget regeltest/);
  });

  it("rules without a tests file: one warning", async () => {
    const other = join(mkdtempSync(join(tmpdir(), "blankett-coverage-")), "fia");
    mkdirSync(other);
    const file = join(other, "1.0.0.schema.json");
    writeFileSync(file, JSON.stringify(schema));
    const r = await lint(file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Reglerna har inga regeltester");
  });
});
