/** Where subschemas live in draft 2020-12, so the linter can visit every one of them. */
export const SINGLE_SUBSCHEMA = [
  "additionalProperties", "items", "contains", "not", "if", "then", "else",
  "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema",
] as const;
export const MAP_OF_SUBSCHEMAS = ["properties", "patternProperties", "$defs", "dependentSchemas"] as const;
export const ARRAY_OF_SUBSCHEMAS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;

export const OTHER_KEYWORDS = [
  "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment",
  "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
  "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
  "maxProperties", "minProperties", "required", "dependentRequired", "format",
  "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
  "contentEncoding", "contentMediaType",
] as const;

export const OUR_KEYWORDS = ["x-ui", "x-instrument", "x-rules", "x-score"] as const;

export const KNOWN_KEYWORDS: ReadonlySet<string> = new Set<string>([
  ...SINGLE_SUBSCHEMA, ...MAP_OF_SUBSCHEMAS, ...ARRAY_OF_SUBSCHEMAS, ...OTHER_KEYWORDS, ...OUR_KEYWORDS,
]);
