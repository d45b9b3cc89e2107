import { describe, expect, it } from "vitest";
import { compileLogic, isKnownOperation, LogicError } from "../../engine/rules/logic/compile.ts";

describe("operation names", () => {
  it("knows the engine's own operations", () => {
    for (const op of ["var", "if", "map", "reduce", "missing", "missing_some", "==", "cat", "merge", "days_between"]) {
      expect(isKnownOperation(op), op).toBe(true);
    }
  });

  it("treats names every object inherits as unknown", () => {
    for (const op of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf", "log", "okänd"]) {
      expect(isKnownOperation(op), op).toBe(false);
    }
  });

  it("refuses inherited names at compile time", () => {
    for (const op of ["constructor", "toString", "valueOf", "hasOwnProperty", "__defineGetter__"]) {
      expect(() => compileLogic({ [op]: [1, 2] }), op).toThrow(LogicError);
      expect(() => compileLogic({ [op]: [1, 2] }), op).toThrow(/Okänd operation/);
    }
    const proto = JSON.parse('{"__proto__": [1]}') as unknown;
    expect(() => compileLogic(proto)).toThrow(/Okänd operation/);
  });
});

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import "../../engine/validation/compile.ts";
import { lintSchema } from "../../engine/lint/lint.ts";
import { checkOverlay } from "../../engine/overlay/overlay.ts";
import { SchemaError, Validator } from "../../engine/validation/validator.ts";
import { parseIndicatorFile } from "../../engine/indicators/definition.ts";
import { costProblem, DEFAULT_LIST_BOUND, estimateCost, MAX_COST, MAX_LITERAL_ITEMS, MAX_VALUE_SIZE, schemaCostIssues, UNSCHEMAED_MAX_COST } from "../../engine/rules/logic/cost.ts";
import { ROOT, readJson } from "../helpers.ts";
import { fia, fiaOverlay, sueIndicators } from "../overlay/helpers.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** Three nested `map` over lists of `n` items read from the answers (rows → cols → cells). */
const nestedMaps = { some: [{ map: [{ var: "del.rader" }, { map: [{ var: "kolumner" }, { map: [{ var: "celler" }, { "+": [{ var: "" }, 1] }] }] }] }, { "==": [{ var: "" }, 0] }] };

/** A schema whose `del.rader` holds rows of columns of cells, each list at most `n` long. */
function gridSchema(n: number | undefined, condition: unknown = nestedMaps): JsonSchema {
  const max = n === undefined ? {} : { maxItems: n };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://blankett.example/schemas/rutnat/1.0.0",
    title: "Rutnät",
    "x-instrument": { name: "rutnat", version: "1.0.0", title: "Rutnät" },
    type: "object",
    additionalProperties: false,
    required: ["meta"],
    properties: {
      meta: { type: "object", additionalProperties: false, required: ["schema"], properties: { schema: { const: "rutnat@1.0.0" } } },
      del: {
        type: "object",
        additionalProperties: false,
        properties: {
          rader: {
            type: "array",
            ...max,
            items: {
              type: "object",
              additionalProperties: false,
              properties: {
                kolumner: {
                  type: "array",
                  ...max,
                  items: { type: "object", additionalProperties: false, properties: { celler: { type: "array", ...max, items: { type: "integer" } } } },
                },
              },
            },
          },
          kommentar: { type: "string", maxLength: 100, title: "Kommentar", "x-ui": { visibleWhen: condition } },
        },
      },
    },
  };
}

describe("cost bound: schemas", () => {
  it("refuses three nested map over 300-item lists in a visibleWhen, naming the limit", () => {
    const issues = schemaCostIssues(gridSchema(300));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.at).toBe("/properties/del/properties/kommentar/x-ui/visibleWhen");
    expect(issues[0]!.message).toMatch(/för kostsamt.*1 000 000 steg/);
    expect(issues[0]!.message).toMatch(/maxItems/);
    expect(lintSchema(gridSchema(300)).map((i) => i.message).join("\n")).toMatch(/för kostsamt/);
  });

  it("the validator compile refuses it too (SchemaError), so validate, score and check never run it", () => {
    expect(() => new Validator(gridSchema(300))).toThrow(SchemaError);
    expect(() => new Validator(gridSchema(300))).toThrow(/för kostsamt/);
  });

  it("takes the bound from maxItems: the same expression over lists of at most 20 is cheap enough", () => {
    expect(schemaCostIssues(gridSchema(20))).toEqual([]);
    expect(lintSchema(gridSchema(20))).toEqual([]);
    expect(() => new Validator(gridSchema(20))).not.toThrow();
  });

  it("without maxItems a list counts as DEFAULT_LIST_BOUND items", () => {
    expect(DEFAULT_LIST_BOUND).toBe(1_000);
    expect(schemaCostIssues(gridSchema(undefined))[0]?.message).toMatch(/annars 1 000/);
    // One list level over an unbounded list is fine.
    expect(schemaCostIssues(gridSchema(undefined, { some: [{ var: "del.rader" }, { "==": [{ var: "kolumner" }, null] }] }))).toEqual([]);
  });

  it("checks x-rules expressions with the rule's scopes (forEach rows)", () => {
    const s = gridSchema(300, { "==": [1, 1] });
    s["x-rules"] = [
      { id: "ok", kind: "value", title: "Antal", expr: { count: { var: "del.rader" } } },
      { id: "dyr", kind: "check", title: "Dyr", severity: "error", forEach: "del.rader", assert: { all: [{ var: "row.kolumner" }, { all: [{ var: "celler" }, { some: [range(300), { "==": [{ var: "" }, 5] }] }] }] }, message: "x", pointer: "/del/rader/{index}" },
    ];
    const issues = schemaCostIssues(s);
    expect(issues.map((i) => i.at)).toEqual(["/x-rules/1/assert"]);
    // Rows, columns and cells of at most 20: the rows are read through forEach's schema.
    const small = gridSchema(20, { "==": [1, 1] });
    small["x-rules"] = s["x-rules"];
    expect(schemaCostIssues(small)).toEqual([]);
  });

  it("every national schema version is within the limits", () => {
    const files = readdirSync(join(ROOT, "schemas")).flatMap((d) => {
      try {
        return readdirSync(join(ROOT, "schemas", d)).filter((f) => f.endsWith(".schema.json")).map((f) => join(ROOT, "schemas", d, f));
      } catch {
        return [];
      }
    });
    // Not vacuous: the six versions of this round at least (new ones join as they are added).
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(schemaCostIssues(readJson(f) as JsonSchema), f).toEqual([]);
  });
});

describe("cost bound: overlays", () => {
  const maps = { some: [{ map: [range(300), { map: [range(300), { map: [range(300), { "+": [{ var: "" }, 1] }] }] }] }, { "==": [{ var: "" }, 0] }] };

  it("overlay check refuses a local item whose condition is three nested map over 300-item lists", () => {
    const overlay = fiaOverlay({ addItems: [{ key: "fraga", schema: { type: "string", maxLength: 10, title: "Fråga", "x-ui": { visibleWhen: maps } } }] });
    const violations = checkOverlay(overlay, fia);
    expect(violations.map((v) => v.rule)).toEqual(["lint"]);
    expect(violations[0]!.pointer).toBe("/addItems/0/schema/x-ui/visibleWhen");
    expect(violations[0]!.message).toMatch(/för kostsamt.*1 000 000/);
  });

  it("the same overlay with a cheap condition passes", () => {
    const overlay = fiaOverlay({ addItems: [{ key: "fraga", schema: { type: "string", maxLength: 10, title: "Fråga", "x-ui": { visibleWhen: { in: [{ var: "lokalt.fraga" }, ["a", "b"]] } } } }] });
    expect(checkOverlay(overlay, fia)).toEqual([]);
  });

  it("the real overlays still pass", () => {
    for (const [file, base] of [["schemas/fia/variants/exempelby.overlay.json", "schemas/fia/1.0.0.schema.json"], ["schemas/sue/variants/provkommun.overlay.json", "schemas/sue/1.0.0.schema.json"]] as const) {
      const violations = checkOverlay(readJson(join(ROOT, file)), readJson(join(ROOT, base)) as JsonSchema, { indicators: file.includes("sue") ? [sueIndicators] : [] } as never);
      expect(violations.filter((v) => v.rule === "lint"), file).toEqual([]);
    }
  });
});

describe("cost bound: compiled expressions (no schema at hand)", () => {
  it("refuses three nested map over lists read from the data", () => {
    const e = { map: [{ var: "a" }, { map: [{ var: "b" }, { map: [{ var: "c" }, { var: "" }] }] }] };
    expect(() => compileLogic(e)).toThrow(LogicError);
    expect(() => compileLogic(e)).toThrow(/1 000 000 000 steg/);
    expect(UNSCHEMAED_MAX_COST).toBe(MAX_COST * DEFAULT_LIST_BOUND);
  });

  it("refuses reduce that doubles its accumulator with merge or cat (out of memory before)", () => {
    const merge = { reduce: [{ var: "xs" }, { merge: [{ var: "accumulator" }, { var: "accumulator" }] }, [1]] };
    const cat = { reduce: [{ var: "xs" }, { cat: [{ var: "accumulator" }, { var: "accumulator" }] }, "ab"] };
    const nested = { reduce: [{ var: "xs" }, [{ var: "accumulator" }, { var: "accumulator" }], 1] };
    for (const e of [merge, cat, nested]) {
      expect(() => compileLogic(e), JSON.stringify(e)).toThrow(/10 000 000 element eller tecken/);
    }
    expect(MAX_VALUE_SIZE).toBe(10_000_000);
  });

  it("refuses literal lists over MAX_LITERAL_ITEMS items in one expression", () => {
    expect(() => compileLogic({ in: [{ var: "x" }, range(MAX_LITERAL_ITEMS + 1)] })).toThrow(/högst 10 000 element/);
    expect(() => compileLogic({ in: [{ var: "x" }, range(MAX_LITERAL_ITEMS)] })).not.toThrow();
  });

  it("counts a literal list's length when it is iterated", () => {
    expect(estimateCost({ map: [range(300), { map: [range(300), { "+": [{ var: "" }, 1] }] }] })!.cost).toBeGreaterThan(300 * 300);
    expect(costProblem({ map: [range(300), { map: [range(300), { map: [range(300), { "+": [{ var: "" }, 1] }] }] }] }, { maxCost: MAX_COST })).toMatch(/för kostsamt/);
  });

  it("accepts what rules ordinarily do: sums with reduce, filters, a single level of some", () => {
    for (const e of [
      { reduce: [{ var: "xs" }, { "+": [{ var: "current" }, { var: "accumulator" }] }, 0] },
      { filter: [{ var: "rows" }, { ">": [{ var: "x" }, 2] }] },
      { some: [{ var: "rows" }, { in: [{ var: "kod" }, ["a", "b", "c"]] }] },
      { map: [{ filter: [{ var: "@.profil" }, { var: "minstMattligt" }] }, { var: "kod" }] },
    ]) {
      expect(() => compileLogic(e), JSON.stringify(e)).not.toThrow();
    }
  });

  it("indicator definitions are held to the bound when loaded", () => {
    const def = structuredClone(sueIndicators) as { groups: Record<string, { expr: unknown }> };
    const name = Object.keys(def.groups)[0]!;
    def.groups[name]!.expr = { map: [{ var: "a" }, { map: [{ var: "b" }, { map: [{ var: "c" }, { var: "" }] }] }] };
    expect(() => parseIndicatorFile(def)).toThrow(/för kostsamt/);
    expect(() => parseIndicatorFile(structuredClone(sueIndicators))).not.toThrow();
  });
});
