/**
 * The machinery of the hostile-input corpus (cases.ts): temporary files, the CLI run in-process
 * through the console output (so what is checked is what a terminal would get), the CLI run in a
 * child process (for the giants, with its peak RSS), and a local HTTP server that counts requests
 * (a remote $ref must never reach it).
 */
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, realpathSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../engine/cli/main.ts";
import { consoleOutput, type Output } from "../../engine/cli/output.ts";
import { ROOT } from "../helpers.ts";

/** A fake personnummer planted in answers: no output may ever carry it. */
export const MARKER = "19121212-1212";

/** What must never reach a terminal raw (a line's own "\n" aside): see engine/cli/output.ts. */
export const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export const BASE_TMP = realpathSync(mkdtempSync(join(tmpdir(), "blankett-hostile-")));

/** One case's own directory, and files written into it. */
export class Tmp {
  readonly dir: string;
  constructor(id: string) {
    this.dir = join(BASE_TMP, id.replace(/[^A-Za-z0-9._-]/g, "_"));
    mkdirSync(this.dir, { recursive: true });
  }
  path(name: string): string {
    return join(this.dir, name);
  }
  file(name: string, content: string | Buffer | Uint8Array): string {
    const p = this.path(name);
    writeFileSync(p, content);
    return p;
  }
}

export interface CliResult {
  code: number;
  /** What reached stdout and stderr, as the console output writes it (control characters escaped), without the last newline. */
  out: string;
  err: string;
  outLines: string[];
  errLines: string[];
}

const lines = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

/**
 * The CLI in-process, writing through consoleOutput (escaping included) into captured streams.
 * Only one runs at a time (vitest runs a file's tests one after another).
 */
export async function cliRun(argv: string[]): Promise<CliResult> {
  let out = "";
  let err = "";
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const capture = (append: (s: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      if (done) queueMicrotask(done);
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture((s) => (out += s));
  process.stderr.write = capture((s) => (err += s));
  // Not consoleOutput itself: run() would install the process guards (exit on EPIPE) in the test worker.
  const io: Output = { out: (l) => consoleOutput.out(l), err: (l) => consoleOutput.err(l) };
  let code: number;
  try {
    code = await run(argv, io);
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  return { code, out: out.replace(/\n$/, ""), err: err.replace(/\n$/, ""), outLines: lines(out), errLines: lines(err) };
}

export interface ChildResult extends CliResult {
  /** Peak resident set size of the child, in MiB (process.resourceUsage().maxRSS). */
  rssMiB: number;
  ms: number;
}

/**
 * The CLI in a child process (tests/hostile/child.ts), its standard input a file or bytes written
 * to a pipe. The child reports its exit code, output and peak RSS as one JSON line.
 */
export function childRun(argv: string[], stdin?: { bytes: Buffer } | { file: string }, timeoutMs = 60_000): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const stdio: Array<"pipe" | "ignore" | number> = ["pipe", "pipe", "pipe"];
    let fd: number | undefined;
    if (stdin && "file" in stdin) {
      fd = openSync(stdin.file, "r");
      stdio[0] = fd;
    } else if (!stdin) stdio[0] = "ignore";
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "tests/hostile/child.ts"), ...argv], { cwd: ROOT, stdio, timeout: timeoutMs, killSignal: "SIGKILL" });
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    if (stdin && "bytes" in stdin) {
      child.stdin!.on("error", () => {
        // The child stops reading at the cap and exits: the rest of the pipe is not wanted.
      });
      child.stdin!.end(stdin.bytes);
    }
    child.once("error", reject);
    child.once("close", (status) => {
      if (fd !== undefined) closeSync(fd);
      const ms = performance.now() - t0;
      const last = stdout.trimEnd().split("\n").pop() ?? "";
      try {
        const r = JSON.parse(last) as { code: number; out: string; err: string; maxRSS: number };
        resolve({ code: r.code, out: r.out.replace(/\n$/, ""), err: (r.err + stderr).replace(/\n$/, ""), outLines: lines(r.out), errLines: lines(r.err), rssMiB: r.maxRSS / 1024, ms });
      } catch {
        reject(new Error(`child ended with ${status ?? "a signal (killed at its time bound?)"} after ${Math.round(ms)} ms, no report: ${stderr.slice(0, 500)}`));
      }
    });
  });
}

/** A local HTTP server counting every request: the target of the remote $ref cases. */
export class CountingServer {
  hits = 0;
  port = 0;
  private server: Server | undefined;
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.hits++;
      res.setHeader("content-type", "application/json");
      res.end('{"type":"string"}');
    });
    await new Promise<void>((done) => this.server!.listen(0, "127.0.0.1", () => done()));
    const address = this.server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
  }
  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes, CR and LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\n" || ch === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
