import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateCommand, type MigrateCommandOptions } from "../../engine/cli/commands/migrate.ts";
import { InputError } from "../../engine/node/files.ts";
import { FIXTURES, readJson } from "../helpers.ts";
import { generated, validator } from "./helpers.ts";

const tmp = mkdtempSync(join(tmpdir(), "blankett-migrate-"));
const DATE = "2025-02-03";

/** Runs the command as main.ts would: an InputError is one line on stderr and exit 2. */
async function cli(file: string, opts: MigrateCommandOptions) {
  const out: string[] = [];
  const err: string[] = [];
  let code: number;
  try {
    code = await migrateCommand({ out: (l) => out.push(l), err: (l) => err.push(l) }, file, { date: DATE, ...opts });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    err.push(e.message);
    code = 2;
  }
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const write = (name: string, content: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
};

const interview = join(FIXTURES, "fia/valid/interview-1.json");

describe("blankett migrate", () => {
  it("writes the migrated document to stdout and a Swedish report to stderr; exit 0", async () => {
    const r = await cli(interview, { to: "fia@2.0.0" });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    expect((doc.meta as { schema: string }).schema).toBe("fia@2.0.0");
    expect(validator("fia@2.0.0").validate(doc).valid).toBe(true);
    expect(r.err).toContain("fia@1.0.0 → fia@2.0.0");
    expect(r.err).toContain("flyttat: /livssituation/halsa/kroppsligHalsa → /livssituation/kroppsligHalsa");
    expect(r.err).toContain("sammanslaget: /livssituation/alkoholDroger/omfattning + /livssituation/ovrigaBeroenden/omfattning → /livssituation/levnadsvanor/omfattning");
    expect(r.err).toContain('nytt värde: /intervju/frageversion = "fia_1"');
    expect(r.err).toContain("ej överfört: /livssituation/halsa/halsotillstand – ");
    expect(r.err).toContain("2 svar sparade under /migrering/ejOverforda");
    expect(r.err).toContain("giltigt mot fia@2.0.0");
  });

  it("never prints an answer on stderr, only places", async () => {
    const r = await cli(interview, { to: "fia@2.0.0" });
    const src = readJson<{ livssituation: Record<string, { kommentar?: string }> }>(interview);
    for (const area of Object.values(src.livssituation)) if (area.kommentar) expect(r.err).not.toContain(area.kommentar);
    expect(r.err).not.toContain("dalig");
  });

  it("--out writes the file; the same document comes back from composing 1.0.0 → 1.1.0 → 2.0.0 by the command", async () => {
    const mid = join(tmp, "mid.json");
    const a = await cli(interview, { to: "fia@1.1.0", out: mid });
    expect(a.code).toBe(0);
    expect(a.out).toBe("");
    const b = await cli(mid, { to: "fia@2.0.0" });
    const direct = await cli(interview, { to: "fia@2.0.0" });
    expect(JSON.parse(b.out)).toEqual(JSON.parse(direct.out));
  });

  it("a draft is validated as a draft (meta.status) and stays a valid draft", async () => {
    const r = await cli(join(FIXTURES, "fia/draft/half-filled.json"), { to: "fia" });
    expect(r.code).toBe(0);
    // A bare instrument name means its newest version (2.1.0 since issue 14).
    expect(r.err).toMatch(/giltigt mot fia@2\.1\.0 \(utkast, \d+ obesvarade\)/);
  });

  it("exit 1 when the migrated document is not valid — and the document is still written", async () => {
    const r = await cli(join(FIXTURES, "fia/invalid/okand-nyckel.json"), { to: "fia@2.0.0" });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toHaveProperty(["livssituation", "skulder", "skuldbelopp"]);
    expect(r.err).toMatch(/ogiltigt mot fia@2\.0\.0 \(1 fel\)\n\s+\/livssituation\/skulder\/skuldbelopp: /);
  });

  it("exit 2 with one line for unusable input", async () => {
    const cases: Array<[string, MigrateCommandOptions, RegExp]> = [
      [write("bad.json", '{"meta": {'), { to: "fia@2.0.0" }, /inte giltig JSON/],
      [write("nometa.json", { intervju: {} }), { to: "fia@2.0.0" }, /saknar meta\.schema/],
      [interview, { to: "fia@9.0.0" }, /Okänd version ”fia@9\.0\.0”/],
      [interview, { to: "barnahuslogg@2.0.0" }, /gäller fia@1\.0\.0, inte barnahuslogg/],
      [write("v2.json", { meta: { schema: "fia@2.0.0" } }), { to: "fia@1.1.0" }, /bakåt/],
      [write("v7.json", { meta: { schema: "fia@7.0.0" } }), { to: "fia@2.0.0" }, /en version som inte finns/],
      [write("list.json", [1, 2]), { to: "fia@2.0.0" }, /inget JSON-objekt/],
      [interview, { to: "fia@2.0.0", date: "3 feb" }, /ÅÅÅÅ-MM-DD/],
    ];
    for (const [file, opts, message] of cases) {
      const r = await cli(file, opts);
      expect(r.code, file).toBe(2);
      expect(r.err, file).toMatch(message);
      expect(r.err.trim().split("\n"), file).toHaveLength(1);
    }
  });

  it("a document already at the target is written as it is", async () => {
    const doc = { meta: { schema: "barnahuslogg@2.0.0", status: "draft" } };
    const r = await cli(write("at.json", doc), { to: "barnahuslogg@2.0.0" });
    expect(JSON.parse(r.out)).toEqual(doc);
    expect(r.err).toContain("redan barnahuslogg@2.0.0, inget att flytta");
  });

  it("NDJSON: one migrated line per document, a bad line reported by number (exit 2), the others still written", async () => {
    const docs = generated("fia@1.0.0", 20, 5);
    const lines = docs.map((d) => JSON.stringify(d));
    lines.splice(3, 0, "{ not json");
    lines.splice(7, 0, JSON.stringify({ meta: { schema: "sue@1.0.0" } }));
    const file = write("many.ndjson", lines.join("\n") + "\n");
    const out = join(tmp, "many-2.0.0.ndjson");
    const r = await cli(file, { to: "fia@2.0.0", out });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/many\.ndjson rad 4: inte giltig JSON/);
    expect(r.err).toMatch(/many\.ndjson rad 8: Svaren gäller sue@1\.0\.0, inte fia/);
    expect(r.err).toMatch(/20 dokument flyttade till fia@2\.0\.0, 0 ogiltiga, \d+ med svar sparade under \/migrering\/ejOverforda/);
    const written = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { meta: { schema: string } });
    expect(written).toHaveLength(20);
    expect(written.every((d) => d.meta.schema === "fia@2.0.0" && validator("fia@2.0.0").isValid(d))).toBe(true);
  });
});
