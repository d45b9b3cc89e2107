/**
 * `migrate --out` goes through the same write guard as overlay and diff (issue 10, item 8):
 * before, `migrate --out schemas/fia/2.0.0.schema.json` overwrote the national schema and every
 * command failed after. And a schema the engine cannot use is named as such, not as an internal
 * error.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURES, ROOT } from "../helpers.ts";
import { run } from "../../engine/cli/main.ts";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "blankett-migrate-out-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = join(FIXTURES, "fia/valid/interview-1.json");

describe("migrate --out is guarded", () => {
  it("refuses to write into the schemas package, which stays as it was", async () => {
    const target = join(ROOT, "schemas/fia/2.0.0.schema.json");
    const before = readFileSync(target, "utf8");
    const r = await cli("migrate", input, "--to", "fia@2.0.0", "--out", target, "--force");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Skriver inte till");
    expect(readFileSync(target, "utf8")).toBe(before);
  });

  it("refuses an existing file without --force, writes it with --force", async () => {
    const out = join(dir, "finns.json");
    writeFileSync(out, "gammalt");
    const refused = await cli("migrate", input, "--to", "fia@2.0.0", "--out", out);
    expect(refused.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("gammalt");
    const forced = await cli("migrate", input, "--to", "fia@2.0.0", "--out", out, "--force");
    expect(forced.code).toBeLessThan(2);
    expect(JSON.parse(readFileSync(out, "utf8")).meta.schema).toBe("fia@2.0.0");
  });

  it("never writes through a symlink, also for NDJSON", async () => {
    const victim = join(dir, "offer.ndjson");
    writeFileSync(victim, "orört\n");
    const link = join(dir, "lank.ndjson");
    symlinkSync(victim, link);
    const ndjson = join(dir, "in.ndjson");
    writeFileSync(ndjson, JSON.stringify(JSON.parse(readFileSync(input, "utf8"))) + "\n");
    const r = await cli("migrate", ndjson, "--to", "fia@2.0.0", "--out", link, "--force");
    expect(r.code).toBe(2);
    expect(readFileSync(victim, "utf8")).toBe("orört\n");
    const fresh = join(dir, "ny.ndjson");
    const ok = await cli("migrate", ndjson, "--to", "fia@2.0.0", "--out", fresh);
    expect(ok.code).toBeLessThan(2);
    expect(existsSync(fresh)).toBe(true);
  });
});

describe("a schema the engine cannot use", () => {
  it("is named with the place and the reason, in Swedish, not as an internal error", async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), "utf8"));
    schema.properties.meta.maxLenght = 3;
    const file = join(dir, "trasigt.schema.json");
    writeFileSync(file, JSON.stringify(schema));
    for (const command of ["validate", "score"]) {
      const r = await cli(command, file, input);
      expect(r.code).toBe(2);
      expect(r.err).toContain("Schemat har fel vid /properties/meta/maxLenght");
      expect(r.err).not.toContain("Internt fel");
    }
  });
});

describe("an overlay through a pipe", () => {
  it("meets the same 1 MiB cap as an overlay file (a pipe says its size is 0)", async () => {
    const { spawnSync } = await import("node:child_process");
    const big = '{"x":"' + "a".repeat(1024 * 1024 + 10) + '"}';
    const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "engine/cli/bin.ts"), "overlay", "check", "/dev/stdin"], { input: big, encoding: "utf8", cwd: ROOT });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Overlayn \/dev\/stdin är för stor \(mer än 1048576 byte\)/);
  });
});
