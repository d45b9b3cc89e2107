import { isSchemaObject, type JsonSchema } from "../schema/types.ts";

const ANNOTATIONS = new Set(["title", "description", "x-ui", "$comment", "deprecated"]);

/** `{ const, title, x-ui }`: a labelled option, nothing else to validate. */
function isLabelledConst(branch: unknown): branch is { const: unknown } {
  return isSchemaObject(branch) && "const" in branch && Object.keys(branch).every((k) => k === "const" || ANNOTATIONS.has(k));
}

/**
 * The schema as ajv should compile it. Our options are written `oneOf: [{const, title}, …]` so
 * that codes and labels stay together; for validation that is the same as `enum` of the codes
 * (consts are distinct), but ajv checks a oneOf by running every branch through a deep-equal call,
 * while an enum of strings is a chain of `===`. Labels and messages still come from the original.
 */
export function optimizeForValidation(schema: JsonSchema): JsonSchema {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isSchemaObject(node)) return node;
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === "const" || k === "enum" || k === "default" || k.startsWith("x-") ? v : visit(v);
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
