import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diffCommand, type DiffCommandOptions } from "../../engine/cli/commands/diff.ts";
import { InputError } from "../../engine/node/files.ts";
import { EXIT_UNUSABLE } from "../../engine/cli/output.ts";
import { ROOT } from "../helpers.ts";
import { base, changed } from "./pairs.ts";

/**
 * `blankett diff` through its command function, with the CLI's own handling of input errors
 * (main.ts turns an InputError into one line and exit 2; this helper does the same).
 */
async function diff(oldRef: string, newRef: string, opts: DiffCommandOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  let code: number;
  try {
    code = await diffCommand(io, oldRef, newRef, opts);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    err.push(e.message);
    code = EXIT_UNUSABLE;
  }
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = mkdtempSync(join(tmpdir(), "blankett-diff-"));

function writeSchema(name: string, schema: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(schema, null, 2));
  return path;
}

describe("blankett diff", () => {
  it("diffs two references in Swedish text and exits 0", async () => {
    const r = await diff("fia@1.0.0", "fia@1.1.0");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Jämförelse fia@1\.0\.0 → fia@1\.1\.0/);
    expect(r.out).toMatch(/Ändringarna kräver: minor/);
    expect(r.out).toMatch(/\[BOKFÖRING\] Versionsstämpeln ändras från ”fia@1\.0\.0” till ”fia@1\.1\.0”/);
  });

  it("accepts schema file paths", async () => {
    const r = await diff(join(ROOT, "schemas/fia/1.0.0.schema.json"), join(ROOT, "schemas/fia/1.1.0.schema.json"), { format: "json" });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.old.ref).toBe("fia@1.0.0");
    expect(report.new.ref).toBe("fia@1.1.0");
    expect(report.bump.required).toBe("minor");
  });

  it("--check-bump passes when the numbers say what the changes call for", async () => {
    expect((await diff("fia@1.0.0", "fia@1.1.0", { checkBump: true })).code).toBe(0);
    expect((await diff("fia@1.1.0", "fia@2.0.0", { checkBump: true })).code).toBe(0);
  });

  it("--check-bump exits 1 on a deliberately wrong version number (a breaking change declared as minor)", async () => {
    const wrong = JSON.parse(readFileSync(join(ROOT, "schemas/fia/2.0.0.schema.json"), "utf8"));
    wrong["x-instrument"].version = "1.2.0";
    wrong.$id = "https://blankett.example/schemas/fia/1.2.0";
    const path = writeSchema("fia-1.2.0.schema.json", wrong);
    const r = await diff("fia@1.1.0", path, { checkBump: true });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Versionsnumret stämmer inte: Versionsnumren 1\.1\.0 → 1\.2\.0 anger minor .* kräver en major/);
    expect(r.err.split("\n")).toHaveLength(1);
    // Without --check-bump the report is still written and the exit is 0.
    const plain = await diff("fia@1.1.0", path);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/stämmer inte/);
  });

  it("--check-bump exits 1 when a compatible change is declared as a patch", async () => {
    const oldPath = writeSchema("prov-1.0.0.schema.json", base());
    const newPath = writeSchema("prov-1.0.1.schema.json", changed("1.0.1", (_s, d) => void (d.extra!.properties.ny = { type: "string" })));
    expect((await diff(oldPath, newPath, { checkBump: true })).code).toBe(1);
  });

  it("writes HTML to a file with --out", async () => {
    const out = join(tmp, "rapport.html");
    const r = await diff("fia@1.1.0", "fia@2.0.0", { format: "html", out });
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("unusable input: exit 2 with one Swedish line", async () => {
    const missing = await diff("fia@1.0.0", join(tmp, "finns-inte.schema.json"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Kan inte läsa filen/);
    const unknown = await diff("fia@9.9.9", "fia@1.0.0");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Okänt formulär/);
    const noInstrument = writeSchema("utan.schema.json", { type: "object" });
    expect((await diff(noInstrument, "fia@1.0.0")).err).toMatch(/saknar x-instrument/);
    const badRef = base();
    (badRef.properties as Record<string, unknown>).del = { $ref: "#/$defs/finnsInte" };
    const r = await diff(writeSchema("trasig.schema.json", badRef), "fia@1.0.0");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Schemana går inte att jämföra: \$ref pekar på något som inte finns/);
    expect((await diff("fia@1.0.0", "fia@1.1.0", { format: "pdf" })).err).toMatch(/Okänt format ”pdf”/);
  });
});
