#!/usr/bin/env node
/** The `blankett` command of the installed package. */
import { installProcessGuards } from "./output.ts";
import { run } from "./main.ts";

// Before anything runs: a closed pipe ends quietly, an unexpected error is one line (output.ts).
installProcessGuards();
process.exitCode = await run(process.argv.slice(2));
