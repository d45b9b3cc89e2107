import { readJsonFile, loadSchemaRef, InputError } from "../../node/files.ts";
import { modeFor } from "./mode.ts";
import { isNdjsonPath, readNdjson } from "../../node/ndjson.ts";
import { TOO_DEEP_TO_PROCESS, isStackOverflow } from "../../node/limits.ts";
import { validatorFor, type ValidationMode, type ValidationResult } from "../../validation/validator.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, type Output } from "../output.ts";

export interface ValidateOptions {
  mode: ValidationMode;
  json: boolean;
}

function report(io: Output, where: string, result: ValidationResult, json: boolean): void {
  if (json) {
    io.out(JSON.stringify({ where, ...result }));
    return;
  }
  if (result.valid) {
    const pending = result.unanswered.length;
    io.out(`${where}: giltigt` + (pending ? ` (utkast, ${pending} obesvarade)` : ""));
  } else io.out(`${where}: ogiltigt (${result.errors.length + (result.more ?? 0)} fel)`);
  for (const e of result.errors) io.out(`  ${e.pointer || "/"}: ${e.message}`);
  // Only the first errors get a message (engine/validation/limits.ts); the rest are counted.
  if (result.more) io.out(`  … och ${result.more} fel till`);
  for (const e of result.unanswered) io.out(`  ${e.pointer}: inte besvarad ännu – ${e.label}`);
}

/**
 * `blankett validate`: exit 0 when every document is valid, 1 when one is invalid or an NDJSON
 * line was refused by a limit (too long, too deep, a number too large), 2 for unusable input (a
 * file or an NDJSON line that is not UTF-8 or not JSON). For NDJSON the last line counts every
 * non-blank line read: valid + invalid + unreadable + refused.
 */
export async function validateCommand(io: Output, ref: string, file: string, opts: ValidateOptions): Promise<number> {
  const validator = validatorFor(loadSchemaRef(ref));
  if (!isNdjsonPath(file)) {
    let result: ValidationResult;
    try {
      const doc = readJsonFile(file);
      result = validator.validate(doc, modeFor(doc, opts.mode));
    } catch (e) {
      if (isStackOverflow(e)) throw new InputError(`Filen ${file} är ${TOO_DEEP_TO_PROCESS}`);
      throw e;
    }
    report(io, file, result, opts.json);
    return result.valid ? EXIT_OK : EXIT_INVALID;
  }
  let exit = EXIT_OK;
  let read = 0;
  let valid = 0;
  let invalid = 0;
  let unreadable = 0;
  let refused = 0;
  for await (const item of readNdjson(file)) {
    read++;
    const where = `${file} rad ${item.line}`;
    if ("error" in item) {
      io.out(`${where}: ${item.error}`);
      if (item.refused) refused++;
      else unreadable++;
      exit = Math.max(exit, item.refused ? EXIT_INVALID : EXIT_UNUSABLE);
      continue;
    }
    let result: ValidationResult;
    try {
      result = validator.validate(item.value, modeFor(item.value, opts.mode));
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      io.out(`${where}: ${TOO_DEEP_TO_PROCESS}`);
      refused++;
      exit = Math.max(exit, EXIT_INVALID);
      continue;
    }
    if (result.valid) valid++;
    else {
      invalid++;
      exit = Math.max(exit, EXIT_INVALID);
    }
    if (!result.valid || opts.json) report(io, where, result, opts.json);
  }
  if (!opts.json) io.out(`${read} dokument, ${invalid} ogiltiga, ${valid} giltiga, ${unreadable} gick inte att läsa, ${refused} avvisade`);
  return exit;
}
