import { readJsonFile } from "../../node/files.ts";
import { lintSchema } from "../../lint/lint.ts";
import { EXIT_INVALID, EXIT_OK, type Output } from "../output.ts";

export function lintCommand(io: Output, files: string[]): number {
  let exit = EXIT_OK;
  for (const file of files) {
    const issues = lintSchema(readJsonFile(file), { fileName: file });
    if (issues.length === 0) {
      io.out(`${file}: inga fel`);
      continue;
    }
    exit = EXIT_INVALID;
    io.out(`${file}: ${issues.length} fel`);
    for (const i of issues) io.out(`  ${i.at || "/"}: ${i.message}`);
  }
  return exit;
}
