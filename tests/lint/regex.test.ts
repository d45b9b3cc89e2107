import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import "../../engine/validation/compile.ts";
import { lintSchema } from "../../engine/lint/lint.ts";
import { MAX_BACKTRACK_SCORE, MAX_STEPS, patternIssues, patternProblem } from "../../engine/lint/regex.ts";
import { checkOverlay } from "../../engine/overlay/overlay.ts";
import { SchemaError, Validator } from "../../engine/validation/validator.ts";
import { ROOT, readJson } from "../helpers.ts";
import { fia, fiaOverlay } from "../overlay/helpers.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";

/** A national-looking schema with one free-text answer `del.kod` checked by `pattern`. */
function withPattern(pattern: string, extra: Record<string, unknown> = {}): JsonSchema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://blankett.example/schemas/monster/1.0.0",
    title: "Mönster",
    "x-instrument": { name: "monster", version: "1.0.0", title: "Mönster" },
    type: "object",
    additionalProperties: false,
    required: ["meta"],
    properties: {
      meta: { type: "object", additionalProperties: false, required: ["schema"], properties: { schema: { const: "monster@1.0.0" } } },
      del: { type: "object", additionalProperties: false, properties: { kod: { type: "string", maxLength: 100, pattern, title: "Kod" } }, ...extra },
    },
  };
}

describe("patterns that backtrack catastrophically", () => {
  it("lint refuses ^(a+)+$ with a Swedish message naming the limit", () => {
    const issues = lintSchema(withPattern("^(a+)+$"));
    expect(issues.map((i) => i.at)).toEqual(["/properties/del/properties/kod/pattern"]);
    expect(issues[0]!.message).toMatch(/^Mönstret ”\^\(a\+\)\+\$” kan matcha samma text på väldigt många sätt/);
    expect(issues[0]!.message).toContain(`gränsen är ${MAX_BACKTRACK_SCORE} sätt`);
  });

  it("the validator compile refuses it (before: validating a 30-character answer hung for over a minute)", () => {
    const started = performance.now();
    expect(() => new Validator(withPattern("^(a+)+$"))).toThrow(SchemaError);
    expect(() => new Validator(withPattern("^(a+)+$"))).toThrow(/katastrofal backtracking/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("checks patternProperties keys and patterns anywhere a subschema may be", () => {
    const s = withPattern("^[a-z]{1,10}$", { patternProperties: { "^(x|x)*$": { type: "string" } } });
    s.$defs = { rad: { type: "object", properties: { namn: { type: "string", pattern: "^([a-z]+\\s?)*$" } } } };
    s.properties = { ...(s.properties as object), lista: { type: "array", items: { type: "string", pattern: "^(\\d+)+-\\d$" } } };
    const at = patternIssues(s).map((i) => i.at);
    expect([...at].sort()).toEqual(["/$defs/rad/properties/namn/pattern", "/properties/del/patternProperties/^(x|x)*$", "/properties/lista/items/pattern"]);
  });

  it("a pattern too complex to clear within the detector's steps is refused as such", () => {
    expect(patternProblem("^(a|a)*$")).toMatch(/för komplext.*katastrofal backtracking|väldigt många sätt/);
    expect(MAX_STEPS).toBe(2_000);
  });

  it("accepts ordinary patterns: codes, personal numbers, dates, case numbers", () => {
    for (const p of ["^[A-Za-z0-9-]{1,40}$", "^(19|20)?[0-9]{6}[-+]?[0-9]{4}$", "^[a-z][a-z0-9-]*$", "^\\d{4}-\\d{2}-\\d{2}$", "^(nord|syd|ost|vast)$", "^[\\p{L} .'-]{1,100}$"]) {
      expect(patternProblem(p), p).toBeUndefined();
    }
  });

  it("does not read an error message named pattern (x-ui.messages.pattern) as a pattern", () => {
    const s = withPattern("^[a-z]{1,10}$");
    ((s.properties as Record<string, JsonSchema>).del!.properties as Record<string, JsonSchema>).kod!["x-ui"] = { messages: { pattern: "(a+)+ är inget mönster här" } };
    expect(patternIssues(s)).toEqual([]);
  });

  it("every national schema version and the overlays pass", () => {
    const files = readdirSync(join(ROOT, "schemas")).flatMap((d) => {
      try {
        return readdirSync(join(ROOT, "schemas", d)).filter((f) => f.endsWith(".schema.json")).map((f) => join(ROOT, "schemas", d, f));
      } catch {
        return [];
      }
    });
    // Not vacuous: the six versions of this round at least (new ones join as they are added).
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(patternIssues(readJson(f)), f).toEqual([]);
    expect(checkOverlay(readJson(join(ROOT, "schemas/fia/variants/exempelby.overlay.json")), fia)).toEqual([]);
  });

  it("overlay check refuses an effective schema with such a pattern", () => {
    const base = structuredClone(fia);
    const defs = base.$defs as Record<string, JsonSchema>;
    const [name, def] = Object.entries(defs).find(([, d]) => typeof d.properties === "object")!;
    defs[name] = { ...def, patternProperties: { "^(a+)+$": { type: "string" } } };
    const violations = checkOverlay(fiaOverlay(), base);
    expect(violations.some((v) => v.rule === "lint" && /katastrofal backtracking/.test(v.message))).toBe(true);
  });
});
