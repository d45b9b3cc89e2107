/**
 * The CLI in a child process for the hostile corpus' giants: runs one command with its output
 * captured (escaped as the console output escapes it) and prints one JSON line with the exit
 * code, the output and the peak RSS (process.resourceUsage().maxRSS, KiB).
 */
import { run } from "../../engine/cli/main.ts";
import { terminalSafe } from "../../engine/cli/output.ts";

const out: string[] = [];
const err: string[] = [];
const code = await run(process.argv.slice(2), { out: (l) => out.push(terminalSafe(l)), err: (l) => err.push(terminalSafe(l)) });
const text = (list: string[]) => (list.length ? list.join("\n") + "\n" : "");
process.stdout.write(JSON.stringify({ code, out: text(out), err: text(err), maxRSS: process.resourceUsage().maxRSS }) + "\n");
