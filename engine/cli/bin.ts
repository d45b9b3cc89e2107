#!/usr/bin/env node
/** The `blankett` command of the installed package. */
import { EXIT_UNUSABLE, installProcessGuards, internalErrorLine } from "./output.ts";

// First, before the engine loads: a closed pipe ends quietly, an unexpected error is one line
// with its name (never a stack trace, which may quote input). See output.ts.
installProcessGuards();
try {
  const { run } = await import("./main.ts");
  process.exitCode = await run(process.argv.slice(2));
} catch (e) {
  process.stderr.write(internalErrorLine(e) + "\n");
  process.exitCode = EXIT_UNUSABLE;
}
