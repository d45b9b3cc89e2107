/**
 * Where subschemas live in draft 2020-12: every keyword whose value is a schema, a list of
 * schemas, or names mapped to schemas. The one schema walker (traverse.ts) descends exactly these;
 * everything else (an `enum`, `dependentRequired`, a property named "title") is data.
 */
export const SINGLE_SUBSCHEMA = [
  "additionalProperties", "items", "contains", "not", "if", "then", "else",
  "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema",
] as const;
export const MAP_OF_SUBSCHEMAS = ["properties", "patternProperties", "$defs", "dependentSchemas"] as const;
export const ARRAY_OF_SUBSCHEMAS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;

export type SubschemaKeyword = (typeof SINGLE_SUBSCHEMA)[number] | (typeof MAP_OF_SUBSCHEMAS)[number] | (typeof ARRAY_OF_SUBSCHEMAS)[number];
