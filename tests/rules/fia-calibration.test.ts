import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { generateDocuments, type SyntheticProfile } from "../../engine/generate/generate.ts";
import { rulesFor } from "../../engine/rules/evaluate.ts";
import { ROOT, readJson, schema } from "../helpers.ts";

/**
 * Issue 13: the social-need indication, calibrated (schemas/fia/CALIBRATION.md). On 10,000
 * interviews generated from each version's own profile (seed 1), the share where the indication
 * is true, and the share where the mismatch warning fires, are measured; 2.1's share must lie in a
 * band around the trial's 52 % judged in social need (23 + 29 %, domain/fia.md), and 2.1's
 * profile must give the trial's per-area shares.
 */

const COUNT = 10_000;
const SEED = 1;
const TARGET = 0.52;

interface Measure {
  share: number;
  mismatch: number;
  judged: number;
  applies: Record<string, number>;
  moderateOfApplies: Record<string, number>;
}

function measure(version: string): Measure {
  const s = schema("fia", version);
  const profile = readJson<SyntheticProfile>(join(ROOT, "schemas/fia", `${version}.synthetic.json`));
  const rules = rulesFor(s);
  let indicated = 0;
  let mismatch = 0;
  let judged = 0;
  const applies: Record<string, number> = {};
  const moderate: Record<string, number> = {};
  for (const doc of generateDocuments(s, profile, { count: COUNT, seed: SEED })) {
    const report = rules.run(doc, { explain: false });
    const ind = report.results.find((r) => r.id === "indikationSocialt")!;
    if (ind.value === true) indicated++;
    if (report.findings.some((f) => f.rule === "indikationSocialt")) mismatch++;
    if ((doc.bedomning as { socialtStodbehov?: boolean } | undefined)?.socialtStodbehov === true) judged++;
    for (const row of report.results.find((r) => r.id === "profil")!.value as Array<Record<string, unknown>>) {
      const code = String(row.code);
      if (row.galler === true) applies[code] = (applies[code] ?? 0) + 1;
      if (row.minstMattligt === true) moderate[code] = (moderate[code] ?? 0) + 1;
    }
  }
  const moderateOfApplies = Object.fromEntries(Object.entries(applies).map(([k, n]) => [k, (moderate[k] ?? 0) / n]));
  return {
    share: indicated / COUNT,
    mismatch: mismatch / COUNT,
    judged: judged / COUNT,
    applies: Object.fromEntries(Object.entries(applies).map(([k, n]) => [k, n / COUNT])),
    moderateOfApplies,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

describe("the FIA social-need indication against the 2015 trial (issue 13)", () => {
  it("2.0.0 (at least one area): true in about nine interviews of ten — the miscalibration being fixed", () => {
    const m = measure("2.0.0");
    console.info(`fia@2.0.0, ${COUNT} generated (seed ${SEED}): indication ${pct(m.share)}, mismatch warning ${pct(m.mismatch)}, judged in need ${pct(m.judged)}`);
    expect(m.share).toBeGreaterThan(0.85);
  }, 300_000);

  it("2.1.0 (at least 3 areas): true in 52 % ± 5 points of interviews whose per-area shares match the trial", () => {
    const m = measure("2.1.0");
    console.info(
      `fia@2.1.0, ${COUNT} generated (seed ${SEED}): indication ${pct(m.share)}, mismatch warning ${pct(m.mismatch)}, judged in need ${pct(m.judged)}; ` +
        `lowest possible mismatch |indication − judged| ${pct(Math.abs(m.share - m.judged))}`,
    );
    expect(Math.abs(m.share - TARGET)).toBeLessThanOrEqual(0.05);
    // The trial's per-area shares (domain/fia.md; applies = stor, viss or osäker), within 3 points.
    const trial: Record<string, [number, number | null]> = {
      boende: [0.16, 0.56],
      situationen_hemma: [0.42, null],
      socialt_natverk: [0.42, 0.5],
      kroppslig_halsa: [0.54, 0.71],
      psykisk_halsa: [0.47, 0.75],
      funktionsnedsattning: [0.29, 0.76],
      utsatthet_brott: [0.13, null],
      rattslig_situation: [0.27, 0.22],
      skulder: [0.7, 0.74],
      narstaendes_problem: [0.33, 0.76],
    };
    for (const [area, [applies, moderate]] of Object.entries(trial)) {
      expect(Math.abs(m.applies[area]! - applies), `${area} applies`).toBeLessThanOrEqual(0.03);
      if (moderate !== null) expect(Math.abs(m.moderateOfApplies[area]! - moderate), `${area} moderate`).toBeLessThanOrEqual(0.03);
    }
    // Judgements are drawn apart from the areas in synthetic data, so the warning fires in about
    // half of them whatever the rule; the rule now leaves room for agreement (1 point, not 40).
    expect(Math.abs(m.share - m.judged)).toBeLessThan(0.05);
  }, 300_000);
});
