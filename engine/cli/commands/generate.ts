import type { WriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { InputError, resolveSchemaRef } from "../../node/files.ts";
import { loadProfile, profilePath } from "../../node/synthetic.ts";
import { isSchemaObject } from "../../schema/types.ts";
import { createOutStream } from "../../node/writeGuard.ts";
import { ProfileError, compileProfile, generateDocuments } from "../../generate/generate.ts";
import { EXIT_OK, type Output } from "../output.ts";

export interface GenerateCommandOptions {
  count: number;
  seed: number;
  /** NDJSON file to write; stdout when not given. */
  out?: string;
  /** Replace an existing --out file. */
  force?: boolean;
}

/** Documents are joined into chunks of about this many characters before each write. */
const CHUNK = 1 << 16;

/**
 * `blankett generate <instrument@version> --count N --seed S [--out file]`: synthetic answer
 * documents as NDJSON, one per line, to a file or stdout. Nothing else goes to stdout; a note on
 * stderr says the data is synthetic. Streams with backpressure, so memory stays flat for a
 * million records.
 */
export async function generateCommand(io: Output, ref: string, opts: GenerateCommandOptions): Promise<number> {
  if (!Number.isSafeInteger(opts.count) || opts.count < 0) throw new InputError("Antalet dokument (--count) ska vara ett heltal, 0 eller större");
  if (!Number.isSafeInteger(opts.seed)) throw new InputError("Fröet (--seed) ska vara ett heltal");
  const resolved = resolveSchemaRef(ref);
  const { schema } = resolved;
  const profile = loadProfile(ref, schema);
  const variant = resolved.variant?.name;
  if (variant && !existsSync(profilePath(ref, schema))) {
    io.err(`Varianten ${variant} har ingen egen profil (${relative(process.cwd(), profilePath(ref, schema))}): svaren dras ur schemat`);
  }
  try {
    compileProfile(schema, profile);
  } catch (e) {
    if (e instanceof ProfileError) throw new InputError(e.message);
    throw e;
  }
  const generated = generateDocuments(schema, profile, { count: opts.count, seed: opts.seed });
  const docs = variant ? withVariant(generated, variant) : generated;
  if (opts.out === undefined) {
    io.err(`Syntetiska data: ${opts.count} dokument, frö ${opts.seed}`);
    const error = await writeLines(process.stdout, docs);
    // A reader that stops early (`| head`) is not an error: stop quietly.
    if (error && (error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
    return EXIT_OK;
  }
  // The write guard (writeGuard.ts), as for every --out: never into the schemas package, over a
  // file without --force, or through a symlink.
  const file = createOutStream(opts.out, { force: !!opts.force });
  io.err(`Syntetiska data: ${opts.count} dokument, frö ${opts.seed}`);
  const failed = (await writeLines(file, docs)) ?? (await finish(file));
  if (failed) {
    file.destroy();
    throw new InputError(`Kunde inte skriva filen ${opts.out} (${(failed as NodeJS.ErrnoException).code ?? failed.message})`);
  }
  return EXIT_OK;
}

/** A variant's documents say so (`meta.variant`, required by its effective schema), right after meta.schema. */
function* withVariant(docs: Iterable<unknown>, variant: string): Iterable<unknown> {
  for (const doc of docs) {
    if (!isSchemaObject(doc) || !isSchemaObject(doc.meta) || doc.meta.variant !== undefined) {
      yield doc;
      continue;
    }
    const { schema, ...rest } = doc.meta;
    yield { ...doc, meta: { schema, variant, ...rest } };
  }
}

/** Writes one JSON document per line; waits for 'drain' whenever the stream's buffer is full. */
async function writeLines(stream: Writable, docs: Iterable<unknown>): Promise<Error | undefined> {
  let error: Error | undefined;
  const onError = (e: Error) => {
    error ??= e;
  };
  stream.on("error", onError);
  try {
    let buf = "";
    for (const doc of docs) {
      buf += JSON.stringify(doc) + "\n";
      if (buf.length < CHUNK) continue;
      const ok = stream.write(buf);
      buf = "";
      if (!ok && !error) await drained(stream);
      if (error) return error;
    }
    if (buf !== "" && !stream.write(buf) && !error) await drained(stream);
    return error;
  } finally {
    stream.off("error", onError);
  }
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("error", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("error", done);
    stream.on("close", done);
  });
}

function finish(stream: WriteStream): Promise<Error | undefined> {
  return new Promise((resolve) => {
    stream.once("error", (e) => resolve(e));
    stream.end(() => resolve(undefined));
  });
}
