import { existsSync } from "node:fs";
import { join } from "node:path";
import { SCHEMAS_DIR, readJsonFile } from "./files.ts";
import { instrumentOf, refOf, variantOf } from "../schema/registry.ts";
import type { JsonSchema } from "../schema/types.ts";
import type { SyntheticProfile } from "../generate/generate.ts";

/**
 * Where the synthetic-data profile of a schema lives: beside the schema file, with
 * `.synthetic.json` for `.schema.json` (schemas/fia/1.0.0.synthetic.json for fia@1.0.0). A local
 * variant's is beside its overlay (schemas/fia/variants/exempelby.synthetic.json): the national
 * profile names items the variant hides and codes it leaves out, so it is not used for a variant.
 */
export function profilePath(ref: string, schema: JsonSchema): string {
  if (ref.endsWith(".json")) return ref.replace(/(\.schema)?\.json$/, ".synthetic.json");
  const { name, version } = instrumentOf(schema);
  const variant = variantOf(schema);
  return variant ? join(SCHEMAS_DIR, name, "variants", `${variant}.synthetic.json`) : join(SCHEMAS_DIR, name, `${version}.synthetic.json`);
}

/**
 * The profile for a schema. Every field of a profile has a default, so a schema without a
 * profile file gets the empty profile: answers drawn from the schema alone (options evenly,
 * optional fields at the default rate, dates in the default range).
 */
export function loadProfile(ref: string, schema: JsonSchema): SyntheticProfile {
  const path = profilePath(ref, schema);
  if (!existsSync(path)) return { instrument: refOf(schema) };
  return readJsonFile(path) as SyntheticProfile;
}
