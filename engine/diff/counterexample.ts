import { createAjv } from "../validation/ajv.ts";
import { optimizeForValidation } from "../validation/optimize.ts";
import { generateDocument } from "../generate/generate.ts";
import { Rng } from "../generate/random.ts";
import { parsePointer } from "../schema/pointer.ts";
import { instrumentOf } from "../schema/registry.ts";
import { childSchema, deref } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { VERSION_STAMP } from "./compare.ts";
import { canonical } from "./shape.ts";
import type { Change, SearchSummary } from "./types.ts";

/**
 * The safety net under the analysis: for every change not proven breaking, look for an answer
 * document valid under the old version and invalid under the new. Pure (no files, no clock,
 * no randomness but seeded streams): candidates are built from a few base documents (the
 * synthetic generator's, else a minimal valid document built here) with the changed answer
 * replaced by values at and just beyond each constraint of the old item — every enum/const
 * member, each JSON type, bounds ± 1 and ± epsilon, lengths at and beyond their limits, empty and
 * boundary-sized arrays, absent and present, an undeclared key. The candidates the OLD schema
 * accepts are validated against the NEW one (re-stamped, as a migration would); the first one
 * rejected is the witness and makes the change breaking. Witnesses are synthetic, never answers.
 */

export interface SearchBudget {
  /** Candidates per change. */
  perChange: number;
  /** Candidates over the whole diff. */
  total: number;
  /** Base documents from the synthetic generator (each candidate starts from one). */
  documents: number;
}

export const SEARCH_BUDGET: SearchBudget = Object.freeze({ perChange: 600, total: 20000, documents: 2 });

const EPSILON = 1e-6;

/**
 * Change kinds that never affect which answers are valid (texts, hints, conditions, order, rules,
 * scores, the stamp): not searched. Every other kind is, a future one included.
 */
const NOT_VALIDITY = new Set<Change["kind"]>(["label-changed", "help-changed", "description-changed", "option-relabelled", "option-rescored", "item-reordered", "condition-changed", "hint-changed"]);

type Check = ((doc: unknown) => boolean) & { errorKeys?: () => string[] };
const compiled = new WeakMap<JsonSchema, Check | null>();

function checker(schema: JsonSchema): Check | null {
  if (compiled.has(schema)) return compiled.get(schema)!;
  let check: Check | null = null;
  try {
    const fn = createAjv().compile(optimizeForValidation(schema));
    check = Object.assign((doc: unknown) => fn(doc) as boolean, { errorKeys: () => (fn.errors ?? []).map((e) => `${e.instancePath} ${e.schemaPath}`) });
  } catch {
    check = null;
  }
  compiled.set(schema, check);
  return check;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** The schema for an answer path ("*" = the first row). */
function schemaFor(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: JsonSchema | undefined;
  try {
    node = deref(root, root);
    for (const seg of parsePointer(pointer)) {
      if (!node) return undefined;
      node = childSchema(root, node, seg === "*" ? "0" : seg);
    }
  } catch {
    return undefined;
  }
  return node;
}

/** A value the schema most likely accepts: required properties filled, bounds met. */
export function exampleOf(root: JsonSchema, schema: unknown, depth = 0): unknown {
  if (schema === false || depth > 12) return undefined;
  if (!isSchemaObject(schema)) return null;
  let s: JsonSchema;
  try {
    s = deref(root, schema);
  } catch {
    return null;
  }
  if ("const" in s) return clone(s.const);
  if (Array.isArray(s.enum) && s.enum.length > 0) return clone(s.enum[0]);
  if (Array.isArray(s.oneOf) && s.oneOf.length > 0) return exampleOf(root, s.oneOf[0], depth + 1);
  if (Array.isArray(s.anyOf) && s.anyOf.length > 0) return exampleOf(root, s.anyOf[0], depth + 1);
  if (Array.isArray(s.allOf) && s.allOf.length > 0 && s.type === undefined && s.properties === undefined) return exampleOf(root, s.allOf[0], depth + 1);
  const types = typeof s.type === "string" ? [s.type] : Array.isArray(s.type) ? s.type.map(String) : [];
  const type = types[0] ?? (isSchemaObject(s.properties) || s.required ? "object" : s.items || s.prefixItems ? "array" : undefined);
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      const props = isSchemaObject(s.properties) ? s.properties : {};
      for (const name of Array.isArray(s.required) ? s.required.map(String) : []) {
        const v = name in props ? exampleOf(root, props[name], depth + 1) : "x";
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case "array": {
      const n = typeof s.minItems === "number" ? s.minItems : 0;
      const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : [];
      const out: unknown[] = [];
      for (let i = 0; i < Math.max(n, 0) && i < 50; i++) out.push(exampleOf(root, i < prefix.length ? prefix[i] : (s.items ?? true), depth + 1));
      return out;
    }
    case "integer":
    case "number": {
      const lo = typeof s.minimum === "number" ? s.minimum : typeof s.exclusiveMinimum === "number" ? Math.floor(s.exclusiveMinimum) + 1 : 0;
      return typeof s.multipleOf === "number" ? Math.ceil(lo / s.multipleOf) * s.multipleOf : lo;
    }
    case "string":
      if (s.format === "date") return "2024-01-01";
      if (s.format === "date-time") return "2024-01-01T00:00:00Z";
      return "a".repeat(typeof s.minLength === "number" ? s.minLength : 0);
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return null;
  }
}

/** Every const and enum member anywhere in a schema (conditions, branches, negations): values the change may turn on. */
export function literalsOf(schema: unknown, out: unknown[] = [], depth = 0): unknown[] {
  if (depth > 16 || out.length > 200) return out;
  if (Array.isArray(schema)) {
    for (const s of schema) literalsOf(s, out, depth + 1);
    return out;
  }
  if (!isSchemaObject(schema)) return out;
  for (const [k, v] of Object.entries(schema)) {
    if (k === "const") out.push(v);
    else if (k === "enum" && Array.isArray(v)) out.push(...v);
    else if (k !== "x-ui" && k !== "x-rules" && k !== "examples" && k !== "default") literalsOf(v, out, depth + 1);
  }
  return out;
}

/** Values at and just beyond each constraint of a schema, and one of each JSON type. */
export function boundaryValues(root: JsonSchema, schema: unknown, depth = 0, literals: unknown[] = []): unknown[] {
  const out: unknown[] = [null, true, false, 0, 1, -1, 0.5, 2, "", "a", "1", [], {}, [null], { x: 1 }];
  if (!isSchemaObject(schema) || depth > 2) return out;
  let s: JsonSchema;
  try {
    s = deref(root, schema);
  } catch {
    return out;
  }
  const push = (...vs: unknown[]) => out.push(...vs);
  if ("const" in s) push(s.const);
  if (Array.isArray(s.enum)) push(...s.enum);
  for (const key of ["oneOf", "anyOf", "allOf"] as const) {
    if (Array.isArray(s[key])) for (const br of s[key] as unknown[]) push(...boundaryValues(root, br, depth + 1).slice(15));
  }
  for (const k of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]) {
    const v = s[k];
    if (typeof v === "number") push(v, v - 1, v + 1, v - EPSILON, v + EPSILON, v - 0.5, v + 0.5, Math.round(v));
  }
  if (typeof s.multipleOf === "number") push(s.multipleOf, s.multipleOf * 2, s.multipleOf * 3, s.multipleOf / 2, s.multipleOf * 1.5);
  const pad = (n: number) => "a".repeat(Math.max(0, Math.min(n, 10000)));
  for (const k of ["minLength", "maxLength"]) {
    const v = s[k];
    if (typeof v === "number") push(pad(v), pad(v - 1), pad(v + 1));
  }
  if (typeof s.format === "string") push("2024-01-01", "2024-01-01T00:00:00Z", "12:00:00", "a@b.se", "https://a.se");
  const item = s.items ?? (Array.isArray(s.prefixItems) ? s.prefixItems[0] : undefined);
  if (item !== undefined || s.type === "array" || "contains" in s) {
    const itemValues = [exampleOf(root, item ?? true, depth + 1), ...boundaryValues(root, item, depth + 1).slice(15, 40)];
    const containsValues = "contains" in s ? [exampleOf(root, s.contains, depth + 1), ...boundaryValues(root, s.contains, depth + 1).slice(15, 25)] : [];
    for (const v of [...itemValues, ...containsValues]) push([v], [v, v]);
    for (const k of ["minItems", "maxItems", "minContains", "maxContains"]) {
      const n = s[k];
      if (typeof n === "number" && n <= 50) for (const m of [n - 1, n, n + 1]) if (m >= 0) push(Array.from({ length: m }, () => clone(itemValues[0])));
    }
    push([itemValues[0], itemValues[1]], [...itemValues.slice(0, 3)]);
    if (Array.isArray(s.prefixItems)) push(s.prefixItems.map((p) => exampleOf(root, p, depth + 1)), [...s.prefixItems.map((p) => exampleOf(root, p, depth + 1)), null]);
  }
  push(...literals);
  if (isSchemaObject(s.properties) || s.type === "object" || isSchemaObject(s.patternProperties) || "additionalProperties" in s) {
    const base = exampleOf(root, { ...s, type: "object" }, depth + 1) as Record<string, unknown>;
    push(base);
    const props = isSchemaObject(s.properties) ? s.properties : {};
    // Every property present, then each one left out: the starting points for the values below.
    const full: Record<string, unknown> = { ...base };
    for (const [name, sub] of Object.entries(props)) if (!(name in full)) full[name] = exampleOf(root, sub, depth + 1);
    const starts = [base, full, ...Object.keys(props).map((name) => {
      const { [name]: _drop, ...without } = full;
      return without;
    })];
    push(...starts);
    for (const [name, sub] of Object.entries(props)) {
      const values = [exampleOf(root, sub, depth + 1), ...boundaryValues(root, sub, depth + 1).slice(15, 30), ...literals, ...boundaryValues(root, undefined).slice(0, 9)];
      for (const start of starts) for (const v of values) if (v !== undefined) push({ ...start, [name]: v });
    }
    const patterns = isSchemaObject(s.patternProperties) ? Object.keys(s.patternProperties) : [];
    const names = ["x", "abcd", "nyckel", "a1", ...patterns.map(sampleName)];
    for (const name of names) for (const v of [null, 1, 1.5, "a", true, [], {}]) push({ ...base, [name]: v });
  }
  return out;
}

/** A property name that likely matches a simple pattern ("^x_" → "x_a"). */
function sampleName(pattern: string): string {
  const m = /^\^?([A-Za-z0-9_-]*)/.exec(pattern);
  return (m?.[1] ?? "") + "a";
}

/** The document with the value at an answer path replaced (undefined: removed); "*" is row 0. */
function withValue(doc: unknown, pointer: string, value: unknown): unknown {
  const segs = parsePointer(pointer);
  if (segs.length === 0) return clone(value);
  const out = clone(doc) as Record<string, unknown>;
  let node: unknown = out;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i] === "*" ? "0" : segs[i]!;
    const nextIsRow = segs[i + 1] === "*";
    const container = node as Record<string, unknown>;
    if (container === null || typeof container !== "object") return out;
    let child = container[seg];
    if (child === null || typeof child !== "object") {
      child = nextIsRow ? [] : {};
      container[seg] = child;
    }
    if (nextIsRow && Array.isArray(child) && child.length === 0) child.push({});
    node = child;
  }
  const last = segs[segs.length - 1] === "*" ? "0" : segs[segs.length - 1]!;
  const container = node as Record<string, unknown>;
  if (container === null || typeof container !== "object") return out;
  if (value === undefined) {
    if (Array.isArray(container)) container.splice(Number(last), 1);
    else delete container[last];
  } else container[last] = clone(value);
  return out;
}

/** The new version's stamp, applied as a migration would. */
function restamp(doc: unknown, newSchema: JsonSchema): unknown {
  const stamp = schemaFor(newSchema, VERSION_STAMP);
  if (!stamp || !("const" in stamp) || !isSchemaObject(doc) || !isSchemaObject(doc.meta)) return doc;
  return withValue(doc, VERSION_STAMP, stamp.const);
}

function baseDocuments(oldSchema: JsonSchema, budget: SearchBudget, accepts: Check): unknown[] {
  const out: unknown[] = [];
  const minimal = exampleOf(oldSchema, oldSchema);
  if (accepts(minimal)) out.push(minimal);
  try {
    const { name, version } = instrumentOf(oldSchema);
    for (let i = 0; i < budget.documents; i++) {
      const doc = generateDocument(oldSchema, { instrument: `${name}@${version}` }, new Rng(20201212, i), i);
      if (accepts(doc)) out.push(doc);
    }
  } catch {
    // the generator serves questionnaire-shaped schemas only; the minimal document stays
  }
  if (out.length === 0) out.push(minimal);
  return out;
}

/**
 * Searches every change not already breaking (compatible and review); a change with a witness
 * becomes breaking and carries it. Mutates `changes`; returns what was tried.
 */
export function searchCounterexamples(
  oldSchema: JsonSchema,
  newSchema: JsonSchema,
  changes: Change[],
  budgetIn: Partial<SearchBudget> = {},
  /** Where a change's answer sits in old documents, when its pointers do not say (an item added under a moved parent). */
  oldPlaces: Map<Change, string> = new Map(),
): SearchSummary {
  const budget: SearchBudget = { ...SEARCH_BUDGET, ...budgetIn };
  const summary: SearchSummary = { changes: 0, tried: 0, validOld: 0, witnesses: 0, exhausted: false };
  const oldCheck = checker(oldSchema);
  const newCheck = checker(newSchema);
  if (!oldCheck || !newCheck) return summary;
  const bases = baseDocuments(oldSchema, budget, oldCheck);
  const seen = new Map<string, boolean>();
  const broken = changes.filter((c) => c.class === "breaking").map((c) => c.pointer);
  for (const c of changes) {
    if (c.class !== "compatible" && c.class !== "review") continue;
    // Rules, hints, conditions and order never change which answers are valid.
    if (NOT_VALIDITY.has(c.kind) || c.kind.startsWith("rule") || c.kind === "version-stamp" || c.kind === "instrument-changed") continue;
    // An item already breaking: a witness could not tell this change from that one.
    if (broken.some((p) => p === c.pointer || p.startsWith(c.pointer + "/"))) continue;
    if (summary.tried >= budget.total) {
      summary.exhausted = true;
      break;
    }
    summary.changes++;
    const pointers = [...new Set([oldPlaces.get(c) ?? c.pointer, c.newPointer ?? c.pointer])];
    let tried = 0;
    let validOld = 0;
    let witness: unknown;
    outer: for (const pointer of pointers) {
      const schema = schemaFor(oldSchema, pointer) ?? schemaFor(newSchema, pointer);
      const literals = [...new Set([...literalsOf(schema), ...literalsOf(schemaFor(newSchema, pointer))].map(canonical))].map((t) => JSON.parse(t) as unknown).slice(0, 12);
      const values: unknown[] = [undefined, ...boundaryValues(oldSchema, schema, 0, literals)];
      const parent = pointer === "" ? undefined : pointer.slice(0, pointer.lastIndexOf("/"));
      for (const base of bases) {
        // A base the new version rejects anyway (another, breaking change elsewhere) still
        // serves: a candidate proves this change only by an error the base does not have.
        const baseErrors = new Set(newCheck(restamp(base, newSchema)) ? [] : (newCheck.errorKeys?.() ?? []));
        const docs: unknown[] = [];
        for (const v of values) docs.push(withValue(base, pointer, v));
        // The parent with an undeclared key beside the changed one (additional or pattern properties).
        if (parent !== undefined) for (const v of [1, "a", null]) docs.push(withValue(base, `${parent}/x`, v));
        for (const doc of docs) {
          if (tried >= budget.perChange || summary.tried >= budget.total) break outer;
          const key = canonical(doc);
          tried++;
          summary.tried++;
          if (seen.has(key) && !seen.get(key)) continue;
          const ok = seen.get(key) ?? oldCheck(doc);
          seen.set(key, ok);
          if (!ok) continue;
          validOld++;
          summary.validOld++;
          if (!newCheck(restamp(doc, newSchema))) {
            const fresh = (newCheck.errorKeys?.() ?? []).filter((k) => !baseErrors.has(k));
            if (fresh.length > 0) {
              witness = doc;
              break outer;
            }
          }
        }
      }
    }
    c.searched = { tried, validOld };
    if (witness !== undefined) {
      c.class = "breaking";
      c.witness = witness;
      c.reason = `${c.reason} Motexempel: ett syntetiskt svar som är giltigt i den gamla versionen underkänns av den nya.`;
      summary.witnesses++;
    }
  }
  return summary;
}
