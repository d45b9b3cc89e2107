/**
 * The engine's Node entry (`@blankett/engine/node`): files, the installed schemas, migrations and
 * NDJSON streams. Importing it installs ajv's compiler, as Node tools validate any schema.
 */
export {
  InputError,
  MAX_JSON_BYTES,
  MAX_OVERLAY_BYTES,
  SCHEMAS_DIR,
  loadRegistry,
  loadSchemaRef,
  readJsonFile,
  readOverlayFile,
  resolveSchemaRef,
  schemaFiles,
  variantsOf,
  type ResolvedRef,
  type VariantListing,
} from "./files.ts";
export { MAX_JSON_DEPTH, MAX_NDJSON_LINE_BYTES } from "./limits.ts";
export { readNdjson, readNdjsonBatches, isNdjsonPath, type NdjsonItem } from "./ndjson.ts";
export { loadMigrations, migrationsDir } from "./migrations.ts";
export { loadIndicatorFile } from "./indicators.ts";
