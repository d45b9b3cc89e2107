/**
 * A table's fields are compiled once per item (engine/rules/logic/itemRoot.ts) unless an
 * expression reads `item` whole or computes a path at run time; then the fields read a bound
 * `{code, label, value}` object per row, as before. Both ways must give the same rows: here the
 * same fields run both ways (a field reading `item` whole forces the bound object) over answers
 * of every shape, and the rows are compared with the second way's extra field left out.
 */
import { describe, expect, it } from "vitest";
import { CompiledRules } from "../../engine/rules/evaluate.ts";
import { itemsKnownStatically } from "../../engine/rules/logic/itemRoot.ts";
import type { RuleDefinition } from "../../engine/compiler.ts";

const each = [
  { code: "boende", label: "Boende", path: "a.boende" },
  { code: "skulder", label: "Skulder", path: "a.skulder" },
  { code: "length", label: "Längd", path: "a.djup.length" },
  { code: "halsa", label: "Hälsa", path: "@.tidigare" },
];

/** Fields that read the item every way a literal path can. */
const fields: Record<string, unknown> = {
  kod: { var: "item.code" },
  kodlangd: { var: "item.code.length" },
  etikett: { var: "item.label" },
  annat: { var: ["item.annat", "saknas"] },
  varde: { var: "item.value" },
  omfattning: { var: "item.value.omfattning" },
  djup: { var: "item.value.x.y" },
  noll: { var: "item.value.0" },
  proto: { var: "item.value.constructor" },
  galler: { in: [{ var: "item.value.omfattning" }, ["stor", "viss"]] },
  rang: { if: [{ in: [{ var: "item.code" }, { var: "ordning" }] }, { "+": [{ index_of: [{ var: "ordning" }, { var: "item.code" }] }, 1] }, null] },
  antal: { count: { filter: [{ var: "item.value.lista" }, { "==": [{ var: "" }, "x"] }] } },
  standard: { var: ["item.value.saknas", { var: "item.code" }] },
  tidigare: { var: "@.tidigare" },
};

function rules(extra: Record<string, unknown>): CompiledRules {
  const defs = [
    { id: "tidigare", kind: "value", title: "Tidigare", expr: { var: "a.tidigare" } },
    { id: "t", kind: "table", title: "Tabell", each, fields: { ...fields, ...extra } },
  ] as RuleDefinition[];
  return new CompiledRules(defs);
}

const answers: unknown[] = [
  undefined,
  null,
  "stor",
  "",
  0,
  7,
  true,
  [],
  ["x", "y", "x"],
  {},
  { omfattning: "stor" },
  { omfattning: "viss", x: { y: 3 }, lista: ["x", "x", "z"] },
  { omfattning: null, x: "text", lista: "x" },
  { omfattning: ["stor"], x: { y: null }, 0: "noll" },
  { constructor: "eget", omfattning: "ingen" },
];

/** Documents with each shape of answer at each item's path, and the ranking present, absent or odd. */
function documents(): unknown[] {
  const docs: unknown[] = [{}, null, [], "text"];
  answers.forEach((answer, i) => {
    const a: Record<string, unknown> = { boende: answer, skulder: answers[(i + 3) % answers.length], djup: answer, tidigare: answers[(i + 5) % answers.length] };
    docs.push({ a, ordning: ["skulder", "length", "boende"] });
    docs.push({ a, ordning: i % 2 ? "skulder" : null });
    docs.push({ a: answer });
  });
  return docs;
}

describe("table fields compiled per item", () => {
  it("are compiled per item only when nothing reads the item whole or computes a path", () => {
    expect(itemsKnownStatically(Object.values(fields))).toBe(true);
    expect(itemsKnownStatically([{ var: "item" }])).toBe(false);
    expect(itemsKnownStatically([{ var: "" }])).toBe(false);
    expect(itemsKnownStatically([{ var: [{ cat: ["item.", "code"] }] }])).toBe(false);
    expect(itemsKnownStatically([{ missing: ["item.value"] }])).toBe(false);
    expect(itemsKnownStatically([{ missing_some: [1, ["item.value"]] }])).toBe(false);
    expect(itemsKnownStatically([{ "!": { var: true } }])).toBe(false);
    // A body of map/filter reads list elements, not the bound names: `var ""` there is fine.
    expect(itemsKnownStatically([{ map: [{ var: "item.value" }, { var: "" }] }])).toBe(true);
    expect(itemsKnownStatically([{ map: [{ var: "" }, { var: "x" }] }])).toBe(false);
  });

  it("give the same rows as fields reading a bound item object, on answers of every shape", () => {
    const perItem = rules({});
    const bound = rules({ helt: { var: "item" } });
    let rows = 0;
    for (const doc of documents()) {
      for (const explain of [false, true]) {
        const a = perItem.run(doc, { explain });
        const b = bound.run(doc, { explain });
        const withoutWhole = (b.results[1]!.value as Array<Record<string, unknown>>).map(({ helt, ...rest }) => {
          // The bound object is the item as the row saw it: its value is what `varde` read.
          expect(helt).toEqual({ code: rest.kod, label: rest.etikett, value: rest.varde });
          return rest;
        });
        expect(a.results[1]!.value).toEqual(withoutWhole);
        expect(JSON.stringify(a.results[1]!.value)).toBe(JSON.stringify(withoutWhole));
        rows += withoutWhole.length;
      }
    }
    expect(rows).toBe(documents().length * 2 * each.length);
  });

  it("read what the item holds (worked by hand)", () => {
    const doc = { a: { boende: { omfattning: "viss", x: { y: 3 }, lista: ["x", "z", "x"] }, djup: { omfattning: "stor" }, tidigare: 5 }, ordning: ["length", "boende"] };
    const [boende, skulder, length, halsa] = perItem().run(doc, { explain: false }).results[1]!.value as Array<Record<string, unknown>>;
    expect(boende).toMatchObject({ code: "boende", kod: "boende", kodlangd: 6, etikett: "Boende", annat: "saknas", omfattning: "viss", djup: 3, galler: true, rang: 2, antal: 2, standard: "boende", tidigare: 5 });
    expect(skulder).toMatchObject({ varde: null, omfattning: null, galler: false, rang: null, antal: 0, standard: "skulder" });
    // The item's path `a.djup.length` is read own properties only: an object has no own `length`.
    expect(length).toMatchObject({ varde: null, rang: 1, kodlangd: 6 });
    // `@.tidigare` is an earlier rule's result (5): a number has no `omfattning`.
    expect(halsa).toMatchObject({ varde: 5, omfattning: null, proto: null });
  });
});

function perItem(): CompiledRules {
  return rules({});
}
