import { deref } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";

/**
 * The answer document as a renderer submits it: unanswered questions are absent, not empty.
 * Empty strings and undefined values are removed, and so are empty objects the schema does not
 * require (a section nobody touched); arrays are kept as they are (an empty list can be an
 * answer). Both renderers submit through this, so the same answers give the same document.
 */
export function normalizeDocument(schema: JsonSchema, doc: unknown): unknown {
  const visit = (node: JsonSchema | undefined, value: unknown, required: boolean): unknown => {
    if (value === undefined || value === "") return undefined;
    if (Array.isArray(value)) {
      const items = node && isSchemaObject(node.items) ? deref(schema, node.items) : undefined;
      return value.map((v) => visit(items, v, true) ?? (isSchemaObject(v) ? {} : v)).filter((v) => v !== undefined);
    }
    if (value === null || typeof value !== "object") return value;
    const props = node && isSchemaObject(node.properties) ? node.properties : {};
    const req = new Set(node && Array.isArray(node.required) ? (node.required as string[]) : []);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const sub = isSchemaObject(props[k]) ? deref(schema, props[k] as JsonSchema) : undefined;
      const nv = visit(sub, v, req.has(k));
      if (nv !== undefined) out[k] = nv;
    }
    return Object.keys(out).length === 0 && !required ? undefined : out;
  };
  return visit(deref(schema, schema), doc, true) ?? {};
}
