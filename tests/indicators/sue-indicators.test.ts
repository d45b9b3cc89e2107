import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { IndicatorAccumulator } from "../../engine/indicators/accumulate.ts";
import { parseIndicatorFile } from "../../engine/indicators/definition.ts";
import { suppress, type SuppressionCell } from "../../engine/indicators/suppress.ts";
import type { IndicatorCell } from "../../engine/indicators/types.ts";
import { validatorFor } from "../../engine/compiler.ts";
import { ROOT, schema } from "../helpers.ts";

const def = parseIndicatorFile(JSON.parse(readFileSync(join(ROOT, "schemas/sue/1.0.0.indicators.json"), "utf8")));
const sue = schema("sue");

function rec(bakgrund: Record<string, unknown>, rest: Record<string, unknown> = {}) {
  return { meta: { schema: "sue@1.0.0" }, bakgrund: { hushallstyp: "3", ...bakgrund }, ...rest };
}

/** Six hand-made records; every expected figure below was counted by hand from this list. */
export const HAND_SET = [
  rec({ kon: "kvinna", fodelsear: 1990, hushallstyp: "6", arendeStart: "2023-01-10", manaderMedBistandSenaste12: 8 }, {
    foreInsats: { forsorjningshinder: "arbetslos_ingen_ersattning", forstaKontakt: "2023-01-05", planUpprattadDatum: "2023-03-01" },
    insatser: [{ typ: "jobbsokaraktivitet", startdatum: "2023-02-01" }],
    underInsats: { antalSanktioner: 0 },
    efterInsats: { huvudsakligInkomst: "arbete", malupfyllelse: "uppnatt", manaderMedBistandKalenderar: 4, arMedBistand: 1 },
    brukaruppfoljning: { nojdhet: "bra" },
    avslutning: { avslutsdatum: "2023-09-01", avslutsorsak: "arbete" },
  }),
  rec({ kon: "kvinna", fodelsear: 1985, hushallstyp: "6", arendeStart: "2023-02-01", manaderMedBistandSenaste12: 12 }, {
    foreInsats: { forsorjningshinder: "arbetshinder_sociala_skal", forstaKontakt: "2023-01-20", planUpprattadDatum: "2023-06-01" },
    insatser: [{ typ: "sociala_aktiviteter", startdatum: "2023-03-01" }, { typ: "skuldradgivning", startdatum: "2023-04-01" }],
    underInsats: { antalSanktioner: 1 },
    efterInsats: { huvudsakligInkomst: "fortfarande_bistand", malupfyllelse: "ej_uppnatt", manaderMedBistandKalenderar: 12, arMedBistand: 4 },
    brukaruppfoljning: { nojdhet: "daligt" },
    avslutning: { avslutsdatum: "2023-12-01", avslutsorsak: "flyttat" },
    ateraktualisering: { ateraktualiseradDatum: "2024-06-01" },
  }),
  rec({ kon: "man", fodelsear: 1970, arendeStart: "2022-05-01", manaderMedBistandSenaste12: 10 }, {
    foreInsats: { forsorjningshinder: "arbetslos_otillracklig_ersattning", forstaKontakt: "2022-04-20", planUpprattadDatum: "2022-07-20" },
    insatser: [{ typ: "arbetstraning_utanfor_arbetsmarknaden", startdatum: "2022-06-01" }],
    underInsats: { antalSanktioner: 2 },
    efterInsats: { huvudsakligInkomst: "annan_ersattning", malupfyllelse: "delvis", manaderMedBistandKalenderar: 10, arMedBistand: 3 },
    brukaruppfoljning: { nojdhet: "varken_eller" },
    avslutning: { avslutsdatum: "2022-12-31", avslutsorsak: "annan_ersattning" },
    ateraktualisering: { ateraktualiseradDatum: "2024-02-01" },
  }),
  rec({ kon: "man", fodelsear: 2000, arendeStart: "2024-01-15" }, {
    foreInsats: { forsorjningshinder: "arbetslos_vantar_ersattning", forstaKontakt: "2024-01-10" },
    insatser: [],
  }),
  rec({ kon: "man", fodelsear: 1995, hushallstyp: "7", arendeStart: "2023-06-01", manaderMedBistandSenaste12: 3 }, {
    foreInsats: { forsorjningshinder: "sjukskriven_lakarintyg", forstaKontakt: "2023-05-01", planUpprattadDatum: "2023-05-20" },
    insatser: [{ typ: "utbildning", startdatum: "2023-08-15" }],
    underInsats: { antalSanktioner: 0 },
    efterInsats: { huvudsakligInkomst: "studier", malupfyllelse: "uppnatt", manaderMedBistandKalenderar: 6, arMedBistand: 1 },
    brukaruppfoljning: { nojdhet: "mycket_bra" },
    avslutning: { avslutsdatum: "2024-01-31", avslutsorsak: "studier" },
  }),
  rec({ kon: "annat_okant", fodelsear: 1980, hushallstyp: "9", arendeStart: "2023-03-01", manaderMedBistandSenaste12: 11 }, {
    foreInsats: { forsorjningshinder: "arbetshinder_sociala_skal" },
    insatser: [{ typ: "praktik_ordinarie_arbetsplats", startdatum: "2023-04-01" }],
    efterInsats: { huvudsakligInkomst: "arbete", malupfyllelse: "uppnatt", manaderMedBistandKalenderar: 11, arMedBistand: 2 },
    brukaruppfoljning: { nojdhet: "bra" },
    avslutning: { avslutsdatum: "2023-10-01", avslutsorsak: "arbete" },
    ateraktualisering: { ateraktualiseradDatum: "2024-03-01" },
  }),
];

function run(groupBy: string[] = [], parameters: Record<string, number> = {}) {
  const acc = new IndicatorAccumulator(def, { groupBy, parameters });
  for (const r of HAND_SET) acc.add(r);
  return acc.unsuppressedReport();
}

const pick = (cells: IndicatorCell[], id: string) => cells.filter((c) => c.indicator === id).map((c) => [c.category ?? Object.values(c.group).join("/") ?? "", c.numerator, c.denominator]);
const rate = (cells: IndicatorCell[], id: string) => {
  const c = cells.filter((x) => x.indicator === id);
  expect(c).toHaveLength(1);
  return [c[0]!.numerator, c[0]!.denominator];
};

describe("SUE 1.0.0 indicators on a hand-counted data set (no suppression)", () => {
  it("the hand set is valid SUE", () => {
    for (const r of HAND_SET) expect(validatorFor(sue).validate(r).errors).toEqual([]);
  });

  const cells = run().cells;
  it.each([
    ["jobbinriktadInsats", 3, 5],
    ["sanktioner", 2, 4],
    ["egenForsorjning", 3, 5],
    ["farreManader", 1, 5],
    ["malUppnadda", 3, 5],
    ["nojda", 3, 5],
    ["matchningArbetsloshet", 2, 3],
    ["matchningSocialaSkal", 1, 2],
    ["langvarigt", 3, 5],
    ["mycketLangvarigt", 2, 5],
    ["planInomTreManader", 3, 5],
    ["ateraktualiseradInom12", 2, 5],
  ])("%s = %i of %i", (id, num, den) => {
    expect(rate(cells, id)).toEqual([num, den]);
  });

  it("distributions: obstacles, interventions, goal attainment", () => {
    expect(pick(cells, "forsorjningshinder")).toEqual([
      ["arbetshinder_sociala_skal", 2, 6],
      ["arbetslos_ingen_ersattning", 1, 6],
      ["arbetslos_otillracklig_ersattning", 1, 6],
      ["arbetslos_vantar_ersattning", 1, 6],
      ["sjukskriven_lakarintyg", 1, 6],
    ]);
    expect(pick(cells, "insatstyper").map((r) => r[0])).toEqual([
      "arbetstraning_utanfor_arbetsmarknaden", "jobbsokaraktivitet", "praktik_ordinarie_arbetsplats", "skuldradgivning", "sociala_aktiviteter", "utbildning",
    ]);
    expect(pick(cells, "insatstyper").every((r) => r[1] === 1 && r[2] === 5)).toBe(true);
    expect(pick(cells, "malupfyllelse")).toEqual([["delvis", 1, 5], ["ej_uppnatt", 1, 5], ["uppnatt", 3, 5]]);
    expect(pick(cells, "problemomraden")).toEqual([]);
  });

  it("long-term support threshold is a parameter ('more than ten' = 11)", () => {
    expect(rate(run([], { longTermMonths: 11 }).cells, "langvarigt")).toEqual([2, 5]);
  });

  it("by sex and by age band", () => {
    const byKon = run(["kon"]).cells;
    expect(pick(byKon, "jobbinriktadInsats")).toEqual([["annat_okant", 1, 1], ["kvinna", 1, 2], ["man", 1, 2]]);
    expect(pick(byKon, "sanktioner")).toEqual([["kvinna", 1, 2], ["man", 1, 2]]);
    const byAge = run(["aldersgrupp"]).cells;
    expect(pick(byAge, "egenForsorjning")).toEqual([["25_34", 2, 2], ["35_44", 1, 2], ["45_54", 0, 1]]);
  });

  it("by intervention type, a record counts in each of its types", () => {
    const byType = run(["insatstyp"]).cells;
    // record 2 has two types, record 4 none (group "__saknas").
    expect(pick(byType, "nojda")).toEqual([
      ["arbetstraning_utanfor_arbetsmarknaden", 0, 1], ["jobbsokaraktivitet", 1, 1], ["praktik_ordinarie_arbetsplats", 1, 1],
      ["skuldradgivning", 0, 1], ["sociala_aktiviteter", 0, 1], ["utbildning", 1, 1],
    ]);
  });
});

describe("small-cell suppression", () => {
  it("leaves a small group out rather than hiding the large groups beside it, and says so", () => {
    const acc = new IndicatorAccumulator(def, { groupBy: ["kon"], only: ["egenForsorjning"] });
    const make = (kon: string, n: number, working: number) =>
      Array.from({ length: n }, (_, i) => rec({ kon, fodelsear: 1980, arendeStart: "2023-01-01" }, { efterInsats: { huvudsakligInkomst: i < working ? "arbete" : "fortfarande_bistand" } }));
    for (const r of [...make("kvinna", 20, 10), ...make("man", 12, 6), ...make("annat_okant", 2, 1)]) acc.add(r);
    const report = acc.report(5);
    // Before: annat_okant hidden (primary) and the men's figures hidden with it (secondary).
    expect(report.cells.map((c) => [c.group.kon, c.suppressed, c.numerator, c.denominator])).toEqual([
      ["kvinna", false, 10, 20],
      ["man", false, 6, 12],
    ]);
    expect(report.smallGroups).toEqual([{ indicator: "egenForsorjning", group: "kon", values: ["annat_okant"], action: "leftOut" }]);
  });

  it("hides a rate whose complement is small ('all but two')", () => {
    const cells: SuppressionCell[] = [
      { coords: ["a"], numerator: 18, denominator: 20, suppressed: false },
      { coords: ["b"], numerator: 10, denominator: 20, suppressed: false },
      { coords: ["c"], numerator: 10, denominator: 20, suppressed: false },
    ];
    suppress(cells, 5, true);
    expect(cells.map((c) => c.suppressed)).toEqual(["primary", "secondary", false]);
  });

  it("in a two-way table, hides one more cell in every row, column and the whole table", () => {
    const grid = (a: string, x: string, n: number): SuppressionCell => ({ coords: [a, x], numerator: n, denominator: n, suppressed: false });
    const cells = [grid("a", "x", 10), grid("a", "y", 10), grid("a", "z", 3), grid("b", "x", 10), grid("b", "y", 10), grid("b", "z", 10)];
    suppress(cells, 5, false);
    expect(cells.map((c) => `${c.coords.join("")}:${c.suppressed}`)).toEqual(["ax:secondary", "ay:false", "az:primary", "bx:secondary", "by:false", "bz:secondary"]);
    // No row, column or the table has exactly one hidden cell.
    for (const line of [["ax", "ay", "az"], ["bx", "by", "bz"], ["ax", "bx"], ["ay", "by"], ["az", "bz"]]) {
      const hidden = cells.filter((c) => line.includes(c.coords.join("")) && c.suppressed).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
  });

  it("keeps memory flat: the accumulator holds cells, not records", () => {
    const acc = new IndicatorAccumulator(def, { groupBy: ["kon"] });
    for (let i = 0; i < 20_000; i++) acc.add(HAND_SET[i % HAND_SET.length]);
    const report = acc.report(5);
    expect(report.records).toBe(20_000);
    expect(report.cells.length).toBeLessThan(200);
  });
});
