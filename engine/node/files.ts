import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import "../validation/compile.ts";
import { Registry } from "../schema/registry.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";

/** The installed @blankett/schemas package (in this repository: schemas/, linked by npm workspaces). */
export const SCHEMAS_DIR = dirname(createRequire(import.meta.url).resolve("@blankett/schemas/package.json"));

/** Files larger than this are refused: a hostile or broken file must not exhaust memory. */
export const MAX_JSON_BYTES = 20 * 1024 * 1024;

/** An input problem the CLI reports in one line with exit code 2. */
export class InputError extends Error {}

export function readJsonFile(path: string): unknown {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(`Kan inte läsa filen ${path}: den finns inte eller går inte att öppna`);
  }
  if (size > MAX_JSON_BYTES) throw new InputError(`Filen ${path} är för stor (${size} byte, högst ${MAX_JSON_BYTES})`);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError(`Kan inte läsa filen ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`Filen ${path} är inte giltig JSON (${(e as Error).message})`);
  }
}

export function schemaFiles(dir = SCHEMAS_DIR): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const f of readdirSync(join(dir, entry.name))) {
      if (f.endsWith(".schema.json")) out.push(join(dir, entry.name, f));
    }
  }
  return out.sort();
}

let registry: Registry | undefined;

export function loadRegistry(): Registry {
  registry ??= new Registry(schemaFiles().map((f) => readJsonFile(f) as JsonSchema));
  return registry;
}

/** An instrument reference ("fia@1.0.0", "fia") or a path to a schema file. */
export function loadSchemaRef(ref: string): JsonSchema {
  if (ref.endsWith(".json")) {
    const schema = readJsonFile(ref);
    if (!isSchemaObject(schema)) throw new InputError(`Filen ${ref} är inget schema (ett JSON-objekt väntades)`);
    return schema;
  }
  const schema = loadRegistry().get(ref);
  if (!schema) {
    const known = loadRegistry()
      .list()
      .map((e) => e.name)
      .join(", ");
    throw new InputError(`Okänt formulär ”${ref}”. Kända: ${known}`);
  }
  return schema;
}
