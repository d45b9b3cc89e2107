import type { ErrorObject, ValidateFunction } from "ajv";
import { fieldLabel, swedishMessage } from "./messages.ts";
import { escapeSegment, parsePointer } from "../schema/pointer.ts";
import { schemaAt } from "../schema/walk.ts";
import type { JsonSchema } from "../schema/types.ts";
import { MAX_REPORTED_ERRORS, shapeIssue } from "./limits.ts";

export interface FieldError {
  /** JSON Pointer to the field in the answer document. */
  pointer: string;
  /** The JSON Schema keyword that failed (`required`, `format`, …). */
  keyword: string;
  /** The question's label, as the form shows it. */
  label: string;
  /** What to do, in Swedish. */
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
  /** Draft mode only: required answers not given yet. They do not make a draft invalid. */
  unanswered: FieldError[];
  /** Errors found but not listed (only the first MAX_REPORTED_ERRORS get a message). */
  more?: number;
  /**
   * The document passed a size limit (limits.ts) and was refused before validation: `errors`
   * holds that one finding, and rules are not run on it.
   */
  refused?: boolean;
}

export type ValidationMode = "complete" | "draft";

const VALID: ValidationResult = Object.freeze({ valid: true, errors: [], unanswered: [] }) as ValidationResult;

/**
 * Errors that only summarise their branches (the branch errors or a parent error say it better).
 * Parents are looked up by instance path, so this stays linear in the number of errors.
 */
function dropBranchNoise<E extends ErrorLike>(errors: E[]): E[] {
  const parents = new Map<string, E[]>();
  for (const e of errors) {
    if (e.keyword !== "oneOf" && e.keyword !== "anyOf") continue;
    const list = parents.get(e.instancePath);
    if (list) list.push(e);
    else parents.set(e.instancePath, [e]);
  }
  return errors.filter((e) => {
    if (e.keyword === "if") return false;
    const here = parents.get(e.instancePath);
    return !here?.some((parent) => parent !== e && e.schemaPath.startsWith(parent.schemaPath + "/"));
  });
}

function pointerOf(error: ErrorLike): string {
  const p = error.params as Record<string, unknown>;
  if (error.keyword === "required") return error.instancePath + "/" + escapeSegment(String(p.missingProperty));
  if (error.keyword === "additionalProperties") return error.instancePath + "/" + escapeSegment(String(p.additionalProperty));
  if (error.keyword === "dependentRequired") return error.instancePath + "/" + escapeSegment(String(p.missingProperty));
  return error.instancePath;
}

/** Only what the message needs from an ajv error, so renderers with their own ajv can reuse this. */
export type ErrorLike = Pick<ErrorObject, "keyword" | "instancePath" | "schemaPath" | "params">;

export function toFieldErrors(root: JsonSchema, errors: ErrorLike[]): FieldError[] {
  return fieldErrors(root, errors, Infinity).errors;
}

/**
 * Field errors with Swedish messages for the first `limit`; the rest are only counted, so a
 * document with a hundred thousand wrong rows costs its count, not a hundred thousand messages.
 */
/**
 * The schema of each place that has failed, per schema: a form validates on every keystroke and
 * the same places fail again, and `schemaAt` resolves and merges every `$ref` on the way each
 * time (a fifth of a keystroke in the Lit form's profile). Schemas are never changed once loaded;
 * the entries are bounded (a document past MAX_CACHED_PLACES distinct failing places is looked up
 * as before).
 */
const placesBySchema = new WeakMap<JsonSchema, Map<string, JsonSchema | undefined>>();
const MAX_CACHED_PLACES = 10_000;

function fieldAt(root: JsonSchema, pointer: string, segments: string[]): JsonSchema | undefined {
  let places = placesBySchema.get(root);
  if (!places) {
    places = new Map();
    placesBySchema.set(root, places);
  }
  if (places.has(pointer)) return places.get(pointer);
  const field = schemaAt(root, segments);
  if (places.size < MAX_CACHED_PLACES) places.set(pointer, field);
  return field;
}

export function fieldErrors(root: JsonSchema, errors: ErrorLike[], limit: number): { errors: FieldError[]; more: number } {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  let more = 0;
  for (const error of dropBranchNoise(errors)) {
    if (out.length >= limit) {
      // Past the limit only the count matters: a key without escaping or labels.
      const p = error.params as Record<string, unknown>;
      const key = error.instancePath + "\u0001" + String(p.missingProperty ?? p.additionalProperty ?? "") + "\u0000" + error.keyword;
      if (!seen.has(key)) {
        seen.add(key);
        more++;
      }
      continue;
    }
    const pointer = pointerOf(error);
    const key = pointer + "\u0000" + error.keyword;
    if (seen.has(key)) continue;
    seen.add(key);
    const segments = parsePointer(pointer);
    const tail = segments[segments.length - 1] ?? "";
    const field = error.keyword === "additionalProperties" ? undefined : fieldAt(root, pointer, segments);
    const label = fieldLabel(field, tail);
    // Options are compiled as `enum` for speed (optimize.ts); report them as the schema wrote them.
    const keyword = error.keyword === "enum" && Array.isArray(field?.oneOf) ? "oneOf" : error.keyword;
    out.push({ pointer, keyword, label, message: swedishMessage(error as ErrorObject, { root, field, label }) });
  }
  return { errors: out, more };
}

/**
 * A schema the engine cannot use (it breaks the vocabulary, ajv refuses it, no validator for it).
 * Its message names the place in the schema, in Swedish, and quotes the schema at most — never
 * answers — so tools show it as it is.
 */
export class SchemaError extends Error {
  override name = "SchemaError";
}

/** A compiled schema: compile once, validate many documents. */
export class Validator {
  readonly schema: JsonSchema;
  private readonly check: ValidateFunction;

  constructor(schema: JsonSchema, check?: ValidateFunction) {
    this.schema = schema;
    this.check = check ?? compiledFor(schema);
  }

  /**
   * True/false only: the hot path for bulk work, no message building. Linear in the document
   * without the size limits (optimize.ts keeps ajv from going quadratic), so it skips their walk,
   * which would cost about a tenth of a JSON.parse per document. `validate` applies them: a
   * document past a limit is refused there before its items are checked.
   */
  isValid(doc: unknown): boolean {
    return this.check(doc) as boolean;
  }

  validate(doc: unknown, mode: ValidationMode = "complete"): ValidationResult {
    const issue = shapeIssue(doc);
    if (issue) return { valid: false, errors: [{ ...issue, label: "" }], unanswered: [], refused: true };
    if (this.check(doc)) return VALID;
    const { errors: all, more } = fieldErrors(this.schema, this.check.errors ?? [], MAX_REPORTED_ERRORS);
    const extra = more > 0 ? { more } : {};
    if (mode === "complete") return { valid: false, errors: all, unanswered: [], ...extra };
    const unanswered = all.filter((e) => e.keyword === "required");
    const errors = all.filter((e) => e.keyword !== "required");
    return { valid: errors.length === 0 && more === 0, errors, unanswered, ...extra };
  }
}

/**
 * Where validate functions come from. In Node and the example app the ajv compiler is installed
 * (validation/compile.ts); the web-component bundle installs none and registers validators
 * precompiled with ajv's standalone code instead, so it never needs `new Function` at run time.
 */
type Compiler = (schema: JsonSchema) => ValidateFunction;
let compiler: Compiler | undefined;
const precompiled = new Map<string, ValidateFunction>();

export function setCompiler(c: Compiler): void {
  compiler = c;
}

export function registerPrecompiled(schemaId: string, check: ValidateFunction): void {
  precompiled.set(schemaId, check);
}

function compiledFor(schema: JsonSchema): ValidateFunction {
  const id = typeof schema.$id === "string" ? schema.$id : undefined;
  const pre = id ? precompiled.get(id) : undefined;
  if (pre) return pre;
  if (!compiler) throw new SchemaError(`Det finns inget förkompilerat valideringsprogram för ${id ?? "schemat"}`);
  return compiler(schema);
}

const cache = new WeakMap<JsonSchema, Validator>();

/** The validator for a schema object, compiled on first use and reused after. */
export function validatorFor(schema: JsonSchema): Validator {
  let v = cache.get(schema);
  if (!v) {
    v = new Validator(schema);
    cache.set(schema, v);
  }
  return v;
}
