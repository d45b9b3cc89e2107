import { describe, expect, it } from "vitest";
import { lintSchema, type JsonSchema } from "../../engine/compiler.ts";
import { SCHEMA_LIMITS } from "../../engine/schema/traverse.ts";
import { INSTRUMENTS, schema } from "../helpers.ts";

function base(): JsonSchema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://blankett.example/schemas/prov/1.0.0",
    "x-instrument": { name: "prov", version: "1.0.0", title: "Prov" },
    type: "object",
    additionalProperties: false,
    required: ["meta"],
    properties: {
      meta: { type: "object", additionalProperties: false, properties: { schema: { const: "prov@1.0.0" } } },
      fraga: { type: "string", title: "Fråga", "x-ui": { widget: "textarea", help: "Skriv fritt" } },
    },
  };
}

describe("blankett lint", () => {
  it.each(INSTRUMENTS)("passes the %s schema", (name) => {
    expect(lintSchema(schema(name), { fileName: `schemas/${name}/1.0.0.schema.json` })).toEqual([]);
  });

  it("passes a minimal correct schema", () => {
    expect(lintSchema(base())).toEqual([]);
  });

  it("rejects a misspelled hint and suggests the right one", () => {
    const s = base();
    (s.properties as any).fraga["x-ui"] = { widgt: "textarea" };
    expect(lintSchema(s)).toEqual([{ at: "/properties/fraga/x-ui", message: "Okänd hint ”widgt” i x-ui — menade du ”widget”?" }]);
  });

  it("rejects a hint of the wrong type or value", () => {
    const s = base();
    (s.properties as any).fraga["x-ui"] = { rows: "tre", widget: "slider" };
    const messages = lintSchema(s).map((i) => i.message);
    expect(messages).toContain("x-ui.rows har fel typ: ska vara integer");
    expect(messages.some((m) => m.startsWith("x-ui.widget måste vara ett av: text, textarea"))).toBe(true);
  });

  it("rejects a misspelled keyword, hint keyword included", () => {
    const s = base();
    (s.properties as any).fraga = { type: "string", titel: "Fråga", "x-iu": {} };
    const messages = lintSchema(s).map((i) => i.message);
    expect(messages).toContain("Okänt nyckelord ”titel” — menade du ”title”?");
    expect(messages).toContain("Okänt nyckelord ”x-iu” — menade du ”x-ui”?");
  });

  it("rejects hints that name fields that do not exist", () => {
    const s = base();
    (s as any)["x-ui"] = { order: ["meta", "fragan"], visibleWhen: { "==": [{ var: "fraga.saknas" }, 1] } };
    const messages = lintSchema(s).map((i) => i.message);
    expect(messages).toContain("x-ui.order nämner ”fragan”, som inte är en egenskap här");
    expect(messages).toContain("Villkoret läser ”fraga.saknas”, som inte finns i schemat");
  });

  it("rejects a remote $ref and an identity that does not agree with itself", () => {
    const s = base();
    (s.properties as any).fraga = { $ref: "https://evil.example/fraga.json" };
    (s as any)["x-instrument"].version = "1.1.0";
    const messages = lintSchema(s, { fileName: "schemas/prov/2.0.0.schema.json" }).map((i) => i.message);
    expect(messages).toContain("Endast lokala $ref stöds: https://evil.example/fraga.json");
    expect(messages).toContain("x-instrument (prov@1.1.0) stämmer inte med $id (prov@1.0.0)");
    expect(messages).toContain("Filnamnet schemas/prov/2.0.0.schema.json stämmer inte med $id (prov/1.0.0.schema.json)");
  });

  it("stops at hostile nesting instead of overflowing the stack", () => {
    let node: JsonSchema = { type: "string" };
    for (let i = 0; i < 5000; i++) node = { type: "object", properties: { a: node } };
    const s = base();
    (s.properties as any).fraga = node;
    expect(lintSchema(s).some((i) => i.message.includes(`djupare än ${SCHEMA_LIMITS.maxDepth} nivåer`))).toBe(true);
  });
});
