import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../../engine/compiler.ts";
import { compileProfile, ProfileError, type SyntheticProfile } from "../../engine/generate/generate.ts";
import { checkProfileFormat } from "../../engine/generate/profile.ts";
import { ROOT, readJson, schema } from "../helpers.ts";

/** The profile format as a meta-schema (schemas/synthetic.meta.json) and its Swedish messages. */

const META_ID = "https://blankett.example/schemas/synthetic.meta.json";

/** Every profile shipped in schemas/: beside each schema version, and beside a variant's overlay. */
function shippedProfiles(): string[] {
  const out: string[] = [];
  for (const d of readdirSync(join(ROOT, "schemas"), { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    for (const dir of [join(ROOT, "schemas", d.name), join(ROOT, "schemas", d.name, "variants")]) {
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) if (f.endsWith(".synthetic.json")) out.push(join(dir, f));
    }
  }
  return out.sort();
}

/** The message a profile is refused with: first its shape, then against the schema. */
function refusal(profile: unknown, s: JsonSchema = schema("fia")): string {
  try {
    compileProfile(s, profile as SyntheticProfile);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return (e as Error).message;
  }
  return expect.fail("no ProfileError");
}

const fia = (extra: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) => ({ instrument: "fia@1.0.0", ...extra, fields });

describe("synthetic.meta.json", () => {
  it("is draft 2020-12 with the $id the profiles name", () => {
    const meta = readJson<Record<string, unknown>>(join(ROOT, "schemas/synthetic.meta.json"));
    expect(meta.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(meta.$id).toBe(META_ID);
    expect(meta.additionalProperties).toBe(false);
  });

  it("accepts every shipped profile, each naming the meta-schema", () => {
    const files = shippedProfiles();
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const p = readJson<SyntheticProfile>(f);
      expect(() => checkProfileFormat(p.instrument, p), f).not.toThrow();
      expect(p.$schema, f).toBe(META_ID);
    }
  });

  it("refuses an unknown key with its JSON Pointer and the keys allowed there", () => {
    expect(refusal(fia({ feilds: {} }))).toBe(
      "Profilen för syntetiska data (fia@1.0.0): fel format (synthetic.meta.json) vid /feilds: okänd nyckel ”feilds” (tillåtna: $schema, instrument, description, optional, dateRange, phrases, fields)",
    );
    expect(refusal(fia({}, { "intervju.datum": { rang: ["2023-01-01", "2023-12-31"] } }))).toMatch(
      /vid \/fields\/intervju\.datum\/rang: okänd nyckel ”rang” \(tillåtna: p, note, weights, true, include, shuffle, size, sorted, range, after, days, values, template, joint\)$/,
    );
    expect(refusal(fia({}, { bedomning: { joint: [{ values: { stodbehovArbete: true }, weight: 1, vikt: 2 }] } }))).toContain(
      "vid /fields/bedomning/joint/0/vikt: okänd nyckel ”vikt” (tillåtna: values, weight)",
    );
  });

  it("refuses a wrong type with its JSON Pointer", () => {
    expect(refusal([])).toContain("fel format (synthetic.meta.json) vid /: ska vara ett objekt");
    expect(refusal(fia({ optional: "0.8" }))).toContain("vid /optional: ska vara ett tal");
    expect(refusal(fia({}, { "plan.mal": { size: "3" } }))).toContain("vid /fields/plan.mal/size: ska vara en lista eller ett objekt");
    expect(refusal(fia({}, { "plan.mal": { size: [1, 2.5] } }))).toContain("vid /fields/plan.mal/size/1: ska vara ett heltal");
    expect(refusal(fia({}, { "intervju.intervjuare": { values: ["Sara", 3] } }))).toContain("vid /fields/intervju.intervjuare/values/1: ska vara en text");
    expect(refusal(fia({}, { "insatserKrav.onskadeInsatser": { shuffle: "ja" } }))).toContain("vid /fields/insatserKrav.onskadeInsatser/shuffle: ska vara true eller false");
    expect(refusal(fia({}, { "intervju.datum": "2023-01-01" }))).toContain("vid /fields/intervju.datum: ska vara ett objekt");
    expect(refusal(fia({ description: 7 }))).toContain("vid /description: ska vara en text eller en lista");
  });

  it("refuses a bad value with its JSON Pointer", () => {
    expect(refusal(fia({ optional: 1.5 }))).toContain("vid /optional: ska vara en sannolikhet mellan 0 och 1");
    expect(refusal(fia({}, { "insatserKrav.onskadeInsatser": { include: { arbetspraktik: -0.1 } } }))).toContain(
      "vid /fields/insatserKrav.onskadeInsatser/include/arbetspraktik: ska vara en sannolikhet mellan 0 och 1",
    );
    expect(refusal(fia({}, { "livssituation.boende.omfattning": { weights: { stor: -1 } } }))).toContain(
      "vid /fields/livssituation.boende.omfattning/weights/stor: ska vara ett tal ≥ 0",
    );
    expect(refusal(fia({ dateRange: ["2023-02-30", "2023-12-31"] }))).toContain("vid /dateRange/0: ska vara ett datum som ”2022-01-01”");
    expect(refusal(fia({ dateRange: ["2023-01-01"] }))).toContain("vid /dateRange: ska vara ett par [min, max]");
    expect(refusal(fia({}, { "intervju.datum": { range: [2023, "2023-12-31"] } }))).toContain("vid /fields/intervju.datum/range/1: ska vara ett tal");
    expect(refusal(fia({}, { "plan.mal": { size: { "1..3": 5 } } }))).toContain(
      "vid /fields/plan.mal/size/1..3: ”1..3” är varken ett heltal eller ett intervall som ”10-12”",
    );
    expect(refusal(fia({ phrases: [] }))).toContain("vid /phrases: ska ha minst 1 värde");
    expect(refusal(fia({ phrases: [""] }))).toContain("vid /phrases/0: får inte vara tom");
    expect(refusal(fia({}, { bedomning: { joint: [{ values: {}, weight: 1 }] } }))).toContain("vid /fields/bedomning/joint/0/values: får inte vara tomt");
    expect(refusal(fia({}, { bedomning: { joint: [{ values: { stodbehovArbete: true } }] } }))).toContain("vid /fields/bedomning/joint/0: saknar ”weight”");
    expect(refusal({ instrument: "fia-1.0.0" })).toContain("vid /instrument: skrivs formulär@version, till exempel fia@1.0.0");
    expect(refusal({ $schema: "https://blankett.example/schemas/overlay.meta.json", instrument: "fia@1.0.0" })).toContain(
      `vid /$schema: ska vara "${META_ID}"`,
    );
    expect(refusal({})).toContain("vid /: saknar ”instrument”");
  });

  it("refuses keys that exclude or need each other", () => {
    expect(refusal(fia({}, { "intervju.intervjuare": { values: ["Sara"], template: "S-{n}" } }))).toContain(
      "vid /fields/intervju.intervjuare/template: ange values eller template, inte båda",
    );
    expect(refusal(fia({}, { "intervju.intervjuare": { weights: { Sara: 1 }, template: "S-{n}" } }))).toContain("ange weights eller template, inte båda");
    expect(refusal(fia({}, { "plan.mal[].uppfoljningsdatum": { after: "intervju.datum" } }))).toContain(
      "vid /fields/plan.mal[].uppfoljningsdatum: after kräver days",
    );
    expect(refusal(fia({}, { "plan.mal[].uppfoljningsdatum": { days: [0, 9] } }))).toContain("days kräver after");
  });

  it("escapes a path's / and ~ in the pointer, and counts further problems", () => {
    expect(refusal(fia({ optional: 2 }, { "a/b~c": { p: 2 } }))).toContain("vid /optional: ska vara en sannolikhet mellan 0 och 1 (och 1 fel till)");
    expect(refusal(fia({}, { "a/b~c": { q: 1 } }))).toContain("vid /fields/a~1b~0c/q: okänd nyckel ”q”");
  });

  it("leaves to the compiler what needs the schema", () => {
    // The shape is right; the schema says the path does not exist, or the key does not suit the field.
    expect(refusal(fia({}, { "intervju.datumm": { range: ["2023-01-01", "2023-12-31"] } }))).toContain("okänd sökväg ”intervju.datumm”");
    expect(refusal(fia({}, { "intervju.datum": { size: [1, 2] } }))).toContain("nyckeln ”size” gäller inte här");
    expect(refusal(fia({}, { "intervju.datum": { range: [1, 2] } }))).toContain("range ska vara två datum");
    expect(refusal(fia({ dateRange: ["2024-01-01", "2023-01-01"] }))).toContain("range ska vara två datum [från, till]");
    expect(refusal({ instrument: "sue@1.0.0" })).toContain("profilen gäller ”sue@1.0.0”, inte fia@1.0.0");
  });
});

describe("blankett generate with a malformed profile", () => {
  it("exits 2 with one Swedish line naming the pointer", () => {
    const dir = mkdtempSync(join(tmpdir(), "blankett-synt-"));
    try {
      const copy = join(dir, "1.0.0.schema.json");
      copyFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), copy);
      const profile = readJson<SyntheticProfile>(join(ROOT, "schemas/fia/1.0.0.synthetic.json"));
      (profile.fields!["plan.mal"] as Record<string, unknown>).storlek = [1, 3];
      writeFileSync(join(dir, "1.0.0.synthetic.json"), JSON.stringify(profile));
      const r = spawnSync(process.execPath, [join(ROOT, "bin/blankett.js"), "generate", copy, "--count", "1", "--seed", "1"], { cwd: ROOT, encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain("fel format (synthetic.meta.json) vid /fields/plan.mal/storlek: okänd nyckel ”storlek”");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
