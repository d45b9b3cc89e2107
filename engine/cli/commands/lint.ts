import { readJsonFile } from "../../node/files.ts";
import { lintReport } from "../../lint/lint.ts";
import { EXIT_INVALID, EXIT_OK, type Output } from "../output.ts";

/**
 * Errors make the exit 1; warnings (an unguarded value that may be missing, say) are printed
 * and leave the exit 0.
 */
export function lintCommand(io: Output, files: string[]): number {
  let exit = EXIT_OK;
  for (const file of files) {
    const { errors, warnings } = lintReport(readJsonFile(file), { fileName: file });
    const counts = [errors.length === 0 ? "inga fel" : `${errors.length} fel`];
    if (warnings.length > 0) counts.push(warnings.length === 1 ? "1 varning" : `${warnings.length} varningar`);
    io.out(`${file}: ${counts.join(", ")}`);
    if (errors.length > 0) exit = EXIT_INVALID;
    for (const i of errors) io.out(`  ${i.at || "/"}: ${i.message}`);
    for (const i of warnings) io.out(`  ${i.at || "/"}: Varning: ${i.message}`);
  }
  return exit;
}
