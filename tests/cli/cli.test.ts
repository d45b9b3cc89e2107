import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURES, ROOT, fixtureFiles } from "../helpers.ts";
import { run } from "../../engine/cli/main.ts";

function blankett(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/blankett.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), "blankett-cli-"));

describe("blankett CLI", () => {
  it("lists instruments and versions", () => {
    const r = blankett("list");
    expect(r.code).toBe(0);
    for (const name of ["barnahuslogg", "fia", "sue"]) expect(r.out).toMatch(new RegExp(`^${name}\\s+1\\.0\\.0`, "m"));
  });

  it("accepts every valid fixture (exit 0)", async () => {
    // One process for the first (the bin as users run it), the command in-process for the rest:
    // a process per fixture made this test take minutes on a busy machine.
    const [first, ...rest] = ["barnahuslogg", "fia", "sue"].flatMap((name) => fixtureFiles(name, "valid").map((file) => [name, file] as const));
    const spawned = blankett("validate", `${first![0]}@1.0.0`, first![1]);
    expect(spawned.code, spawned.out + spawned.err).toBe(0);
    expect(rest.length).toBeGreaterThan(3);
    for (const [name, file] of rest) {
      const out: string[] = [];
      const code = await run(["validate", `${name}@1.0.0`, file], { out: (l) => out.push(l), err: (l) => out.push(l) });
      expect(code, out.join("\n")).toBe(0);
    }
  });

  it("rejects an invalid fixture (exit 1) with a Swedish message and the field's pointer", () => {
    const r = blankett("validate", "barnahuslogg@1.0.0", join(FIXTURES, "barnahuslogg/invalid/felaktigt-datum.json"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ogiltigt \(1 fel\)/);
    expect(r.out).toMatch(/\/handelser\/\d+\/datum: Skriv datumet för ”.+” som ÅÅÅÅ-MM-DD/);
  });

  it("rejects every invalid fixture with exit 1 (in-process, same entry point)", async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    for (const name of ["barnahuslogg", "fia", "sue"]) {
      for (const file of fixtureFiles(name, "invalid")) expect(await run(["validate", `${name}@1.0.0`, file], io), file).toBe(1);
    }
    expect(lines.filter((l) => l.includes("ogiltigt (1 fel)")).length).toBeGreaterThanOrEqual(12);
  });

  it("accepts a schema path instead of a reference", () => {
    const r = blankett("validate", "schemas/sue/1.0.0.schema.json", join(FIXTURES, "sue/valid/record-1.json"));
    expect(r.code).toBe(0);
  });

  it("answers malformed JSON with exit 2 and one line, no stack trace", () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, '{"meta": {');
    const r = blankett("validate", "fia@1.0.0", bad);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/inte giltig JSON/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it("answers an unreadable file and an unknown instrument with exit 2 and one line", () => {
    const missing = blankett("validate", "fia@1.0.0", join(tmp, "finns-inte.json"));
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toMatch(/^Kan inte läsa filen .*finns-inte\.json/);
    const unknown = blankett("validate", "fiaa@1.0.0", join(FIXTURES, "fia/valid/interview-1.json"));
    expect(unknown.code).toBe(2);
    expect(unknown.err.trim()).toBe("Okänt formulär ”fiaa@1.0.0”. Kända: barnahuslogg, fia, sue");
    const version = blankett("validate", "fia@9.9.9", join(FIXTURES, "fia/valid/interview-1.json"));
    expect(version.code).toBe(2);
  });

  it("validates NDJSON line by line, naming line numbers", () => {
    const good = readFileSync(join(FIXTURES, "sue/valid/record-1.json"), "utf8");
    const doc = JSON.parse(good);
    const broken = { ...doc, bakgrund: { ...doc.bakgrund, fodelsear: 1850 } };
    const file = join(tmp, "records.ndjson");
    writeFileSync(file, [JSON.stringify(doc), JSON.stringify(broken), "", JSON.stringify(doc)].join("\n") + "\n");
    const r = blankett("validate", "sue@1.0.0", file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("rad 2: ogiltigt (1 fel)");
    expect(r.out).toContain("/bakgrund/fodelsear: ”Födelseår” får inte vara mindre än 1900");
    expect(r.out).toContain("3 dokument, 1 ogiltiga");
    writeFileSync(file, JSON.stringify(doc) + "\n{trasig\n");
    const m = blankett("validate", "sue@1.0.0", file);
    expect(m.code).toBe(2);
    expect(m.out).toMatch(/rad 2: inte giltig JSON/);
  });

  it("validates a half-filled draft with --draft (exit 0), and without it only when the document says it is a draft", () => {
    const file = fixtureFiles("fia", "draft")[0]!;
    const draft = blankett("validate", "fia@1.0.0", file, "--draft");
    expect(draft.code).toBe(0);
    expect(draft.out).toMatch(/giltigt \(utkast, \d+ obesvarade\)/);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.meta.status).toBe("draft");
    // meta.status "draft" implies --draft (issue 11, point 8); the same answers marked complete do not.
    expect(blankett("validate", "fia@1.0.0", file).code).toBe(0);
    const complete = join(tmp, "fia-complete.json");
    writeFileSync(complete, JSON.stringify({ ...doc, meta: { ...doc.meta, status: "complete" } }));
    expect(blankett("validate", "fia@1.0.0", complete).code).toBe(1);
  });

  it("lints the shipped schemas (exit 0) and fails on a misspelled hint (exit 1)", () => {
    expect(blankett("lint", "schemas/barnahuslogg/1.0.0.schema.json", "schemas/fia/1.0.0.schema.json", "schemas/sue/1.0.0.schema.json").code).toBe(0);
    const s = JSON.parse(readFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), "utf8"));
    s["x-ui"] = { ...(s["x-ui"] ?? {}), ordr: ["meta"] };
    const file = join(tmp, "fia-typo.schema.json");
    writeFileSync(file, JSON.stringify(s));
    const r = blankett("lint", file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Okänd hint ”ordr” i x-ui — menade du ”order”?");
  });

  it("prints usage for an unknown command with exit 2", () => {
    const r = blankett("valdate");
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("Okänt kommando ”valdate”. Skriv blankett --help för hjälp.");
  });
});
