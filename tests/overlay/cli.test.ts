import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readJson, ROOT } from "../helpers.ts";
import { lintSchema, type JsonSchema } from "../../engine/compiler.ts";
import { InputError } from "../../engine/node/files.ts";
import { overlayCommand, type OverlayCommandOptions } from "../../engine/cli/commands/overlay.ts";
import { rebaseOverlay } from "../../engine/overlay/rebase.ts";
import type { Overlay } from "../../engine/overlay/types.ts";
import { EXEMPELBY, fia, PROVKOMMUN } from "./helpers.ts";

const tmp = mkdtempSync(join(tmpdir(), "blankett-overlay-"));

async function overlay(action: string, file: string, opts: OverlayCommandOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await overlayCommand({ out: (l) => out.push(l), err: (l) => err.push(l) }, action, file, opts);
  return { code, out, err };
}

function writeOverlay(name: string, content: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

/** "  /pointer: message [rule-id: Rule name]" */
const LINE = /^ {2}\/\S*: .+ \[[a-z-]+: [A-ZÅÄÖ].+\]$/;

describe("blankett overlay check", () => {
  it("a valid overlay: exit 0, one line", async () => {
    const r = await overlay("check", EXEMPELBY);
    expect(r).toEqual({ code: 0, out: [`${EXEMPELBY}: inga regelbrott (variant exempelby av fia@1.0.0)`], err: [] });
  });

  it("a broken overlay: exit 1, one line per violation with pointer and rule (indicators read from the schema folder)", async () => {
    const r = await overlay("check", PROVKOMMUN);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe(`${PROVKOMMUN}: 7 regelbrott`);
    expect(r.out.slice(1)).toHaveLength(7);
    for (const line of r.out.slice(1)) expect(line).toMatch(LINE);
    expect(r.out).toContain(
      "  /hide/1: ”brukaruppfoljning.nojdhet” läses av indikatorn nojda (brukaruppfoljning.nojdhet) och får inte döljas [dolj-poangsatt: Frågor som regler eller indikatorer läser får inte döljas]",
    );
  });

  it("an overlay that is not in the format is reported without its base", async () => {
    const r = await overlay("check", writeOverlay("utan-bas.json", { name: "x", title: "X" }));
    expect(r.code).toBe(1);
    expect(r.out.slice(1)).toEqual(["  /: saknar ”base” [format: Overlayn måste följa overlayformatet]"]);
  });
});

describe("blankett overlay apply", () => {
  it("writes the effective schema to --out", async () => {
    const out = join(tmp, "exempelby.json");
    const r = await overlay("apply", EXEMPELBY, { out });
    expect(r.code).toBe(0);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([`Skrev det effektiva schemat för varianten exempelby av fia@1.0.0 till ${out}`]);
    const schema = readJson<JsonSchema>(out);
    expect(schema.$id).toBe("https://blankett.example/schemas/fia/1.0.0/variants/exempelby");
    expect(lintSchema(schema)).toEqual([]);
  });

  it("prints the effective schema on stdout without --out", async () => {
    const r = await overlay("apply", EXEMPELBY);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.join("\n")).$id).toBe("https://blankett.example/schemas/fia/1.0.0/variants/exempelby");
  });

  it("a broken overlay: exit 1, the violations on stderr, nothing written", async () => {
    const out = join(tmp, "provkommun.json");
    const r = await overlay("apply", PROVKOMMUN, { out });
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toBe(`${PROVKOMMUN}: 7 regelbrott, inget skrevs`);
    expect(existsSync(out)).toBe(false);
  });

  it("--base with the overlay's own version is a plain apply", async () => {
    expect((await overlay("apply", EXEMPELBY, { base: "fia@1.0.0", out: join(tmp, "same.json") })).code).toBe(0);
  });

  it("--base with another instrument is refused as a rule violation", async () => {
    const r = await overlay("apply", EXEMPELBY, { base: "sue@1.0.0", out: join(tmp, "sue.json") });
    expect(r.code).toBe(1);
    expect(r.err[1]).toMatch(/^ {2}\/base: .*\[grundversion: /);
    expect(existsSync(join(tmp, "sue.json"))).toBe(false);
  });

  for (const version of ["1.1.0", "2.0.0"].filter((v) => existsSync(join(ROOT, `schemas/fia/${v}.schema.json`)))) {
    it(`--base fia@${version}: conflicts (exit 1, nothing written) or the rebased schema, as the engine says`, async () => {
      const expected = rebaseOverlay(readJson<Overlay>(EXEMPELBY), fia, readJson(join(ROOT, `schemas/fia/${version}.schema.json`)));
      const out = join(tmp, `rebase-${version}.json`);
      const r = await overlay("apply", EXEMPELBY, { base: `fia@${version}`, out });
      if (expected.schema) {
        expect(r.code).toBe(0);
        expect(readJson<JsonSchema>(out).$id).toBe(`https://blankett.example/schemas/fia/${version}/variants/exempelby`);
        expect(r.err[1]).toContain(`Ändra ”base” i overlayn till fia@${version}`);
      } else {
        expect(r.code).toBe(1);
        expect(existsSync(out)).toBe(false);
        expect(r.err[0]).toBe(`${EXEMPELBY}: ${expected.violations.length} ${expected.violations.length === 1 ? "konflikt" : "konflikter"} mot fia@${version}, inget skrevs`);
        for (const line of r.err.slice(1)) expect(line).toMatch(LINE);
      }
    });
  }
});

describe("unusable input: one clear line (InputError, exit 2 in the CLI)", () => {
  const fails = async (action: string, file: string, opts: OverlayCommandOptions, message: RegExp) => {
    const e = await overlay(action, file, opts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(message);
  };

  it("a missing file, malformed JSON, an unknown base version", async () => {
    await fails("check", join(tmp, "finns-inte.json"), {}, /^Kan inte läsa filen .*finns-inte\.json/);
    await fails("check", writeOverlay("trasig.json", "{ name: "), {}, /är inte giltig JSON/);
    await fails("check", writeOverlay("okand.json", { name: "x", title: "X", base: "fia@9.9.9" }), {}, /^Okänt formulär ”fia@9\.9\.9”/);
  });

  it("a file larger than an overlay can be", async () => {
    await fails("check", writeOverlay("stor.json", " ".repeat(1024 * 1024 + 1)), {}, /^Overlayn .* är för stor/);
  });

  it("an unknown action, or --out with check", async () => {
    await fails("merge", EXEMPELBY, {}, /^Okänd overlay-åtgärd ”merge”/);
    await fails("check", EXEMPELBY, { out: join(tmp, "x.json") }, /hör till overlay apply/);
  });

  it("--out never replaces a national schema or the overlay itself", async () => {
    const national = join(ROOT, "schemas/fia/1.0.0.schema.json");
    const before = readFileSync(national, "utf8");
    await fails("apply", EXEMPELBY, { out: national }, /får inte skriva över den nationella filen/);
    await fails("apply", EXEMPELBY, { out: EXEMPELBY }, /overlayfilen själv/);
    expect(readFileSync(national, "utf8")).toBe(before);
  });
});
