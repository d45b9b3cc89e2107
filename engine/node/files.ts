import { closeSync, fstatSync, openSync, readSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import "../validation/compile.ts";
import { Registry } from "../schema/registry.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { MAX_JSON_BYTES, decodeUtf8, describeInvalidUtf8, describeJsonFailure, parseJson } from "./limits.ts";

/** The installed @blankett/schemas package (in this repository: schemas/, linked by npm workspaces). */
export const SCHEMAS_DIR = dirname(createRequire(import.meta.url).resolve("@blankett/schemas/package.json"));

export { MAX_JSON_BYTES } from "./limits.ts";

/** An input problem the CLI reports in one line with exit code 2. */
export class InputError extends Error {}

/**
 * Reads and parses a JSON file with the limits of limits.ts: at most MAX_JSON_BYTES however the
 * bytes arrive (a pipe, /dev/stdin or a FIFO report size 0, so the bytes are counted as they are
 * read and reading stops past the cap), UTF-8 only, at most MAX_JSON_DEPTH levels deep, no number
 * beyond a double. Every refusal is an InputError naming the file and where, never its contents.
 */
/** A JSON file's value; refused past `maxBytes` (default MAX_JSON_BYTES) however it arrives (file, pipe, stdin). */
export function readJsonFile(path: string, maxBytes = MAX_JSON_BYTES, noun = "Filen"): unknown {
  const bytes = readCapped(path, maxBytes, noun);
  const decoded = decodeUtf8(bytes);
  if ("invalidAt" in decoded) throw new InputError(`Filen ${path} är ${describeInvalidUtf8(decoded.invalidAt, false)}`);
  const parsed = parseJson(decoded.text);
  if ("value" in parsed) return parsed.value;
  const why = describeJsonFailure(parsed.failure, decoded.text, true);
  throw new InputError(parsed.failure.kind === "number" ? `Filen ${path}: ${why}` : `Filen ${path} är ${why}`);
}

const CHUNK_BYTES = 64 * 1024;

/** A file's bytes, counted as they are read: refused as soon as there are more than MAX_JSON_BYTES. */
function readCapped(path: string, maxBytes: number, noun: string): Buffer {
  // Standard input is read from descriptor 0: when it is a socket (as Node gives a child's
  // stdin) /dev/stdin cannot be opened again.
  const stdin = path === "-" || path === "/dev/stdin";
  let size: number;
  try {
    size = stdin ? fstatSync(0).size : statSync(path).size;
  } catch {
    throw new InputError(`Kan inte läsa filen ${path}: den finns inte eller går inte att öppna`);
  }
  // A regular file says its size up front; pipes and devices say 0 and are counted below.
  if (size > maxBytes) throw new InputError(`${noun} ${path} är för stor (${size} byte, högst ${maxBytes})`);
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(path, "r");
  } catch {
    throw new InputError(`Kan inte läsa filen ${path}: den finns inte eller går inte att öppna`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      let read: number;
      try {
        read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      } catch (e) {
        // A non-blocking descriptor with nothing yet to read: wait a moment and try again.
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          continue;
        }
        throw new InputError(`Kan inte läsa filen ${path}`);
      }
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new InputError(`${noun} ${path} är för stor (mer än ${maxBytes} byte)`);
      chunks.push(read === CHUNK_BYTES ? chunk : chunk.subarray(0, read));
    }
  } finally {
    if (!stdin) closeSync(fd);
  }
  return Buffer.concat(chunks, total);
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
