import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { FIXTURES, readJson } from "../helpers.ts";
import { validatorFor, type JsonSchema } from "../../engine/compiler.ts";
import { buildFormModel } from "../../engine/form/model.ts";
import { checkVariant, explainViolation } from "../../engine/overlay/overlay.ts";
import { rebaseOverlay } from "../../engine/overlay/rebase.ts";
import { brief, demo, fia, fiaOverlay, sue, sueIndicators, sueOverlay } from "./helpers.ts";

/** What the variant studio needs of the format: local conditions, local tables, local defaults. */

function interview(variant = "test"): Record<string, any> {
  const doc = readJson<Record<string, any>>(join(FIXTURES, "fia/valid/interview-1.json"));
  doc.meta.variant = variant;
  return doc;
}

const localSchema = (schema: unknown) => (schema as any).$defs.lokalt as JsonSchema;

describe("local items: conditions and defaults", () => {
  const tolk = { key: "tolkBehovs", schema: { type: "boolean", title: "Behövs tolk?", default: false } };
  const sprak = {
    key: "tolkSprak",
    schema: { type: "string", maxLength: 100, title: "Vilket språk?", "x-ui": { visibleWhen: { "==": [{ var: "lokalt.tolkBehovs" }, true] } } },
  };
  const efterNational = {
    key: "hotOmfattning",
    schema: { type: "string", maxLength: 200, title: "Beskriv", "x-ui": { visibleWhen: { "==": [{ var: "livssituation.overgreppTvang.fysisktVald.nagonsin" }, true] } } },
  };

  it("a local condition may read another local item and a national answer; a local default is kept", () => {
    const r = checkVariant(fiaOverlay({ addItems: [tolk, sprak, efterNational] }), fia);
    expect(r.violations).toEqual([]);
    const props = localSchema(r.schema).properties as Record<string, any>;
    expect(props.tolkBehovs.default).toBe(false);
    expect(props.tolkSprak["x-ui"].visibleWhen).toEqual(sprak.schema["x-ui"].visibleWhen);
    expect(props.hotOmfattning["x-ui"].visibleWhen).toEqual(efterNational.schema["x-ui"].visibleWhen);
  });

  it("a local condition reading a path that does not exist is a violation (lint, pointing at the item)", () => {
    const broken = { key: "x", schema: { type: "string", title: "X", "x-ui": { visibleWhen: { "==": [{ var: "lokalt.finnsInte" }, true] } } } };
    const v = checkVariant(fiaOverlay({ addItems: [tolk, broken] }), fia).violations;
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.rule === "lint" && x.pointer.startsWith("/addItems/1/schema"))).toBe(true);
    expect(v.map((x) => x.message).join()).toContain("lokalt.finnsInte");
  });

  it("a local condition comparing with a value of the wrong type is a violation too", () => {
    const broken = { key: "x", schema: { type: "string", title: "X", "x-ui": { visibleWhen: { "==": [{ var: "lokalt.tolkBehovs" }, "ja"] } } } };
    const v = checkVariant(fiaOverlay({ addItems: [tolk, broken] }), fia).violations;
    expect(brief(v).every((b) => b.startsWith("/addItems/1/schema") && b.endsWith(" lint"))).toBe(true);
  });

  it("hiding a national item that a local condition reads is refused (dolj-villkor)", () => {
    // nagonsin is optional, unscored, and read only by senasteAret's condition: hide both nationally...
    const both = ["livssituation.overgreppTvang.fysisktVald.nagonsin", "livssituation.overgreppTvang.fysisktVald.senasteAret"];
    expect(checkVariant(fiaOverlay({ hide: both }), fia).violations).toEqual([]);
    // ...and a local item whose condition reads nagonsin makes that hide a violation.
    const v = checkVariant(fiaOverlay({ hide: both, addItems: [efterNational] }), fia).violations;
    expect(brief(v)).toEqual(["/hide/0 dolj-villkor"]);
    expect(v[0]!.message).toContain("lokalt.hotOmfattning");
    expect(v[0]!.dependent).toBe("lokalt.hotOmfattning");
    expect(explainViolation(v[0]!, fia).why).toContain("”Beskriv” visas bara beroende på svaret på ”Har du någon gång blivit utsatt för fysiskt våld?”");
  });
});

describe("a local table of rows", () => {
  const kontakter = {
    key: "kontakter",
    schema: {
      type: "array",
      title: "Kontakter med andra myndigheter",
      maxItems: 20,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["myndighet"],
        properties: {
          myndighet: { type: "string", maxLength: 100, title: "Myndighet" },
          datum: { type: "string", format: "date", title: "Datum" },
          ringt: { type: "boolean", title: "Har vi ringt?" },
        },
      },
      "x-ui": { widget: "table", columns: ["myndighet", "datum"], rowLabel: "Kontakt" },
    },
  };

  it("applies, and the form model draws it as a table with its columns", () => {
    const r = checkVariant(fiaOverlay({ addItems: [kontakter] }), fia);
    expect(r.violations).toEqual([]);
    const local = buildFormModel(r.schema!).sections.find((s) => s.key === "lokalt")!;
    const table = local.children!.find((c) => c.key === "kontakter")!;
    expect(table).toMatchObject({ kind: "table", widget: "table", rowLabel: "Kontakt" });
  });

  it("validates: rows with their fields pass, a row without its required field or with an unknown field does not", () => {
    const schema = checkVariant(fiaOverlay({ addItems: [kontakter] }), fia).schema!;
    const validator = validatorFor(schema);
    const doc = interview();
    doc.lokalt = { kontakter: [{ myndighet: "Arbetsförmedlingen", datum: "2024-03-01" }, { myndighet: "Försäkringskassan", ringt: true }] };
    expect(validator.validate(doc).errors).toEqual([]);
    doc.lokalt.kontakter[1] = { datum: "2024-03-02", okand: 1 };
    expect(validator.validate(doc).errors.map((e) => e.pointer).sort()).toEqual(["/lokalt/kontakter/1/myndighet", "/lokalt/kontakter/1/okand"]);
  });

  it("a column that is not a field of the rows is a violation (lint)", () => {
    const wrong = structuredClone(kontakter);
    wrong.schema["x-ui"].columns = ["myndighet", "telefon"];
    expect(brief(checkVariant(fiaOverlay({ addItems: [wrong] }), fia).violations)).toEqual(["/addItems/0/schema/x-ui/columns lint"]);
  });

  it("rows without additionalProperties: false are refused", () => {
    const open = structuredClone(kontakter) as any;
    delete open.schema.items.additionalProperties;
    expect(brief(checkVariant(fiaOverlay({ addItems: [open] }), fia).violations)).toEqual(["/addItems/0/schema/items lokalt-schema"]);
  });
});

describe("defaults: a local default answer for an optional national item", () => {
  it("is written into the effective schema as the item's default", () => {
    const r = checkVariant(fiaOverlay({ defaults: { "intervju.intervjuare": "Mottagningsgruppen" } }), fia);
    expect(r.violations).toEqual([]);
    const intervju = (r.schema as any).$defs.intervju.properties.intervjuare;
    expect(intervju.default).toBe("Mottagningsgruppen");
    expect((fia as any).$defs.intervju.properties.intervjuare.default).toBeUndefined();
  });

  it("a value that is not a valid answer is refused (standardvarde)", () => {
    expect(brief(checkVariant(fiaOverlay({ defaults: { "intervju.intervjuare": 5 } }), fia).violations)).toEqual(["/defaults/intervju.intervjuare standardvarde"]);
    expect(brief(checkVariant(fiaOverlay({ defaults: { "intervju.intervjuare": "x".repeat(500) } }), fia).violations)).toEqual(["/defaults/intervju.intervjuare standardvarde"]);
  });

  it("a required item cannot get a default (standardvarde)", () => {
    expect(brief(checkVariant(fiaOverlay({ defaults: { "bedomning.motivering": "Se journal" } }), fia).violations)).toEqual(["/defaults/bedomning.motivering standardvarde"]);
  });

  it("a scored item is refused (standard-poangsatt), also when only an indicator reads it", () => {
    const v = checkVariant(fiaOverlay({ defaults: { "arbete.arbetslivserfarenhetAr": 3 } }), fia).violations;
    expect(brief(v)).toEqual(["/defaults/arbete.arbetslivserfarenhetAr standard-poangsatt"]);
    expect(v[0]!.reader).toMatchObject({ kind: "rule", id: "indikationArbete" });
    const onSue = checkVariant(sueOverlay({ defaults: { "foreInsats.forstaKontakt": "2024-01-01" } }), sue, { indicators: sueIndicators }).violations;
    expect(brief(onSue)).toEqual(["/defaults/foreInsats.forstaKontakt standard-poangsatt"]);
  });

  it("meta, groups, local items, unknown paths and hidden items are refused", () => {
    const v = checkVariant(
      fiaOverlay({
        hide: ["intervju.intervjuare"],
        addItems: [{ key: "tolk", schema: { type: "boolean" } }],
        defaults: { "meta.variant": "x", intervju: {}, "lokalt.tolk": true, "intervju.finnsInte": 1, "intervju.intervjuare": "A" },
      }),
      fia,
    ).violations;
    expect(brief(v)).toEqual([
      "/defaults/meta.variant meta",
      "/defaults/intervju sokvag",
      "/defaults/lokalt.tolk sokvag",
      "/defaults/intervju.finnsInte sokvag",
      "/defaults/intervju.intervjuare motstridiga",
    ]);
  });

  it("with restricted options, the default must be one of the kept codes", () => {
    const base = demo("1.0.0", { val: { type: "string", title: "Val", enum: ["a", "b", "c"] } }, []);
    const overlay = (value: unknown) => ({ name: "test", title: "T", base: "demo@1.0.0", restrictOptions: { "del.val": ["a", "b"] }, defaults: { "del.val": value } });
    expect(checkVariant(overlay("b"), base).violations).toEqual([]);
    expect(brief(checkVariant(overlay("c"), base).violations)).toEqual(["/defaults/del.val standardvarde"]);
    expect((checkVariant(overlay("b"), base).schema as any).$defs.del.properties.val.default).toBe("b");
  });

  it("the format: defaults is an object of paths", () => {
    expect(brief(checkVariant({ ...fiaOverlay(), defaults: ["intervju.intervjuare"] }, fia).violations)).toEqual(["/defaults format"]);
  });

  it("rebase: a default whose item is gone, changed type, became required or scored is a conflict", () => {
    const v1 = demo("1.0.0", { a: { type: "string" }, b: { type: "string" }, c: { type: "string" }, d: { type: "string" } }, []);
    const v2 = demo("2.0.0", { b: { type: "integer" }, c: { type: "string" }, d: { type: "string" } }, ["c"], [{ id: "r", kind: "value", title: "R", expr: { var: "del.d" } }]);
    const overlay = { name: "test", title: "T", base: "demo@1.0.0", defaults: { "del.a": "x", "del.b": "x", "del.c": "x", "del.d": "x" } };
    expect(checkVariant(overlay, v1).violations).toEqual([]);
    const r = rebaseOverlay(overlay, v1, v2);
    expect(r.schema).toBeUndefined();
    expect(brief(r.violations)).toEqual([
      "/defaults/del.a konflikt-saknas",
      "/defaults/del.b konflikt-typ",
      "/defaults/del.c konflikt-obligatorisk",
      "/defaults/del.d konflikt-poangsatt",
    ]);
  });
});
