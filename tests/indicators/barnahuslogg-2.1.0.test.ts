/**
 * Barnahuslogg 2.1.0 indicators (issue 14, point 11): over the report's two worked logs (Moa and
 * Andrej, tests/fixtures/barnahuslogg/valid, moved from 1.0.0 with the engine's migrate), every
 * figure worked out by hand from the logs' dates; and over generated logs, the same figures as a
 * plain computation in this file (not JSON Logic) and as `blankett indicators --format json`.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IndicatorAccumulator } from "../../engine/indicators/accumulate.ts";
import { parseIndicatorFile } from "../../engine/indicators/definition.ts";
import { toCsv } from "../../engine/indicators/format.ts";
import type { IndicatorCell, IndicatorReport } from "../../engine/indicators/types.ts";
import { migrate } from "../../engine/migrate/migrate.ts";
import { loadMigrations } from "../../engine/node/migrations.ts";
import { validatorFor } from "../../engine/compiler.ts";
import { FIXTURES, ROOT, readJson, schema } from "../helpers.ts";

const logSchema = schema("barnahuslogg", "2.1.0");
const def = parseIndicatorFile(readJson(join(ROOT, "schemas/barnahuslogg/2.1.0.indicators.json")), logSchema);
const migrations = loadMigrations("barnahuslogg");
const to21 = (name: string) => migrate(readJson(join(FIXTURES, "barnahuslogg/valid", `${name}.json`)), "barnahuslogg@1.0.0", "barnahuslogg@2.1.0", migrations).document;
const moa = to21("moa");
const andrej = to21("andrej");

function run(docs: unknown[], groupBy: string[] = []): IndicatorReport {
  const acc = new IndicatorAccumulator(def, { groupBy });
  for (const d of docs) acc.add(d);
  return acc.unsuppressedReport();
}
const of = (r: IndicatorReport, id: string) => r.cells.filter((c) => c.indicator === id);
const duration = (c: IndicatorCell) => [c.n, c.median, c.p25, c.p75];
const rate = (r: IndicatorReport, id: string) => of(r, id).map((c) => [c.numerator, c.denominator]);

describe("the two worked logs (5.5.2 Moa, 5.5.3 Andrej), moved to 2.1.0", () => {
  it("both are valid 2.1.0 logs, with no day of the report recorded (so the report row's date is used)", () => {
    const v = validatorFor(logSchema);
    for (const d of [moa, andrej]) {
      expect(v.validate(d).errors).toEqual([]);
      expect((d.utredning as Record<string, unknown>).anmalanMottagen).toBeUndefined();
    }
  });

  const r = run([moa, andrej]);

  it("which rows of the report's catalogue occur: each once per log, out of 2 logs", () => {
    // Moa: anmälan soc, anmälan polis, samrådsmöte, barnförhör, åtalsbeslut, avslutad utredning (föräldrasamtal is in no row).
    // Andrej: anmälan soc, anmälan polis, barnförhör, förhör misstänkt, åtalsbeslut (also his trial and judgment),
    // avslutad utredning, behandlingsinsatser (his contact with BUP); vittnesförhör is in no row. Neither has a protection assessment.
    expect(Object.fromEntries(of(r, "katalograder").map((c) => [c.category, [c.numerator, c.denominator]]))).toEqual({
      anmalan_socialtjansten: [2, 2],
      anmalan_polis: [2, 2],
      barnforhor: [2, 2],
      atalsbeslut: [2, 2],
      bedomning_avslutad_utredning: [2, 2],
      samradsmote: [1, 2],
      forhor_misstankt: [1, 2],
      behandlingsinsatser: [1, 2],
    });
  });

  it("the catalogue rows are the schema's rule katalograder, the same expression (written once, in the schema)", () => {
    const rule = (logSchema["x-rules"] as Array<{ id: string; expr: unknown }>).find((x) => x.id === "katalograder")!;
    const ind = def.indicators.find((i) => i.id === "katalograder")!;
    expect(ind.kind === "distribution" && ind.of).toEqual(rule.expr);
  });

  it("which event codes occur, catalogue or not: each once per log", () => {
    // The same lists as above, codes as written.
    expect(Object.fromEntries(of(r, "handelsetyper").map((c) => [c.category, [c.numerator, c.denominator]]))).toEqual({
      anmalan_socialtjansten: [2, 2],
      anmalan_polis: [2, 2],
      barnforhor: [2, 2],
      atalsbeslut: [2, 2],
      bedomning_avslutad_utredning: [2, 2],
      foraldrasamtal: [1, 2],
      samradsmote: [1, 2],
      vittnesforhor: [1, 2],
      forhor_misstankt: [1, 2],
      kontakt_bup: [1, 2],
      rattegang: [1, 2],
      dom: [1, 2],
    });
  });

  it("report to interview: Moa 1 March → 15 April 2024 = 45 days, Andrej 15 → 22 January = 7; median 26, quartiles 16.5 and 35.5", () => {
    // Quartiles by linear interpolation between 7 and 45: 7 + 0.25·38, 7 + 0.75·38.
    expect(of(r, "tidTillBarnforhor").map(duration)).toEqual([[2, 26, 16.5, 35.5]]);
  });

  it("report to prosecution decision: Moa 45 days (same day as the interview), Andrej 15 January → 18 April 2024 = 94; median 69.5", () => {
    // 16 days left of January + 29 (leap February) + 31 + 18 = 94. Quartiles: 45 + 0.25·49, 45 + 0.75·49.
    expect(of(r, "tidTillAtalsbeslut").map(duration)).toEqual([[2, 69.5, 57.25, 81.75]]);
  });

  it("report to end of investigation: Moa 1 March → 3 May = 63 days, Andrej 15 January → 25 June = 162 (the 'about 161 days' of the report); median 112.5", () => {
    // 30 + 30 + 3 = 63; 16 + 29 + 31 + 30 + 31 + 25 = 162. Quartiles: 63 + 0.25·99, 63 + 0.75·99.
    expect(of(r, "tidTillAvslutadUtredning").map(duration)).toEqual([[2, 112.5, 87.75, 137.25]]);
    expect(r.durationLeftOut!.map((d) => [d.indicator, d.outsideRange, d.missing])).toEqual([
      ["tidTillBarnforhor", 0, 0],
      ["tidTillAtalsbeslut", 0, 0],
      ["tidTillAvslutadUtredning", 0, 0],
    ]);
  });

  it("told the child: neither worked log records who told the child (the report's own gap); no medical examination, one judgment", () => {
    expect(rate(r, "informeradBarnforhor")).toEqual([[0, 2]]);
    expect(rate(r, "informeradMedicinsk")).toEqual([]);
    expect(rate(r, "informeradAtalsbeslut")).toEqual([[0, 2]]);
    expect(rate(r, "informeradDom")).toEqual([[0, 1]]);
    expect(rate(r, "informeradAvslut")).toEqual([[0, 2]]);
    expect(rate(r, "informeradAllt")).toEqual([[0, 2]]);
  });

  it("by the child's age: Moa (5) in 0–5 years, Andrej (9) in 6–11 years", () => {
    const byAge = run([moa, andrej], ["aldersgrupp"]);
    expect(of(byAge, "tidTillBarnforhor").map((c) => [c.group.aldersgrupp, ...duration(c)])).toEqual([
      ["0_5", 1, 45, 45, 45],
      ["6_11", 1, 7, 7, 7],
    ]);
  });

  it("published with suppression, two logs show no figure of time: n 2 is under 5", () => {
    const acc = new IndicatorAccumulator(def);
    acc.add(moa);
    acc.add(andrej);
    const published = acc.report(5);
    for (const c of published.cells) expect(c.suppressed).not.toBe(false);
    for (const c of of(published, "tidTillBarnforhor")) expect([c.n, c.median, c.p25, c.p75]).toEqual([null, null, null, null]);
    expect(toCsv(published, def, logSchema)).not.toMatch(/,26,|,45,|,112\.5,/);
  });
});

describe("Moa's log as 2.1.0 writes it (tests/fixtures/barnahuslogg/valid-2.1.0): rows with two events", () => {
  const moa21 = readJson(join(FIXTURES, "barnahuslogg/valid-2.1.0/moa.json"));
  const r = run([moa21]);

  it("row 2's child talk and row 7's interventions count as catalogue rows and as codes", () => {
    const rows = of(r, "katalograder").map((c) => c.category);
    expect(rows).toContain("barnsamtal");
    expect(rows).toContain("socialtjanstens_insatser");
    expect(of(r, "katalograder")).toHaveLength(8);
    expect(of(r, "handelsetyper").map((c) => c.category).sort()).toEqual(
      ["anmalan_socialtjansten", "anmalan_polis", "barnsamtal", "foraldrasamtal", "samradsmote", "barnforhor", "atalsbeslut", "bedomning_avslutad_utredning", "socialtjanstens_insatser"].sort(),
    );
  });

  it("a step recorded among a row's other events is that step's day: an interview on the report row's day is 0 days", () => {
    const doc = structuredClone(moa21) as { handelser: Array<Record<string, unknown>> };
    doc.handelser[0]!.ovrigaHandelsetyper = ["barnforhor"];
    expect(of(run([doc]), "tidTillBarnforhor").map(duration)).toEqual([[1, 0, 0, 0]]);
  });
});

describe("the day of the report and who told the child, varied from Moa's log", () => {
  const variant = structuredClone(moa) as { utredning: Record<string, unknown>; handelser: Array<Record<string, unknown>> };
  // The report came in two days before the row says (29 February is a leap day): 28 Feb → 15 Apr = 47 days.
  variant.utredning.anmalanMottagen = "2024-02-28";
  variant.utredning.barnahus = "Barnahus Linköping";
  variant.utredning.kommun = "Linköping";
  for (const h of variant.handelser) if (h.handelsetyp === "barnforhor") h.informeradAv = "Anna";

  it("is a valid log", () => {
    expect(validatorFor(logSchema).validate(variant).errors).toEqual([]);
  });

  it("utredning.anmalanMottagen, when recorded, is the day of the report (before the report row's date)", () => {
    const r = run([variant]);
    expect(of(r, "tidTillBarnforhor").map(duration)).toEqual([[1, 47, 47, 47]]);
    expect(of(r, "tidTillAvslutadUtredning").map(duration)).toEqual([[1, 65, 65, 65]]);
  });

  it("the interview row records who told the child: 1 of 1; the other steps still 0", () => {
    const r = run([variant]);
    expect(rate(r, "informeradBarnforhor")).toEqual([[1, 1]]);
    expect(rate(r, "informeradAtalsbeslut")).toEqual([[0, 1]]);
  });

  it("without a report row or a report date, the times are 'värde saknas', not zero and not left out silently", () => {
    const none = structuredClone(andrej) as { handelser: Array<Record<string, unknown>> };
    none.handelser = none.handelser.filter((h) => h.handelsetyp !== "anmalan_socialtjansten");
    const r = run([none]);
    expect(of(r, "tidTillBarnforhor")).toEqual([]);
    expect(r.durationLeftOut!.map((d) => [d.indicator, d.outsideRange, d.missing])).toEqual([
      ["tidTillBarnforhor", 0, 1],
      ["tidTillAtalsbeslut", 0, 1],
      ["tidTillAvslutadUtredning", 0, 1],
    ]);
  });

  it("groups by barnahus and kommun (free text declared safe): the worked logs, with no name, are 'Uppgift saknas'", () => {
    const r = run([variant, andrej], ["barnahus", "kommun"]);
    expect(of(r, "informeradBarnforhor").map((c) => [c.group.barnahus, c.group.kommun, c.numerator, c.denominator])).toEqual([
      ["Barnahus Linköping", "Linköping", 1, 1],
      ["__saknas", "__saknas", 0, 1],
    ]);
  });
});

/** Plain computation of the definitions' figures for one log, written apart from the JSON Logic. */
interface Row { datum?: string; handelsetyp: string; ovrigaHandelsetyper?: string[]; informeradAv?: string }
interface Log { handelser: Row[]; utredning: { anmalanMottagen?: string; avslutsdatum?: string } }
const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
/** A row is a step's when the step is its event or one of its other events. */
const isStep = (h: Row, type: string) => h.handelsetyp === type || (h.ovrigaHandelsetyper ?? []).includes(type);
const firstDate = (log: Log, type: string) => log.handelser.filter((h) => isStep(h, type) && h.datum).map((h) => h.datum!).sort()[0];
const reportDay = (log: Log) => log.utredning.anmalanMottagen ?? firstDate(log, "anmalan_socialtjansten");
function medianOf(values: number[]): number {
  const x = [...values].sort((a, b) => a - b);
  const m = (x.length - 1) / 2;
  return (x[Math.floor(m)]! + x[Math.ceil(m)]!) / 2;
}

describe("generated logs (barnahuslogg@2.1.0, 1500 logs, seed 7)", () => {
  const dir = mkdtempSync(join(tmpdir(), "barnahus-ind-"));
  const file = join(dir, "logs.ndjson");
  execFileSync(process.execPath, ["bin/blankett.js", "generate", "barnahuslogg@2.1.0", "--count", "1500", "--seed", "7", "--out", file], { cwd: ROOT, stdio: "ignore" });
  const logs = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Log);
  const r = run(logs);

  it("every generated log is valid and counted", () => {
    const v = validatorFor(logSchema);
    expect(logs.filter((l) => !v.isValid(l))).toEqual([]);
    expect(r.records).toBe(1500);
  });

  it.each([
    ["tidTillBarnforhor", (l: Log) => (l.handelser.some((h) => isStep(h, "barnforhor")) ? firstDate(l, "barnforhor") : null)],
    ["tidTillAtalsbeslut", (l: Log) => (l.handelser.some((h) => isStep(h, "atalsbeslut")) ? firstDate(l, "atalsbeslut") : null)],
    ["tidTillAvslutadUtredning", (l: Log) => l.utredning.avslutsdatum ?? null],
  ] as const)("%s: n, median, outside the range and missing as computed plainly", (id, step) => {
    const values: number[] = [];
    let outside = 0;
    let missing = 0;
    for (const l of logs) {
      const to = step(l);
      if (to === null) continue;
      const from = reportDay(l);
      if (!from || !to) missing++;
      else {
        const d = day(to) - day(from);
        if (d < 0 || d > 3650) outside++;
        else values.push(d);
      }
    }
    expect(values.length).toBeGreaterThan(50);
    const [cell] = of(r, id);
    expect([cell!.n, cell!.median]).toEqual([values.length, medianOf(values)]);
    expect(r.durationLeftOut!.find((d) => d.indicator === id)).toMatchObject({ outsideRange: outside, missing });
  });

  it("told the child of the interview, and which events occur, as counted plainly", () => {
    for (const [id, step] of [["informeradBarnforhor", "barnforhor"], ["informeradAvslut", "bedomning_avslutad_utredning"]] as const) {
      const withStep = logs.filter((l) => l.handelser.some((h) => isStep(h, step)));
      const told = withStep.filter((l) => l.handelser.filter((h) => isStep(h, step)).every((h) => h.informeradAv));
      expect(rate(r, id)).toEqual([[told.length, withStep.length]]);
    }
    const codes = of(r, "handelsetyper");
    for (const code of ["dom", "barnsamtal", "socialtjanstens_insatser"]) {
      const c = codes.find((x) => x.category === code)!;
      expect([code, c.numerator, c.denominator]).toEqual([code, logs.filter((l) => l.handelser.some((h) => isStep(h, code))).length, 1500]);
    }
    // The catalogue row of the prosecution decision also holds trials and judgments.
    const decision = of(r, "katalograder").find((x) => x.category === "atalsbeslut")!;
    expect(decision.numerator).toBe(logs.filter((l) => l.handelser.some((h) => ["atalsbeslut", "rattegang", "dom"].some((t) => isStep(h, t)))).length);
  });

  it("the command gives the same published figures, by barnahus: no median over fewer than 5 logs", () => {
    const cli = JSON.parse(
      execFileSync(process.execPath, ["bin/blankett.js", "indicators", "barnahuslogg@2.1.0", file, "--group-by", "barnahus", "--format", "json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 }),
    ) as IndicatorReport;
    const acc = new IndicatorAccumulator(def, { groupBy: ["barnahus"] });
    for (const l of logs) acc.add(l);
    expect(cli.cells).toEqual(acc.report(5).cells);
    const times = cli.cells.filter((c) => c.n !== undefined);
    expect(times.length).toBeGreaterThan(6);
    for (const c of times) {
      if (c.suppressed) expect(c.median).toBeNull();
      else expect(c.n).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(times.map((c) => c.group.barnahus)).size).toBeGreaterThanOrEqual(3);
  });
});
