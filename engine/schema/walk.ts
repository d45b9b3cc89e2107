import { joinPointer, parsePointer, unescapeSegment } from "./pointer.ts";
import { isSchemaObject, type ChoiceOption, type JsonSchema, type UiHints } from "./types.ts";
import { SCHEMA_LIMITS } from "./limits.ts";
import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from "./keywords.ts";

/** Keywords whose values are data, not schemas: an `$anchor` inside them is not an anchor. */
const DATA_KEYWORDS = new Set(["const", "enum", "examples", "default", "x-rules", "x-ui", "x-instrument"]);
const SUBSCHEMA_KEYWORDS: ReadonlySet<string> = new Set<string>([...SINGLE_SUBSCHEMA, ...MAP_OF_SUBSCHEMAS, ...ARRAY_OF_SUBSCHEMAS]);

/**
 * The subschema carrying `$anchor` (or `$dynamicAnchor`) `name` in the root resource, and its
 * pointer: first where subschemas are (as ajv looks), then anywhere that is not data (under
 * `definitions` or another place 2020-12 allows a schema), never inside an embedded resource.
 * Iterative and in document order; not through the walker in traverse.ts, which itself needs
 * this module (deref), so the two do not import each other.
 */
function findAnchor(root: JsonSchema, name: string): { node: JsonSchema; pointer: string } | undefined {
  return searchAnchor(root, name, true) ?? searchAnchor(root, name, false);
}

function searchAnchor(root: JsonSchema, name: string, subschemasOnly: boolean): { node: JsonSchema; pointer: string } | undefined {
  const stack: Array<{ node: unknown; pointer: string; depth: number; map: boolean }> = [{ node: root, pointer: "", depth: 0, map: false }];
  while (stack.length > 0) {
    const { node, pointer, depth, map } = stack.pop()!;
    if (!isSchemaObject(node) || depth > SCHEMA_LIMITS.maxDepth) continue;
    const children: Array<{ node: unknown; pointer: string; depth: number; map: boolean }> = [];
    if (map) {
      // The values of `properties`, `$defs`, … are schemas, whatever their names.
      for (const [key, value] of Object.entries(node)) children.push({ node: value, pointer: joinPointer(pointer, key), depth, map: false });
    } else {
      if (node !== root && typeof node.$id === "string") continue;
      if (node.$anchor === name || node.$dynamicAnchor === name) return { node, pointer };
      for (const [key, value] of Object.entries(node)) {
        if (DATA_KEYWORDS.has(key) || (subschemasOnly && !SUBSCHEMA_KEYWORDS.has(key))) continue;
        const isMap = (MAP_OF_SUBSCHEMAS as readonly string[]).includes(key);
        if (Array.isArray(value)) value.forEach((v, i) => children.push({ node: v, pointer: joinPointer(pointer, key, String(i)), depth: depth + 1, map: false }));
        else children.push({ node: value, pointer: joinPointer(pointer, key), depth: depth + 1, map: isMap });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

/** Whether a schema embeds another resource (an `$id` below its root). */
function embedsResource(root: JsonSchema): boolean {
  return JSON.stringify(root, (key, value: unknown) => (key === "const" || key === "enum" ? undefined : value)).split('"$id"').length > 2;
}

/**
 * Follows a local `$ref`: a JSON Pointer (`#/$defs/x`), an anchor (`#name`) in the same document,
 * and either one prefixed with the root's own `$id`. The engine must never fetch anything, so a
 * remote reference is an error, not a download; a reference to an embedded resource (`$id`
 * inside the schema) is refused with its own message, as is one that points nowhere. A boolean
 * target reads as the schema it stands for (`true` → `{}`, `false` → `{ not: {} }`).
 */
export function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  return refTarget(root, ref).node;
}

/** What resolveRef gives, with the target's JSON Pointer in the document (for walkers). */
export function refTarget(root: JsonSchema, ref: string): { node: JsonSchema; pointer: string } {
  const id = typeof root.$id === "string" ? root.$id : undefined;
  let fragment: string;
  if (ref.startsWith("#")) fragment = ref.slice(1);
  else if (id && ref.startsWith(id + "#")) fragment = ref.slice(id.length + 1);
  else if (id && ref === id) fragment = "";
  else if (embedsResource(root)) throw new Error(`$ref till ett inbäddat schema (ett $id inuti schemat) stöds inte, använd en lokal pekare som börjar med #/: ${ref}`);
  else throw new Error(`Endast lokala $ref stöds: ${ref}`);
  let node: unknown = root;
  let pointer = "";
  if (fragment !== "" && !fragment.startsWith("/")) {
    const anchor = findAnchor(root, decodeURIComponent(fragment));
    if (anchor === undefined) throw new Error(`$ref pekar på ett ankare som inte finns: ${ref}`);
    ({ node, pointer } = anchor);
  } else {
    for (const seg of fragment === "" ? [] : fragment.slice(1).split("/").map(unescapeSegment)) {
      if (!isSchemaObject(node) && !Array.isArray(node)) throw new Error(`$ref pekar på något som inte finns: ${ref}`);
      const key = decodeURIComponent(seg);
      node = Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
      pointer = joinPointer(pointer, key);
    }
  }
  if (node === true) return { node: {}, pointer };
  if (node === false) return { node: { not: {} }, pointer };
  if (!isSchemaObject(node)) throw new Error(`$ref pekar på något som inte finns: ${ref}`);
  return { node, pointer };
}

/**
 * The schema that applies to a node, with one level of `$ref` merged in: sibling keywords of the
 * `$ref` (title, x-ui) win over the target's, as 2020-12 annotation semantics suggest.
 */
export function deref(root: JsonSchema, schema: JsonSchema, depth = 0): JsonSchema {
  if (typeof schema.$ref !== "string") return schema;
  if (depth > SCHEMA_LIMITS.maxDepth) throw new Error(`För djupt nästlade $ref (fler än ${SCHEMA_LIMITS.maxDepth} i följd)`);
  const target = deref(root, resolveRef(root, schema.$ref), depth + 1);
  const { $ref: _ignored, ...siblings } = schema;
  const merged: JsonSchema = { ...target, ...siblings };
  if (isSchemaObject(target["x-ui"]) && isSchemaObject(siblings["x-ui"])) {
    merged["x-ui"] = { ...target["x-ui"], ...siblings["x-ui"] };
  }
  return merged;
}

/** The child schema for one step of an instance path (a property name or an array index). */
export function childSchema(root: JsonSchema, parent: JsonSchema, segment: string): JsonSchema | undefined {
  const schema = deref(root, parent);
  const props = schema.properties;
  if (isSchemaObject(props) && isSchemaObject(props[segment])) return deref(root, props[segment] as JsonSchema);
  if (/^\d+$/.test(segment)) {
    const prefix = schema.prefixItems;
    const index = Number(segment);
    if (Array.isArray(prefix) && isSchemaObject(prefix[index])) return deref(root, prefix[index] as JsonSchema);
    if (isSchemaObject(schema.items)) return deref(root, schema.items);
  }
  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      if (!isSchemaObject(branch)) continue;
      const found = childSchema(root, branch, segment);
      if (found) return found;
    }
  }
  for (const key of ["then", "else"] as const) {
    const branch = schema[key];
    if (isSchemaObject(branch)) {
      const found = childSchema(root, branch, segment);
      if (found) return found;
    }
  }
  return undefined;
}

/** The schema for the value at an instance pointer, or undefined if the schema does not describe it. */
export function schemaAt(root: JsonSchema, pointer: string | string[]): JsonSchema | undefined {
  const segments = typeof pointer === "string" ? parsePointer(pointer) : pointer;
  let node: JsonSchema | undefined = deref(root, root);
  for (const seg of segments) {
    if (!node) return undefined;
    node = childSchema(root, node, seg);
  }
  return node;
}

export function uiOf(schema: JsonSchema | undefined): UiHints {
  const ui = schema?.["x-ui"];
  return isSchemaObject(ui) ? (ui as UiHints) : {};
}

/** Options of a single-choice schema (`oneOf` of `const` + `title`, or a plain `enum`). */
export function choiceOptions(root: JsonSchema, schema: JsonSchema | undefined): ChoiceOption[] | undefined {
  if (!schema) return undefined;
  const s = deref(root, schema);
  if (Array.isArray(s.oneOf) && s.oneOf.length > 0 && s.oneOf.every((b) => isSchemaObject(b) && "const" in b)) {
    return (s.oneOf as JsonSchema[]).map((b) => ({
      code: String(b.const),
      label: typeof b.title === "string" ? b.title : String(b.const),
      ...(isSchemaObject(b["x-ui"]) ? { ui: b["x-ui"] as UiHints } : {}),
      ...(typeof b["x-score"] === "number" ? { score: b["x-score"] } : {}),
    }));
  }
  if (Array.isArray(s.enum)) return s.enum.map((v) => ({ code: String(v), label: String(v) }));
  return undefined;
}

/** A schema's label: its title, else the last pointer segment (never empty). */
export function labelOf(schema: JsonSchema | undefined, fallback: string): string {
  const title = schema?.title;
  return typeof title === "string" && title.trim() !== "" ? title : fallback;
}
