import { deref } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { LOCAL_NAMESPACE } from "./local.ts";

/**
 * The national part of an answer document filled through a local variant: the same document
 * without the local namespace. It validates against the base version, so national rules and
 * indicators compute on it exactly as on documents filled through the national form.
 *
 * `meta.variant` is kept: the base allows it as a free string, and it keeps the record traceable
 * to the variant it came from. (Only where a base has no `variant` in meta is it left out.)
 * Nothing else is removed: an answer the base does not know stays, so validation reports it
 * instead of it disappearing. The input is not changed.
 */
export function toNational(doc: unknown, baseSchema: JsonSchema): unknown {
  if (!isSchemaObject(doc)) return doc;
  const rootProps = deref(baseSchema, baseSchema).properties;
  if (isSchemaObject(rootProps) && Object.prototype.hasOwnProperty.call(rootProps, LOCAL_NAMESPACE)) {
    throw new Error(`Grundversionen har själv en del som heter ”${LOCAL_NAMESPACE}”; den går inte att skilja från lokala frågor`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === LOCAL_NAMESPACE) continue;
    // defineProperty: a key such as "__proto__" stays an ordinary property of the copy.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const meta = out.meta;
  if (isSchemaObject(meta) && "variant" in meta) {
    const metaSchema = isSchemaObject(rootProps) && isSchemaObject(rootProps.meta) ? deref(baseSchema, rootProps.meta) : undefined;
    const allowed = metaSchema && isSchemaObject(metaSchema.properties) && "variant" in metaSchema.properties;
    if (!allowed) {
      const { variant: _dropped, ...rest } = meta;
      out.meta = rest;
    }
  }
  return out;
}
