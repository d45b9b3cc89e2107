import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { IndicatorAccumulator } from "../../engine/indicators/accumulate.ts";
import { parseIndicatorFile, labelsFor } from "../../engine/indicators/definition.ts";
import type { IndicatorCell } from "../../engine/indicators/types.ts";
import { validatorFor } from "../../engine/compiler.ts";
import { rulesFor } from "../../engine/rules/evaluate.ts";
import { choiceOptions, schemaAt } from "../../engine/schema/walk.ts";
import { generateDocuments, type SyntheticProfile } from "../../engine/generate/generate.ts";
import { ROOT, readJson, schema } from "../helpers.ts";

const sue = schema("sue", "2.0.0");
const def = parseIndicatorFile(readJson(join(ROOT, "schemas/sue/2.0.0.indicators.json")), sue);
const rules = rulesFor(sue);
const strategyRule = (sue["x-rules"] as Array<{ id: string; expr?: unknown }>).find((r) => r.id === "aktiveringsstrategi")!;

/** The classification worked out by hand from seeds/004 (reasons in the schema, on each option of insats.typ). */
const CLASSIFICATION: Record<string, string> = {
  jobbsokaraktivitet: "jobbaktivering", // "jobbsökande"
  arbetstraning_utanfor_arbetsmarknaden: "jobbaktivering", // "jobbträning utanför arbetsmarknaden"
  stodat_arbete_ips: "jobbaktivering", // not named: regular paid work at once, support without a time limit
  utbildning: "resursaktivering", // "utbildning"
  sfi: "resursaktivering", // education
  praktik_ordinarie_arbetsplats: "resursaktivering", // "praktik på reguljär arbetsplats"
  sociala_aktiviteter: "ingen",
  skuldradgivning: "ingen",
  annan: "ingen",
};

/** Every subexpression of the definition file that maps `insatser` (a strategy expression). */
function insatserMaps(node: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => insatserMaps(n, out));
  else if (node && typeof node === "object") {
    const m = (node as Record<string, unknown>).map;
    if (Array.isArray(m) && JSON.stringify(m[0]) === '{"var":"insatser"}') out.push(node);
    Object.values(node).forEach((n) => insatserMaps(n, out));
  }
  return out;
}

describe("SUE 2.0.0: the activation classification is data in the schema", () => {
  it("classifies every intervention type, as worked out by hand", () => {
    const codes = choiceOptions(sue, schemaAt(sue, ["insatser", "0", "typ"]))!.map((o) => o.code);
    expect(codes.sort()).toEqual(Object.keys(CLASSIFICATION).sort());
    const doc = { meta: { schema: "sue@2.0.0" }, bakgrund: { arendeStart: "2023-01-01", kon: "man", fodelsear: 1990, hushallstyp: "3" }, insatser: codes.map((typ) => ({ typ, startdatum: "2023-02-01" })) };
    const got = rules.run(doc).results.find((r) => r.id === "aktiveringsstrategi")!.value;
    expect(got).toEqual(codes.map((c) => CLASSIFICATION[c]));
  });

  it("every strategy expression in the indicator definitions is the schema rule's, unchanged", () => {
    const maps = insatserMaps(def).filter((m) => JSON.stringify(m).includes("aktivering"));
    expect(maps.length).toBeGreaterThanOrEqual(4);
    for (const m of maps) expect(m).toEqual(strategyRule.expr);
    expect(def.groups.aktiveringsstrategi!.expr).toEqual(strategyRule.expr);
    // No indicator lists the activation types by hand any more (1.0.0's jobbinriktadInsats did, with praktik in it).
    expect(def.indicators.some((i) => i.id === "jobbinriktadInsats")).toBe(false);
  });

  it("labels the exemption reasons from the schema, with 'annat' for the free text", () => {
    const labels = labelsFor(sue, def.indicators.find((i) => i.id === "undantagsskal") as never);
    expect(Object.keys(labels).sort()).toEqual(["annat", "barn_familj", "ingen_lamplig_insats", "ohalsa", "sociala_skal", "sprak"]);
  });
});

function rec(bakgrund: Record<string, unknown>, rest: Record<string, unknown>) {
  return { meta: { schema: "sue@2.0.0" }, bakgrund: { hushallstyp: "3", ...bakgrund }, ...rest };
}

/** Six hand-made records; every expected figure below was counted by hand from this list. */
const HAND_SET = [
  // R1 kvinna 33 (25_34), utrikes
  rec({ kon: "kvinna", fodelsear: 1990, hushallstyp: "6", fodelseland: "utrikes", arendeStart: "2023-01-10" }, {
    foreInsats: { forsorjningshinder: "arbetslos_ingen_ersattning" },
    insatser: [{ typ: "jobbsokaraktivitet", startdatum: "2023-02-01" }],
    underInsats: { fattUndantag: true, undantagsskal: ["barn_familj"] },
    efterInsats: { huvudsakligInkomst: "arbete", forsorjningshinder: "utan_forsorjningshinder", manaderMedBistandKalenderar: 4, arMedBistand: 1 },
  }),
  // R2 kvinna 21 (18_24), sverige
  rec({ kon: "kvinna", fodelsear: 2002, hushallstyp: "5", fodelseland: "sverige", arendeStart: "2023-02-01" }, {
    foreInsats: { forsorjningshinder: "sjukskriven_lakarintyg" },
    insatser: [{ typ: "praktik_ordinarie_arbetsplats", startdatum: "2023-03-01" }, { typ: "sociala_aktiviteter", startdatum: "2023-04-01" }],
    underInsats: { fattUndantag: true, undantagsskal: ["ohalsa", "sociala_skal"], undantagAnnat: "Väntar på en utredning." },
    efterInsats: { huvudsakligInkomst: "fortfarande_bistand", forsorjningshinder: "sjukskriven_lakarintyg", manaderMedBistandKalenderar: 12, arMedBistand: 4 },
  }),
  // R3 man 52 (45_54), sverige
  rec({ kon: "man", fodelsear: 1970, fodelseland: "sverige", arendeStart: "2022-05-01" }, {
    foreInsats: { forsorjningshinder: "arbetslos_otillracklig_ersattning" },
    insatser: [{ typ: "arbetstraning_utanfor_arbetsmarknaden", startdatum: "2022-06-01" }, { typ: "stodat_arbete_ips", startdatum: "2022-09-01" }],
    underInsats: { fattUndantag: false, antalSanktioner: 2 },
    efterInsats: { huvudsakligInkomst: "annan_ersattning", forsorjningshinder: "arbetshinder_sociala_skal", manaderMedBistandKalenderar: 10, arMedBistand: 2 },
  }),
  // R4 man 24 (18_24), utrikes; the exemption as a migrated 1.0.0 record has it: text, no yes/no
  rec({ kon: "man", fodelsear: 2000, fodelseland: "utrikes", arendeStart: "2024-01-15" }, {
    foreInsats: { forsorjningshinder: "arbetslos_vantar_ersattning" },
    insatser: [],
    underInsats: { undantagAnnat: "Slapp kravet i två veckor." },
    efterInsats: { manaderMedBistandKalenderar: 11 },
  }),
  // R5 man 28 (25_34), utrikes: three years in a row, but not long-term this year
  rec({ kon: "man", fodelsear: 1995, hushallstyp: "7", fodelseland: "utrikes", arendeStart: "2023-06-01" }, {
    foreInsats: { forsorjningshinder: "utan_forsorjningshinder" },
    insatser: [{ typ: "sfi", startdatum: "2023-08-15" }, { typ: "utbildning", startdatum: "2024-01-08" }],
    efterInsats: { huvudsakligInkomst: "studier", forsorjningshinder: "utan_forsorjningshinder", manaderMedBistandKalenderar: 6, arMedBistand: 3 },
  }),
  // R6 annat_okant 43 (35_44), no country of birth; an exemption without a reason
  rec({ kon: "annat_okant", fodelsear: 1980, hushallstyp: "9", arendeStart: "2023-03-01" }, {
    foreInsats: { forsorjningshinder: "arbetshinder_sociala_skal" },
    insatser: [{ typ: "skuldradgivning", startdatum: "2023-04-01" }],
    underInsats: { fattUndantag: true },
    efterInsats: { huvudsakligInkomst: "arbete", forsorjningshinder: "utan_forsorjningshinder", manaderMedBistandKalenderar: 12, arMedBistand: 3 },
  }),
];

function run(groupBy: string[] = []) {
  const acc = new IndicatorAccumulator(def, { groupBy });
  for (const r of HAND_SET) acc.add(r);
  return acc.unsuppressedReport().cells;
}
const pick = (cells: IndicatorCell[], id: string) =>
  cells.filter((c) => c.indicator === id).map((c) => [c.category ?? Object.values(c.group).join("/"), c.numerator, c.denominator]);

describe("SUE 2.0.0 indicators on a hand-counted data set (no suppression)", () => {
  it("the hand set is valid SUE 2.0.0", () => {
    for (const r of HAND_SET) expect(validatorFor(sue).validate(r).errors).toEqual([]);
  });

  const all = run();
  it.each([
    ["jobbaktivering", 2, 5], // R1, R3 of the five with interventions (1.0.0's jobbinriktadInsats: 3, with R2's praktik)
    ["resursaktivering", 2, 5], // R2 (praktik), R5
    ["undantag", 4, 5], // yes: R1, R2, R6; the text alone: R4; no: R3
    ["langvarigt", 4, 6], // 12, 10, 11, 12 of 4, 12, 10, 11, 6, 12
    ["mycketLangvarigt", 2, 6], // R2 (12 months, 4 years), R6 (12, 3); not R5 (3 years, 6 months), not R4 (years missing)
    ["arbeteEfterInsats", 2, 5],
    ["hinderBorta", 2, 4], // R1, R6 of R1, R2, R3, R6
    ["matchningArbetsloshet", 2, 3], // R1, R3 of R1, R3, R4
  ])("%s = %i of %i", (id, num, den) => {
    expect(pick(all, id)).toEqual([["", num, den]]);
  });

  it("distributions: strategies, exemption reasons, change of the obstacle", () => {
    expect(pick(all, "aktiveringsstrategier")).toEqual([["ingen", 2, 5], ["jobbaktivering", 2, 5], ["resursaktivering", 2, 5]]);
    expect(pick(all, "undantagsskal")).toEqual([["__saknas", 1, 4], ["annat", 2, 4], ["barn_familj", 1, 4], ["ohalsa", 1, 4], ["sociala_skal", 1, 4]]);
    expect(pick(all, "forsorjningshinderForandring")).toEqual([
      ["annat_hinder", 1, 5], ["hindret_borta", 2, 5], ["inget_fore_eller_efter", 1, 5], ["samma_hinder", 1, 5],
    ]);
  });

  it("exemptions by sex, age band and country of birth", () => {
    expect(pick(run(["kon"]), "undantag")).toEqual([["annat_okant", 1, 1], ["kvinna", 2, 2], ["man", 1, 2]]);
    expect(pick(run(["aldersgrupp"]), "undantag")).toEqual([["18_24", 2, 2], ["25_34", 1, 1], ["35_44", 1, 1], ["45_54", 0, 1]]);
    expect(pick(run(["fodelseland"]), "undantag")).toEqual([["__saknas", 1, 1], ["sverige", 1, 2], ["utrikes", 2, 2]]);
  });

  it("outcomes and time on support by strategy (a record with both kinds counts in both)", () => {
    const by = run(["aktiveringsstrategi"]);
    expect(pick(by, "egenForsorjning")).toEqual([["ingen", 1, 2], ["jobbaktivering", 1, 2], ["resursaktivering", 1, 2]]);
    expect(pick(by, "langvarigt")).toEqual([["__saknas", 1, 1], ["ingen", 2, 2], ["jobbaktivering", 1, 2], ["resursaktivering", 1, 2]]);
  });
});

describe("SUE 2.0.0 synthetic records: very long-term is nested in long-term", () => {
  const profile = readJson<SyntheticProfile>(join(ROOT, "schemas/sue/2.0.0.synthetic.json"));
  const acc = new IndicatorAccumulator(def, { groupBy: ["kon", "aldersgrupp"] });
  const total = new IndicatorAccumulator(def);
  for (const d of generateDocuments(sue, profile, { count: 3000, seed: 7 })) {
    acc.add(d);
    total.add(d);
  }
  const cells = acc.unsuppressedReport().cells;
  const share = (id: string) => total.unsuppressedReport().cells.find((c) => c.indicator === id)!.share!;

  it("in every cell, mycketLangvarigt ≤ langvarigt over the same denominator", () => {
    const lang = cells.filter((c) => c.indicator === "langvarigt");
    expect(lang.length).toBeGreaterThan(10);
    for (const l of lang) {
      const m = cells.find((c) => c.indicator === "mycketLangvarigt" && JSON.stringify(c.group) === JSON.stringify(l.group))!;
      expect(m.denominator).toBe(l.denominator);
      expect(m.numerator!).toBeLessThanOrEqual(l.numerator!);
    }
  });

  it("shares near the sources: long-term about 36 %, very long-term about 15 %, exemptions about 20 %", () => {
    expect(share("langvarigt")).toBeGreaterThan(0.31);
    expect(share("langvarigt")).toBeLessThan(0.41);
    expect(share("mycketLangvarigt")).toBeGreaterThan(0.11);
    expect(share("mycketLangvarigt")).toBeLessThan(0.19);
    expect(share("undantag")).toBeGreaterThan(0.16);
    expect(share("undantag")).toBeLessThan(0.25);
  });

  it("generated records raise no consistency finding", () => {
    for (const d of generateDocuments(sue, profile, { count: 500, seed: 7 })) {
      expect(rules.run(d).findings).toEqual([]);
    }
  });
});
