import { loadSchemaRef, readJsonFile } from "../../node/files.ts";
import { isNdjsonPath, readNdjson } from "../../node/ndjson.ts";
import { checkDocument } from "../../rules/check.ts";
import { refOf } from "../../schema/registry.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, type Output } from "../output.ts";
import type { ValidationMode } from "../../validation/validator.ts";

async function eachDocument(file: string, fn: (doc: unknown, where: string) => void, io: Output): Promise<number> {
  if (!isNdjsonPath(file)) {
    fn(readJsonFile(file), file);
    return EXIT_OK;
  }
  let exit = EXIT_OK;
  for await (const item of readNdjson(file)) {
    if ("error" in item) {
      io.err(`${file} rad ${item.line}: ${item.error}`);
      exit = EXIT_UNUSABLE;
    } else fn(item.value, `${file} rad ${item.line}`);
  }
  return exit;
}

/** `blankett score`: the rules' results with explanations, as JSON (one line per document for NDJSON). */
export async function scoreCommand(io: Output, ref: string, file: string, mode: ValidationMode): Promise<number> {
  const schema = loadSchemaRef(ref);
  const ndjson = isNdjsonPath(file);
  let invalid = false;
  const exit = await eachDocument(
    file,
    (doc, where) => {
      const report = checkDocument(schema, doc, mode);
      if (report.errors.length) invalid = true;
      const out = { schema: refOf(schema), document: where, valid: report.errors.length === 0, results: report.results, errors: report.errors, warnings: report.warnings };
      io.out(ndjson ? JSON.stringify(out) : JSON.stringify(out, null, 2));
    },
    io,
  );
  return exit !== EXIT_OK ? exit : invalid ? EXIT_INVALID : EXIT_OK;
}

/** `blankett check`: errors and warnings in Swedish; exit 1 on errors only. */
export async function checkCommand(io: Output, ref: string, file: string, mode: ValidationMode): Promise<number> {
  const schema = loadSchemaRef(ref);
  let errors = 0;
  const exit = await eachDocument(
    file,
    (doc, where) => {
      const report = checkDocument(schema, doc, mode, { explain: false });
      errors += report.errors.length;
      const status = report.errors.length ? `${report.errors.length} fel` : "inga fel";
      io.out(`${where}: ${status}, ${report.warnings.length} varningar`);
      for (const e of report.errors) io.out(`  fel      ${e.pointer || "/"}: ${e.message}`);
      for (const w of report.warnings) io.out(`  varning  ${w.pointer || "/"}: ${w.message}`);
      for (const u of report.unanswered) io.out(`  obesvarad ${u.pointer}: ${u.label}`);
    },
    io,
  );
  return exit !== EXIT_OK ? exit : errors ? EXIT_INVALID : EXIT_OK;
}
