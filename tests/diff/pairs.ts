import type { JsonSchema } from "../../engine/schema/types.ts";

/**
 * A small hand-made instrument ("prov") for diff tests: one section behind a $ref, an optional
 * group, a shared option scale in $defs, a multiple choice, a pattern, a rule and checks.
 */
export function base(version = "1.0.0"): JsonSchema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://blankett.example/schemas/prov/${version}`,
    title: "Prov",
    description: "A test instrument.",
    "x-instrument": { name: "prov", version, title: "Prov" },
    type: "object",
    additionalProperties: false,
    required: ["meta", "del"],
    properties: {
      meta: { $ref: "#/$defs/meta" },
      del: { $ref: "#/$defs/del" },
      extra: { $ref: "#/$defs/extra" },
    },
    "x-ui": { order: ["meta", "del", "extra"] },
    "x-rules": [
      { id: "summa", kind: "value", title: "Summa", expr: { "+": [{ var: "del.antal" }, 1] } },
      {
        id: "rimligtAntal",
        kind: "check",
        severity: "warning",
        title: "Rimligt antal",
        assert: { "<": [{ var: "del.antal" }, 50] },
        message: "Antalet är högt.",
        pointer: "/del/antal",
      },
      {
        id: "kodKravs",
        kind: "check",
        severity: "error",
        title: "Kod krävs vid ofta",
        when: { "==": [{ var: "del.svar" }, "ofta"] },
        assert: { "!!": [{ var: "del.kod" }] },
        message: "Ange en kod.",
        pointer: "/del/kod",
      },
    ],
    $defs: {
      meta: {
        type: "object",
        additionalProperties: false,
        required: ["schema"],
        properties: {
          schema: { const: `prov@${version}`, title: "Schemaversion" },
          status: { oneOf: [{ const: "draft", title: "Utkast" }, { const: "complete", title: "Klar" }], title: "Status" },
        },
      },
      del: {
        type: "object",
        title: "Del ett",
        description: "The first part.",
        additionalProperties: false,
        required: ["svar"],
        properties: {
          svar: { $ref: "#/$defs/skala", title: "Hur ofta?", "x-ui": { widget: "radio", help: "Välj ett alternativ." } },
          antal: { type: "integer", minimum: 0, maximum: 100, title: "Antal", "x-ui": { unit: "dagar", widget: "number" } },
          text: {
            type: "string",
            maxLength: 200,
            title: "Fritext",
            "x-ui": { widget: "textarea", placeholder: "Skriv här", visibleWhen: { "==": [{ var: "del.svar" }, "ofta"] } },
          },
          val: {
            type: "array",
            title: "Välj det som passar",
            uniqueItems: true,
            maxItems: 3,
            items: { type: "string", oneOf: [{ const: "a", title: "A" }, { const: "b", title: "B" }, { const: "c", title: "C" }] },
          },
          kod: { type: "string", pattern: "^[A-Z]{2}$", title: "Kod" },
        },
        "x-ui": { order: ["svar", "antal", "text", "val", "kod"] },
      },
      extra: {
        type: "object",
        title: "Extra",
        additionalProperties: false,
        properties: {
          notis: { type: "string", maxLength: 100, title: "Notis" },
          datum: { type: "string", format: "date", title: "Datum" },
        },
      },
      skala: {
        type: "string",
        title: "Frekvens",
        oneOf: [
          { const: "ofta", title: "Ofta" },
          { const: "ibland", title: "Ibland" },
          { const: "aldrig", title: "Aldrig" },
        ],
      },
    },
  };
}

type Defs = Record<string, JsonSchema & { properties: Record<string, JsonSchema>; required?: string[] }>;

/** A copy of the base at a new version (id, x-instrument and meta stamp agree), changed by `edit`. */
export function changed(version: string, edit: (s: JsonSchema, defs: Defs) => void): JsonSchema {
  const s = base(version);
  edit(s, s.$defs as Defs);
  return s;
}
