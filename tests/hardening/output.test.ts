/**
 * Hardening of what the CLI writes: --out files (never into the schemas package, never through
 * a symlink, never over a file without --force), what reaches the terminal (control characters
 * escaped), a closed pipe (quiet), unexpected errors (one Swedish line, no input), and the embed
 * example's server (a malformed URL is a 400, not a crash).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURES, ROOT } from "../helpers.ts";
import { run } from "../../engine/cli/main.ts";
import { consoleOutput } from "../../engine/cli/output.ts";
import { SCHEMAS_DIR } from "../../engine/node/files.ts";
import { filesUnder, startServer } from "../../examples/embed/serve.ts";

const tmp = realpathSync(mkdtempSync(join(tmpdir(), "blankett-hardening-")));
const EXEMPELBY = join(ROOT, "schemas/fia/variants/exempelby.overlay.json");

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The CLI in-process, with its lines collected. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const DEV = [join(ROOT, "bin/blankett.js")];
const BIN = ["--import", "tsx", join(ROOT, "engine/cli/bin.ts")];

let n = 0;
function fresh(name: string): string {
  const dir = join(tmp, `t${++n}`);
  mkdirSync(dir);
  return join(dir, name);
}

describe("--out guard", () => {
  const created: string[] = [];
  afterEach(() => {
    // Were a test to fail, nothing it wrote may stay behind in the schemas package.
    for (const f of created.splice(0)) rmSync(f, { force: true });
  });

  it("overlay apply --out does not follow a symlink (the file it points to is unchanged)", async () => {
    const victim = fresh("migrering.json");
    writeFileSync(victim, "orörd\n");
    const link = join(tmp, `t${n}`, "ut.json");
    symlinkSync(victim, link);
    const r = await cli("overlay", "apply", EXEMPELBY, "--out", link, "--force");
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(link);
    expect(r.err[0]).toMatch(/symbolisk länk/);
    expect(readFileSync(victim, "utf8")).toBe("orörd\n");
  });

  it("a dangling symlink is not followed either (nothing is created where it points)", async () => {
    const where = fresh("skapas-inte.json");
    const link = join(tmp, `t${n}`, "ut.json");
    symlinkSync(where, link);
    const r = await cli("diff", "fia@1.0.0", "fia@1.1.0", "--out", link);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain(link);
    expect(existsSync(where)).toBe(false);
  });

  it("nothing is written into the schemas package, also not through a symlinked directory", async () => {
    const inside = join(SCHEMAS_DIR, "fia", `hardening-${process.pid}.txt`);
    created.push(inside);
    const direct = await cli("diff", "fia@1.0.0", "fia@1.1.0", "--out", inside);
    expect(direct.code).toBe(2);
    expect(direct.err[0]).toContain(inside);
    expect(direct.err[0]).toMatch(/schemapaketet/);
    expect(existsSync(inside)).toBe(false);

    const dirLink = join(tmp, `t${++n}-fia`);
    symlinkSync(join(SCHEMAS_DIR, "fia"), dirLink);
    const viaLink = join(dirLink, `hardening-${process.pid}.txt`);
    const linked = await cli("overlay", "apply", EXEMPELBY, "--out", viaLink, "--force");
    expect(linked.code).toBe(2);
    expect(linked.err[0]).toMatch(/schemapaketet/);
    expect(existsSync(inside)).toBe(false);
  });

  it("a national file is refused even with --force, and through a hard link", async () => {
    const national = join(SCHEMAS_DIR, "fia/migrations/1.0.0-1.1.0.json");
    const before = readFileSync(national, "utf8");
    const r = await cli("overlay", "apply", EXEMPELBY, "--out", national, "--force");
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/schemapaketet/);
    const hard = fresh("hard.json");
    let linked = true;
    try {
      linkSync(national, hard);
    } catch {
      linked = false; // another file system than the repository's: nothing to test
    }
    if (linked) {
      const h = await cli("overlay", "apply", EXEMPELBY, "--out", hard, "--force");
      expect(h.code).toBe(2);
      expect(h.err[0]).toMatch(/hårda länkar/);
      rmSync(hard);
    }
    expect(readFileSync(national, "utf8")).toBe(before);
  });

  it("an existing file is replaced only with --force", async () => {
    const out = fresh("rapport.txt");
    writeFileSync(out, "gammal\n");
    const r = await cli("diff", "fia@1.0.0", "fia@1.1.0", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain(out);
    expect(r.err[0]).toMatch(/finns redan.*--force/);
    expect(readFileSync(out, "utf8")).toBe("gammal\n");
    const o = await cli("overlay", "apply", EXEMPELBY, "--out", out);
    expect(o.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("gammal\n");

    expect((await cli("diff", "fia@1.0.0", "fia@1.1.0", "--out", out, "--force")).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^fia@1\.0\.0 → fia@1\.1\.0|minor|kompatib/i);
    expect((await cli("overlay", "apply", EXEMPELBY, "--out", out, "--force")).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).$id).toMatch(/exempelby$/);
  });

  it("a new file is written without --force", async () => {
    const out = fresh("ny.html");
    const r = await cli("diff", "fia@1.1.0", "fia@2.0.0", "--format", "html", "--out", out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("the guard is exported for other commands' --out", async () => {
    const guard = await import("../../engine/node/writeGuard.ts");
    const out = fresh("ut.ndjson");
    guard.writeOutFile(out, "{}\n");
    expect(() => guard.writeOutFile(out, "{}\n")).toThrow(/finns redan/);
    guard.writeOutFile(out, "[]\n", { force: true });
    expect(readFileSync(out, "utf8")).toBe("[]\n");
    expect(() => guard.writeOutFile(out, "{}\n", { force: true, inputs: [out] })).toThrow(/indatafilen/);
    const stream = guard.createOutStream(fresh("ström.ndjson"));
    await new Promise<void>((done, fail) => stream.end("{}\n", () => done()).once("error", fail));
    expect(() => guard.createOutStream(join(SCHEMAS_DIR, "sue", "x.ndjson"), { force: true })).toThrow(/schemapaketet/);
    expect(() => guard.writeOutFile(join(tmp, "saknas", "x.json"), "{}\n")).toThrow(/^Kan inte skriva filen .*saknas.*: katalogen .* finns inte$/);
  });
});

describe("what reaches the terminal", () => {
  const hostile = "x\u001b[31m\nforged: giltigt\r\u202e\u2028\u0085\u007f";
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  // What the process writes, through the console output the CLI uses.
  let written: string[] = [];
  const terminal = { out: (l: string) => consoleOutput.out(l), err: (l: string) => consoleOutput.err(l) };
  beforeAll(() => {
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    }
  });
  afterAll(() => vi.restoreAllMocks());
  afterEach(() => {
    written = [];
  });

  it("an answer key with a newline and an ANSI sequence cannot forge a result line", async () => {
    const doc = JSON.parse(readFileSync(join(FIXTURES, "fia/valid/interview-1.json"), "utf8"));
    doc[hostile] = 1;
    const file = fresh("nyckel.json");
    writeFileSync(file, JSON.stringify(doc));
    expect(await run(["validate", "fia@1.0.0", file], terminal)).toBe(1);
    const lines = written.join("").trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("\\u001b[31m\\nforged: giltigt\\r\\u202e\\u2028\\u0085\\u007f");
    expect(written.join("")).not.toMatch(RAW);
  });

  it("escapes control characters in a line, keeping only its own newline", () => {
    consoleOutput.out(`a${hostile}`);
    consoleOutput.err("\u2066\u0000\t\u0009b");
    expect(written).toEqual(["ax\\u001b[31m\\nforged: giltigt\\r\\u202e\\u2028\\u0085\\u007f\n", "\\u2066\\u0000\\t\\tb\n"]);
  });

  it("leaves plain text, Swedish letters and typographic quotes alone", () => {
    consoleOutput.out("/intervju/datum: Ange datum för ”intervjun” – åäö ÅÄÖ é");
    expect(written).toEqual(["/intervju/datum: Ange datum för ”intervjun” – åäö ÅÄÖ é\n"]);
  });

  it("keeps JSON's own line breaks, does not double-escape it, and stays the same JSON", () => {
    const value = { [hostile]: [hostile, "åäö"] };
    const text = JSON.stringify(value, null, 2);
    consoleOutput.out(text);
    consoleOutput.out(JSON.stringify(value));
    const [pretty, compact] = written;
    expect(pretty!.split("\n").length).toBe(text.split("\n").length + 1);
    expect(pretty).not.toMatch(/\\\\u/);
    expect(pretty).not.toMatch(RAW);
    expect(JSON.parse(pretty!)).toEqual(value);
    expect(compact!.endsWith("\n")).toBe(true);
    expect(compact!.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(compact!)).toEqual(value);
  });

  it("the usage text, a text diff and an indicator table keep their lines", async () => {
    expect(await run(["--help"], terminal)).toBe(0);
    const help = written.splice(0).join("");
    expect(help.split("\n").length).toBeGreaterThan(10);
    expect(help).not.toContain("\\n");
    expect(await run(["diff", "fia@1.0.0", "fia@1.1.0"], terminal)).toBe(0);
    const diff = written.splice(0).join("");
    expect(diff.split("\n").length).toBeGreaterThan(3);
    expect(diff).not.toContain("\\n");
    const records = fresh("poster.ndjson");
    const record = JSON.stringify(JSON.parse(readFileSync(join(FIXTURES, "sue/valid/record-1.json"), "utf8")));
    writeFileSync(records, `${record}\n${record}\n`);
    expect(await run(["indicators", "sue@1.0.0", records, "--format", "csv"], terminal)).toBe(0);
    const csv = written.splice(0).join("");
    expect(csv.split("\n").length).toBeGreaterThan(2);
    expect(csv).not.toContain("\\n");
  });
});

describe("a closed pipe and unexpected errors", () => {
  let big: string;
  beforeAll(() => {
    const record = JSON.stringify(JSON.parse(readFileSync(join(FIXTURES, "sue/valid/record-1.json"), "utf8")));
    big = fresh("stor.ndjson");
    writeFileSync(big, (record + "\n").repeat(4000));
  });

  /** Runs the CLI with stdout a pipe that is closed after the first chunk (as `| head -1` does). */
  function headOne(entry: string[], ...args: string[]): Promise<{ code: number | null; signal: string | null; err: string }> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [...entry, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let err = "";
      child.stderr.setEncoding("utf8").on("data", (c: string) => (err += c));
      child.stdout.once("data", () => child.stdout.destroy());
      child.once("error", fail);
      child.once("close", (code, signal) => done({ code, signal, err }));
    });
  }

  it("validate … | head -1 ends quietly, with the shell's exit code for a closed pipe (dev entry)", async () => {
    const r = await headOne(DEV, "validate", "sue@1.0.0", big, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(141);
  });

  it("the same through the package's bin", async () => {
    const r = await headOne(BIN, "validate", "sue@1.0.0", big, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(141);
  });

  it("an unexpected error is one Swedish line with the error's name, not its message (in-process)", async () => {
    const err: string[] = [];
    const code = await run(["list"], {
      out: () => {
        throw new TypeError("svaret ”hemligt” kunde inte läsas");
      },
      err: (l) => err.push(l),
    });
    expect(code).toBe(2);
    expect(err).toEqual(["Internt fel: TypeError"]);
  });

  it("an error thrown outside a command ends the process with one line and exit 2", () => {
    const child = join(import.meta.dirname, "uncaught-child.ts");
    for (const kind of ["throw", "reject"]) {
      const r = spawnSync(process.execPath, ["--import", "tsx", child, kind], { cwd: ROOT, encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe("Internt fel: RangeError\n");
      expect(r.stdout).toBe("");
    }
  });
});

describe("the embed example's server", () => {
  function get(url: string, path: string): Promise<number> {
    return new Promise((done, fail) => {
      const req = request(url, { path, method: "GET" }, (res) => {
        res.resume();
        res.on("end", () => done(res.statusCode ?? 0));
      });
      req.on("error", fail);
      req.end();
    });
  }

  it("answers a malformed URL with 400 and keeps running", async () => {
    const dir = fresh("sida");
    mkdirSync(dir);
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>x</title>");
    const server = await startServer(filesUnder(dir));
    try {
      expect(await get(server.url, "/%E0%A4%A")).toBe(400);
      expect(await get(server.url, "/%")).toBe(400);
      expect(await get(server.url, "/")).toBe(200);
      expect(await get(server.url, "/finns-inte.html")).toBe(404);
    } finally {
      await server.close();
    }
  });
});
