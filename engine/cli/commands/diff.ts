import { InputError, loadSchemaRef } from "../../node/files.ts";
import { writeOutFile } from "../../node/writeGuard.ts";
import { isSchemaObject, type JsonSchema } from "../../schema/types.ts";
import { diffSchemas } from "../../diff/diff.ts";
import { formatText } from "../../diff/format-text.ts";
import { formatHtml } from "../../diff/format-html.ts";
import type { DiffReport } from "../../diff/types.ts";
import { EXIT_INVALID, EXIT_OK, printLines, type Output } from "../output.ts";

export type DiffFormat = "text" | "json" | "html";

export interface DiffCommandOptions {
  /** text (default), json or html. */
  format?: string;
  /** Exit 1 when the declared version numbers do not match the bump the changes call for. */
  checkBump?: boolean;
  /** Write the report to this file instead of stdout (a new file, see engine/node/writeGuard.ts). */
  out?: string;
  /** Replace an existing --out file. */
  force?: boolean;
}

function load(ref: string): JsonSchema {
  const schema = loadSchemaRef(ref);
  const info = schema["x-instrument"];
  if (!isSchemaObject(info) || typeof info.name !== "string" || typeof info.version !== "string") {
    throw new InputError(`${ref} saknar x-instrument med namn och version och kan inte jämföras`);
  }
  return schema;
}

/**
 * `blankett diff <old> <new> [--format text|json|html] [--check-bump] [--out file]`: what changed
 * between two versions of an instrument and what it means for stored answers. Exit 0; with
 * --check-bump, 1 when the version numbers do not say what the changes call for; 2 for unusable
 * input.
 */
export async function diffCommand(io: Output, oldRef: string, newRef: string, opts: DiffCommandOptions = {}): Promise<number> {
  const format = opts.format ?? "text";
  if (format !== "text" && format !== "json" && format !== "html") throw new InputError(`Okänt format ”${format}”: välj text, json eller html`);
  const before = load(oldRef);
  const after = load(newRef);
  let report: DiffReport;
  try {
    report = diffSchemas(before, after);
  } catch (e) {
    // A broken $ref or a schema shape the walk cannot follow: the input is unusable, say so in one line.
    throw new InputError(`Schemana går inte att jämföra: ${e instanceof Error ? e.message : String(e)}`);
  }
  const text = format === "json" ? JSON.stringify(report, null, 2) : format === "html" ? formatHtml(report) : formatText(report);
  if (opts.out !== undefined) {
    const inputs = [oldRef, newRef].filter((ref) => ref.endsWith(".json"));
    writeOutFile(opts.out, text.endsWith("\n") ? text : text + "\n", { force: !!opts.force, inputs });
  } else printLines(io.out, text);
  if (opts.checkBump && !report.bump.matches) {
    io.err(`Versionsnumret stämmer inte: ${report.bump.problem ?? ""}`.trim());
    return EXIT_INVALID;
  }
  return EXIT_OK;
}
