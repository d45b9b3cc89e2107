import { join } from "node:path";
import { loadRegistry } from "../../engine/node/files.ts";
import { loadMigrations } from "../../engine/node/migrations.ts";
import { generateDocuments, type SyntheticProfile } from "../../engine/generate/generate.ts";
import { validatorFor } from "../../engine/validation/validator.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";
import { ROOT, readJson } from "../helpers.ts";

export const registry = loadRegistry();

export function schemaOf(ref: string): JsonSchema {
  const s = registry.get(ref);
  if (!s) throw new Error(`no schema ${ref}`);
  return s;
}

export const validator = (ref: string) => validatorFor(schemaOf(ref));

export const migrations = (instrument: string) => loadMigrations(instrument, registry);

/** Synthetic documents of one version, from its own profile (schemas/<name>/<version>.synthetic.json). */
export function generated(ref: string, count: number, seed: number): Array<Record<string, unknown>> {
  const [name, version] = ref.split("@") as [string, string];
  const profile = readJson<SyntheticProfile>(join(ROOT, "schemas", name, `${version}.synthetic.json`));
  return [...generateDocuments(schemaOf(ref), profile, { count, seed })];
}

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
