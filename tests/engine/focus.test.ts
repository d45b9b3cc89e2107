import { describe, expect, it } from "vitest";
import { buildFormModel, fieldId, firstControlId, type JsonSchema } from "../../engine/runtime.ts";

const schema: JsonSchema = {
  $id: "https://example.org/t/1.0.0",
  type: "object",
  "x-instrument": { name: "t", version: "1.0.0" },
  properties: {
    person: {
      type: "object",
      title: "Person",
      properties: { namn: { type: "string", title: "Namn" }, alder: { type: "integer", title: "Ålder" } },
    },
    rader: {
      type: "array",
      title: "Rader",
      items: {
        type: "object",
        title: "Rad",
        properties: {
          adress: { type: "object", title: "Adress", properties: { gata: { type: "string", title: "Gata" } } },
        },
      },
    },
  },
};

describe("firstControlId (where an error link leads)", () => {
  const model = buildFormModel(schema);
  const person = model.sections.find((s) => s.key === "person")!;
  const rader = model.sections.find((s) => s.key === "rader")!;

  it("a group leads to its first shown field", () => {
    expect(firstControlId(person, ["person"], {}, new Set())).toBe(fieldId("/person/namn"));
    expect(firstControlId(person, ["person"], {}, new Set(["/person/namn"]))).toBe(fieldId("/person/alder"));
    expect(firstControlId(person, ["person"], {}, new Set(["/person"]))).toBeUndefined();
  });

  it("a table leads to the first shown field of its rows (through groups in a row), else to its add button", () => {
    expect(firstControlId(rader, ["rader"], { rader: [] }, new Set())).toBe(fieldId("/rader") + "-add");
    const doc = { rader: [{}, {}] };
    expect(firstControlId(rader, ["rader"], doc, new Set())).toBe(fieldId("/rader/0/adress/gata"));
    expect(firstControlId(rader, ["rader"], doc, new Set(["/rader/0/adress"]))).toBe(fieldId("/rader/1/adress/gata"));
  });
});
