import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readJson, ROOT } from "../helpers.ts";
import type { JsonSchema } from "../../engine/compiler.ts";
import { overlayCommand } from "../../engine/cli/commands/overlay.ts";
import { checkVariant, formatViolation } from "../../engine/overlay/overlay.ts";
import type { RuleId } from "../../engine/overlay/types.ts";

/**
 * The variant studio (in the browser) and `blankett overlay check` must say the same thing about
 * an overlay: both call checkVariant. Here the studio's side gets the base and its indicator
 * definitions the way the app loads them (the JSON files, passed explicitly); the CLI finds them
 * itself.
 */

const tmp = mkdtempSync(join(tmpdir(), "blankett-agreement-"));

function base(ref: string): JsonSchema {
  const [name, version] = ref.split("@");
  return readJson(join(ROOT, "schemas", name!, `${version}.schema.json`)) as JsonSchema;
}

function indicators(ref: string): unknown {
  const [name, version] = ref.split("@");
  const file = join(ROOT, "schemas", name!, `${version}.indicators.json`);
  return existsSync(file) ? readJson(file) : undefined;
}

async function cliLines(file: string): Promise<string[]> {
  const out: string[] = [];
  await overlayCommand({ out: (l) => out.push(l), err: () => undefined }, "check", file);
  // The first line is the summary; the rest are the violations, indented by two spaces.
  return out.slice(1).map((l) => l.slice(2));
}

function studioLines(overlay: unknown, file: string): string[] {
  const ref = (overlay as { base: string }).base;
  const ind = indicators(ref);
  return checkVariant(overlay, base(ref), { ...(ind !== undefined ? { indicators: ind } : {}), fileName: file }).violations.map(formatViolation);
}

const fia = (ops: Record<string, unknown>) => ({ name: "test", title: "Testkommun", base: "fia@1.0.0", ...ops });
const sue = (ops: Record<string, unknown>) => ({ name: "test", title: "Testkommun", base: "sue@1.0.0", ...ops });

/** At least one broken overlay per rule of OVERLAYS.md's table: [rule, instrument folder, overlay]. */
const BROKEN: Array<[RuleId, string, Record<string, unknown>]> = [
  ["format", "fia", { ...fia({}), recode: { "arbete.utbildning": { grundskola: "gs" } } }],
  ["grundversion", "sue", fia({})],
  ["sokvag", "fia", fia({ hide: ["intervju.finnsInte", "plan.mal[]"], help: { "arbete.nej": "x" } })],
  ["otillaten-nyckel", "fia", fia({ hide: ["intervju.__proto__"] })],
  ["meta", "fia", fia({ hide: ["meta.variant"], relabel: { "meta.status": "Läge" } })],
  ["dolj-obligatorisk", "fia", fia({ hide: ["bedomning.motivering"] })],
  ["dolj-poangsatt", "fia", fia({ hide: ["arbete.arbetslivserfarenhetAr"] })],
  ["dolj-poangsatt", "sue", sue({ hide: ["foreInsats.forstaKontakt"] })],
  ["dolj-villkor", "fia", fia({ hide: ["livssituation.overgreppTvang.fysisktVald.nagonsin"] })],
  ["nationella-koder", "fia", fia({ restrictOptions: { "livssituation.utsatthetBrott.ran": ["nej", "Senaste_aret"] } })],
  ["utoka-alternativ", "fia", fia({ restrictOptions: { "livssituation.utsatthetBrott.ran": ["nej", "vet_inte"] } })],
  ["begransa-poangsatt", "fia", fia({ restrictOptions: { "arbete.tydligBildAvFramtiden": ["ja", "nej"] } })],
  ["begransa-poangsatt", "sue", sue({ restrictOptions: { "bakgrund.hushallstyp": ["1", "3"] } })],
  ["lokal-namnrymd", "fia", fia({ addItems: [{ key: "intervju.tolk", schema: { type: "boolean" } }] })],
  ["lokalt-schema", "fia", fia({ addItems: [{ key: "nummer", schema: { type: "string", pattern: "^(a+)+$" } }] })],
  ["motstridiga", "fia", fia({ hide: ["intervju.intervjuare"], relabel: { "intervju.intervjuare": "Handläggare" } })],
  ["lint", "fia", fia({ addItems: [{ key: "fraga", schema: { type: "string", title: "Fråga", "x-ui": { widget: "finnsinte" } } }] })],
  ["standardvarde", "fia", fia({ defaults: { "intervju.intervjuare": 5, "bedomning.motivering": "x" } })],
  ["standard-poangsatt", "sue", sue({ defaults: { "foreInsats.forstaKontakt": "2024-01-01" } })],
  ["dolj-villkor", "fia", fia({ hide: ["livssituation.overgreppTvang.fysisktVald"], addItems: [{ key: "x", schema: { type: "boolean", title: "X", "x-ui": { visibleWhen: { var: "livssituation.overgreppTvang.fysisktVald.nagonsin" } } } }] })],
  ["lint", "fia", fia({ addItems: [{ key: "fraga", schema: { type: "string", title: "Fråga", "x-ui": { visibleWhen: { "==": [{ var: "intervju.finnsInte" }, true] } } } }] })],
];

describe("the studio and blankett overlay check agree", () => {
  const shipped = readdirSync(join(ROOT, "schemas"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, "schemas", d.name, "variants")))
    .flatMap((d) => readdirSync(join(ROOT, "schemas", d.name, "variants")).filter((f) => f.endsWith(".overlay.json")).map((f) => join(ROOT, "schemas", d.name, "variants", f)));

  it("there are shipped variants to compare", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of shipped) {
    it(`on ${file.slice(ROOT.length + 1)}`, async () => {
      expect(studioLines(readJson(file), file)).toEqual(await cliLines(file));
    });
  }

  it("provkommun: all 7 violations, the scored ones from the indicators included", async () => {
    const file = join(ROOT, "schemas/sue/variants/provkommun.overlay.json");
    const lines = studioLines(readJson(file), file);
    expect(lines).toHaveLength(7);
    expect(lines.filter((l) => l.includes("grupperingen") || l.includes("indikatorn"))).toHaveLength(3);
  });

  it("the broken overlays cover every rule of OVERLAYS.md's rule table", () => {
    const table = readFileSync(join(ROOT, "schemas/OVERLAYS.md"), "utf8").split("## Rebase")[0]!;
    const rules = [...table.matchAll(/^\| `([a-z-]+)` \| [A-ZÅÄÖ]/gm)].map((m) => m[1]);
    expect(rules.length).toBeGreaterThanOrEqual(17);
    for (const rule of rules) expect(BROKEN.map(([r]) => r)).toContain(rule);
  });

  BROKEN.forEach(([rule, folder, overlay], i) => {
    it(`a broken overlay for ${rule} (${i})`, async () => {
      const dir = join(tmp, String(i), folder, "variants");
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${String(overlay.name)}.overlay.json`);
      writeFileSync(file, JSON.stringify(overlay));
      const studio = studioLines(overlay, file);
      expect(studio.some((l) => l.includes(`[${rule}: `))).toBe(true);
      expect(studio).toEqual(await cliLines(file));
    });
  });
});
