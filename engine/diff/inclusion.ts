import { deref } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { ANNOTATION_KEYWORDS, canonical, shapeOf } from "./shape.ts";

/**
 * Schema inclusion: is every value valid under schema `a` (in document `rootA`) also valid under
 * schema `b` (in `rootB`)? Three answers, and only "yes" is ever relied on for "compatible":
 * - "yes": proven, keyword by keyword;
 * - "no": some value valid under `a` is (most likely) invalid under `b` — a cautious "no" only
 *   makes a change breaking, which a reviewer may overrule;
 * - "unknown": the keywords involved cannot be compared here (regular expressions, formats,
 *   overlapping `oneOf` branches, `not` of something unrelated, …): the change needs review.
 *
 * The method follows the subschema checker of Habib, Shinnar, Hirzel and Pradel ("Finding Data
 * Compatibility Bugs with JSON Subschema Checking", ISSTA 2021; github.com/IBM/jsonsubschema):
 * first canonicalise — follow `$ref`s, merge `allOf` conjuncts on the left, split the left's
 * `anyOf`/`oneOf` into branches (a union is included when each branch is), enumerate finite
 * value sets (`enum`, `const`) and test each value — then decide inclusion per JSON type (numbers
 * by their bounds and step, strings by lengths, arrays by item positions and `contains`, objects
 * by the schema that applies to each property name). Where that paper gives up (patterns, some
 * negations) we answer "unknown" rather than guess; like json-schema-describes-subset
 * (github.com/jobohner/json-schema-describes-subset) the answer is three-valued.
 *
 * Soundness rule for the left side: dropping a keyword of `a` only makes `a` accept more, so the
 * left may ignore what it does not understand (`not`, `if`, `dependentSchemas`, `unevaluated*`).
 * The right side must be understood keyword by keyword, or the answer is "unknown".
 */

export type Inclusion = "yes" | "no" | "unknown";

export interface Side {
  root: JsonSchema;
  schema: unknown;
}

const TYPES = ["null", "boolean", "integer", "number", "string", "array", "object"] as const;
/** Applicators that evaluate properties or items in place (they make unevaluated* depend on them). */
const IN_PLACE = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "$ref", "$dynamicRef"];
const MAX_DEPTH = 24;

function combine(results: Inclusion[]): Inclusion {
  if (results.includes("no")) return "no";
  if (results.includes("unknown")) return "unknown";
  return "yes";
}

/** True/false schemas as objects: true → {}, false → { not: {} }. */
function asObject(s: unknown): JsonSchema | false {
  if (s === false) return false;
  if (s === true || s === undefined) return {};
  return isSchemaObject(s) ? s : {};
}

function resolve(root: JsonSchema, s: unknown): JsonSchema | false {
  const o = asObject(s);
  if (o === false) return false;
  let out = o;
  try {
    out = deref(root, o);
  } catch {
    return o;
  }
  if (isSchemaObject(out.not) && Object.keys(out.not).length === 0 && validationKeys(out).length === 1) return false;
  return out;
}

export function validationKeys(s: JsonSchema): string[] {
  return Object.keys(s).filter((k) => !ANNOTATION_KEYWORDS.has(k) && !k.startsWith("x-"));
}

/** Types a schema's `type` admits (integer listed on its own; number admits integer). */
function typesOf(s: JsonSchema): Set<string> {
  const t = s.type;
  const list = typeof t === "string" ? [t] : Array.isArray(t) ? t.map(String) : [...TYPES];
  const out = new Set(list);
  if (out.has("number")) out.add("integer");
  return out;
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v === "object" ? "object" : typeof v;
}

// ---------------------------------------------------------------------------------------------
// The left side, canonicalised

/** The conjunction of `allOf` (recursively) merged into one schema; keyword clashes keep the tighter bound or the first. */
export function flatten(root: JsonSchema, s: unknown, depth = 0): JsonSchema | false {
  const r = resolve(root, s);
  if (r === false) return false;
  const parts = Array.isArray(r.allOf) ? r.allOf : [];
  let out: JsonSchema = { ...r };
  delete out.allOf;
  delete out.$ref;
  if (depth > MAX_DEPTH) return out;
  let dropped = false;
  for (const p of parts) {
    const f = flatten(root, p, depth + 1);
    if (f === false) return false;
    if (Object.keys(f).some((k) => k in out && !MERGED.has(k))) dropped = true;
    const merged = mergeConjunct(out, f);
    if (merged === false) return false;
    out = merged;
  }
  // A dropped keyword may have evaluated a property or an item: without unevaluated* the merged
  // schema can only accept more, never less.
  if (dropped) {
    delete out.unevaluatedProperties;
    delete out.unevaluatedItems;
  }
  return out;
}

/** Keywords mergeConjunct combines exactly (the others: the first conjunct's wins). */
const MERGED = new Set(["type", "required", "enum", "const", "minimum", "minLength", "minItems", "minProperties", "maximum", "maxLength", "maxItems", "maxProperties", "exclusiveMinimum", "exclusiveMaximum", "properties", "uniqueItems", "title", "description", "x-ui"]);

const LOWER = ["minimum", "minLength", "minItems", "minProperties"];
const UPPER = ["maximum", "maxLength", "maxItems", "maxProperties"];

function mergeConjunct(a: JsonSchema, b: JsonSchema): JsonSchema | false {
  const out: JsonSchema = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (!(k in out)) {
      out[k] = v;
      continue;
    }
    const cur = out[k];
    if (k === "type") {
      const ta = typesOf(a);
      const tb = typesOf(b);
      const both = [...ta].filter((t) => tb.has(t));
      if (both.length === 0) return false;
      out.type = both;
    } else if (k === "required" && Array.isArray(cur) && Array.isArray(v)) out.required = [...new Set([...cur, ...v].map(String))];
    else if (k === "enum" && Array.isArray(cur) && Array.isArray(v)) {
      const keep = new Set(v.map(canonical));
      out.enum = cur.filter((x) => keep.has(canonical(x)));
    } else if (k === "const" && canonical(cur) !== canonical(v)) return false;
    else if (LOWER.includes(k) || k === "exclusiveMinimum") out[k] = Math.max(Number(cur), Number(v));
    else if (UPPER.includes(k) || k === "exclusiveMaximum") out[k] = Math.min(Number(cur), Number(v));
    else if (k === "properties" && isSchemaObject(cur) && isSchemaObject(v)) {
      const props: Record<string, unknown> = { ...cur };
      for (const [name, sub] of Object.entries(v)) props[name] = name in props ? { allOf: [props[name], sub] } : sub;
      out.properties = props;
    } else if (k === "uniqueItems") out.uniqueItems = cur === true || v === true;
    // Any other clash: keep the first conjunct's keyword (the left may accept more, never less).
  }
  return out;
}

/** The finite set of values a schema allows, when it has one (`const`, `enum`, a boolean or null type). */
function finiteValues(s: JsonSchema): unknown[] | undefined {
  if ("const" in s) return [s.const];
  if (Array.isArray(s.enum)) return s.enum;
  const t = typesOf(s);
  if (t.size <= 2 && [...t].every((x) => x === "null" || x === "boolean")) {
    return [...(t.has("null") ? [null] : []), ...(t.has("boolean") ? [true, false] : [])];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Inclusion

export function includes(a: Side, b: Side, depth = 0): Inclusion {
  if (depth > MAX_DEPTH) return "unknown";
  const rb = resolve(b.root, b.schema);
  if (rb !== false && validationKeys(rb).length === 0) return "yes";
  const la = flatten(a.root, a.schema);
  if (la === false) return "yes";
  if (rb === false) return "no";
  {
    try {
      if (canonical(shapeOf(a.root, a.schema)) === canonical(shapeOf(b.root, b.schema))) return "yes";
    } catch {
      // a reference that points nowhere: compare keyword by keyword
    }
  }
  // The left's unions: each branch (with the rest of the left) must be included.
  for (const key of ["anyOf", "oneOf"] as const) {
    const branches = la[key];
    if (!Array.isArray(branches)) continue;
    const rest: JsonSchema = { ...la };
    delete rest[key];
    const results = branches.map((br) => {
      const f = flatten(a.root, br);
      if (f === false) return "yes" as Inclusion;
      const m = mergeConjunct(rest, f);
      return m === false ? ("yes" as Inclusion) : includes({ root: a.root, schema: m }, b, depth + 1);
    });
    const r = combine(results);
    // A oneOf branch's value may also match another branch (then it was never valid): "no" is
    // proven only when the branches share no value.
    const apart = key === "anyOf" || branches.every((x, i) => branches.every((y, j) => j <= i || disjoint2(a.root, x, a.root, y)));
    return r === "no" && !apart ? "unknown" : r;
  }
  const values = finiteValues(la);
  if (values !== undefined) {
    const results: Inclusion[] = [];
    for (const v of values) {
      const ok = accepts(a.root, la, v);
      if (ok === false) continue;
      const there = accepts(b.root, rb, v);
      results.push(there === true ? "yes" : there === false ? (ok === true ? "no" : "unknown") : "unknown");
    }
    return combine(results);
  }
  return combine(rightKeywords({ root: a.root, schema: la }, la, { root: b.root, schema: rb }, rb, depth));
}

interface Bound {
  v: number;
  excl: boolean;
}

function lowerOf(s: JsonSchema): Bound | undefined {
  const m = typeof s.minimum === "number" ? s.minimum : undefined;
  const e = typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum : undefined;
  if (m === undefined && e === undefined) return undefined;
  if (e === undefined || (m !== undefined && m > e)) return { v: m!, excl: false };
  return { v: e, excl: true };
}

function upperOf(s: JsonSchema): Bound | undefined {
  const m = typeof s.maximum === "number" ? s.maximum : undefined;
  const e = typeof s.exclusiveMaximum === "number" ? s.exclusiveMaximum : undefined;
  if (m === undefined && e === undefined) return undefined;
  if (e === undefined || (m !== undefined && m < e)) return { v: m!, excl: false };
  return { v: e, excl: true };
}

function num(s: JsonSchema, k: string): number | undefined {
  return typeof s[k] === "number" ? (s[k] as number) : undefined;
}

function divides(step: number, by: number): boolean {
  const q = step / by;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

/** Every keyword of the right side, checked against the (canonical) left. */
function rightKeywords(A: Side, a: JsonSchema, B: Side, b: JsonSchema, depth: number): Inclusion[] {
  const out: Inclusion[] = [];
  const sub = (x: unknown, y: unknown, rootX = A.root, rootY = B.root) => includes({ root: rootX, schema: x }, { root: rootY, schema: y }, depth + 1);
  const ta = typesOf(a);
  const numeric = ta.has("integer") || ta.has("number");
  const onlyInteger = !ta.has("number");
  const isString = ta.has("string");
  const isArray = ta.has("array");
  const isObject = ta.has("object");
  const handled = new Set<string>();
  const done = (...ks: string[]) => ks.forEach((k) => handled.add(k));

  if ("type" in b) {
    done("type");
    const tb = typesOf(b);
    out.push([...ta].every((t) => tb.has(t)) ? "yes" : "no");
  }
  if ("const" in b || "enum" in b) {
    done("const", "enum");
    out.push("no"); // the left is not a finite set (finiteValues above), the right is
  }
  // Numbers
  const la = lowerOf(a);
  const ua = upperOf(a);
  for (const [k, lower] of [["minimum", true], ["exclusiveMinimum", true], ["maximum", false], ["exclusiveMaximum", false]] as const) {
    if (!(k in b)) continue;
    done(k);
    const m = num(b, k)!;
    const own = lower ? la : ua;
    const exclusive = k.startsWith("exclusive");
    if (!numeric) out.push("yes");
    else if (!own) out.push("no");
    else {
      // Upper bounds compared on the mirrored number line, so one test serves both sides.
      const sign = lower ? 1 : -1;
      const beyond = sign * own.v > sign * m || (own.v === m && (!exclusive || own.excl));
      const integerStep = onlyInteger && exclusive && (lower ? Math.floor(m) + 1 <= own.v : Math.ceil(m) - 1 >= own.v);
      out.push(beyond || integerStep ? "yes" : "no");
    }
  }
  if ("multipleOf" in b) {
    done("multipleOf");
    const m = num(b, "multipleOf")!;
    const step = num(a, "multipleOf");
    if (!numeric) out.push("yes");
    else if (step !== undefined && divides(step, m)) out.push("yes");
    else if (onlyInteger && divides(1, m)) out.push("yes");
    else out.push("no");
  }
  // Strings
  for (const [k, lower] of [["minLength", true], ["maxLength", false]] as const) {
    if (!(k in b)) continue;
    done(k);
    const m = num(b, k)!;
    const own = num(a, k);
    out.push(!isString || (own !== undefined && (lower ? own >= m : own <= m)) || (lower && m === 0) ? "yes" : "no");
  }
  for (const k of ["pattern", "format", "contentEncoding", "contentMediaType", "contentSchema"]) {
    if (!(k in b)) continue;
    done(k);
    out.push(!isString || canonical(a[k]) === canonical(b[k]) ? "yes" : "unknown");
  }
  // Arrays
  if (isArray) out.push(...arrayKeywords(A, a, B, b, sub, done));
  else done("items", "prefixItems", "contains", "minContains", "maxContains", "minItems", "maxItems", "uniqueItems", "unevaluatedItems");
  // Objects
  if (isObject) out.push(...objectKeywords(A, a, B, b, sub, done));
  else done("properties", "patternProperties", "additionalProperties", "required", "propertyNames", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "unevaluatedProperties");

  // Combinators
  if (Array.isArray(b.allOf)) {
    done("allOf");
    for (const c of b.allOf) out.push(sub(A.schema, c));
  }
  if (Array.isArray(b.anyOf)) {
    done("anyOf");
    out.push(b.anyOf.some((c) => sub(A.schema, c) === "yes") ? "yes" : "unknown");
  }
  if (Array.isArray(b.oneOf)) {
    done("oneOf");
    const branches = b.oneOf;
    const disjoint = branches.every((x, i) => branches.every((y, j) => j <= i || disjoint2(B.root, x, B.root, y)));
    out.push(disjoint && branches.some((c) => sub(A.schema, c) === "yes") ? "yes" : "unknown");
  }
  if ("not" in b) {
    done("not");
    // a ⊆ not N ⇔ a and N share no value: proven when the left's own `not M` covers N (N ⊆ M).
    const mine = "not" in a && sub(b.not, a.not, B.root, A.root) === "yes";
    // A finite N: any of its values the left accepts is valid before and rejected after.
    const nb = flatten(B.root, b.not);
    const banned = nb === false ? undefined : finiteValues(nb);
    const hit = banned?.some((v) => accepts(B.root, nb, v) === true && accepts(A.root, a, v) === true);
    out.push(mine || disjoint2(A.root, a, B.root, b.not) ? "yes" : hit ? "no" : "unknown");
  }
  if ("if" in b) {
    done("if", "then", "else");
    const cond = b.if;
    const thenOk = "then" in b ? sub(A.schema, b.then) : "yes";
    const elseOk = "else" in b ? sub(A.schema, b.else) : "yes";
    if (sub(A.schema, cond) === "yes") out.push(thenOk);
    else if (disjoint2(A.root, a, B.root, cond)) out.push(elseOk);
    else if (thenOk === "yes" && elseOk === "yes") out.push("yes");
    else if ("if" in a && canonical(shapeOf(A.root, a.if)) === canonical(shapeOf(B.root, cond))) {
      // Same condition on both sides: each branch against its counterpart.
      const aThen = mergeConjunct(a, flatten(A.root, a.then) || { not: {} });
      const aElse = mergeConjunct(a, flatten(A.root, a.else) || { not: {} });
      const t = aThen === false ? "yes" : "then" in b ? sub({ ...aThen, if: undefined }, b.then) : "yes";
      const e = aElse === false ? "yes" : "else" in b ? sub({ ...aElse, if: undefined }, b.else) : "yes";
      out.push(combine([t, e]) === "yes" ? "yes" : "unknown");
    } else out.push("unknown");
  } else done("then", "else");
  // Anything else (an unresolved $ref, $dynamicRef, an unknown keyword): cannot tell.
  for (const k of Object.keys(b)) {
    if (handled.has(k) || ANNOTATION_KEYWORDS.has(k) || k.startsWith("x-")) continue;
    out.push("unknown");
  }
  return out;
}

type Sub = (x: unknown, y: unknown, rootX?: JsonSchema, rootY?: JsonSchema) => Inclusion;

function itemAt(s: JsonSchema, i: number): unknown {
  const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : [];
  if (i < prefix.length) return prefix[i];
  if ("items" in s) return s.items;
  // unevaluatedItems acts as items when nothing else evaluates the rest.
  if ("unevaluatedItems" in s && !IN_PLACE.some((k) => k in s) && !("contains" in s)) return s.unevaluatedItems;
  return true;
}

function arrayKeywords(A: Side, a: JsonSchema, B: Side, b: JsonSchema, sub: Sub, done: (...k: string[]) => void): Inclusion[] {
  const out: Inclusion[] = [];
  const prefixA = Array.isArray(a.prefixItems) ? a.prefixItems.length : 0;
  const maxA = Math.min(num(a, "maxItems") ?? Infinity, a.items === false ? prefixA : Infinity);
  const minA = num(a, "minItems") ?? 0;
  if ("minItems" in b) {
    done("minItems");
    out.push(minA >= num(b, "minItems")! ? "yes" : "no");
  }
  if ("maxItems" in b) {
    done("maxItems");
    out.push(maxA <= num(b, "maxItems")! ? "yes" : "no");
  }
  if ("uniqueItems" in b) {
    done("uniqueItems");
    out.push(b.uniqueItems !== true || a.uniqueItems === true || maxA <= 1 ? "yes" : "no");
  }
  const itemsLike = "items" in b || "prefixItems" in b || ("unevaluatedItems" in b && !IN_PLACE.some((k) => k in b) && !("contains" in b));
  if (itemsLike) {
    done("items", "prefixItems");
    if (!("items" in b) && "unevaluatedItems" in b) done("unevaluatedItems");
    const right: JsonSchema = { ...b };
    if (!("items" in b) && "unevaluatedItems" in b) right.items = b.unevaluatedItems;
    const prefixB = Array.isArray(b.prefixItems) ? b.prefixItems.length : 0;
    const n = Math.max(prefixA, prefixB);
    for (let i = 0; i <= n && i < maxA; i++) out.push(sub(itemAt(a, i), itemAt(right, i)));
  } else if ("unevaluatedItems" in b) {
    done("unevaluatedItems");
    out.push("items" in b ? "yes" : "unknown");
  }
  if ("contains" in b || "minContains" in b || "maxContains" in b) {
    done("contains", "minContains", "maxContains");
    if ("contains" in b) {
      const minB = num(b, "minContains") ?? 1;
      const ownMin = "contains" in a ? (num(a, "minContains") ?? 1) : 0;
      if (minB > 0) {
        const viaContains = "contains" in a && ownMin >= minB && sub(a.contains, b.contains) === "yes";
        const viaItems = minA >= minB && [...Array(prefixA + 1).keys()].every((i) => sub(itemAt(a, i), b.contains) === "yes");
        out.push(viaContains || viaItems ? "yes" : minA < minB && ownMin < minB ? "no" : "unknown");
      }
      if ("maxContains" in b) {
        const maxB = num(b, "maxContains")!;
        const viaMax = maxA <= maxB;
        const viaContains = "contains" in a && "maxContains" in a && num(a, "maxContains")! <= maxB && sub(b.contains, a.contains, B.root, A.root) === "yes";
        out.push(viaMax || viaContains ? "yes" : "unknown");
      }
    }
  }
  return out;
}

/** The schemas that apply to the value of property `name` (properties, matching patterns, else additional/unevaluated). */
export function valueSchemas(root: JsonSchema, s: JsonSchema, name: string): unknown[] {
  const out: unknown[] = [];
  const props = isSchemaObject(s.properties) ? s.properties : {};
  const declared = Object.prototype.hasOwnProperty.call(props, name);
  if (declared) out.push(props[name]);
  let matched = false;
  if (isSchemaObject(s.patternProperties)) {
    for (const [p, sub] of Object.entries(s.patternProperties)) {
      if (patternMatches(p, name) !== false) {
        out.push(sub);
        matched = true;
      }
    }
  }
  if (!declared && !matched) {
    if ("additionalProperties" in s) out.push(s.additionalProperties);
    else if ("unevaluatedProperties" in s && !IN_PLACE.some((k) => k in s)) out.push(s.unevaluatedProperties);
  }
  if ("propertyNames" in s) {
    const ok = accepts(root, s.propertyNames, name);
    if (ok === false) return [false];
  }
  void root;
  return out;
}

function patternMatches(pattern: string, name: string): boolean | undefined {
  try {
    return new RegExp(pattern, "u").test(name);
  } catch {
    return undefined;
  }
}

const allOfSchemas = (list: unknown[]): unknown => (list.length === 0 ? true : list.length === 1 ? list[0] : { allOf: list });

function objectKeywords(A: Side, a: JsonSchema, B: Side, b: JsonSchema, sub: Sub, done: (...k: string[]) => void): Inclusion[] {
  const out: Inclusion[] = [];
  const reqA = new Set(Array.isArray(a.required) ? a.required.map(String) : []);
  if ("required" in b) {
    done("required");
    const reqB = Array.isArray(b.required) ? b.required.map(String) : [];
    out.push(reqB.every((n) => reqA.has(n)) ? "yes" : "no");
  }
  const propsA = isSchemaObject(a.properties) ? Object.keys(a.properties) : [];
  const propsB = isSchemaObject(b.properties) ? Object.keys(b.properties) : [];
  const patternsA = isSchemaObject(a.patternProperties) ? Object.keys(a.patternProperties) : [];
  const patternsB = isSchemaObject(b.patternProperties) ? Object.keys(b.patternProperties) : [];
  const unevaluatedAsAdditional = "unevaluatedProperties" in b && !("additionalProperties" in b) && !IN_PLACE.some((k) => k in b);
  if ("properties" in b || "patternProperties" in b || "additionalProperties" in b || unevaluatedAsAdditional) {
    done("properties", "patternProperties", "additionalProperties");
    if (unevaluatedAsAdditional) done("unevaluatedProperties");
    // Each named property on either side.
    for (const name of new Set([...propsA, ...propsB])) {
      const left = valueSchemas(A.root, a, name);
      if (left.some((x) => x === false)) continue;
      for (const r of valueSchemas(B.root, b, name)) out.push(sub(allOfSchemas(left), r));
    }
    // Names neither side declares: those matching a right pattern, and the rest.
    const addA = "additionalProperties" in a ? a.additionalProperties : "unevaluatedProperties" in a && !IN_PLACE.some((k) => k in a) ? a.unevaluatedProperties : true;
    for (const p of patternsB) {
      const right = (b.patternProperties as Record<string, unknown>)[p];
      const same = patternsA.includes(p) ? sub((a.patternProperties as Record<string, unknown>)[p], right) : undefined;
      if (same === "yes") continue;
      const others = patternsA.filter((q) => q !== p).map((q) => sub((a.patternProperties as Record<string, unknown>)[q], right));
      const extra = sub(addA, right);
      out.push(combine([extra, ...others]) === "yes" ? "yes" : same === "no" || extra === "no" ? "no" : "unknown");
    }
    const addB = "additionalProperties" in b ? b.additionalProperties : unevaluatedAsAdditional ? b.unevaluatedProperties : true;
    if (addB !== true) {
      const extra = sub(addA, addB);
      const fresh = freshName([...propsA, ...propsB], [...patternsA, ...patternsB]);
      out.push(extra === "yes" ? "yes" : extra === "no" && fresh ? "no" : "unknown");
      for (const q of patternsA) {
        if (patternsB.includes(q)) continue;
        const r = sub((a.patternProperties as Record<string, unknown>)[q], addB);
        out.push(r === "yes" ? "yes" : "unknown");
      }
    }
  }
  if ("unevaluatedProperties" in b && !unevaluatedAsAdditional) {
    done("unevaluatedProperties");
    out.push("additionalProperties" in b ? "yes" : "unknown");
  }
  if ("propertyNames" in b) {
    done("propertyNames");
    const closed = a.additionalProperties === false && patternsA.length === 0;
    if ("propertyNames" in a && sub(a.propertyNames, b.propertyNames) === "yes") out.push("yes");
    else if (closed && propsA.every((n) => accepts(B.root, b.propertyNames, n) === true)) out.push("yes");
    else if (closed || ("propertyNames" in a && sub(a.propertyNames, b.propertyNames) === "no") || !("propertyNames" in a)) out.push(closed ? "no" : a.additionalProperties === false && patternsA.length === 0 ? "unknown" : "no");
    else out.push("unknown");
  }
  if ("minProperties" in b) {
    done("minProperties");
    out.push(Math.max(num(a, "minProperties") ?? 0, reqA.size) >= num(b, "minProperties")! ? "yes" : "no");
  }
  if ("maxProperties" in b) {
    done("maxProperties");
    const closed = a.additionalProperties === false && patternsA.length === 0;
    out.push((num(a, "maxProperties") ?? Infinity) <= num(b, "maxProperties")! || (closed && propsA.length <= num(b, "maxProperties")!) ? "yes" : closed ? "no" : "no");
  }
  if (isSchemaObject(b.dependentRequired)) {
    done("dependentRequired");
    const depA = isSchemaObject(a.dependentRequired) ? a.dependentRequired : {};
    for (const [k, names] of Object.entries(b.dependentRequired)) {
      if (!Array.isArray(names)) continue;
      const own = new Set([...(Array.isArray(depA[k]) ? (depA[k] as unknown[]).map(String) : []), ...reqA]);
      out.push(isAbsent(A.root, a, k) || names.every((n) => own.has(String(n))) ? "yes" : "no");
    }
  }
  if (isSchemaObject(b.dependentSchemas)) {
    done("dependentSchemas");
    const depA = isSchemaObject(a.dependentSchemas) ? a.dependentSchemas : {};
    for (const [k, s] of Object.entries(b.dependentSchemas)) {
      if (isAbsent(A.root, a, k)) continue;
      const left = k in depA ? mergeConjunct(a, flatten(A.root, depA[k]) || { not: {} }) : a;
      if (left === false) continue;
      const { dependentSchemas: _d, ...rest } = left;
      out.push(sub(rest, s));
    }
  }
  return out;
}

/** A property the left never has (its value schema is false). */
function isAbsent(root: JsonSchema, s: JsonSchema, name: string): boolean {
  return valueSchemas(root, s, name).some((x) => x === false || (isSchemaObject(x) && isSchemaObject(x.not) && Object.keys(x.not).length === 0));
}

function freshName(names: string[], patterns: string[]): string | undefined {
  for (const candidate of ["nyckel_som_inte_finns", "x", "_", "zz9"]) {
    if (names.includes(candidate)) continue;
    if (patterns.every((p) => patternMatches(p, candidate) === false)) return candidate;
  }
  return undefined;
}

/** Two schemas share no value: proven by types, finite value sets, or a property both fix to different values. */
export function disjoint2(rootX: JsonSchema, x: unknown, rootY: JsonSchema, y: unknown): boolean {
  const fx = flatten(rootX, x);
  const fy = flatten(rootY, y);
  if (fx === false || fy === false) return true;
  const tx = typesOf(fx);
  const ty = typesOf(fy);
  if (![...tx].some((t) => ty.has(t))) return true;
  const vx = finiteValues(fx);
  if (vx && vx.every((v) => accepts(rootY, fy, v) === false)) return true;
  const vy = finiteValues(fy);
  if (vy && vy.every((v) => accepts(rootX, fx, v) === false)) return true;
  // A discriminating property: required on one side, with values the other side never allows.
  if (isSchemaObject(fx.properties) && isSchemaObject(fy.properties) && [...tx].every((t) => t === "object")) {
    const reqX = new Set(Array.isArray(fx.required) ? fx.required.map(String) : []);
    for (const [k, sx] of Object.entries(fx.properties)) {
      if (!reqX.has(k) || !(k in fy.properties)) continue;
      if (disjoint2(rootX, sx, rootY, fy.properties[k])) return true;
    }
  }
  if ("not" in fy && includes({ root: rootX, schema: fx }, { root: rootY, schema: fy.not }) === "yes") return true;
  if ("not" in fx && includes({ root: rootY, schema: fy }, { root: rootX, schema: fx.not }) === "yes") return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// A small three-valued validator for single values (finite sets, property names): true, false,
// or undefined when a keyword cannot be decided here (formats, unevaluated* with applicators).

export function accepts(root: JsonSchema, schema: unknown, v: unknown, depth = 0): boolean | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const s = resolve(root, schema);
  if (s === false) return false;
  const results: Array<boolean | undefined> = [];
  const t = jsonType(v);
  for (const [k, x] of Object.entries(s)) {
    if (ANNOTATION_KEYWORDS.has(k) || k.startsWith("x-") || k === "$ref") continue;
    switch (k) {
      case "type": {
        const ts = typeof x === "string" ? [x] : Array.isArray(x) ? x : [];
        results.push(ts.includes(t) || (t === "integer" && ts.includes("number")));
        break;
      }
      case "const":
        results.push(canonical(x) === canonical(v));
        break;
      case "enum":
        results.push(Array.isArray(x) && x.some((e) => canonical(e) === canonical(v)));
        break;
      case "minimum":
      case "exclusiveMinimum":
      case "maximum":
      case "exclusiveMaximum":
      case "multipleOf":
        if (typeof v === "number" && typeof x === "number") {
          if (k === "minimum") results.push(v >= x);
          else if (k === "exclusiveMinimum") results.push(v > x);
          else if (k === "maximum") results.push(v <= x);
          else if (k === "exclusiveMaximum") results.push(v < x);
          else results.push(divides(v, x));
        }
        break;
      case "minLength":
      case "maxLength":
        if (typeof v === "string" && typeof x === "number") {
          const n = [...v].length;
          results.push(k === "minLength" ? n >= x : n <= x);
        }
        break;
      case "pattern":
        if (typeof v === "string" && typeof x === "string") results.push(patternMatches(x, v));
        break;
      case "format":
        if (typeof v === "string") results.push(undefined);
        break;
      case "allOf":
        if (Array.isArray(x)) for (const c of x) results.push(accepts(root, c, v, depth + 1));
        break;
      case "anyOf":
      case "oneOf":
        if (Array.isArray(x)) {
          const r = x.map((c) => accepts(root, c, v, depth + 1));
          if (r.includes(undefined)) results.push(undefined);
          else results.push(k === "anyOf" ? r.includes(true) : r.filter(Boolean).length === 1);
        }
        break;
      case "not": {
        const r = accepts(root, x, v, depth + 1);
        results.push(r === undefined ? undefined : !r);
        break;
      }
      case "if": {
        const c = accepts(root, x, v, depth + 1);
        if (c === undefined) results.push(undefined);
        else if (c && "then" in s) results.push(accepts(root, s.then, v, depth + 1));
        else if (!c && "else" in s) results.push(accepts(root, s.else, v, depth + 1));
        break;
      }
      case "then":
      case "else":
        break;
      default:
        if (Array.isArray(v)) results.push(arrayKeyword(root, s, k, v, depth));
        else if (isSchemaObject(v)) results.push(objectKeyword(root, s, k, v, depth));
        else if (!ARRAY_KEYS.has(k) && !OBJECT_KEYS.has(k)) results.push(undefined);
    }
  }
  if (results.includes(false)) return false;
  if (results.includes(undefined)) return undefined;
  return true;
}

const ARRAY_KEYS = new Set(["items", "prefixItems", "contains", "minContains", "maxContains", "minItems", "maxItems", "uniqueItems", "unevaluatedItems"]);
const OBJECT_KEYS = new Set(["properties", "patternProperties", "additionalProperties", "required", "propertyNames", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "unevaluatedProperties"]);

function all(rs: Array<boolean | undefined>): boolean | undefined {
  if (rs.includes(false)) return false;
  if (rs.includes(undefined)) return undefined;
  return true;
}

function arrayKeyword(root: JsonSchema, s: JsonSchema, k: string, v: unknown[], depth: number): boolean | undefined {
  const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : [];
  switch (k) {
    case "minItems":
      return v.length >= Number(s.minItems);
    case "maxItems":
      return v.length <= Number(s.maxItems);
    case "uniqueItems":
      return s.uniqueItems !== true || new Set(v.map(canonical)).size === v.length;
    case "prefixItems":
      return all(v.slice(0, prefix.length).map((x, i) => accepts(root, prefix[i], x, depth + 1)));
    case "items":
      return all(v.slice(prefix.length).map((x) => accepts(root, s.items, x, depth + 1)));
    case "contains": {
      const hits = v.map((x) => accepts(root, s.contains, x, depth + 1));
      if (hits.includes(undefined)) return undefined;
      const n = hits.filter(Boolean).length;
      return n >= (num(s, "minContains") ?? 1) && n <= (num(s, "maxContains") ?? Infinity);
    }
    case "minContains":
    case "maxContains":
      return true;
    case "unevaluatedItems":
      if ("items" in s) return true;
      if (IN_PLACE.some((x) => x in s) || "contains" in s) return undefined;
      return all(v.slice(prefix.length).map((x) => accepts(root, s.unevaluatedItems, x, depth + 1)));
    default:
      return OBJECT_KEYS.has(k) ? true : undefined;
  }
}

function objectKeyword(root: JsonSchema, s: JsonSchema, k: string, v: Record<string, unknown>, depth: number): boolean | undefined {
  const keys = Object.keys(v);
  switch (k) {
    case "required":
      return !Array.isArray(s.required) || s.required.every((n) => Object.prototype.hasOwnProperty.call(v, String(n)));
    case "minProperties":
      return keys.length >= Number(s.minProperties);
    case "maxProperties":
      return keys.length <= Number(s.maxProperties);
    case "properties":
    case "patternProperties":
    case "additionalProperties":
      return all(keys.map((name) => all(valueSchemas(root, { properties: s.properties, patternProperties: s.patternProperties, ...("additionalProperties" in s ? { additionalProperties: s.additionalProperties } : {}) }, name).map((x) => accepts(root, x, v[name], depth + 1)))));
    case "unevaluatedProperties":
      if ("additionalProperties" in s) return true;
      if (IN_PLACE.some((x) => x in s)) return undefined;
      return all(keys.map((name) => all(valueSchemas(root, { properties: s.properties, patternProperties: s.patternProperties, additionalProperties: s.unevaluatedProperties }, name).map((x) => accepts(root, x, v[name], depth + 1)))));
    case "propertyNames":
      return all(keys.map((name) => accepts(root, s.propertyNames, name, depth + 1)));
    case "dependentRequired":
      if (!isSchemaObject(s.dependentRequired)) return true;
      return Object.entries(s.dependentRequired).every(([d, names]) => !(d in v) || (Array.isArray(names) && names.every((n) => String(n) in v)));
    case "dependentSchemas":
      if (!isSchemaObject(s.dependentSchemas)) return true;
      return all(Object.entries(s.dependentSchemas).map(([d, sub]) => (d in v ? accepts(root, sub, v, depth + 1) : true)));
    default:
      return ARRAY_KEYS.has(k) ? true : undefined;
  }
}

export { TYPES, jsonType };
