import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readJson, ROOT } from "../helpers.ts";
import { validatorFor, type JsonSchema } from "../../engine/compiler.ts";
import { IndicatorAccumulator } from "../../engine/indicators/accumulate.ts";
import { parseIndicatorFile } from "../../engine/indicators/definition.ts";
import { generateDocuments, type SyntheticProfile } from "../../engine/generate/generate.ts";
import { applyOverlay } from "../../engine/overlay/overlay.ts";
import { toNational } from "../../engine/overlay/national.ts";
import type { Overlay } from "../../engine/overlay/types.ts";
import { sue, sueIndicators, TESTBY } from "./helpers.ts";

const def = parseIndicatorFile(sueIndicators);
const profile = readJson<SyntheticProfile>(join(ROOT, "schemas/sue/1.0.0.synthetic.json"));
const overlay = readJson<Overlay>(TESTBY);
const effective = applyOverlay(overlay, sue, { indicators: sueIndicators }).schema as JsonSchema;

const COUNT = 3000;
const base = [...generateDocuments(sue, profile, { count: COUNT, seed: 2024 })];

/**
 * A base record as Testby would have filled it in: what the variant does not ask is not there
 * (hidden items, closing reasons it does not offer), the local items are added, the variant named.
 */
function throughTestby(doc: Record<string, any>, i: number): Record<string, any> {
  const v = structuredClone(doc);
  delete v.bakgrund.stadsdel;
  if (v.foreInsats) delete v.foreInsats.malSatta;
  if (v.underInsats) delete v.underInsats.undantag;
  if (v.brukaruppfoljning) delete v.brukaruppfoljning.kommentar;
  const kept = overlay.restrictOptions!["avslutning.avslutsorsak"]!;
  if (v.avslutning?.avslutsorsak !== undefined && !kept.includes(v.avslutning.avslutsorsak)) delete v.avslutning.avslutsorsak;
  v.meta = { ...v.meta, variant: "testby" };
  v.lokalt = { omrade: ["norr", "centrum", "soder"][i % 3], ...(i % 4 === 0 ? { tolkBehovs: true } : {}) };
  return v;
}
const variant = base.map(throughTestby);

function indicators(records: unknown[], groupBy: string[]) {
  const acc = new IndicatorAccumulator(def, { groupBy });
  for (const r of records) acc.add(toNational(r, sue));
  return acc.report(acc.parameters.suppressBelow!);
}

describe("national indicators on records filled through a SUE variant", () => {
  it("the generated base records are valid sue@1.0.0 records", () => {
    const check = validatorFor(sue);
    expect(base.filter((d) => !check.isValid(d)).length).toBe(0);
  });

  it("the same records through testby are valid variant records, and their national parts are valid sue@1.0.0", () => {
    const check = validatorFor(effective);
    const national = validatorFor(sue);
    expect(variant.map((d) => check.validate(d).errors).filter((e) => e.length > 0)).toEqual([]);
    expect(variant.filter((d) => !national.isValid(toNational(d, sue))).length).toBe(0);
    // The conversion did change the records (otherwise the comparison below would prove nothing).
    expect(variant.filter((d, i) => JSON.stringify(d) !== JSON.stringify(base[i])).length).toBe(COUNT);
  });

  for (const groupBy of [[], ["kon"], ["aldersgrupp", "hushallstyp"], ["insatstyp"], ["fiaKategori", "fodelseland"]]) {
    it(`are equal to those on the base records (grouped by ${groupBy.join(", ") || "nothing"})`, () => {
      const fromBase = indicators(base, groupBy);
      const fromVariant = indicators(variant, groupBy);
      expect(fromVariant.cells.length).toBeGreaterThan(def.indicators.length);
      expect(fromVariant).toEqual(fromBase);
    });
  }

  it("would differ if the variant had dropped a scored answer (the comparison can fail)", () => {
    const broken = variant.map((d) => {
      const copy = structuredClone(d);
      if (copy.brukaruppfoljning) delete copy.brukaruppfoljning.nojdhet;
      return copy;
    });
    expect(indicators(broken, [])).not.toEqual(indicators(base, []));
  });
});
