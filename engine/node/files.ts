import { closeSync, existsSync, fstatSync, openSync, readSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative } from "node:path";
import "../validation/compile.ts";
import { parseIndicatorFile } from "../indicators/definition.ts";
import { checkGroupings } from "../indicators/grouping.ts";
import type { IndicatorFile } from "../indicators/types.ts";
import { shapeViolations } from "../overlay/check.ts";
import { checkVariant, formatViolation } from "../overlay/overlay.ts";
import { Registry, instrumentOf, parseInstrumentRef, refOf } from "../schema/registry.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { MAX_JSON_BYTES, decodeUtf8, describeInvalidUtf8, describeJsonFailure, parseJson } from "./limits.ts";

/** The installed @blankett/schemas package (in this repository: schemas/, linked by npm workspaces). */
export const SCHEMAS_DIR = dirname(createRequire(import.meta.url).resolve("@blankett/schemas/package.json"));

export { MAX_JSON_BYTES } from "./limits.ts";

/**
 * An input problem the CLI reports in one line with exit code 2. A problem that takes a list to
 * say (a variant breaking overlay rules) has `details`: lines printed under the first.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

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

// ---- References: "fia", "fia@1.0.0", "fia@1.0.0+exempelby" or a schema file ----

/** A resolved reference: the schema to use and, for a local variant, what it was made from. */
export interface ResolvedRef {
  /** The reference as shown to users: "fia@1.0.0", "fia@1.0.0+exempelby"; a schema file's own name@version. */
  ref: string;
  schema: JsonSchema;
  /** For "instrument@version+variant": the variant, its overlay file and the national base it was applied to. */
  variant?: { name: string; title: string; file: string; base: JsonSchema };
}

/** A local variant shipped with the schemas: schemas/<instrument>/variants/<name>.overlay.json. */
export interface VariantListing {
  name: string;
  title: string;
  /** The national version the overlay is written for ("fia@1.0.0"), as the overlay says. */
  base: string;
  file: string;
}

/** Overlays are hand-written and small; a larger file is refused before it is parsed. */
export const MAX_OVERLAY_BYTES = 1024 * 1024;

/** An overlay file, read with the overlay cap (counted as it is read, so a pipe meets it too). */
export function readOverlayFile(file: string): unknown {
  return readJsonFile(file, MAX_OVERLAY_BYTES, "Overlayn");
}

/** The variants shipped for one instrument (every base), by name. Unreadable overlays are left out. */
export function variantsOf(instrument: string, dir = SCHEMAS_DIR): VariantListing[] {
  const folder = join(dir, instrument, "variants");
  if (!/^[a-z][a-z0-9-]*$/.test(instrument) || !existsSync(folder)) return [];
  const out: VariantListing[] = [];
  for (const f of readdirSync(folder).sort()) {
    const m = /^([a-z][a-z0-9-]*)\.overlay\.json$/.exec(f);
    if (!m) continue;
    const file = join(folder, f);
    let overlay: unknown;
    try {
      overlay = readOverlayFile(file);
    } catch {
      continue;
    }
    if (!isSchemaObject(overlay) || typeof overlay.base !== "string") continue;
    out.push({ name: m[1]!, title: typeof overlay.title === "string" ? overlay.title : "", base: overlay.base, file });
  }
  return out;
}

/**
 * The indicator definitions beside a national version (`<instrument>/<version>.indicators.json`),
 * parsed and checked, or the file given; an InputError when there are none or they do not hold.
 */
export function loadIndicatorFile(schema: JsonSchema, path?: string): IndicatorFile {
  const { name, version } = instrumentOf(schema);
  const file = path ?? join(SCHEMAS_DIR, name, `${version}.indicators.json`);
  if (!existsSync(file)) throw new InputError(`Det finns inga indikatorer för ${name}@${version}`);
  try {
    const def = parseIndicatorFile(readJsonFile(file));
    if (def.schema !== `${name}@${version}`) throw new InputError(`Indikatorerna i ${file} gäller ${def.schema}, inte ${name}@${version}`);
    // Free-text groupings, against the schema the definitions are now known to read.
    checkGroupings(def, schema);
    return def;
  } catch (e) {
    throw e instanceof InputError ? e : new InputError((e as Error).message);
  }
}

/** A national version's indicator definitions if it has any: what they read counts as scored for overlays. */
export function baseIndicators(schema: JsonSchema): IndicatorFile | undefined {
  const { name, version } = instrumentOf(schema);
  return existsSync(join(SCHEMAS_DIR, name, `${version}.indicators.json`)) ? loadIndicatorFile(schema) : undefined;
}

/** What a variant's file path looks like in a message: relative to the working directory when under it. */
function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

const effective = new Map<string, ResolvedRef>();

/**
 * The effective schema of "instrument@version+variant": the shipped overlay applied to that
 * national version with the overlay engine's checkVariant (as `blankett overlay check` and `apply`). Refused
 * in one line when the variant does not exist for the version (naming those that do) or is
 * written for another version (no silent rebase); a variant that breaks the overlay rules is
 * refused with the lines `blankett overlay check` prints.
 */
function resolveVariant(name: string, version: string, variant: string): ResolvedRef {
  const baseRef = `${name}@${version}`;
  const ref = `${baseRef}+${variant}`;
  const cached = effective.get(ref);
  if (cached) return cached;
  const base = loadRegistry().get(baseRef);
  if (!base) throw unknownInstrument(ref);
  const known = variantsOf(name);
  const listing = known.find((v) => v.name === variant);
  if (!listing) {
    const here = known.filter((v) => v.base === baseRef).map((v) => v.name);
    throw new InputError(`Okänd variant ”${variant}” av ${baseRef}. ` + (here.length ? `Varianter av ${baseRef}: ${here.join(", ")}` : `${baseRef} har inga lokala varianter`));
  }
  if (listing.base !== baseRef) {
    throw new InputError(`Varianten ${variant} är skriven för ${listing.base}, inte ${baseRef}: använd ${listing.base}+${variant} (blankett overlay apply --base ${baseRef} prövar en flytt)`);
  }
  const overlay = readOverlayFile(listing.file);
  const shape = shapeViolations(overlay);
  const result = shape.length > 0 ? { violations: shape } : checkVariant(overlay, base, { indicators: baseIndicators(base), fileName: listing.file });
  if (!result.schema) {
    const n = result.violations.length;
    throw new InputError(
      `${shownPath(listing.file)}: ${n} regelbrott, varianten ${ref} kan inte användas`,
      result.violations.map((v) => "  " + formatViolation(v)),
    );
  }
  const resolved: ResolvedRef = { ref, schema: result.schema, variant: { name: variant, title: listing.title, file: listing.file, base } };
  effective.set(ref, resolved);
  return resolved;
}

function unknownInstrument(ref: string): InputError {
  const known = loadRegistry()
    .list()
    .map((e) => e.name)
    .join(", ");
  return new InputError(`Okänt formulär ”${ref}”. Kända: ${known}`);
}

/**
 * An instrument reference ("fia", "fia@1.0.0", "fia@1.0.0+exempelby") or a path to a schema
 * file, resolved: the one place the commands turn what the user wrote into a schema.
 */
export function resolveSchemaRef(ref: string): ResolvedRef {
  if (ref.endsWith(".json")) {
    const schema = readJsonFile(ref);
    if (!isSchemaObject(schema)) throw new InputError(`Filen ${ref} är inget schema (ett JSON-objekt väntades)`);
    return { ref, schema };
  }
  const parsed = parseInstrumentRef(ref);
  if (parsed?.variant !== undefined) return resolveVariant(parsed.name, parsed.version!, parsed.variant);
  const unversioned = /^([a-z][a-z0-9-]*)\+([a-z][a-z0-9-]*)$/.exec(ref);
  if (unversioned) {
    const base = variantsOf(unversioned[1]!).find((v) => v.name === unversioned[2])?.base;
    throw new InputError(`Ange versionen som varianten gäller: formulär@version+variant` + (base ? `, här ${base}+${unversioned[2]}` : ""));
  }
  const schema = loadRegistry().get(ref);
  if (!schema) throw unknownInstrument(ref);
  return { ref: refOf(schema), schema };
}

/** The schema of a reference or schema file (see resolveSchemaRef). */
export function loadSchemaRef(ref: string): JsonSchema {
  return resolveSchemaRef(ref).schema;
}
