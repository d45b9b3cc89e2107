import type { JsonSchema } from "../schema/types.ts";
import { createAjv } from "../validation/ajv.ts";

type Ajv = ReturnType<typeof createAjv>;
const perBase = new WeakMap<JsonSchema, Ajv>();

/**
 * True when a value is a valid answer to one item of the base: the item's schema (as `locate`
 * finds it) is compiled with the base's `$defs` beside it, so its `$ref`s resolve as in the base.
 * An item that cannot be compiled on its own takes no value.
 */
export function valueFits(base: JsonSchema, item: JsonSchema, value: unknown): boolean {
  let ajv = perBase.get(base);
  if (!ajv) perBase.set(base, (ajv = createAjv()));
  const { $id: _id, $schema: _schema, ...rest } = item;
  try {
    return ajv.compile({ ...rest, ...(base.$defs !== undefined ? { $defs: base.$defs } : {}) })(value) === true;
  } catch {
    return false;
  }
}
