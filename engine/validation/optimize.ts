import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { escapeSegment, parsePointer } from "../schema/pointer.ts";
import { canonicalJson } from "./canonical.ts";
import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from "../schema/keywords.ts";
import { checkSchemaDepth, SCHEMA_LIMITS, walkSchema } from "../schema/traverse.ts";

/**
 * The schema as ajv should compile it: the same verdict on every document, faster. Each rewrite
 * below is an equivalence under draft 2020-12, and the walk knows which keywords hold schemas,
 * so data (an `enum`, `dependentRequired`, a property named "title") is copied, never rewritten.
 * The official JSON-Schema-Test-Suite checks the result against plain Ajv2020
 * (tests/engine/json-schema-test-suite.test.ts). Labels and messages still come from the
 * original schema.
 *
 * 1. Annotations are dropped (they never change validity, and precompiled validators would carry
 *    every label and help text).
 * 2. Options written `oneOf: [{const, title}, …]` become `enum` of the codes — the same set when
 *    the consts are distinct by JSON equality — since ajv checks a oneOf by running every branch
 *    through a deep-equal call and an enum of strings is a chain of `===`. Not when the schema
 *    already has an `enum` (it would be overwritten) nor when a `$ref` points into the `oneOf`.
 *    An enum whose codes share one JSON type also states it (`type`): nothing changes, but
 *    ajv's `uniqueItems` then takes its linear path instead of comparing every pair of items.
 * 3. An array's item schema that is only a `$ref` is replaced by its target (and so on inside it,
 *    within a budget): with `inlineRefs: false` each failing item behind a `$ref` copies the
 *    error list gathered so far (`vErrors.concat`), which makes validation quadratic in the
 *    number of failing items. Not across `$id`, `$anchor` or dynamic references, and never a
 *    reference already being inlined (recursion stays a `$ref`).
 */

/** Where draft 2020-12 keeps subschemas: one schema, a list of them, names mapped to them (the walker's lists). */
const SCHEMA: ReadonlySet<string> = new Set(SINGLE_SUBSCHEMA);
const SCHEMA_LIST: ReadonlySet<string> = new Set(ARRAY_OF_SUBSCHEMAS);
const SCHEMA_MAP: ReadonlySet<string> = new Set(MAP_OF_SUBSCHEMAS);
/** Keywords that never change whether an answer is valid; dropped from what ajv compiles. */
const DROPPED = new Set(["title", "description", "x-ui", "x-rules", "x-instrument", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly"]);
const ANNOTATIONS = new Set(["title", "description", "x-ui", "$comment", "deprecated"]);
/** Keywords that change how references resolve below them: a subtree holding one is never copied elsewhere. */
const SCOPED = new Set(["$id", "$anchor", "$dynamicAnchor", "$dynamicRef", "$recursiveRef", "$recursiveAnchor"]);
/** Schema nodes the inlining of item references may add, in all. */
const INLINE_BUDGET = 20_000;

/** Sets a key as an own property, also "__proto__" (plain assignment would change the prototype). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** `{ const, title, x-ui }`: a labelled option, nothing else to validate. */
function isLabelledConst(branch: unknown): branch is { const: unknown } {
  return isSchemaObject(branch) && Object.prototype.hasOwnProperty.call(branch, "const") && Object.keys(branch).every((k) => k === "const" || ANNOTATIONS.has(k));
}

/** The one JSON type every code has, if they share one ("integer" for whole numbers). */
function sharedType(codes: unknown[]): string | undefined {
  if (codes.every((c) => typeof c === "string")) return "string";
  if (codes.every((c) => typeof c === "boolean")) return "boolean";
  if (codes.every((c) => typeof c === "number" && Number.isInteger(c))) return "integer";
  if (codes.every((c) => typeof c === "number" && Number.isFinite(c))) return "number";
  return undefined;
}

/** The schema at a local reference ("#/$defs/x"), or undefined (anchors, other documents). */
function localTarget(root: JsonSchema, ref: string): { node: unknown; pointer: string } | undefined {
  if (ref !== "#" && !ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  let segments: string[];
  try {
    segments = parsePointer(decodeURIComponent(ref.slice(1)));
  } catch {
    return undefined;
  }
  for (const s of segments) {
    if (Array.isArray(node)) node = node[Number(s)];
    else if (isSchemaObject(node) && Object.prototype.hasOwnProperty.call(node, s)) node = node[s];
    else return undefined;
  }
  return { node, pointer: segments.map((s) => "/" + escapeSegment(s)).join("") };
}

export function optimizeForValidation(schema: JsonSchema): JsonSchema {
  // Where references point, to keep those places as they are.
  const refTargets: string[] = [];
  let scoped = false;
  walkSchema(schema, (n) => {
    if (!isSchemaObject(n)) return;
    if (typeof n.$ref === "string") {
      const t = localTarget(schema, n.$ref);
      if (t) refTargets.push(t.pointer);
    }
    for (const k of SCOPED) if (k in n && k !== "$id") scoped = true;
  });
  const referencedInside = (pointer: string) => refTargets.some((t) => t === pointer || t.startsWith(pointer + "/"));
  let budget = INLINE_BUDGET;
  const inlining: string[] = [];

  /** A reference's target as a copy would need it: how many nodes, how deep, and whether it may be copied at all. */
  const measure = (n: unknown): { size: number; height: number; copyable: boolean } => {
    const m = { size: 0, height: 0, copyable: true };
    const { tooDeep } = walkSchema(n, (node, place) => {
      if (!isSchemaObject(node)) return;
      m.size++;
      m.height = Math.max(m.height, place.depth);
      for (const k of SCOPED) if (k in node) m.copyable = false;
    });
    if (tooDeep.length > 0) m.copyable = false;
    return m;
  };

  /** An item schema: a pure local `$ref` is replaced by its target (rewrite 3). */
  const item = (node: unknown, pointer: string, depth: number): unknown => {
    if (!scoped && isSchemaObject(node) && typeof node.$ref === "string" && Object.keys(node).every((k) => k === "$ref" || DROPPED.has(k))) {
      const target = localTarget(schema, node.$ref);
      const m = target && isSchemaObject(target.node) && !inlining.includes(target.pointer) ? measure(target.node) : undefined;
      // A copy never nests the schema deeper than the limit its original had to keep.
      if (target && m && m.copyable && depth + 1 + m.height <= SCHEMA_LIMITS.maxDepth) {
        const cost = m.size;
        if (cost <= budget) {
          budget -= cost;
          inlining.push(target.pointer);
          try {
            return visit(target.node, target.pointer, depth + 1, true);
          } finally {
            inlining.pop();
          }
        }
      }
    }
    return visit(node, pointer, depth + 1, true);
  };

  const visit = (node: unknown, pointer: string, depth: number, inItems: boolean): unknown => {
    checkSchemaDepth(depth, pointer);
    if (!isSchemaObject(node)) return node;
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) {
      if (DROPPED.has(k)) continue;
      const at = `${pointer}/${escapeSegment(k)}`;
      // Inside an array's items every `$ref` is inlined where it can be, not only the first.
      const sub = (s: unknown, p: string) => (inItems || k === "items" ? item(s, p, depth) : visit(s, p, depth + 1, false));
      if (SCHEMA.has(k)) put(out, k, sub(v, at));
      else if (SCHEMA_LIST.has(k) && Array.isArray(v)) put(out, k, v.map((s, i) => (k === "prefixItems" ? item(s, `${at}/${i}`, depth) : sub(s, `${at}/${i}`))));
      else if (SCHEMA_MAP.has(k) && isSchemaObject(v)) {
        const map: Record<string, unknown> = {};
        for (const [name, s] of Object.entries(v)) put(map, name, sub(s, `${at}/${escapeSegment(name)}`));
        put(out, k, map);
      } else put(out, k, v);
    }
    const options = node.oneOf;
    if (Array.isArray(options) && options.length > 0 && options.every(isLabelledConst) && !Object.prototype.hasOwnProperty.call(node, "enum") && !referencedInside(`${pointer}/oneOf`)) {
      const codes = options.map((o) => o.const);
      if (new Set(codes.map(canonicalJson)).size === codes.length) {
        delete out.oneOf;
        out.enum = codes;
        const type = sharedType(codes);
        if (type && !Object.prototype.hasOwnProperty.call(node, "type")) out.type = type;
      }
    }
    return out;
  };
  return visit(schema, "", 0, false) as JsonSchema;
}
