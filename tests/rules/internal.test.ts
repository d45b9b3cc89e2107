/** Results for internal use (issue 11, point 5): not listed for the person, still there for tools and later rules. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkDocument, isListedResult, type JsonSchema } from "../../engine/compiler.ts";
import { run } from "../../engine/cli/main.ts";
import { FIXTURES, ROOT } from "../helpers.ts";

const base = JSON.parse(readFileSync(join(ROOT, "schemas/barnahuslogg/1.0.0.schema.json"), "utf8")) as JsonSchema;
const schema = structuredClone(base);
(schema.$id as string) = "https://blankett.example/schemas/barnahuslogg/internal-test.json";
const rules = schema["x-rules"] as Array<Record<string, unknown>>;
rules.push(
  { id: "antalHandelser", kind: "value", title: "Antal händelser", internal: true, expr: { reduce: [{ var: "handelser" }, { "+": [{ var: "accumulator" }, 1] }, 0] } },
  { id: "mangaHandelser", kind: "value", title: "Många händelser", expr: { ">": [{ var: "@.antalHandelser" }, 3] } },
);
const doc = JSON.parse(readFileSync(join(FIXTURES, "barnahuslogg/valid/moa.json"), "utf8"));

describe("internal results", () => {
  it("are computed, marked internal, readable by a later rule, and not listed in the forms", () => {
    const report = checkDocument(schema, doc);
    const helper = report.results.find((r) => r.id === "antalHandelser")!;
    expect(helper.internal).toBe(true);
    expect(helper.value).toBe((doc.handelser as unknown[]).length);
    expect(report.results.find((r) => r.id === "mangaHandelser")!.value).toBe((doc.handelser as unknown[]).length > 3);
    expect(isListedResult(helper)).toBe(false);
    expect(isListedResult(report.results.find((r) => r.id === "mangaHandelser")!)).toBe(true);
  });

  it("are in score's JSON for tools", async () => {
    const dir = mkdtempSync(join(tmpdir(), "blankett-internal-"));
    const file = join(dir, "1.0.0.schema.json");
    writeFileSync(file, JSON.stringify(schema));
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(["score", file, join(FIXTURES, "barnahuslogg/valid/moa.json")], { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(err.join("\n")).toBe("");
    expect(code).toBe(0);
    expect(out.join("\n")).toContain('"antalHandelser"');
    expect(out.join("\n")).toMatch(/"internal":\s*true/);
  });
});
