#!/usr/bin/env node
/** The `blankett` command of the installed package. */
import { run } from "./main.ts";

process.exitCode = await run(process.argv.slice(2));
