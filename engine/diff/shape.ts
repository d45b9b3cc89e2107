import { deref } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";

/**
 * What a schema means for answers, without where it is defined or how it is worded: `$ref`s
 * followed, annotations (labels, help, hints, rules) dropped, `required` sorted. Two schemas with
 * the same shape accept exactly the same answers, so a key that reappears elsewhere with the same
 * shape has moved rather than been replaced.
 */

/** Keywords that never affect which answers are valid. */
export const ANNOTATION_KEYWORDS = new Set([
  "title",
  "description",
  "x-ui",
  "x-instrument",
  "x-rules",
  "$comment",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$defs",
  "definitions",
  "$schema",
  "$id",
  "$anchor",
  "$dynamicAnchor",
]);

/** Keywords whose value is a map of name → subschema (the names are data, not keywords). */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "dependentSchemas"]);
/** Keywords whose value is literal data, not a schema. */
const LITERALS = new Set(["const", "enum", "required", "type", "pattern", "format", "dependentRequired"]);

export function shapeOf(root: JsonSchema, node: unknown, refs: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => shapeOf(root, n, refs));
  if (!isSchemaObject(node)) return node;
  let schema = node;
  let stack = refs;
  if (typeof schema.$ref === "string") {
    // A recursive schema would never end: name the recursion instead of following it again.
    if (refs.includes(schema.$ref)) return { $recursive: schema.$ref };
    stack = [...refs, schema.$ref];
    schema = deref(root, schema);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema).sort()) {
    if (ANNOTATION_KEYWORDS.has(key) || key.startsWith("x-")) continue;
    const value = schema[key];
    if (key === "required" && Array.isArray(value)) out[key] = [...value].map(String).sort();
    else if (LITERALS.has(key)) out[key] = value;
    else if (SCHEMA_MAPS.has(key) && isSchemaObject(value)) {
      const map: Record<string, unknown> = {};
      for (const name of Object.keys(value).sort()) map[name] = shapeOf(root, value[name], stack);
      out[key] = map;
    } else out[key] = shapeOf(root, value, stack);
  }
  return out;
}

/** JSON with object keys sorted: equal text ⇔ equal data. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isSchemaObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
  return out;
}

export function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export function sameShape(rootA: JsonSchema, a: unknown, rootB: JsonSchema, b: unknown): boolean {
  return canonical(shapeOf(rootA, a)) === canonical(shapeOf(rootB, b));
}
