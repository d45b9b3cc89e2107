import { readJsonFile, loadSchemaRef } from "../../node/files.ts";
import { isNdjsonPath, readNdjson } from "../../node/ndjson.ts";
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
  } else io.out(`${where}: ogiltigt (${result.errors.length} fel)`);
  for (const e of result.errors) io.out(`  ${e.pointer || "/"}: ${e.message}`);
  for (const e of result.unanswered) io.out(`  ${e.pointer}: inte besvarad ännu – ${e.label}`);
}

export async function validateCommand(io: Output, ref: string, file: string, opts: ValidateOptions): Promise<number> {
  const validator = validatorFor(loadSchemaRef(ref));
  if (!isNdjsonPath(file)) {
    const result = validator.validate(readJsonFile(file), opts.mode);
    report(io, file, result, opts.json);
    return result.valid ? EXIT_OK : EXIT_INVALID;
  }
  let exit = EXIT_OK;
  let count = 0;
  let invalid = 0;
  for await (const item of readNdjson(file)) {
    count++;
    if ("error" in item) {
      io.out(`${file} rad ${item.line}: ${item.error}`);
      exit = EXIT_UNUSABLE;
      continue;
    }
    const result = validator.validate(item.value, opts.mode);
    if (!result.valid) {
      invalid++;
      if (exit === EXIT_OK) exit = EXIT_INVALID;
    }
    if (!result.valid || opts.json) report(io, `${file} rad ${item.line}`, result, opts.json);
  }
  if (!opts.json) io.out(`${count} dokument, ${invalid} ogiltiga`);
  return exit;
}
