import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diffCommand, type DiffCommandOptions } from "../../engine/cli/commands/diff.ts";
import { InputError } from "../../engine/node/files.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE } from "../../engine/cli/output.ts";
import { ROOT } from "../helpers.ts";
import { base, changed } from "../diff/pairs.ts";

/**
 * `blankett diff --base <rev> <schema.json>`: the working-tree file against the same path in a git
 * revision, read with `git show` (an argument list, never a shell). A temporary repository: a
 * schema committed, then changed in the work tree.
 */

async function diff(first: string, second: string | undefined, opts: DiffCommandOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  let code: number;
  try {
    code = await diffCommand(io, first, second, opts);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    err.push(e.message);
    code = EXIT_UNUSABLE;
  }
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let repo: string;
let file: string;

function git(...args: string[]): string {
  const r = spawnSync("git", args, { cwd: repo, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "blankett-diff-base-"));
  mkdirSync(join(repo, "schemas", "prov"), { recursive: true });
  file = join(repo, "schemas", "prov", "schema.json");
  git("init", "-q");
  git("config", "user.name", "Testare");
  git("config", "user.email", "testare@example.invalid");
  git("config", "commit.gpgsign", "false");
  writeFileSync(file, JSON.stringify(base("1.0.0"), null, 2) + "\n");
  git("add", ".");
  git("commit", "-q", "-m", "prov 1.0.0");
  // The work tree: a new version with a breaking change (a code removed) and a new optional question.
  const next = changed("2.0.0", (_s, d) => {
    (d.skala!.oneOf as unknown[]).pop();
    d.del!.properties.ny = { type: "string", title: "Ny fråga" };
  });
  writeFileSync(file, JSON.stringify(next, null, 2) + "\n");
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("blankett diff --base", () => {
  it("compares the working-tree file with the same path in HEAD", async () => {
    const r = await diff(file, undefined, { base: "HEAD" });
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain("Jämförelse prov@1.0.0 → prov@2.0.0");
    expect(r.out).toContain("[BRYTANDE]");
    expect(r.out).toContain("Ny fråga");
  });

  it("works from another directory, with a path relative to it, and with --check-bump and markdown", async () => {
    const cwd = process.cwd();
    process.chdir(join(repo, "schemas"));
    try {
      const r = await diff(join("prov", "schema.json"), undefined, { base: "HEAD", format: "markdown", checkBump: true });
      expect(r.code).toBe(EXIT_OK);
      expect(r.out).toContain("**Ändringarna kräver:** major");
    } finally {
      process.chdir(cwd);
    }
  });

  it("exit 1 with --check-bump when the working tree declares the wrong number", async () => {
    const wrong = join(repo, "schemas", "prov", "wrong.json");
    writeFileSync(wrong, JSON.stringify(base("1.0.0"), null, 2) + "\n");
    git("add", "schemas/prov/wrong.json");
    git("commit", "-q", "-m", "wrong");
    writeFileSync(wrong, JSON.stringify(changed("1.0.1", (_s, d) => (d.skala!.oneOf as unknown[]).pop()), null, 2) + "\n");
    const r = await diff(wrong, undefined, { base: "HEAD", checkBump: true });
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.err).toMatch(/^Versionsnumret stämmer inte/);
  });

  it("refuses a revision that could be read as an option, in one Swedish line (exit 2)", async () => {
    for (const rev of ["--output=/tmp/x", "-p", "", "HEAD:other.json", "HEAD x"]) {
      const r = await diff(file, undefined, { base: rev });
      expect(r.code, rev).toBe(EXIT_UNUSABLE);
      expect(r.err).toMatch(/^Ogiltig revision/);
      expect(r.err.split("\n")).toHaveLength(1);
    }
  });

  it("exit 2 in one line when the file is not in that revision, or the revision does not exist", async () => {
    const untracked = join(repo, "schemas", "prov", "ny.json");
    writeFileSync(untracked, JSON.stringify(base("1.1.0"), null, 2) + "\n");
    const r = await diff(untracked, undefined, { base: "HEAD" });
    expect(r.code).toBe(EXIT_UNUSABLE);
    expect(r.err).toMatch(/finns inte i revisionen HEAD/);
    const s = await diff(file, undefined, { base: "ingen-sadan-gren" });
    expect(s.code).toBe(EXIT_UNUSABLE);
    expect(s.err).toMatch(/finns inte i revisionen ingen-sadan-gren/);
  });

  it("exit 2 in one line when git is missing", async () => {
    const path = process.env.PATH;
    process.env.PATH = join(repo, "no-such-bin");
    try {
      const r = await diff(file, undefined, { base: "HEAD" });
      expect(r.code).toBe(EXIT_UNUSABLE);
      expect(r.err).toMatch(/^git finns inte/);
    } finally {
      process.env.PATH = path;
    }
  });

  it("takes exactly one schema file", async () => {
    expect((await diff(file, file, { base: "HEAD" })).code).toBe(EXIT_UNUSABLE);
    expect((await diff("fia@2.0.0", undefined, { base: "HEAD" })).err).toMatch(/schemafil/);
  });

  it("finds the migration between two instrument versions itself, or takes one with --migration", async () => {
    const own = await diff("fia@1.1.0", "fia@2.0.0");
    expect(own.out).toContain("Vad händer med sparade svar");
    expect(own.out).toContain("Svaren flyttas av migreringen till /livssituation/valdNaraRelation.");
    const given = await diff("fia@1.1.0", "fia@2.0.0", { migration: join(ROOT, "schemas", "fia", "migrations", "1.1.0-2.0.0.json"), format: "markdown" });
    expect(given.code).toBe(EXIT_OK);
    expect(given.out).toContain("### Vad händer med sparade svar");
    const wrong = await diff("fia@1.0.0", "fia@1.1.0", { migration: join(ROOT, "schemas", "fia", "migrations", "1.1.0-2.0.0.json") });
    expect(wrong.code).toBe(EXIT_UNUSABLE);
    expect(wrong.err).toMatch(/inte från fia@1\.0\.0 till fia@1\.1\.0/);
  });
});

describe("blankett diff --base and --migration on the command line", () => {
  async function cli(...argv: string[]) {
    const { run } = await import("../../engine/cli/main.ts");
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("parses --base with one schema file, and --migration", async () => {
    const r = await cli("diff", "--base", "HEAD", file);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain("Jämförelse prov@1.0.0 → prov@2.0.0");
    const m = await cli("diff", "fia@1.1.0", "fia@2.0.0", "--migration", join(ROOT, "schemas", "fia", "migrations", "1.1.0-2.0.0.json"), "--format", "markdown");
    expect(m.code).toBe(EXIT_OK);
    expect(m.out).toContain("### Vad händer med sparade svar");
  });

  it("--help names both", async () => {
    const r = await cli("--help");
    expect(r.out).toContain("diff --base <revision> <schema.json>");
    expect(r.out).toContain("--migration fil");
  });
});
