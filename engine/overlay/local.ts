import { escapeSegment } from "../schema/pointer.ts";
import { isSchemaObject } from "../schema/types.ts";
import { FORBIDDEN_KEYS, shown } from "./paths.ts";
import type { LocalItem, Violation } from "./types.ts";

/**
 * Local items are answers the nation never reads, so they may be anything a municipality needs —
 * but their schema is untrusted input compiled into every form of the variant. Only plain,
 * self-contained keywords are accepted:
 * - no `$ref`/`$id`/`$defs`: an item cannot reach into (or redefine) the national schema;
 * - no `pattern`/`patternProperties`: a regular expression with catastrophic backtracking would
 *   freeze validation of every answer; length limits, `enum` and `format` cover local needs;
 * - no `x-rules`/`x-instrument`: rules belong to the national version;
 * - objects are closed (`additionalProperties: false`), as everywhere in Blankett.
 */
export const LOCAL_NAMESPACE = "lokalt";
/** A local item's key, and a property name inside a local object. */
export const LOCAL_KEY = /^[a-z][A-Za-z0-9_]{0,63}$/;

const ALLOWED = new Set([
  "type", "title", "description", "$comment", "enum", "const", "oneOf", "items", "properties", "required",
  "additionalProperties", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "format", "x-ui", "default", "examples", "deprecated",
]);
const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
const FORMATS = new Set(["date", "date-time", "time", "email"]);
const OPTION_KEYS = new Set(["const", "title", "description", "x-ui"]);
const MAX_SCHEMA_NODES = 500;
const MAX_OPTIONS = 200;
const MAX_LOCAL_DEPTH = 6;

function refusal(keyword: string): string {
  if (keyword === "pattern" || keyword === "patternProperties" || keyword === "propertyNames") {
    return `”${keyword}” tillåts inte i lokala frågor: ett reguljärt uttryck kan låsa valideringen. Använd maxLength, enum eller format i stället`;
  }
  if (keyword.startsWith("$")) return `”${keyword}” tillåts inte: en lokal fråga ska vara fristående och kan inte peka in i det nationella schemat`;
  if (keyword === "x-rules" || keyword === "x-instrument") return `”${keyword}” tillåts inte: regler och identitet hör till den nationella versionen`;
  return `nyckelordet ”${shown(keyword, 40)}” tillåts inte i lokala frågor`;
}

/** Checks one local item's key and schema; `at` is its pointer in the overlay (/addItems/i). */
export function localItemViolations(item: LocalItem, at: string): Violation[] {
  const out: Violation[] = [];
  const key = item.key;
  if (FORBIDDEN_KEYS.has(key)) {
    out.push({ pointer: at + "/key", rule: "otillaten-nyckel", message: `nyckeln ”${key}” är inte tillåten` });
  } else if (key.includes(".") || key.includes("[") || key.includes("/")) {
    out.push({
      pointer: at + "/key",
      rule: "lokal-namnrymd",
      message: `”${shown(key)}” ligger utanför den lokala namnrymden: en lokal fråga har bara ett namn och hamnar i ${LOCAL_NAMESPACE}.<namn>, aldrig bland de nationella frågorna`,
    });
  } else if (!LOCAL_KEY.test(key)) {
    out.push({ pointer: at + "/key", rule: "lokal-namnrymd", message: `”${shown(key)}” är inget giltigt namn: börja med en liten bokstav, sedan bokstäver a–z, siffror eller _` });
  }
  let nodes = 0;
  const visit = (schema: unknown, ptr: string, depth: number): void => {
    if (++nodes > MAX_SCHEMA_NODES) {
      if (nodes === MAX_SCHEMA_NODES + 1) out.push({ pointer: at + "/schema", rule: "lokalt-schema", message: `schemat är för stort (högst ${MAX_SCHEMA_NODES} delscheman)` });
      return;
    }
    if (!isSchemaObject(schema)) {
      out.push({ pointer: ptr, rule: "lokalt-schema", message: "här ska stå ett schema (ett objekt)" });
      return;
    }
    if (depth > MAX_LOCAL_DEPTH) {
      out.push({ pointer: ptr, rule: "lokalt-schema", message: `en lokal fråga får vara nästlad högst ${MAX_LOCAL_DEPTH} nivåer` });
      return;
    }
    for (const k of Object.keys(schema)) if (!ALLOWED.has(k)) out.push({ pointer: ptr + "/" + escapeSegment(k), rule: "lokalt-schema", message: refusal(k) });
    const type = schema.type;
    const types = typeof type === "string" ? [type] : Array.isArray(type) ? type : [];
    if (type === undefined && schema.const === undefined && schema.enum === undefined && schema.oneOf === undefined) {
      out.push({ pointer: ptr, rule: "lokalt-schema", message: "ange svarets typ (type), till exempel \"string\" eller \"boolean\"" });
    }
    for (const t of types) if (typeof t !== "string" || !TYPES.has(t)) out.push({ pointer: ptr + "/type", rule: "lokalt-schema", message: `okänd typ ”${shown(String(t), 40)}”` });
    if (schema.format !== undefined && (typeof schema.format !== "string" || !FORMATS.has(schema.format))) {
      out.push({ pointer: ptr + "/format", rule: "lokalt-schema", message: `format kan vara ${[...FORMATS].join(", ")}` });
    }
    if (schema.oneOf !== undefined) {
      const opts = schema.oneOf;
      if (!Array.isArray(opts) || opts.length === 0 || opts.length > MAX_OPTIONS || !opts.every((o) => isSchemaObject(o) && "const" in o && Object.keys(o).every((k) => OPTION_KEYS.has(k)))) {
        out.push({ pointer: ptr + "/oneOf", rule: "lokalt-schema", message: `oneOf får bara lista svarsalternativ {"const": kod, "title": etikett}, högst ${MAX_OPTIONS}` });
      }
    }
    if (schema.enum !== undefined && (!Array.isArray(schema.enum) || schema.enum.length > MAX_OPTIONS)) {
      out.push({ pointer: ptr + "/enum", rule: "lokalt-schema", message: `enum ska vara en lista med högst ${MAX_OPTIONS} värden` });
    }
    if (types.includes("object") || schema.properties !== undefined) {
      if (schema.additionalProperties !== false) out.push({ pointer: ptr, rule: "lokalt-schema", message: "ett lokalt objekt ska ha \"additionalProperties\": false, så att en felstavad nyckel blir ett fel" });
      const props = schema.properties;
      if (props !== undefined && !isSchemaObject(props)) out.push({ pointer: ptr + "/properties", rule: "lokalt-schema", message: "properties ska vara ett objekt" });
      else if (props) {
        for (const [name, sub] of Object.entries(props)) {
          const p = ptr + "/properties/" + escapeSegment(name);
          if (FORBIDDEN_KEYS.has(name) || !LOCAL_KEY.test(name)) out.push({ pointer: p, rule: "lokalt-schema", message: `”${shown(name, 40)}” är inget giltigt namn på en egenskap` });
          else visit(sub, p, depth + 1);
        }
      }
    } else if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
      out.push({ pointer: ptr + "/additionalProperties", rule: "lokalt-schema", message: "additionalProperties kan bara vara false" });
    }
    if (schema.items !== undefined) visit(schema.items, ptr + "/items", depth + 1);
  };
  visit(item.schema, at + "/schema", 0);
  return out;
}
