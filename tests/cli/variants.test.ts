/**
 * Local variants are first-class on the command line (issue 12, point 5): `fia@1.0.0+exempelby`
 * works wherever `fia@1.0.0` does, its effective schema made by applying the shipped overlay to
 * that base; a variant written for another base, an unknown variant and a variant that breaks the
 * overlay rules are refused (exit 2) with what to do.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../engine/cli/main.ts";
import { FIXTURES, ROOT } from "../helpers.ts";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n"), errLines: err };
}

const VARIANT = "fia@1.0.0+exempelby";
const dir = mkdtempSync(join(tmpdir(), "blankett-variants-"));
const records = join(dir, "exempelby.ndjson");
const one = join(dir, "exempelby-1.json");
const interview = join(FIXTURES, "fia/valid/interview-1.json");

/** Every command that takes a reference, with the reference in its place. */
const commands = (ref: string): string[][] => [
  ["validate", ref, interview],
  ["score", ref, interview],
  ["check", ref, interview],
  ["generate", ref, "--count", "1", "--seed", "1", "--out", join(dir, "never.ndjson")],
  ["indicators", ref, interview],
  ["diff", "fia@1.0.0", ref],
  ["diff", ref, "fia@1.1.0"],
  ["migrate", interview, "--to", ref],
  ["types", ref],
  ["lint", ref],
  ["test", ref],
];

describe("variant references on the command line", () => {
  it("generate writes the variant's answers, naming it in meta.variant; validate accepts them", async () => {
    const g = await cli("generate", VARIANT, "--count", "20", "--seed", "3", "--out", records);
    expect(g.code, g.err).toBe(0);
    const docs = readFileSync(records, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(docs).toHaveLength(20);
    for (const d of docs) expect(d.meta).toMatchObject({ schema: "fia@1.0.0", variant: "exempelby" });
    expect(docs.some((d) => d.lokalt && typeof d.lokalt.tolkBehovs === "boolean")).toBe(true);
    // Hidden items are not asked.
    expect(docs.every((d) => d.intervju?.intervjuare === undefined)).toBe(true);
    writeFileSync(one, JSON.stringify(docs[0]));
    const v = await cli("validate", VARIANT, records);
    expect(v.code, v.out).toBe(0);
    expect(v.out).toContain("20 dokument, 0 ogiltiga, 20 giltiga");
    // The national interview is not an Exempelby interview: no meta.variant, no lokalt, hidden items.
    const national = await cli("validate", VARIANT, interview);
    expect(national.code).toBe(1);
    expect(national.out).toContain("/meta/variant: Ange lokal variant");
    expect(national.out).toContain("/intervju/intervjuare: Uppgiften ”intervjuare” finns inte i formuläret");
  });

  it("score names the variant in its JSON and says it in text; check says it first", async () => {
    const s = await cli("score", VARIANT, one, "--json");
    expect(s.code, s.err).toBeLessThanOrEqual(1);
    const report = JSON.parse(s.out);
    expect(report.schema).toBe("fia@1.0.0");
    expect(report.variant).toEqual({ name: "exempelby", title: "Exempelby kommun" });
    expect(report.results).toBeDefined();
    expect(s.err).toContain("Lokal variant exempelby (Exempelby kommun) av fia@1.0.0");
    // A national reference: no variant in the report.
    const n = await cli("score", "fia@1.0.0", interview);
    expect(JSON.parse(n.out)).not.toHaveProperty("variant");
    const c = await cli("check", VARIANT, one);
    expect(c.out.split("\n")[0]).toBe("Lokal variant exempelby (Exempelby kommun) av fia@1.0.0");
    expect(c.out).toMatch(new RegExp(`${one.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: (inga fel|\\d+ fel), \\d+ varningar`));
  });

  it("diff compares a variant with its base: what the variant changed, classified", async () => {
    const d = await cli("diff", "fia@1.0.0", VARIANT, "--format", "json");
    expect(d.code, d.err).toBe(0);
    const report = JSON.parse(d.out);
    const paths = JSON.stringify(report);
    expect(paths).toContain("lokalt");
    expect(paths).toContain("intervjuare");
    const text = await cli("diff", "fia@1.0.0", VARIANT);
    expect(text.out).toContain("Exempelby kommun");
  });

  it("migrate moves answers into the variant and validates them against its effective schema", async () => {
    const m = await cli("migrate", one, "--to", VARIANT, "--date", "2026-12-03");
    expect(m.code, m.err).toBe(0);
    expect(JSON.parse(m.out).meta.variant).toBe("exempelby");
    expect(m.err).toContain(`giltigt mot ${VARIANT}`);
    // National answers are not valid in the variant: reported, written anyway (nothing is lost).
    const n = await cli("migrate", interview, "--to", VARIANT, "--date", "2026-12-03");
    expect(n.code).toBe(1);
    expect(n.err).toContain(`ogiltigt mot ${VARIANT}`);
    expect(JSON.parse(n.out).intervju).toBeDefined();
  });

  it("types prints the variant's answer types; lint checks its effective schema; test looks for the variant's own tests", async () => {
    const t = await cli("types", VARIANT);
    expect(t.code, t.err).toBe(0);
    expect(t.out).toContain("export interface FiaV1_0_0Exempelby");
    expect(t.out).toContain('variant: "exempelby"');
    expect(t.out).toContain("lokalt: Lokalt");
    const l = await cli("lint", VARIANT);
    expect(l.code).toBe(0);
    expect(l.out).toBe(`${VARIANT}: inga fel`);
    const x = await cli("test", VARIANT);
    expect(x.code).toBe(2);
    expect(x.err).toMatch(/^Ingen testfil för fia@1\.0\.0\+exempelby: .*schemas\/fia\/variants\/exempelby\.tests\.json finns inte$/);
  });

  it("indicators resolves the variant and reads its base's definitions (fia has none)", async () => {
    const i = await cli("indicators", VARIANT, records);
    expect(i.code).toBe(2);
    expect(i.err).toBe("Det finns inga indikatorer för fia@1.0.0");
  });

  it("list shows each variant under the version it is written for, with its title", async () => {
    const l = await cli("list");
    expect(l.code).toBe(0);
    const lines = l.out.split("\n");
    const fia = lines.findIndex((x) => /^fia\s/.test(x));
    expect(lines[fia + 1]).toMatch(/^ {2}fia@1\.0\.0\+exempelby\s+Exempelby kommun$/);
    const sue = lines.findIndex((x) => /^sue\s/.test(x));
    expect(lines[sue + 1]).toMatch(/^ {2}sue@1\.0\.0\+provkommun\s+Provkommun$/);
    expect(lines.filter((x) => x.startsWith("  "))).toHaveLength(2);
  });

  it("a variant written for another base is refused in every command, naming its base (exit 2, one line)", async () => {
    for (const argv of commands("fia@1.1.0+exempelby")) {
      const r = await cli(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.errLines, argv.join(" ")).toEqual([
        "Varianten exempelby är skriven för fia@1.0.0, inte fia@1.1.0: använd fia@1.0.0+exempelby (blankett overlay apply --base fia@1.1.0 prövar en flytt)",
      ]);
    }
  });

  it("an unknown variant is refused in every command, naming the variants of that version (exit 2, one line)", async () => {
    for (const argv of commands("fia@1.0.0+annanby")) {
      const r = await cli(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.errLines, argv.join(" ")).toEqual(["Okänd variant ”annanby” av fia@1.0.0. Varianter av fia@1.0.0: exempelby"]);
    }
    const none = await cli("validate", "barnahuslogg@1.0.0+exempelby", interview);
    expect(none.errLines).toEqual(["Okänd variant ”exempelby” av barnahuslogg@1.0.0. barnahuslogg@1.0.0 har inga lokala varianter"]);
    const noVersion = await cli("validate", "fia+exempelby", interview);
    expect(noVersion.code).toBe(2);
    expect(noVersion.errLines).toEqual(["Ange versionen som varianten gäller: formulär@version+variant, här fia@1.0.0+exempelby"]);
    const noBase = await cli("validate", "fia@9.9.9+exempelby", interview);
    expect(noBase.code).toBe(2);
    expect(noBase.err).toMatch(/^Okänt formulär ”fia@9\.9\.9\+exempelby”/);
  });

  it("a variant that breaks the overlay rules is refused with the lines blankett overlay check prints (exit 2)", async () => {
    const check = await cli("overlay", "check", "schemas/sue/variants/provkommun.overlay.json");
    expect(check.code).toBe(1);
    const violations = check.out.split("\n").slice(1);
    expect(violations.length).toBeGreaterThan(3);
    const sue = join(FIXTURES, "sue/valid/record-1.json");
    for (const argv of [["validate", "sue@1.0.0+provkommun", sue], ["indicators", "sue@1.0.0+provkommun", sue], ["score", "sue@1.0.0+provkommun", sue]]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.errLines[0]).toBe(`schemas/sue/variants/provkommun.overlay.json: ${violations.length} regelbrott, varianten sue@1.0.0+provkommun kan inte användas`);
      expect(r.errLines.slice(1)).toEqual(violations);
    }
  });

  it("the blankett process: the refusal on stderr, nothing on stdout, exit 2", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin/blankett.js"), "validate", "fia@2.0.0+exempelby", interview], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toBe("Varianten exempelby är skriven för fia@1.0.0, inte fia@2.0.0: använd fia@1.0.0+exempelby (blankett overlay apply --base fia@2.0.0 prövar en flytt)");
  });
});
