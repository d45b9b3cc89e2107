import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { InputError, SCHEMAS_DIR, readJsonFile } from "./files.ts";
import { instrumentOf, refOf } from "../schema/registry.ts";
import type { JsonSchema } from "../schema/types.ts";
import type { SyntheticProfile } from "../generate/generate.ts";

/**
 * Where the synthetic-data profile of a schema lives: beside the schema file, with
 * `.synthetic.json` for `.schema.json` (schemas/fia/1.0.0.synthetic.json for fia@1.0.0).
 */
export function profilePath(ref: string, schema: JsonSchema): string {
  if (ref.endsWith(".json")) return ref.replace(/(\.schema)?\.json$/, ".synthetic.json");
  const { name, version } = instrumentOf(schema);
  return join(SCHEMAS_DIR, name, `${version}.synthetic.json`);
}

/** The profile for a schema; an InputError in one Swedish line when there is none. */
export function loadProfile(ref: string, schema: JsonSchema): SyntheticProfile {
  const path = profilePath(ref, schema);
  if (!existsSync(path)) {
    const shown = path.startsWith(SCHEMAS_DIR) ? join("schemas", relative(SCHEMAS_DIR, path)) : path;
    throw new InputError(`${refOf(schema)} har ingen profil för syntetiska data (${shown} saknas)`);
  }
  return readJsonFile(path) as SyntheticProfile;
}
