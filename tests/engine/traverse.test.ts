import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  checkSchemaDepth,
  SCHEMA_LIMITS,
  SchemaDepthError,
  walkSchema,
  type SchemaPlace,
  type WalkOptions,
} from "../../engine/schema/traverse.ts";
import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from "../../engine/schema/keywords.ts";
import * as lintKeywords from "../../engine/lint/keywords.ts";
import { lintSchema, type JsonSchema } from "../../engine/compiler.ts";
import { buildFormModel } from "../../engine/form/model.ts";
import { ROOT, readJson } from "../helpers.ts";

/** Every visit as "pointer@depth" (objects and booleans alike). */
function visits<C>(schema: unknown, options: WalkOptions<C> = {}): string[] {
  const out: string[] = [];
  walkSchema(schema, (_node, place) => void out.push(`${place.pointer}@${place.depth}`), options);
  return out;
}

/** `{ properties: { a: { properties: { a: … } } } }`, `levels` subschema steps deep (built without recursion). */
function nested(levels: number): JsonSchema {
  let node: JsonSchema = { type: "string" };
  for (let i = 0; i < levels; i++) node = { type: "object", properties: { a: node } };
  return node;
}

const deepest = (schema: unknown, options: WalkOptions<undefined> = {}): number => {
  let max = 0;
  walkSchema(schema, (_n, p) => void (max = Math.max(max, p.depth)), options);
  return max;
};

describe("walkSchema: pointers and order", () => {
  it("visits the schema and every subschema with its JSON Pointer and depth, parents first, in document order", () => {
    const schema = {
      properties: { "a/b": { items: { type: "string" } }, "c~d": true },
      $defs: { x: { allOf: [{ minLength: 1 }, false] } },
      prefixItems: [{}, "not a schema"],
    };
    expect(visits(schema)).toEqual([
      "@0",
      "/properties/a~1b@1",
      "/properties/a~1b/items@2",
      "/properties/c~0d@1",
      "/$defs/x@1",
      "/$defs/x/allOf/0@2",
      "/$defs/x/allOf/1@2",
      "/prefixItems/0@1",
      "/prefixItems/1@1",
    ]);
  });

  it("tells each visit where it stands: keyword, name or index, parent", () => {
    const schema = { properties: { a: { type: "string" } }, oneOf: [{ required: ["a"] }] };
    const places: Array<SchemaPlace<undefined>> = [];
    walkSchema(schema, (_n, p) => void places.push(p));
    expect(places[0]).toMatchObject({ pointer: "", depth: 0 });
    expect(places[0]!.keyword).toBeUndefined();
    expect(places[1]).toMatchObject({ pointer: "/properties/a", keyword: "properties", key: "a", parent: schema });
    expect(places[2]).toMatchObject({ pointer: "/oneOf/0", keyword: "oneOf", key: 0, parent: schema });
  });

  it("starts at a given pointer", () => {
    expect(visits({ items: {} }, { pointer: "/$defs/rad" })).toEqual(["/$defs/rad@0", "/$defs/rad/items@1"]);
  });
});

describe("walkSchema: which keywords hold subschemas", () => {
  // Written out here, not taken from the lists: a keyword dropped from them fails this test.
  const SINGLE = ["additionalProperties", "items", "contains", "not", "if", "then", "else", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
  const MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];
  const LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];

  it("visits a subschema under every keyword of draft 2020-12 that holds one", () => {
    const schema: JsonSchema = {};
    for (const k of SINGLE) schema[k] = { title: k };
    for (const k of MAPS) schema[k] = { namn: { title: k } };
    for (const k of LISTS) schema[k] = [{}, { title: k }];
    const seen = new Set<string>();
    walkSchema(schema, (node) => {
      if (typeof (node as JsonSchema).title === "string") seen.add((node as JsonSchema).title as string);
    });
    expect([...seen].sort()).toEqual([...SINGLE, ...MAPS, ...LISTS].sort());
    for (const k of ["dependentSchemas", "prefixItems", "unevaluatedProperties", "contentSchema"]) expect(seen).toContain(k);
  });

  it("the lists are the walker's, and lint re-exports the same ones", () => {
    expect([...SINGLE_SUBSCHEMA].sort()).toEqual([...SINGLE].sort());
    expect([...MAP_OF_SUBSCHEMAS].sort()).toEqual([...MAPS].sort());
    expect([...ARRAY_OF_SUBSCHEMAS].sort()).toEqual([...LISTS].sort());
    expect(lintKeywords.SINGLE_SUBSCHEMA).toBe(SINGLE_SUBSCHEMA);
    expect(lintKeywords.MAP_OF_SUBSCHEMAS).toBe(MAP_OF_SUBSCHEMAS);
    expect(lintKeywords.ARRAY_OF_SUBSCHEMAS).toBe(ARRAY_OF_SUBSCHEMAS);
  });

  it("never walks into data: enum, const, default, examples, dependentRequired, x-ui", () => {
    const looksLikeSchema = { properties: { x: {} } };
    const schema = {
      enum: [looksLikeSchema],
      const: looksLikeSchema,
      default: looksLikeSchema,
      examples: [looksLikeSchema],
      dependentRequired: { a: ["b"] },
      "x-ui": looksLikeSchema,
    };
    expect(visits(schema)).toEqual(["@0"]);
  });

  it("visits a map's or list's entries only when the keyword holds a map or a list", () => {
    expect(visits({ properties: [{}], allOf: { a: {} } })).toEqual(["@0"]);
  });

  it("can be told which keywords to descend, in which order", () => {
    const schema = { items: { type: "string" }, properties: { a: {} }, not: {} };
    expect(visits(schema, { keywords: ["properties", "items"] })).toEqual(["@0", "/properties/a@1", "/items@1"]);
  });
});

describe("walkSchema: cycles and shared subschemas", () => {
  it("cuts an object that contains itself", () => {
    const a: JsonSchema = { type: "object" };
    a.properties = { self: a, other: { items: a } };
    expect(visits(a)).toEqual(["@0", "/properties/other@1"]);
    expect(visits(a, { once: false })).toEqual(["@0", "/properties/other@1"]);
  });

  it("visits a shared subschema once, or on every path with once: false", () => {
    const shared = { type: "string" };
    const schema = { properties: { a: shared, b: shared } };
    expect(visits(schema)).toEqual(["@0", "/properties/a@1"]);
    expect(visits(schema, { once: false })).toEqual(["@0", "/properties/a@1", "/properties/b@1"]);
  });

  it("visits once per key of the context when asked", () => {
    const shared = { type: "string" };
    const schema = { properties: { a: shared }, items: { properties: { a: shared } } };
    const out: string[] = [];
    walkSchema<boolean>(
      schema,
      (_n, p) => {
        out.push(p.pointer);
        return { context: p.context || p.keyword === "items" };
      },
      { context: false, onceKey: String },
    );
    expect(out).toEqual(["", "/items", "/items/properties/a", "/properties/a"]);
  });

  it("cuts a $ref that leads back to where it came from when following references", () => {
    const schema = { $ref: "#/$defs/lista", $defs: { lista: { type: "array", items: { $ref: "#/$defs/lista" } } } };
    expect(visits(schema, { refs: "follow", keywords: ["$ref", "items"], once: false })).toEqual(["@0", "/$defs/lista@1", "/$defs/lista/items@2"]);
    const merged: string[] = [];
    walkSchema(schema, (n, p) => void merged.push(`${p.pointer}:${(n as JsonSchema).type}`), { refs: "merge", once: false });
    expect(merged).toEqual([":array", "/$defs/lista/items:array", "/$defs/lista:array", "/$defs/lista/items:array"]);
  });
});

describe("walkSchema: the depth limit", () => {
  it("is one number, the same for every walker", () => {
    expect(SCHEMA_LIMITS.maxDepth).toBe(64);
    expect(Object.isFrozen(SCHEMA_LIMITS)).toBe(true);
  });

  it("visits a subschema exactly at the limit, and reports nothing", () => {
    const result = walkSchema(nested(SCHEMA_LIMITS.maxDepth), () => undefined);
    expect(result.tooDeep).toEqual([]);
    expect(deepest(nested(SCHEMA_LIMITS.maxDepth))).toBe(SCHEMA_LIMITS.maxDepth);
  });

  it("reports one past the limit with its pointer, and does not visit it", () => {
    const schema = nested(SCHEMA_LIMITS.maxDepth + 1);
    const pointer = "/properties/a".repeat(SCHEMA_LIMITS.maxDepth + 1);
    const result = walkSchema(schema, () => undefined);
    expect(result.tooDeep).toEqual([{ pointer, limit: SCHEMA_LIMITS.maxDepth, message: `Schemat är nästlat djupare än ${SCHEMA_LIMITS.maxDepth} nivåer` }]);
    expect(deepest(schema)).toBe(SCHEMA_LIMITS.maxDepth);
    expect(visits(schema)).not.toContain(`${pointer}@${SCHEMA_LIMITS.maxDepth + 1}`);
  });

  it("walks a schema nested 100 000 levels without overflowing the stack: one overrun", () => {
    const result = walkSchema(nested(100_000), () => undefined);
    expect(result.tooDeep).toHaveLength(1);
  });

  it("counts a followed $ref as a step", () => {
    const schema = { $defs: { x: nested(SCHEMA_LIMITS.maxDepth - 1) }, items: { $ref: "#/$defs/x" } };
    // Followed: /items (1), /$defs/x (2), then 63 more levels. As written: /$defs/x (1) and 63 more.
    expect(walkSchema(schema, () => undefined, { refs: "follow", keywords: ["$ref", "items", "properties"] }).tooDeep).toHaveLength(1);
    expect(walkSchema(schema, () => undefined).tooDeep).toHaveLength(0);
  });

  it("throws the same overrun as an error, in Swedish, naming the limit and the pointer", () => {
    expect(() => checkSchemaDepth(SCHEMA_LIMITS.maxDepth, "/a")).not.toThrow();
    let error: unknown;
    try {
      checkSchemaDepth(SCHEMA_LIMITS.maxDepth + 1, "/properties/a");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaDepthError);
    expect((error as SchemaDepthError).message).toBe("Schemat är nästlat djupare än 64 nivåer (vid /properties/a)");
    expect((error as SchemaDepthError).pointer).toBe("/properties/a");
    expect((error as SchemaDepthError).limit).toBe(64);
  });

  it("lint reports a schema one level past the limit, not one at it", () => {
    const wrap = (node: JsonSchema): JsonSchema => ({ type: "object", properties: { fraga: node } });
    const tooDeep = (s: JsonSchema) => lintSchema(s).filter((i) => i.message === `Schemat är nästlat djupare än ${SCHEMA_LIMITS.maxDepth} nivåer`);
    expect(tooDeep(wrap(nested(SCHEMA_LIMITS.maxDepth - 1)))).toEqual([]);
    expect(tooDeep(wrap(nested(SCHEMA_LIMITS.maxDepth)))).toEqual([{ at: "/properties/fraga" + "/properties/a".repeat(SCHEMA_LIMITS.maxDepth), message: `Schemat är nästlat djupare än ${SCHEMA_LIMITS.maxDepth} nivåer` }]);
  });

  it("the form model refuses a form nested past the limit with the same error", () => {
    const schema = (levels: number): JsonSchema => ({ "x-instrument": { name: "prov", version: "1.0.0", title: "Prov" }, type: "object", properties: { fraga: nested(levels) } });
    expect(() => buildFormModel(schema(SCHEMA_LIMITS.maxDepth - 1))).not.toThrow();
    expect(() => buildFormModel(schema(SCHEMA_LIMITS.maxDepth))).toThrow(SchemaDepthError);
    expect(() => buildFormModel(schema(SCHEMA_LIMITS.maxDepth))).toThrow(/^Schemat är nästlat djupare än 64 nivåer \(vid \/properties\/fraga(\/properties\/a)+\)$/);
  });

  it("every schema in schemas/ nests to less than a quarter of the limit, with references followed", () => {
    let files = 0;
    for (const instrument of readdirSync(join(ROOT, "schemas"), { withFileTypes: true })) {
      if (!instrument.isDirectory()) continue;
      for (const file of readdirSync(join(ROOT, "schemas", instrument.name))) {
        if (!file.endsWith(".schema.json")) continue;
        const schema = readJson<JsonSchema>(join(ROOT, "schemas", instrument.name, file));
        files++;
        expect(deepest(schema, { refs: "follow", once: false }), file).toBeLessThan(SCHEMA_LIMITS.maxDepth / 4);
      }
    }
    expect(files).toBeGreaterThan(3);
  });
});

describe("walkSchema: local references", () => {
  const schema: JsonSchema = {
    $defs: { rad: { title: "Rad", properties: { namn: { type: "string" } } }, ankare: { $anchor: "hit", type: "integer" } },
    properties: { rader: { items: { $ref: "#/$defs/rad", title: "Egen rubrik" } }, tal: { $ref: "#hit" } },
  };

  it("does not follow them unless asked", () => {
    expect(visits(schema, { keywords: ["properties", "items"] })).toEqual(["@0", "/properties/rader@1", "/properties/rader/items@2", "/properties/tal@1"]);
  });

  it("follows them to the target's own pointer (JSON Pointer and anchor)", () => {
    expect(visits(schema, { refs: "follow", keywords: ["properties", "items", "$ref"] })).toEqual([
      "@0",
      "/properties/rader@1",
      "/properties/rader/items@2",
      "/$defs/rad@3",
      "/$defs/rad/properties/namn@4",
      "/properties/tal@1",
      "/$defs/ankare@2",
    ]);
  });

  it("merges them as deref does, with each subschema at the pointer it comes from", () => {
    const seen: string[] = [];
    walkSchema(schema, (node, p) => void seen.push(`${p.pointer} ${(node as JsonSchema).title ?? ""}${(node as JsonSchema).type ?? ""}`), { refs: "merge", keywords: ["properties", "items"] });
    expect(seen).toEqual([" ", "/properties/rader ", "/properties/rader/items Egen rubrik", "/$defs/rad/properties/namn string", "/properties/tal integer"]);
  });

  it("leaves a reference that does not resolve alone (lint reports it)", () => {
    const broken = { properties: { a: { $ref: "#/$defs/saknas" }, b: { $ref: "https://evil.example/x.json" } } };
    expect(visits(broken, { refs: "follow" })).toEqual(["@0", "/properties/a@1", "/properties/b@1"]);
    expect(visits(broken, { refs: "merge" })).toEqual(["@0", "/properties/a@1", "/properties/b@1"]);
  });

  it("resolves references in the given root when the walk starts below it", () => {
    const row = (schema.properties as Record<string, JsonSchema>).rader!;
    expect(visits(row, { root: schema, refs: "follow", pointer: "/properties/rader" })).toEqual(["/properties/rader@0", "/properties/rader/items@1", "/$defs/rad@2", "/$defs/rad/properties/namn@3"]);
  });
});

describe("walkSchema: visitors", () => {
  it("skips what is below a subschema when the visitor says so", () => {
    const schema = { properties: { a: { properties: { b: {} } }, c: {} } };
    const out: string[] = [];
    walkSchema(schema, (_n, p) => {
      out.push(p.pointer);
      if (p.pointer === "/properties/a") return "skip";
    });
    expect(out).toEqual(["", "/properties/a", "/properties/c"]);
  });

  it("passes a context down, changed where the visitor changes it", () => {
    const schema = { properties: { lista: { items: { properties: { x: {} } } }, y: {} } };
    const rows: Record<string, string | undefined> = {};
    walkSchema<string | undefined>(schema, (_n, p) => {
      rows[p.pointer] = p.context;
      if (p.keyword === "items") return { context: p.pointer };
    });
    expect(rows).toEqual({ "": undefined, "/properties/lista": undefined, "/properties/lista/items": undefined, "/properties/lista/items/properties/x": "/properties/lista/items", "/properties/y": undefined });
  });
});
