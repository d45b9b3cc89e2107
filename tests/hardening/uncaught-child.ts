/**
 * A process for tests/hardening/output.test.ts: the CLI's process guards installed, then an error
 * nobody catches (argv[2] "throw": thrown in a timer; "reject": a rejected promise). Its message
 * stands for input content and must not be printed.
 */
import { installProcessGuards } from "../../engine/cli/output.ts";

installProcessGuards();
const secret = new RangeError("svaret ”hemligt” \u001b[31m");
if (process.argv[2] === "reject") void Promise.reject(secret);
else setTimeout(() => {
  throw secret;
}, 0);
