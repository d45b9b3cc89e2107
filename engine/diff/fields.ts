import { joinPointer } from "../schema/pointer.ts";
import { choiceOptions, deref, labelOf, uiOf } from "../schema/walk.ts";
import { isSchemaObject, type ChoiceOption, type JsonSchema } from "../schema/types.ts";
import { SCHEMA_LIMITS } from "../schema/traverse.ts";
import { ANNOTATION_KEYWORDS, shapeOf } from "./shape.ts";

/**
 * A schema seen as the answers it describes: one node per answer path (property keys, "*" for
 * every row of a list). Every node is taken through `deref`, so a section compares by what it
 * means, not by which `$defs` entry holds it.
 */

/** Stands for "every item" of an array in a diff pointer (never an answer key in our schemas). */
export const EVERY_ITEM = "*";

export type NodeKind = "group" | "list" | "choice" | "multichoice" | "value";

export interface FieldNode {
  pointer: string;
  segments: string[];
  key: string;
  /** The schema with `$ref` merged in (siblings of the `$ref` win, as deref does). */
  schema: JsonSchema;
  label: string;
  kind: NodeKind;
  /** Required in its parent object (rows of a list are never "required"). */
  required: boolean;
  parent: string | undefined;
  /** Child keys in declaration order. */
  children: string[];
  /** The recursion was cut here (a schema that contains itself). */
  recursive?: boolean;
}

export interface FieldTree {
  root: JsonSchema;
  nodes: Map<string, FieldNode>;
}

/** Items that are answers of their own (rows with fields, nested lists), not a list of scalars. */
function isStructured(root: JsonSchema, schema: unknown): boolean {
  if (!isSchemaObject(schema)) return false;
  const s = deref(root, schema);
  return isSchemaObject(s.properties) || s.type === "object" || s.type === "array" || isSchemaObject(s.items);
}

function kindOf(root: JsonSchema, s: JsonSchema): NodeKind {
  if (isSchemaObject(s.properties) || s.type === "object") return "group";
  if (s.type === "array" || s.items !== undefined) {
    if (isStructured(root, s.items)) return "list";
    return isSchemaObject(s.items) && choiceOptions(root, s.items) ? "multichoice" : "value";
  }
  return choiceOptions(root, s) ? "choice" : "value";
}

export function fieldTree(root: JsonSchema): FieldTree {
  const nodes = new Map<string, FieldNode>();
  const visit = (raw: JsonSchema, segments: string[], required: boolean, parent: string | undefined, refs: string[]): void => {
    const pointer = joinPointer("", ...segments);
    const key = segments[segments.length - 1] ?? "";
    const ref = typeof raw.$ref === "string" ? raw.$ref : undefined;
    // A schema that contains itself, or one nested past the schema depth limit, is cut here.
    const recursive = (ref !== undefined && refs.includes(ref)) || segments.length > SCHEMA_LIMITS.maxDepth;
    const schema = deref(root, raw);
    const kind = kindOf(root, schema);
    const node: FieldNode = {
      pointer,
      segments,
      key,
      schema,
      label: labelOf(schema, key === "" ? "Dokumentet" : key),
      kind,
      required,
      parent,
      children: [],
      ...(recursive ? { recursive: true } : {}),
    };
    nodes.set(pointer, node);
    if (recursive) return;
    const path = ref ? [...refs, ref] : refs;
    if (isSchemaObject(schema.properties)) {
      const req = Array.isArray(schema.required) ? schema.required.map(String) : [];
      for (const [name, child] of Object.entries(schema.properties)) {
        if (!isSchemaObject(child)) continue;
        node.children.push(name);
        visit(child, [...segments, name], req.includes(name), pointer, path);
      }
    }
    if (kind === "list" && isSchemaObject(schema.items)) {
      node.children.push(EVERY_ITEM);
      visit(schema.items, [...segments, EVERY_ITEM], false, pointer, path);
    }
  };
  visit(root, [], true, undefined, []);
  return { root, nodes };
}

/** The form order of a group's children: x-ui.order first, the rest in declaration order. */
export function effectiveOrder(node: FieldNode): string[] {
  const listed = uiOf(node.schema).order ?? [];
  const known = listed.filter((k) => node.children.includes(k));
  return [...known, ...node.children.filter((k) => !known.includes(k))];
}

/** Everything below a node that is an answer of its own: questions, not groups. */
export function leafCount(tree: FieldTree, pointer: string): number {
  const node = tree.nodes.get(pointer);
  if (!node) return 0;
  if (node.children.length === 0) return 1;
  return node.children.reduce((n, k) => n + leafCount(tree, joinPointer(pointer, k)), 0);
}

// ---------------------------------------------------------------------------------------------
// Facets: what a node itself says about its answer (children are compared as nodes of their own)

/** Validation keywords the diff understands, with how a change moves the set of valid answers. */
export const LOWER_BOUNDS = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains"];
export const UPPER_BOUNDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains"];
export const OTHER_CONSTRAINTS = ["pattern", "format", "multipleOf", "uniqueItems", "additionalProperties"];
const CONSTRAINTS = new Set([...LOWER_BOUNDS, ...UPPER_BOUNDS, ...OTHER_CONSTRAINTS]);

/** Keywords handled by the tree walk or by their own facet. */
const STRUCTURAL = new Set(["properties", "required", "type", "const", "enum", "$ref"]);

export interface Facets {
  /** Allowed JSON types, sorted; undefined = any type. */
  type?: string[];
  hasConst: boolean;
  const?: unknown;
  options?: ChoiceOption[];
  /** Types of each item of a list of scalars. */
  itemType?: string[];
  /** Known constraints; those of a list of scalars' items are prefixed "items.". */
  constraints: Record<string, unknown>;
  /** Any other validation keyword, in canonical shape (prefixed "items." for scalar items). */
  other: Record<string, unknown>;
}

function typeSet(s: JsonSchema): string[] | undefined {
  if (typeof s.type === "string") return [s.type];
  if (Array.isArray(s.type)) return s.type.map(String).sort();
  return undefined;
}

function ownFacets(root: JsonSchema, s: JsonSchema, prefix: string, into: Facets, withOptions: boolean): void {
  const options = choiceOptions(root, s);
  for (const [key, value] of Object.entries(s)) {
    if (ANNOTATION_KEYWORDS.has(key) || key.startsWith("x-") || STRUCTURAL.has(key)) continue;
    if (key === "oneOf" && options) continue;
    if (key === "items" && prefix === "") continue;
    if (CONSTRAINTS.has(key) && (key !== "additionalProperties" || typeof value === "boolean")) into.constraints[prefix + key] = value;
    else into.other[prefix + key] = shapeOf(root, value);
  }
  if (withOptions && options) into.options = options;
  else if (!withOptions && Array.isArray(s.enum)) into.other[prefix + "enum"] = s.enum;
}

export function facetsOf(root: JsonSchema, node: FieldNode): Facets {
  const s = node.schema;
  const facets: Facets = { hasConst: "const" in s, constraints: {}, other: {} };
  const type = typeSet(s);
  if (type) facets.type = type;
  if ("const" in s) facets.const = s.const;
  ownFacets(root, s, "", facets, node.kind === "choice" || node.kind === "value");
  if (node.kind === "multichoice" || (node.kind === "value" && isSchemaObject(s.items))) {
    const items = deref(root, s.items as JsonSchema);
    const itemType = typeSet(items);
    if (itemType) facets.itemType = itemType;
    ownFacets(root, items, "items.", facets, true);
    if ("const" in items) facets.other["items.const"] = items.const;
  } else if (node.kind === "list" && isSchemaObject(s.items)) {
    // The rows are compared as items of their own, but their type is the list's: scalar rows
    // turning into objects (or back) must show up here.
    const itemType = typeSet(deref(root, s.items));
    if (itemType) facets.itemType = itemType;
  } else if (s.items !== undefined && node.kind !== "list") {
    facets.other["items"] = shapeOf(root, s.items);
  }
  return facets;
}
