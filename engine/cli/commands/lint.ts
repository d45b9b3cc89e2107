import { existsSync } from "node:fs";
import { readJsonFile, loadSchemaRef } from "../../node/files.ts";
import { lintReport, type LintIssue, type LintReport } from "../../lint/lint.ts";
import { indicatorExpressionIssues } from "../../lint/expressions.ts";
import { parseIndicatorFile } from "../../indicators/definition.ts";
import { isSchemaObject } from "../../schema/types.ts";
import { EXIT_INVALID, EXIT_OK, type Output } from "../output.ts";

const INDICATORS = /\.indicators\.json$/;

/**
 * An indicator definition (`<version>.indicators.json`) is checked against the schema beside it
 * (`<version>.schema.json`), else the instrument version it names: its format, its groupings
 * (free text), and every expression as in the schema's rules.
 */
function lintIndicators(file: string): LintReport {
  const def = readJsonFile(file);
  const sibling = file.replace(INDICATORS, ".schema.json");
  const ref = isSchemaObject(def) && typeof def.schema === "string" ? def.schema : undefined;
  const schema = existsSync(sibling) ? loadSchemaRef(sibling) : ref ? loadSchemaRef(ref) : undefined;
  if (!schema) return { errors: [{ at: "/schema", message: "Indikatordefinitionen säger inte vilket formulär den läser (schema)" }], warnings: [] };
  const report: LintReport = { errors: [], warnings: [] };
  for (const i of indicatorExpressionIssues(schema, def)) (i.severity === "warning" ? report.warnings : report.errors).push({ at: i.at, message: i.message });
  if (report.errors.length === 0) {
    try {
      parseIndicatorFile(def, schema);
    } catch (e) {
      report.errors.push({ at: "", message: (e as Error).message });
    }
  }
  return report;
}

/**
 * Errors make the exit 1; warnings (an unguarded value that may be missing, say) are printed
 * and leave the exit 0.
 */
export function lintCommand(io: Output, files: string[]): number {
  let exit = EXIT_OK;
  for (const file of files) {
    const { errors, warnings } = INDICATORS.test(file) ? lintIndicators(file) : lintReport(readJsonFile(file), { fileName: file });
    const counts = [errors.length === 0 ? "inga fel" : `${errors.length} fel`];
    if (warnings.length > 0) counts.push(warnings.length === 1 ? "1 varning" : `${warnings.length} varningar`);
    io.out(`${file}: ${counts.join(", ")}`);
    if (errors.length > 0) exit = EXIT_INVALID;
    const line = (i: LintIssue, prefix = "") => io.out(`  ${i.at || "/"}: ${prefix}${i.message}`);
    for (const i of errors) line(i);
    for (const i of warnings) line(i, "Varning: ");
  }
  return exit;
}
