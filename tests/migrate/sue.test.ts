import { describe, expect, it } from "vitest";
import { basename, join } from "node:path";
import { migrate } from "../../engine/migrate/migrate.ts";
import { rulesFor } from "../../engine/rules/evaluate.ts";
import { IndicatorAccumulator } from "../../engine/indicators/accumulate.ts";
import { parseIndicatorFile } from "../../engine/indicators/definition.ts";
import { FIXTURES, ROOT, fixtureFiles, readJson } from "../helpers.ts";
import { generated, migrations, schemaOf, validator } from "./helpers.ts";
import { EMPTY, add, track, type Tally } from "./track.ts";

const SUE = migrations("sue");
const DATE = "2025-02-03";
const to2 = (doc: unknown) => migrate(doc, "sue@1.0.0", "sue@2.0.0", SUE, { date: DATE });

function lostNothing(t: Tally): void {
  expect(t.lost, JSON.stringify(t.lost.slice(0, 5))).toEqual([]);
  expect(t.unchanged + t.moved + t.reported).toBe(t.total);
}

describe("SUE 1.0.0 → 2.0.0: the fixtures", () => {
  for (const file of fixtureFiles("sue", "valid")) {
    it(`migrates ${basename(file)}, which validates against 2.0.0 and loses nothing`, () => {
      const doc = readJson(file);
      const result = to2(doc);
      expect(validator("sue@2.0.0").validate(result.document).errors).toEqual([]);
      lostNothing(track(doc, result));
      // Nothing needs setting aside: every 1.0.0 answer has a place in 2.0.0.
      expect((result.document.migrering as { ejOverforda: unknown[] }).ejOverforda).toEqual([]);
    });
  }

  it("record-1's free-text exemption becomes the text of another reason, word for word (worked out by hand)", () => {
    const doc = readJson<Record<string, Record<string, unknown>>>(join(FIXTURES, "sue/valid/record-1.json"));
    const { document: d } = to2(doc);
    expect(d.meta).toEqual({ ...doc.meta, schema: "sue@2.0.0" });
    expect(d.underInsats).toEqual({ deltagande: "helt", antalSanktioner: 0, undantagAnnat: doc.underInsats!.undantag });
    for (const key of ["bakgrund", "foreInsats", "insatser", "efterInsats", "brukaruppfoljning", "avslutning"]) expect(d[key]).toEqual(doc[key]);
    expect(d.migrering).toEqual({ fran: "sue@1.0.0", till: "sue@2.0.0", datum: DATE, ejOverforda: [] });
  });

  it("the 2.0 rules and indicators read the migrated record-1: an exemption with the reason 'annat', a warning to confirm it", () => {
    const { document: d } = to2(readJson(join(FIXTURES, "sue/valid/record-1.json")));
    const run = rulesFor(schemaOf("sue@2.0.0")).run(d);
    expect(run.results.find((r) => r.id === "aktiveringsstrategi")?.value).toEqual(["resursaktivering", "resursaktivering"]);
    expect(run.findings.map((f) => [f.rule, f.severity])).toEqual([["undantagBesvarat", "warning"]]);
    const def = parseIndicatorFile(readJson(join(ROOT, "schemas/sue/2.0.0.indicators.json")));
    const acc = new IndicatorAccumulator(def);
    acc.add(d);
    const cells = acc.unsuppressedReport().cells;
    expect(cells.filter((c) => c.indicator === "undantag").map((c) => [c.numerator, c.denominator])).toEqual([[1, 1]]);
    expect(cells.filter((c) => c.indicator === "undantagsskal").map((c) => c.category)).toEqual(["annat"]);
  });
});

describe("SUE 1.0.0 → 2.0.0: 1,000 generated 1.0.0 records", () => {
  const docs = generated("sue@1.0.0", 1000, 14);

  it("every one validates against 2.0.0 and loses nothing; every free-text exemption lands in undantagAnnat", () => {
    let tally = EMPTY;
    let texts = 0;
    const v = validator("sue@2.0.0");
    for (const doc of docs) {
      const result = to2(doc);
      expect(v.validate(result.document).errors).toEqual([]);
      tally = add(tally, track(doc, result));
      const old = (doc.underInsats as Record<string, unknown> | undefined)?.undantag;
      const moved = (result.document.underInsats as Record<string, unknown> | undefined)?.undantagAnnat;
      expect(moved).toBe(old);
      if (old !== undefined) texts++;
      expect(result.document.underInsats ?? {}).not.toHaveProperty("undantag");
    }
    lostNothing(tally);
    expect(tally.total).toBeGreaterThan(10000);
    expect(texts).toBeGreaterThan(20);
  });
});
