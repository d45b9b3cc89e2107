import { deref } from "../schema/walk.ts";
import { walkSchema } from "../schema/traverse.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";

/**
 * Answer paths as overlays write them: dot paths from the document root, `[]` for "every item of
 * this array" (`plan.mal[].delmal`), "" for the root. The same notation as the synthetic-data
 * profiles. Segments are kept as a list, with "[]" as a segment of its own.
 */
export const ITEMS = "[]";

/** Keys that would reach an object's prototype if ever used as a property name. Never accepted. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export const MAX_PATH_LENGTH = 300;
const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

export type ParsedPath = { segments: string[] } | { error: string; forbidden?: true };

export function parseAnswerPath(path: string): ParsedPath {
  if (path === "") return { segments: [] };
  if (path.length > MAX_PATH_LENGTH) return { error: `sökvägen är längre än ${MAX_PATH_LENGTH} tecken` };
  const segments: string[] = [];
  for (const part of path.split(".")) {
    let name = part;
    let items = 0;
    while (name.endsWith(ITEMS)) {
      name = name.slice(0, -ITEMS.length);
      items++;
    }
    if (FORBIDDEN_KEYS.has(name)) return { error: `sökvägen innehåller den otillåtna nyckeln ”${name}”`, forbidden: true };
    if (!NAME.test(name)) return { error: `”${shown(path)}” är ingen giltig sökväg (skriv till exempel intervju.datum eller plan.mal[].delmal)` };
    segments.push(name);
    for (let i = 0; i < items; i++) segments.push(ITEMS);
  }
  return { segments };
}

export function formatPath(segments: readonly string[]): string {
  let out = "";
  for (const s of segments) out += s === ITEMS ? ITEMS : out === "" ? s : "." + s;
  return out;
}

/** A path as JSON Logic rules write it (`insatser.0.typ`, `row.datum` already resolved): digits are items. */
export function readPathSegments(path: string): string[] {
  return path.split(".").map((s) => (/^\d+$/.test(s) ? ITEMS : s));
}

/** True when one path is the other or lies inside it (an ancestor or a descendant, or equal). */
export function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Untrusted text shown inside a message: cut short, so a hostile overlay cannot flood the output. */
export function shown(text: string, max = 80): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, " ");
  return flat.length > max ? flat.slice(0, max) + "…" : flat;
}

export interface Located {
  /** The schema at the path, with its `$ref` followed (sibling title and x-ui merged in). */
  schema: JsonSchema;
  /** The object schema that declares the last property (undefined for the root and for "[]"). */
  parent?: JsonSchema;
  /** The last segment. */
  key?: string;
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Follows a path through `properties` and `items` only: those are the places an overlay may change,
 * so a path that resolves here is one the overlay can also apply. Undefined when it does not exist.
 */
export function locate(root: JsonSchema, segments: readonly string[]): Located | undefined {
  let node = deref(root, root);
  let parent: JsonSchema | undefined;
  let key: string | undefined;
  for (const seg of segments) {
    if (seg === ITEMS) {
      if (!isSchemaObject(node.items)) return undefined;
      parent = undefined;
      key = seg;
      node = deref(root, node.items);
      continue;
    }
    const props = node.properties;
    if (!isSchemaObject(props) || !hasOwn(props, seg) || !isSchemaObject(props[seg])) return undefined;
    parent = node;
    key = seg;
    node = deref(root, props[seg] as JsonSchema);
  }
  return { schema: node, ...(parent ? { parent } : {}), ...(key !== undefined ? { key } : {}) };
}

/** Names an object schema requires, in any of the places 2020-12 can say so (conservative). */
export function requiredNames(root: JsonSchema, object: JsonSchema): Set<string> {
  const out = new Set<string>();
  walkSchema(
    object,
    (s) => {
      if (!isSchemaObject(s)) return "skip";
      if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === "string") out.add(r);
      if (isSchemaObject(s.dependentRequired)) for (const list of Object.values(s.dependentRequired)) if (Array.isArray(list)) for (const r of list) if (typeof r === "string") out.add(r);
    },
    { root, refs: "merge", keywords: ["allOf", "anyOf", "oneOf", "then", "else"] },
  );
  return out;
}

/** The option codes of a choice (single: `oneOf` of consts or `enum`; multiple: the same on `items`). */
export function optionCodes(root: JsonSchema, schema: JsonSchema): { codes: unknown[]; multiple: boolean } | undefined {
  const single = codesOf(root, schema);
  if (single) return { codes: single, multiple: false };
  if (isSchemaObject(schema.items)) {
    const items = codesOf(root, schema.items);
    if (items) return { codes: items, multiple: true };
  }
  return undefined;
}

function codesOf(root: JsonSchema, schema: JsonSchema): unknown[] | undefined {
  const s = deref(root, schema);
  if (Array.isArray(s.oneOf) && s.oneOf.length > 0 && s.oneOf.every((b) => isSchemaObject(b) && hasOwn(b, "const"))) {
    return (s.oneOf as JsonSchema[]).map((b) => b.const);
  }
  if (Array.isArray(s.enum)) return s.enum.slice();
  return undefined;
}

/** The JSON type(s) a schema declares, as one comparable string ("string", "array", "integer|null"). */
export function typeOf(schema: JsonSchema): string {
  const t = schema.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return [...t].map(String).sort().join("|");
  if (isSchemaObject(schema.properties)) return "object";
  if (schema.items !== undefined) return "array";
  return "";
}

export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
