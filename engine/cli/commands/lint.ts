import { existsSync } from "node:fs";
import { readJsonFile, loadSchemaRef } from "../../node/files.ts";
import { parseInstrumentRef } from "../../schema/registry.ts";
import { lintReport, type LintIssue, type LintReport } from "../../lint/lint.ts";
import { indicatorExpressionIssues } from "../../lint/expressions.ts";
import { parseIndicatorFile } from "../../indicators/definition.ts";
import { parseRuleTests, uncoveredRules } from "../../rules/ruleTests.ts";
import { isSchemaObject, type JsonSchema } from "../../schema/types.ts";
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

const SCHEMA_FILE = /\.schema\.json$/;

/**
 * Rules no case of the version's rule tests (`<version>.tests.json` beside the schema) covers, as
 * warnings: a rule nobody tested is where a silent wrong score hides. Without a tests file, one
 * warning says so when the schema has rules. A tests file that cannot be read is `blankett
 * test`'s to report; lint then says nothing about coverage.
 */
function coverageWarnings(file: string, schema: unknown): LintIssue[] {
  if (!SCHEMA_FILE.test(file) || !isSchemaObject(schema)) return [];
  const rules = Array.isArray(schema["x-rules"]) ? schema["x-rules"] : [];
  if (rules.length === 0) return [];
  const testsFile = file.replace(SCHEMA_FILE, ".tests.json");
  if (!existsSync(testsFile)) return [{ at: "/x-rules", message: `Reglerna har inga regeltester (${testsFile} saknas)` }];
  let uncovered: string[];
  try {
    uncovered = uncoveredRules(schema as JsonSchema, parseRuleTests(readJsonFile(testsFile), schema as JsonSchema));
  } catch {
    return [];
  }
  return uncovered.map((id) => ({ at: `/x-rules/${rules.findIndex((r) => isSchemaObject(r) && r.id === id)}`, message: `Regeln ”${id}” har inget regeltest som prövar den (${testsFile})` }));
}

/**
 * Errors make the exit 1; warnings (an unguarded value that may be missing, say) are printed
 * and leave the exit 0.
 */
export function lintCommand(io: Output, files: string[]): number {
  let exit = EXIT_OK;
  for (const file of files) {
    let errors: LintIssue[];
    let warnings: LintIssue[];
    if (INDICATORS.test(file)) ({ errors, warnings } = lintIndicators(file));
    else {
      // A reference (fia@1.0.0, fia@1.0.0+exempelby: a variant's effective schema) or a schema file.
      const schema = !file.endsWith(".json") && parseInstrumentRef(file) ? loadSchemaRef(file) : readJsonFile(file);
      ({ errors, warnings } = lintReport(schema, { fileName: file }));
      if (errors.length === 0) warnings = [...warnings, ...coverageWarnings(file, schema)];
    }
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
