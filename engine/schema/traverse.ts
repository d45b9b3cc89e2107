import { joinPointer } from "./pointer.ts";
import { isSchemaObject, type JsonSchema } from "./types.ts";
import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from "./keywords.ts";
import { deref, refTarget } from "./walk.ts";

/**
 * The one schema walker: every part of the engine that goes through a schema's subschemas (lint,
 * the pattern check, the validation rewrite, anchors, the form model, indicators) goes through
 * here or checks its depth against the same limit, so "how deep may a schema be" has one answer.
 */

export { SCHEMA_LIMITS, depthMessage, depthOverrun, SchemaDepthError, checkSchemaDepth, type SchemaDepthOverrun } from "./limits.ts";
import { SCHEMA_LIMITS, depthOverrun, type SchemaDepthOverrun } from "./limits.ts";

/** Where the walker stands: the pointer of the subschema in the document, and how it got there. */
export interface SchemaPlace<C> {
  /** JSON Pointer into the root document (a followed `$ref`'s target: the target's own pointer). */
  pointer: string;
  /** Subschema steps from where the walk started (0 there). */
  depth: number;
  /** The keyword the subschema stands under ("properties", "items", "$ref"); undefined at the start. */
  keyword?: string;
  /** Its name in a map keyword (`properties`, `$defs`…) or its index in a list keyword (`oneOf`…). */
  key?: string | number;
  /** The schema it stands in (in "merge" mode, with that schema's `$ref` merged in). */
  parent?: JsonSchema;
  /** What the visit of the parent passed on (options.context at the start). */
  context: C;
}

/**
 * Called once for each subschema (in document order, parents first), with whatever stands where a
 * schema should (`true`, `false`, or something malformed: the walker descends into objects only).
 * Return "skip" to leave out what is below it, `{ context }` to give its subschemas another
 * context, or nothing (they get the same one).
 */
export type SchemaVisitor<C> = (node: unknown, place: SchemaPlace<C>) => void | "skip" | { context: C };

export interface WalkOptions<C> {
  /**
   * Local `$ref`s: "ignore" (default) walks the document as written; "follow" also visits a
   * reference's target, as a subschema under the keyword "$ref" at the target's own pointer;
   * "merge" visits every schema as `deref` gives it (the target with the referring schema's own
   * keywords on top) and walks the subschemas of that. A reference that cannot be resolved is
   * left alone: whether it resolves is lint's to report.
   */
  refs?: "ignore" | "follow" | "merge";
  /** The document references resolve in (default: the schema the walk starts from). */
  root?: JsonSchema;
  /** The pointer of the starting schema in `root` (default ""). */
  pointer?: string;
  /** Subschema keywords to descend, in this order (default: every one; "$ref" first when followed). */
  keywords?: readonly string[];
  /**
   * true (default): each object is visited once, wherever else it is reachable from (the walk is
   * then bounded by the schema's size); `onceKey` makes that once per key of the context.
   * false: a shared subschema is visited on every path to it; a cycle is still cut.
   */
  once?: boolean;
  onceKey?: (context: C) => string;
  context?: C;
}

export interface WalkResult {
  /** Subschemas past SCHEMA_LIMITS.maxDepth: not visited, nor anything below them. */
  tooDeep: SchemaDepthOverrun[];
}

const ALL_KEYWORDS: readonly string[] = ["$ref", ...SINGLE_SUBSCHEMA, ...MAP_OF_SUBSCHEMAS, ...ARRAY_OF_SUBSCHEMAS];
const SINGLE: ReadonlySet<string> = new Set(SINGLE_SUBSCHEMA);
const MAP: ReadonlySet<string> = new Set(MAP_OF_SUBSCHEMAS);
const LIST: ReadonlySet<string> = new Set(ARRAY_OF_SUBSCHEMAS);

interface Frame<C> {
  node: unknown;
  place: SchemaPlace<C>;
  /** The frame of the schema this one stands in: the path, for cutting cycles. */
  up: Frame<C> | undefined;
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/**
 * Where each keyword of `deref(root, node)` stands in the document: in `node` itself (at
 * `pointer`), or in the target of its `$ref` (and so on along a chain of them).
 */
export function mergedPointers(root: JsonSchema, node: JsonSchema, pointer: string): (keyword: string) => string {
  const chain: Array<{ node: JsonSchema; pointer: string }> = [{ node, pointer }];
  let at = node;
  while (typeof at.$ref === "string" && chain.length <= SCHEMA_LIMITS.maxDepth) {
    const target = refTarget(root, at.$ref);
    chain.push(target);
    at = target.node;
  }
  return (keyword) => chain.find((c) => hasOwn(c.node, keyword))?.pointer ?? pointer;
}

/**
 * Visits every subschema of `schema` (the schema itself first) with its JSON Pointer and depth,
 * without recursion (a schema nested 100 000 levels is one overrun, not a stack overflow). A
 * cycle (an object inside itself, or a `$ref` back to where it came from) is cut; whatever is
 * past SCHEMA_LIMITS.maxDepth is left out and reported in the result.
 */
export function walkSchema<C = undefined>(schema: unknown, visit: SchemaVisitor<C>, options: WalkOptions<C> = {}): WalkResult {
  const refs = options.refs ?? "ignore";
  const root = options.root ?? (isSchemaObject(schema) ? schema : {});
  const order = options.keywords ?? ALL_KEYWORDS;
  const once = options.once ?? true;
  const seenObjects = new Set<object>();
  const seen = new Map<object, Set<string>>();
  const tooDeep: SchemaDepthOverrun[] = [];
  const stack: Array<Frame<C>> = [{ node: schema, place: { pointer: options.pointer ?? "", depth: 0, context: options.context as C }, up: undefined }];

  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { place } = frame;
    if (place.depth > SCHEMA_LIMITS.maxDepth) {
      tooDeep.push(depthOverrun(place.pointer));
      continue;
    }
    const raw = frame.node;
    if (isSchemaObject(raw)) {
      let cycle = false;
      for (let f = frame.up; f && !cycle; f = f.up) cycle = f.node === raw;
      if (cycle) continue;
      if (once && !options.onceKey) {
        if (seenObjects.has(raw)) continue;
        seenObjects.add(raw);
      } else if (once) {
        const key = options.onceKey!(place.context);
        const keys = seen.get(raw) ?? new Set<string>();
        if (keys.has(key)) continue;
        keys.add(key);
        seen.set(raw, keys);
      }
    }
    let node: unknown = raw;
    let from: (keyword: string) => string = () => place.pointer;
    if (refs === "merge" && isSchemaObject(raw) && typeof raw.$ref === "string") {
      try {
        node = deref(root, raw);
        from = mergedPointers(root, raw, place.pointer);
      } catch {
        node = raw;
      }
    }
    const step = visit(node, place);
    if (step === "skip" || !isSchemaObject(node)) continue;
    const context = step === undefined ? place.context : step.context;
    const children: Array<Frame<C>> = [];
    const child = (sub: unknown, pointer: string, keyword: string, key?: string | number): void => {
      children.push({ node: sub, place: { pointer, depth: place.depth + 1, keyword, ...(key !== undefined ? { key } : {}), parent: node as JsonSchema, context }, up: frame });
    };
    for (const k of order) {
      if (k === "$ref") {
        if (refs !== "follow" || typeof node.$ref !== "string") continue;
        let target: { node: unknown; pointer: string };
        try {
          target = refTarget(root, node.$ref);
        } catch {
          continue;
        }
        child(target.node, target.pointer, k);
        continue;
      }
      if (!hasOwn(node, k)) continue;
      const value = node[k];
      const at = joinPointer(from(k), k);
      if (SINGLE.has(k)) child(value, at, k);
      else if (MAP.has(k)) {
        if (isSchemaObject(value)) for (const [name, sub] of Object.entries(value)) child(sub, joinPointer(at, name), k, name);
      } else if (LIST.has(k)) {
        if (Array.isArray(value)) value.forEach((sub, i) => child(sub, joinPointer(at, i), k, i));
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { tooDeep };
}
