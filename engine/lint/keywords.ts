import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from "../schema/keywords.ts";

/** Where subschemas live in draft 2020-12 (kept in engine/schema/keywords.ts, with the walker). */
export { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA };

export const OTHER_KEYWORDS = [
  "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment",
  "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
  "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
  "maxProperties", "minProperties", "required", "dependentRequired", "format",
  "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
  "contentEncoding", "contentMediaType",
] as const;

export const OUR_KEYWORDS = ["x-ui", "x-instrument", "x-rules", "x-score", "x-review"] as const;

export const KNOWN_KEYWORDS: ReadonlySet<string> = new Set<string>([
  ...SINGLE_SUBSCHEMA, ...MAP_OF_SUBSCHEMAS, ...ARRAY_OF_SUBSCHEMAS, ...OTHER_KEYWORDS, ...OUR_KEYWORDS,
]);
