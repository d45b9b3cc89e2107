import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readJson, FIXTURES } from "../helpers.ts";
import { lintSchema, schemaAt, choiceOptions, uiOf, validatorFor, type JsonSchema } from "../../engine/compiler.ts";
import { buildFormModel } from "../../engine/form/model.ts";
import { applyOverlay } from "../../engine/overlay/overlay.ts";
import { toNational } from "../../engine/overlay/national.ts";
import { demo, EXEMPELBY, fia, fiaOverlay, sue, sueIndicators, TESTBY } from "./helpers.ts";

const overlay = readJson(EXEMPELBY);
const fiaBefore = structuredClone(fia);
const result = applyOverlay(overlay, fia);
const effective = result.schema as JsonSchema;

/** The valid FIA fixture as Exempelby would have filled it in. */
function exempelbyInterview(): Record<string, any> {
  const doc = readJson<Record<string, any>>(join(FIXTURES, "fia/valid/interview-1.json"));
  delete doc.intervju.intervjuare;
  delete doc.livssituation.halsa.receptbelagdaLakemedel;
  delete doc.arbete.arbetslivserfarenhet;
  // Exempelby does not offer social activities: the fixture's client wished for them.
  doc.insatserKrav.onskadeInsatser = doc.insatserKrav.onskadeInsatser.filter((c: string) => c !== "sociala_aktiviteter");
  doc.meta.variant = "exempelby";
  doc.lokalt = { kontaktsatt: "sms", tolkBehovs: true, tolkSprak: "arabiska" };
  return doc;
}

describe("the effective schema of exempelby", () => {
  it("is produced, lint-clean, and the base is untouched", () => {
    expect(result.violations).toEqual([]);
    expect(lintSchema(effective)).toEqual([]);
    expect(fia).toEqual(fiaBefore);
  });

  it("has its own $id, keeps the national version in meta.schema and fixes meta.variant", () => {
    expect(effective.$id).toBe("https://blankett.example/schemas/fia/1.0.0/variants/exempelby");
    expect(effective["x-instrument"]).toMatchObject({ name: "fia", version: "1.0.0", title: "FIA – förutsättningar inför arbete – Exempelby kommun" });
    expect(schemaAt(effective, "/meta/schema")?.const).toBe("fia@1.0.0");
    expect(schemaAt(effective, "/meta/variant")?.const).toBe("exempelby");
    expect(schemaAt(effective, "/meta")?.required).toEqual(["schema", "variant"]);
  });

  it("leaves out the hidden items and their places in the order", () => {
    expect(schemaAt(effective, "/intervju/intervjuare")).toBeUndefined();
    expect(schemaAt(effective, "/livssituation/halsa/receptbelagdaLakemedel")).toBeUndefined();
    expect(schemaAt(effective, "/arbete/arbetslivserfarenhet")).toBeUndefined();
    expect(uiOf(schemaAt(effective, "/livssituation/halsa")).order).not.toContain("receptbelagdaLakemedel");
    expect(uiOf(schemaAt(effective, "/intervju")).order).toEqual(["arendereferens", "datum"]);
  });

  it("puts the local items in the namespace lokalt, in the positions asked for", () => {
    const local = schemaAt(effective, "/lokalt")!;
    expect(Object.keys(local.properties as object).sort()).toEqual(["kontaktsatt", "tolkBehovs", "tolkSprak"]);
    // listed tolkBehovs, tolkSprak (after tolkBehovs), kontaktsatt (before tolkBehovs)
    expect(uiOf(local).order).toEqual(["kontaktsatt", "tolkBehovs", "tolkSprak"]);
    expect(local.title).toBe("Frågor från Exempelby");
    expect(local.required).toEqual(["tolkBehovs"]);
    expect(uiOf(effective).order).toEqual(["meta", "intervju", "lokalt", "livssituation", "arbete", "insatserKrav", "bedomning", "sammanstallning", "plan"]);
  });

  it("relabels and adds help text", () => {
    expect(schemaAt(effective, "/intervju/arendereferens")?.title).toBe("Diarienummer");
    expect(uiOf(schemaAt(effective, "/intervju/arendereferens")).help).toContain("Exempelbys verksamhetssystem");
    expect(uiOf(schemaAt(effective, "/livssituation/skulder/kommentar")).help).toContain("skuldrådgivningen");
  });

  it("restricts option lists without touching the other users of a shared list", () => {
    const codes = (p: string) => choiceOptions(effective, schemaAt(effective, p))!.map((o) => o.code);
    expect(codes("/livssituation/situationenHemma/dygnsrytm")).toEqual(["dagligen", "varje_vecka", "varje_manad", "aldrig"]);
    // skotaHemmet uses the same $defs/frekvens: all five national options remain.
    expect(codes("/livssituation/situationenHemma/skotaHemmet")).toEqual(["dagligen", "varje_vecka", "varje_manad", "mer_sallan", "aldrig"]);
    const wished = schemaAt(effective, "/insatserKrav/onskadeInsatser")!;
    expect(choiceOptions(effective, wished.items as JsonSchema)!.map((o) => o.code)).toEqual(["arbetspraktik", "utbildning", "jobbaktivitet", "annat"]);
    // The national labels stay with the national codes.
    expect(choiceOptions(effective, schemaAt(effective, "/livssituation/situationenHemma/dygnsrytm"))![3]).toMatchObject({ code: "aldrig", label: "Aldrig" });
  });

  it("gives a form with the local section as a step of its own", () => {
    const model = buildFormModel(effective);
    expect(model.sections.map((s) => s.key)).toEqual(["intervju", "lokalt", "livssituation", "arbete", "insatserKrav", "bedomning", "sammanstallning", "plan"]);
    const local = model.sections[1]!;
    expect(local.isStep).toBe(true);
    expect(local.children!.map((c) => c.key)).toEqual(["kontaktsatt", "tolkBehovs", "tolkSprak"]);
  });
});

describe("answers through a variant", () => {
  const variant = validatorFor(effective);
  const national = validatorFor(fia);

  it("an interview filled through exempelby validates against the effective schema", () => {
    expect(variant.validate(exempelbyInterview()).errors).toEqual([]);
  });

  it("its national part validates against fia@1.0.0 and still names the variant", () => {
    const doc = exempelbyInterview();
    const before = structuredClone(doc);
    const nat = toNational(doc, fia) as Record<string, any>;
    expect(national.validate(nat).errors).toEqual([]);
    expect(nat.lokalt).toBeUndefined();
    expect(nat.meta).toEqual({ ...doc.meta, variant: "exempelby" });
    expect(doc).toEqual(before); // not changed in place
  });

  it("without meta.variant, or with another variant, the answers are not the variant's", () => {
    const missing = exempelbyInterview();
    delete missing.meta.variant;
    expect(variant.validate(missing).errors.map((e) => e.pointer)).toEqual(["/meta/variant"]);
    const other = exempelbyInterview();
    other.meta.variant = "annanby";
    expect(variant.validate(other).errors.map((e) => e.pointer)).toEqual(["/meta/variant"]);
  });

  it("a hidden item, a code the variant dropped, or a local item outside lokalt is an error", () => {
    const doc = exempelbyInterview();
    doc.intervju.intervjuare = "Sara Lindqvist";
    doc.livssituation.situationenHemma.dygnsrytm = "mer_sallan";
    doc.tolk = true;
    expect(variant.validate(doc).errors.map((e) => e.pointer).sort()).toEqual(["/intervju/intervjuare", "/livssituation/situationenHemma/dygnsrytm", "/tolk"]);
  });

  it("toNational removes only the namespace: an unknown answer stays and is reported, never dropped", () => {
    const doc = { ...exempelbyInterview(), okand: 1 };
    const nat = toNational(doc, fia) as Record<string, unknown>;
    expect(nat.okand).toBe(1);
    expect(national.validate(nat).errors.map((e) => e.pointer)).toEqual(["/okand"]);
  });

  it("toNational keeps a __proto__ key as data, without touching any prototype", () => {
    const doc = JSON.parse('{"meta": {"schema": "fia@1.0.0"}, "__proto__": {"polluted": true}, "lokalt": {}}');
    const nat = toNational(doc, fia) as Record<string, unknown>;
    expect(Object.getPrototypeOf(nat)).toBe(Object.prototype);
    expect(Object.keys(nat)).toEqual(["meta", "__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("a SUE variant", () => {
  it("testby applies lint-clean", () => {
    const r = applyOverlay(readJson(TESTBY), sue, { indicators: sueIndicators });
    expect(r.violations).toEqual([]);
    expect(lintSchema(r.schema)).toEqual([]);
    expect(r.schema!.$id).toBe("https://blankett.example/schemas/sue/1.0.0/variants/testby");
  });
});

describe("overlays with nothing but identity", () => {
  it("an empty overlay gives the base with the variant's identity", () => {
    const r = applyOverlay(fiaOverlay(), fia);
    expect(lintSchema(r.schema)).toEqual([]);
    const { $id, title, $comment, "x-instrument": _i, $defs, properties, ...rest } = r.schema!;
    const { $id: _a, title: _b, "x-instrument": _c, $defs: baseDefs, properties: baseProps, ...baseRest } = fia;
    expect(rest).toEqual(baseRest);
    expect(properties).toEqual(baseProps);
    expect(Object.keys($defs as object)).toEqual(Object.keys(baseDefs as object));
  });

  it("a local item with an unknown hint fails lint, pointed at the item in the overlay", () => {
    const r = applyOverlay(fiaOverlay({ addItems: [{ key: "tolk", schema: { type: "boolean", "x-ui": { widgit: "radio" } } }] }), fia);
    expect(r.schema).toBeUndefined();
    expect(r.violations.map((v) => `${v.pointer} ${v.rule}`)).toEqual(["/addItems/0/schema/x-ui lint"]);
    expect(r.violations[0]!.message).toContain("widget");
  });
});

describe("a change at one path does not leak to other users of a shared definition", () => {
  const adress = {
    type: "object",
    title: "Adress",
    additionalProperties: false,
    properties: { gata: { type: "string", title: "Gata" }, ort: { type: "string", title: "Ort" }, land: { type: "string", title: "Land" } },
    "x-ui": { order: ["gata", "ort", "land"] },
  };
  const base = demo("1.0.0", { hem: { $ref: "#/$defs/adress", title: "Hemadress" }, jobb: { $ref: "#/$defs/adress", title: "Arbetsplats" } }, [], [], { adress });
  const before = structuredClone(base);
  const r = applyOverlay(
    { name: "delad", title: "Delad", base: "demo@1.0.0", hide: ["del.hem.land"], relabel: { "del.hem.ort": "Postort" }, reorder: { "del.hem": ["ort"] } },
    base,
  );
  const s = r.schema!;

  it("applies lint-clean", () => {
    expect(r.violations).toEqual([]);
    expect(lintSchema(s)).toEqual([]);
    expect(base).toEqual(before);
  });

  it("the changed path gets its own copy; the other keeps the national definition", () => {
    expect(Object.keys(schemaAt(s, "/del/hem")!.properties as object)).toEqual(["gata", "ort"]);
    expect(schemaAt(s, "/del/hem/ort")!.title).toBe("Postort");
    expect(uiOf(schemaAt(s, "/del/hem")).order).toEqual(["ort", "gata"]);
    expect(Object.keys(schemaAt(s, "/del/jobb")!.properties as object)).toEqual(["gata", "ort", "land"]);
    expect(schemaAt(s, "/del/jobb/ort")!.title).toBe("Ort");
    expect(uiOf(schemaAt(s, "/del/jobb")).order).toEqual(["gata", "ort", "land"]);
    expect((s.$defs as Record<string, unknown>).adress).toEqual(adress);
  });
});
