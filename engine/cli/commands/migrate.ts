import type { WriteStream } from "node:fs";
import { createOutStream, writeOutFile } from "../../node/writeGuard.ts";
import { InputError, loadRegistry, readJsonFile, resolveSchemaRef } from "../../node/files.ts";
import { isNdjsonPath, readNdjson } from "../../node/ndjson.ts";
import { loadMigrations } from "../../node/migrations.ts";
import { TOO_DEEP_TO_PROCESS, isStackOverflow } from "../../node/limits.ts";
import { refOf } from "../../schema/registry.ts";
import { validatorFor, type ValidationResult, type Validator } from "../../validation/validator.ts";
import { migrate } from "../../migrate/migrate.ts";
import { parseRef } from "../../migrate/plan.ts";
import { count, reportLines, summary } from "../../migrate/format.ts";
import { MigrationError, type Migration, type MigrationResult } from "../../migrate/types.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, type Output } from "../output.ts";

export interface MigrateCommandOptions {
  /** "fia@2.0.0", or "fia" for the newest version. */
  to: string;
  /** File to write the migrated document(s) to; stdout when not given. */
  out?: string;
  /** Validate the result as a draft (a document whose meta.status is "draft" always is). */
  draft?: boolean;
  /** The date written as migrering.datum (default: today, UTC). For reproducible output. */
  date?: string;
  /** Replace an existing --out file. */
  force?: boolean;
}

interface Target {
  /** The national version ("fia@2.0.0"): what the migrations move to. */
  ref: string;
  /** The reference as given when it names a variant ("fia@1.0.0+exempelby"), else `ref`. */
  shown: string;
  name: string;
  validator: Validator;
  migrations: Migration[];
  date: string;
}

/**
 * `blankett migrate <svar.json|svar.ndjson> --to <formulär@version> [--out fil] [--draft]`:
 * moves stored answers to another version with the declared migrations (schemas/MIGRATIONS.md).
 * The migrated document(s) go to stdout (or --out), the report in Swedish to stderr: what moved,
 * what got a new value, what could not be placed (kept in the document under
 * /migrering/ejOverforda), and whether the result is valid. Exit 0 when every migrated document
 * is valid against the new version, 1 when one is not (it is still written: nothing is lost) or an
 * NDJSON line was refused by a limit (too long, too deep, a number too large), 2 for unusable
 * input (for NDJSON: a line that is not UTF-8 or not JSON, or a document that cannot be moved).
 * Every NDJSON line is written or reported by number; a last line on stderr counts them.
 */
export async function migrateCommand(io: Output, file: string, opts: MigrateCommandOptions): Promise<number> {
  const target = resolveTarget(opts);
  if (!isNdjsonPath(file)) {
    const doc = readJsonFile(file);
    let one: ReturnType<typeof migrateOne>;
    let text: string;
    try {
      one = migrateOne(doc, target, opts.draft);
      text = JSON.stringify(one.result.document, null, 2);
    } catch (e) {
      if (isStackOverflow(e)) throw new InputError(`Filen ${file} är ${TOO_DEEP_TO_PROCESS}`);
      throw e;
    }
    const { result, validation } = one;
    // The write guard (writeGuard.ts): never into the schemas package, over a file without
    // --force, through a symlink, or over the input itself.
    if (opts.out !== undefined) writeOutFile(opts.out, text + "\n", { force: !!opts.force, inputs: [file] });
    else io.out(text);
    io.err(`${file}: ${result.report.from} → ${result.report.to}`);
    for (const line of reportLines(result.report)) io.err(`  ${line}`);
    reportValidation(io, "  ", target.shown, validation);
    return validation.valid ? EXIT_OK : EXIT_INVALID;
  }

  const sink = opts.out !== undefined ? createOutStream(opts.out, { force: !!opts.force, inputs: [file] }) : undefined;
  let exit = EXIT_OK;
  // Every non-blank line read is either written (migrated) or reported and not moved.
  let read = 0;
  let migrated = 0;
  let invalid = 0;
  let withKept = 0;
  try {
    for await (const item of readNdjson(file)) {
      read++;
      const where = `${file} rad ${item.line}`;
      if ("error" in item) {
        io.err(`${where}: ${item.error}`);
        // Not UTF-8 or not JSON: unusable input (2); over a limit: a refused record (1).
        exit = Math.max(exit, item.refused ? EXIT_INVALID : EXIT_UNUSABLE);
        continue;
      }
      let one: ReturnType<typeof migrateOne>;
      let line: string;
      try {
        one = migrateOne(item.value, target, opts.draft);
        line = JSON.stringify(one.result.document);
      } catch (e) {
        if (isStackOverflow(e)) {
          io.err(`${where}: ${TOO_DEEP_TO_PROCESS}`);
          exit = Math.max(exit, EXIT_INVALID);
          continue;
        }
        if (!(e instanceof InputError)) throw e;
        io.err(`${where}: ${e.message}`);
        exit = EXIT_UNUSABLE;
        continue;
      }
      if (sink) await write(sink, line + "\n");
      else io.out(line);
      migrated++;
      const kept = summary(one.result.report).kept;
      if (kept > 0) {
        withKept++;
        io.err(`${where}: ${count(kept, "svar sparat", "svar sparade")} under /migrering/ejOverforda`);
      }
      if (!one.validation.valid) {
        invalid++;
        exit = Math.max(exit, EXIT_INVALID);
        reportValidation(io, `${where}: `, target.shown, one.validation);
      }
    }
  } finally {
    if (sink) await close(sink, opts.out!);
  }
  io.err(
    `${count(migrated, "dokument flyttat", "dokument flyttade")} till ${target.shown}, ${invalid} ogiltiga, ` +
      `${withKept} med svar sparade under /migrering/ejOverforda`,
  );
  io.err(`${read} rader lästa: ${migrated} skrivna, ${read - migrated} inte flyttade`);
  return exit;
}

function resolveTarget(opts: MigrateCommandOptions): Target {
  const registry = loadRegistry();
  if (opts.to.endsWith(".json")) throw new InputError(`Ange versionen som formulär@version (eller formulär@version+variant), inte en fil: ${opts.to}`);
  let resolved;
  try {
    resolved = resolveSchemaRef(opts.to);
  } catch (e) {
    // A national version that does not exist: name every known one (a variant's refusal says its own).
    if (!(e instanceof InputError) || /[+]/.test(opts.to)) throw e;
    const known = registry
      .list()
      .map((e) => `${e.name} (${e.versions.join(", ")})`)
      .join("; ");
    throw new InputError(`Okänd version ”${opts.to}”. Kända: ${known}`);
  }
  // The national version the answers are moved to; for a variant, validated against its effective schema.
  const ref = refOf(resolved.schema);
  if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new InputError("Datumet ska skrivas ÅÅÅÅ-MM-DD");
  return {
    ref,
    shown: resolved.variant ? resolved.ref : ref,
    name: parseRef(ref).name,
    validator: validatorFor(resolved.schema),
    migrations: loadMigrations(parseRef(ref).name, registry),
    date: opts.date ?? new Date().toISOString().slice(0, 10),
  };
}

/** One document: its version from meta.schema, the migration, and validation against the target. */
function migrateOne(doc: unknown, target: Target, draft: boolean | undefined): { result: MigrationResult; validation: ValidationResult } {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new InputError("Svarsdokumentet är inget JSON-objekt");
  const meta = (doc as { meta?: unknown }).meta;
  const from = meta !== null && typeof meta === "object" ? (meta as { schema?: unknown }).schema : undefined;
  if (typeof from !== "string") throw new InputError("Svarsdokumentet saknar meta.schema, så det går inte att veta vilken version svaren gavs i");
  let result: MigrationResult;
  try {
    if (parseRef(from).name !== target.name) throw new InputError(`Svaren gäller ${from}, inte ${target.name}`);
    if (!loadRegistry().get(from)) throw new InputError(`Svaren gäller ${from}, en version som inte finns`);
    result = migrate(doc, from, target.ref, target.migrations, { date: target.date });
  } catch (e) {
    if (e instanceof MigrationError) throw new InputError(e.message);
    throw e;
  }
  const status = (result.document.meta as { status?: unknown } | undefined)?.status;
  const mode = draft || status === "draft" ? "draft" : "complete";
  return { result, validation: target.validator.validate(result.document, mode) };
}

function reportValidation(io: Output, indent: string, ref: string, v: ValidationResult): void {
  if (v.valid) {
    io.err(`${indent}giltigt mot ${ref}` + (v.unanswered.length ? ` (utkast, ${v.unanswered.length} obesvarade)` : ""));
    return;
  }
  io.err(`${indent}ogiltigt mot ${ref} (${count(v.errors.length, "fel", "fel")})`);
  for (const e of v.errors) io.err(`${indent}  ${e.pointer || "/"}: ${e.message}`);
}

/** Writes and, when the buffer is full, waits for it to drain (memory stays flat for large files). */
function write(stream: WriteStream, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    // An error also ends the wait; close() then reports it.
    const done = () => {
      stream.off("drain", done);
      stream.off("error", done);
      resolve();
    };
    stream.once("drain", done);
    stream.once("error", done);
  });
}

function close(stream: WriteStream, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once("error", (e) => reject(new InputError(`Kunde inte skriva filen ${path} (${(e as NodeJS.ErrnoException).code ?? e.message})`)));
    stream.end(() => resolve());
  });
}
