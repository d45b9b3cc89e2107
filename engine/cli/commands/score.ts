import { InputError, readJsonFile, resolveSchemaRef, type ResolvedRef } from "../../node/files.ts";
import { modeFor } from "./mode.ts";
import { TOO_DEEP_TO_PROCESS, isStackOverflow } from "../../node/limits.ts";
import { isNdjsonPath, readNdjson } from "../../node/ndjson.ts";
import { checkDocument } from "../../rules/check.ts";
import { refOf } from "../../schema/registry.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, type Output } from "../output.ts";
import type { ValidationMode } from "../../validation/validator.ts";
import type { JsonSchema } from "../../schema/types.ts";

/**
 * Runs fn over one document, or over each record of an NDJSON file. A line that cannot be read
 * (not UTF-8, not JSON) is reported with its number and makes the exit 2; one refused by a limit
 * (too long, too deep, a number too large) makes it 1; the other lines are still done. For NDJSON
 * a last line on stderr counts them: lines read = done + not done.
 */
async function eachDocument(file: string, fn: (doc: unknown, where: string) => void, io: Output): Promise<number> {
  if (!isNdjsonPath(file)) {
    const doc = readJsonFile(file);
    try {
      fn(doc, file);
    } catch (e) {
      if (isStackOverflow(e)) throw new InputError(`Filen ${file} är ${TOO_DEEP_TO_PROCESS}`);
      throw e;
    }
    return EXIT_OK;
  }
  let exit = EXIT_OK;
  let read = 0;
  let done = 0;
  for await (const item of readNdjson(file)) {
    read++;
    const where = `${file} rad ${item.line}`;
    if ("error" in item) {
      io.err(`${where}: ${item.error}`);
      exit = Math.max(exit, item.refused ? EXIT_INVALID : EXIT_UNUSABLE);
      continue;
    }
    try {
      fn(item.value, where);
      done++;
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      io.err(`${where}: ${TOO_DEEP_TO_PROCESS}`);
      exit = Math.max(exit, EXIT_INVALID);
    }
  }
  io.err(`${read} rader lästa: ${done} bedömda, ${read - done} inte bedömda`);
  return exit;
}

/** The variant of a resolved reference, as `score` and `check` name it: its name and title. */
function variantNamed(resolved: ResolvedRef): { name: string; title: string } | undefined {
  return resolved.variant ? { name: resolved.variant.name, title: resolved.variant.title } : undefined;
}

function variantLine(variant: { name: string; title: string }, schema: JsonSchema): string {
  return `Lokal variant ${variant.name} (${variant.title || variant.name}) av ${refOf(schema)}`;
}

/**
 * `blankett score`: the rules' results with explanations, as JSON (one line per document for
 * NDJSON). For a local variant (`fia@1.0.0+exempelby`) each result names it: `schema` stays the
 * national version the answers are traceable to, `variant` is the variant's name and title.
 */
export async function scoreCommand(io: Output, ref: string, file: string, mode: ValidationMode): Promise<number> {
  const resolved = resolveSchemaRef(ref);
  const { schema } = resolved;
  const variant = variantNamed(resolved);
  // stdout is JSON only; the line that says which variant goes to stderr.
  if (variant) io.err(variantLine(variant, schema));
  const ndjson = isNdjsonPath(file);
  let invalid = false;
  const exit = await eachDocument(
    file,
    (doc, where) => {
      const report = checkDocument(schema, doc, modeFor(doc, mode));
      if (report.errors.length) invalid = true;
      const out = { schema: refOf(schema), ...(variant ? { variant } : {}), document: where, valid: report.errors.length === 0, results: report.results, errors: report.errors, warnings: report.warnings };
      io.out(ndjson ? JSON.stringify(out) : JSON.stringify(out, null, 2));
    },
    io,
  );
  return Math.max(exit, invalid ? EXIT_INVALID : EXIT_OK);
}

/** `blankett check`: errors and warnings in Swedish; exit 1 on errors only. */
export async function checkCommand(io: Output, ref: string, file: string, mode: ValidationMode): Promise<number> {
  const resolved = resolveSchemaRef(ref);
  const { schema } = resolved;
  const variant = variantNamed(resolved);
  // Which form the answers were checked against, when it is a local variant: said once, first.
  if (variant) io.out(variantLine(variant, schema));
  let errors = 0;
  const exit = await eachDocument(
    file,
    (doc, where) => {
      const report = checkDocument(schema, doc, modeFor(doc, mode), { explain: false });
      errors += report.errors.length;
      const status = report.errors.length ? `${report.errors.length} fel` : "inga fel";
      io.out(`${where}: ${status}, ${report.warnings.length} varningar`);
      for (const e of report.errors) io.out(`  fel      ${e.pointer || "/"}: ${e.message}`);
      for (const w of report.warnings) io.out(`  varning  ${w.pointer || "/"}: ${w.message}`);
      for (const u of report.unanswered) io.out(`  obesvarad ${u.pointer}: ${u.label}`);
    },
    io,
  );
  return Math.max(exit, errors ? EXIT_INVALID : EXIT_OK);
}
