import { isSchemaObject, type JsonSchema } from "../schema/types.ts";

const ANNOTATIONS = new Set(["title", "description", "x-ui", "$comment", "deprecated"]);
/** Keywords that never change whether an answer is valid; dropped from what ajv compiles. */
const DROPPED = new Set(["title", "description", "x-ui", "x-rules", "x-instrument", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly"]);

/** `{ const, title, x-ui }`: a labelled option, nothing else to validate. */
function isLabelledConst(branch: unknown): branch is { const: unknown } {
  return isSchemaObject(branch) && "const" in branch && Object.keys(branch).every((k) => k === "const" || ANNOTATIONS.has(k));
}

/**
 * The schema as ajv should compile it. Our options are written `oneOf: [{const, title}, …]` so
 * that codes and labels stay together; for validation that is the same as `enum` of the codes
 * (consts are distinct), but ajv checks a oneOf by running every branch through a deep-equal call,
 * while an enum of strings is a chain of `===`. Annotations are dropped too: they do not change
 * validity, and precompiled validators would otherwise carry every label and help text.
 * Labels and messages still come from the original schema.
 */
export function optimizeForValidation(schema: JsonSchema): JsonSchema {
  // Inside "properties", "$defs" and the like, keys are names (a property may be called "title").
  const MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
  const visitChild = (key: string, value: unknown): unknown => {
    if (!MAPS.has(key) || !isSchemaObject(value)) return visit(value);
    const out: JsonSchema = {};
    for (const [name, sub] of Object.entries(value)) out[name] = visit(sub);
    return out;
  };
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isSchemaObject(node)) return node;
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) {
      if (DROPPED.has(k)) continue;
      out[k] = k === "const" || k === "enum" ? v : visitChild(k, v);
    }
    const options = node.oneOf;
    if (Array.isArray(options) && options.length > 0 && options.every(isLabelledConst)) {
      const codes = options.map((o) => o.const);
      if (new Set(codes.map((c) => JSON.stringify(c))).size === codes.length) {
        delete out.oneOf;
        out.enum = codes;
      }
    }
    return out;
  };
  return visit(schema) as JsonSchema;
}
