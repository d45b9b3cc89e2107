/**
 * Where the CLI writes. Tests swap it; nothing else in the engine writes to the console.
 *
 * Each call is one line. A command that prints a block of several lines (a report, a table) hands
 * it to printLines, which emits it line by line; text that is one JSON value (JSON.stringify, also
 * indented) may go in one call.
 */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/**
 * What must never reach a terminal raw: C0 controls (newline, carriage return and tab included:
 * inside a line they would forge or hide lines), DEL, C1 controls, the line and paragraph
 * separators and the bidirectional embeddings, overrides and isolates (they reorder what is shown).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, "g");
/** The same without JSON's whitespace, which in a JSON text is only ever structure. */
const UNSAFE_IN_JSON = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\n\r]/;

const SHORT: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeChar(c: string): string {
  return SHORT[c] ?? "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
}

/** A whole JSON text (JSON.stringify's output), whose raw line breaks are therefore its layout. */
function isJsonText(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== "{" && first !== "[") return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * `text` made safe to print as one line: every control character escaped as \n, \r, \t or \uXXXX.
 * A JSON text keeps its own line breaks (JSON.stringify escapes every control character inside
 * its strings, so a raw one is layout); the characters JSON leaves raw in strings (DEL, C1, U+2028,
 * U+2029, bidi controls) are escaped as \uXXXX, which leaves the same JSON value.
 */
export function terminalSafe(text: string): string {
  if (!UNSAFE.test(text)) return text;
  if (LINE_BREAKS.test(text) && isJsonText(text)) return text.replace(UNSAFE_IN_JSON, escapeChar);
  return text.replace(UNSAFE_ALL, escapeChar);
}

/** Emits a block of lines (a report, a table, a help text) one line at a time. */
export function printLines(write: (line: string) => void, text: string): void {
  for (const line of (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n")) write(line);
}

export const consoleOutput: Output = {
  out: (line) => void process.stdout.write(terminalSafe(line) + "\n"),
  err: (line) => void process.stderr.write(terminalSafe(line) + "\n"),
};

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_UNUSABLE = 2;
/** What the shell reports for a process ended by SIGPIPE (128 + 13): the reader went away. */
export const EXIT_BROKEN_PIPE = 141;

/** The line for an error nobody expected: its name only, as its message may quote input. */
export function internalErrorLine(e: unknown): string {
  const name = e instanceof Error && /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(e.name) ? e.name : e instanceof Error ? "Error" : typeof e;
  return `Internt fel: ${name}`;
}

let guarded = false;

/**
 * For the `blankett` process (bin.ts, and run() when it writes to the console): a closed pipe on
 * stdout or stderr (`blankett … | head -1`) ends the process quietly with the shell's code for
 * it; an error that escapes everything is one Swedish line with its name (never its message or
 * stack, which may carry input) and exit 2. Installed once.
 */
export function installProcessGuards(): void {
  if (guarded) return;
  guarded = true;
  const onStreamError = (e: NodeJS.ErrnoException) => {
    // Nothing more can be written where the reader went; other write errors are reported once.
    if (e.code === "EPIPE") process.exit(EXIT_BROKEN_PIPE);
    fatal(e);
  };
  process.stdout.on("error", onStreamError);
  process.stderr.on("error", onStreamError);
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
}

function fatal(e: unknown): never {
  try {
    process.stderr.write(internalErrorLine(e) + "\n");
  } catch {
    // stderr is gone too: the exit code is all that is left.
  }
  process.exit(EXIT_UNUSABLE);
}
