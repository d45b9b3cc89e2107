/**
 * The React renderer hands rjsf a part of its drawing schema back unresolved when it has nothing to
 * resolve (renderers/react/src/uiSchema.ts isPlainSchema, EngineForm.tsx). Runs in Node: what rjsf's
 * own retrieveSchema makes of every part we call plain must equal the part, for every schema version
 * in the repository; and a part with anything to resolve is never called plain. (References are
 * inlined before rjsf sees the schema, so they never reach this check.)
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSchemaUtils, deepEquals, type RJSFSchema } from "@rjsf/utils";
import { isSchemaObject, type JsonSchema } from "@blankett/engine";
import { isPlainSchema, rjsfSchemaOf } from "../../renderers/react/src/uiSchema.ts";
import { engineValidator } from "../../renderers/react/src/validator.ts";
import { INSTRUMENTS, ROOT, readJson } from "../helpers.ts";

const versions = INSTRUMENTS.flatMap((name) =>
  readdirSync(join(ROOT, "schemas", name))
    .filter((f) => f.endsWith(".schema.json"))
    .map((f) => ({ label: `${name} ${f.replace(".schema.json", "")}`, schema: readJson<JsonSchema>(join(ROOT, "schemas", name, f)) })),
);

/** Every schema object in a drawing schema (not inside const, enum, default or examples). */
function parts(node: unknown, out: JsonSchema[] = []): JsonSchema[] {
  if (Array.isArray(node)) for (const n of node) parts(n, out);
  else if (isSchemaObject(node)) {
    out.push(node);
    for (const [k, v] of Object.entries(node)) if (k !== "const" && k !== "enum" && k !== "default" && k !== "examples") parts(v, out);
  }
  return out;
}

describe("plain parts of a drawing schema", () => {
  it.each(versions)("$label: rjsf resolves every part called plain to an equal schema", ({ schema }) => {
    const drawing = rjsfSchemaOf(schema);
    const utils = createSchemaUtils(engineValidator(schema), drawing);
    const plain = parts(drawing).filter(isPlainSchema);
    // Most of a form is plain (the root included), or the short way would not be taken at all.
    expect(plain).toContain(drawing);
    for (const part of plain) expect(deepEquals(utils.retrieveSchema(part as RJSFSchema, {}), part)).toBe(true);
  });

  it.each([
    ["a condition", { type: "object", properties: { b: { type: "object", properties: { c: { type: "string" } }, if: { required: ["c"] }, then: { required: ["c"] } } } }],
    ["allOf", { type: "object", properties: { b: { type: "object", allOf: [{ properties: { c: { type: "string" } } }] } } }],
    ["additional properties", { type: "object", properties: { b: { type: "object", additionalProperties: { type: "string" } } } }],
    ["pattern properties", { type: "object", properties: { b: { type: "object", patternProperties: { "^x": { type: "string" } } } } }],
    ["dependencies", { type: "object", properties: { b: { type: "object", properties: { c: { type: "string" } }, dependencies: { c: ["d"] } } } }],
  ])("a part with %s is not plain, nor is any part around it", (_what, schema) => {
    const drawing = rjsfSchemaOf(schema as JsonSchema) as JsonSchema;
    expect(isPlainSchema((drawing.properties as Record<string, JsonSchema>).b)).toBe(false);
    expect(isPlainSchema(drawing)).toBe(false);
  });
});
