import { describe, expect, it } from "vitest";
import { readJson } from "../helpers.ts";
import { checkOverlay, formatViolation } from "../../engine/overlay/overlay.ts";
import { RULES } from "../../engine/overlay/types.ts";
import { brief, EXEMPELBY, fia, fiaOverlay, PROVKOMMUN, sue, sueIndicators, sueOverlay } from "./helpers.ts";

const fiaCheck = (ops: Parameters<typeof fiaOverlay>[0]) => checkOverlay(fiaOverlay(ops), fia);
const sueCheck = (ops: Parameters<typeof sueOverlay>[0]) => checkOverlay(sueOverlay(ops), sue, { indicators: sueIndicators });

describe("the shipped examples", () => {
  it("exempelby (fia) breaks no rule", () => {
    expect(checkOverlay(readJson(EXEMPELBY), fia).map(formatViolation)).toEqual([]);
  });

  it("provkommun (sue) breaks the rules it was written to break, each reported once with its pointer", () => {
    const violations = checkOverlay(readJson(PROVKOMMUN), sue, { indicators: sueIndicators });
    expect(brief(violations).sort()).toEqual(
      [
        "/hide/0 dolj-obligatorisk", // bakgrund.kon is required
        "/hide/0 dolj-poangsatt", // … and the grouping "kon" reads it
        "/hide/1 dolj-poangsatt", // brukaruppfoljning.nojdhet: indicator "nojda"
        "/addItems/0/key lokal-namnrymd", // "bakgrund.tolk" is outside the namespace
        "/restrictOptions/bakgrund.hushallstyp begransa-poangsatt", // grouping "hushallstyp"
        "/restrictOptions/bakgrund.hushallstyp/0 nationella-koder", // 1 for "1"
        "/restrictOptions/bakgrund.hushallstyp/3 utoka-alternativ", // "10" is no register code
      ].sort(),
    );
  });

  it("prints one Swedish line per violation with the pointer and the rule's name", () => {
    const [first] = checkOverlay(fiaOverlay({ hide: ["bedomning.motivering"] }), fia);
    expect(formatViolation(first!)).toBe(
      "/hide/0: ”bedomning.motivering” är obligatorisk i fia@1.0.0 och får inte döljas [dolj-obligatorisk: Obligatoriska frågor får inte döljas]",
    );
  });
});

describe("forbidden changes, one rule each", () => {
  it("hiding a required item", () => {
    // bedomning.motivering is required and no rule reads it: only this rule applies.
    expect(brief(fiaCheck({ hide: ["bedomning.motivering"] }))).toEqual(["/hide/0 dolj-obligatorisk"]);
  });

  it("hiding an item a rule reads directly (indikationArbete reads arbetslivserfarenhetAr)", () => {
    const v = fiaCheck({ hide: ["arbete.arbetslivserfarenhetAr"] });
    expect(brief(v)).toEqual(["/hide/0 dolj-poangsatt"]);
    expect(v[0]!.message).toContain("regeln indikationArbete");
  });

  it("hiding an item a table rule reads through item.value (profil reads each area's problemstorlek)", () => {
    const v = fiaCheck({ hide: ["livssituation.boende.problemstorlek"] });
    expect(brief(v)).toEqual(["/hide/0 dolj-poangsatt"]);
    expect(v[0]!.message).toContain("regeln profil");
  });

  it("hiding an item a per-row check reads as row.x (plan.mal[].uppfoljningsdatum)", () => {
    const v = fiaCheck({ hide: ["plan.mal[].uppfoljningsdatum"] });
    expect(brief(v)).toEqual(["/hide/0 dolj-poangsatt"]);
    expect(v[0]!.message).toContain("regeln uppfoljningEfterIntervju");
  });

  it("hiding a section that contains a scored item (arbete.svarighetJobbsokande)", () => {
    expect(brief(fiaCheck({ hide: ["arbete.svarighetJobbsokande"] }))).toEqual(["/hide/0 dolj-poangsatt"]);
  });

  it("hiding an item only an indicator reads (sue: foreInsats.forstaKontakt, planInomTreManader)", () => {
    const v = sueCheck({ hide: ["foreInsats.forstaKontakt"] });
    expect(brief(v)).toEqual(["/hide/0 dolj-poangsatt"]);
    expect(v[0]!.message).toContain("indikatorn planInomTreManader");
    // Without the indicator file nothing reads it: SUE has no x-rules.
    expect(checkOverlay(sueOverlay({ hide: ["foreInsats.forstaKontakt"] }), sue)).toEqual([]);
  });

  it("hiding an item whose answer another question's condition reads", () => {
    // senasteAret is shown only when nagonsin is true.
    const v = fiaCheck({ hide: ["livssituation.overgreppTvang.fysisktVald.nagonsin"] });
    expect(brief(v)).toEqual(["/hide/0 dolj-villkor"]);
    expect(v[0]!.message).toContain("livssituation.overgreppTvang.fysisktVald.senasteAret");
    // Hiding both (here: their whole group) is fine.
    expect(fiaCheck({ hide: ["livssituation.overgreppTvang.fysisktVald"] })).toEqual([]);
  });

  it("changing a national code: a recoded code (case or JSON type) is not the national one", () => {
    const v = fiaCheck({ restrictOptions: { "livssituation.utsatthetBrott.ran": ["nej", "Senaste_aret"] } });
    expect(brief(v)).toEqual(["/restrictOptions/livssituation.utsatthetBrott.ran/1 nationella-koder"]);
    expect(v[0]!.message).toContain('"senaste_aret"');
  });

  it("adding a code to a national single choice", () => {
    expect(brief(fiaCheck({ restrictOptions: { "livssituation.utsatthetBrott.ran": ["nej", "vet_inte"] } }))).toEqual([
      "/restrictOptions/livssituation.utsatthetBrott.ran/1 utoka-alternativ",
    ]);
  });

  it("extending a national multiple-choice list (all national codes plus one)", () => {
    const all = ["arbetspraktik", "utbildning", "jobbaktivitet", "sociala_aktiviteter", "annat"];
    expect(brief(fiaCheck({ restrictOptions: { "insatserKrav.onskadeInsatser": [...all, "hemtjanst"] } }))).toEqual([
      "/restrictOptions/insatserKrav.onskadeInsatser/5 utoka-alternativ",
    ]);
    expect(fiaCheck({ restrictOptions: { "insatserKrav.onskadeInsatser": all } })).toEqual([]);
  });

  it("restricting the options of a scored item", () => {
    expect(brief(fiaCheck({ restrictOptions: { "arbete.tydligBildAvFramtiden": ["ja", "nej"] } }))).toEqual([
      "/restrictOptions/arbete.tydligBildAvFramtiden begransa-poangsatt",
    ]);
  });

  it("a local item outside the namespace", () => {
    const v = fiaCheck({ addItems: [{ key: "intervju.tolk", schema: { type: "boolean" } }] });
    expect(brief(v)).toEqual(["/addItems/0/key lokal-namnrymd"]);
  });

  it("two local items with the same key collide", () => {
    const item = { key: "tolk", schema: { type: "boolean" } };
    expect(brief(fiaCheck({ addItems: [item, item] }))).toEqual(["/addItems/1/key lokal-namnrymd"]);
  });

  it("a base that uses the namespace itself leaves no room for local items", () => {
    const base = structuredClone(fia);
    (base.properties as Record<string, unknown>).lokalt = { type: "string" };
    expect(brief(checkOverlay(fiaOverlay({ addItems: [{ key: "tolk", schema: { type: "boolean" } }] }), base))).toEqual(["/addItems lokal-namnrymd"]);
  });

  it("a local key equal to a national name does not collide: it lives in lokalt", () => {
    expect(fiaCheck({ addItems: [{ key: "datum", schema: { type: "string", format: "date" } }] })).toEqual([]);
  });

  it("meta is not the overlay's to change", () => {
    expect(brief(fiaCheck({ hide: ["meta.variant"], relabel: { "meta.status": "Läge" } }))).toEqual(["/hide/0 meta", "/relabel/meta.status meta"]);
  });

  it("paths must exist in the base version; rows of a list cannot be hidden", () => {
    expect(brief(fiaCheck({ hide: ["intervju.finnsInte", "plan.mal[]"], help: { "arbete.nej": "x" } }))).toEqual([
      "/hide/0 sokvag",
      "/hide/1 sokvag",
      "/help/arbete.nej sokvag",
    ]);
  });

  it("hiding the same item twice, or a group and an item in it", () => {
    expect(brief(fiaCheck({ hide: ["intervju.intervjuare", "intervju.intervjuare", "livssituation.overgreppTvang.fysisktVald", "livssituation.overgreppTvang.fysisktVald.senasteAret"] }))).toEqual([
      "/hide/1 motstridiga",
      "/hide/3 motstridiga",
    ]);
  });

  it("operations on a hidden item contradict the hide", () => {
    expect(brief(fiaCheck({ hide: ["intervju.intervjuare"], relabel: { "intervju.intervjuare": "Handläggare" }, reorder: { intervju: ["intervjuare"] } }))).toEqual([
      "/relabel/intervju.intervjuare motstridiga",
      "/reorder/intervju/0 motstridiga",
    ]);
  });

  it("an unknown operation (a 'recode' section) is a format violation that names the operations", () => {
    const v = checkOverlay({ ...fiaOverlay(), recode: { "arbete.utbildning": { grundskola: "gs" } } }, fia);
    expect(brief(v)).toEqual(["/recode format"]);
    expect(v[0]!.message).toContain("restrictOptions");
  });

  it("an overlay is checked against its own base version", () => {
    expect(brief(checkOverlay(sueOverlay(), fia))).toEqual(["/base grundversion"]);
  });

  it("every rule has a Swedish name", () => {
    for (const name of Object.values(RULES)) expect(name).toMatch(/^[A-ZÅÄÖ]/);
  });
});

describe("the overlay's file", () => {
  it("its name and folder agree with the overlay", () => {
    const v = checkOverlay(fiaOverlay({ name: "annanby" }), fia, { fileName: "schemas/sue/variants/exempelby.overlay.json" });
    expect(brief(v)).toEqual(["/name format", "/base grundversion"]);
    expect(checkOverlay(readJson(EXEMPELBY), fia, { fileName: EXEMPELBY })).toEqual([]);
  });
});
