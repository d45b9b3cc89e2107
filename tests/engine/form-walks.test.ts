import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readdirSync } from "node:fs";
import { buildFormModel, computeFormState, evaluateCondition, formOrder, getIn, hiddenPointers, pointerOf, type FormNode, type JsonSchema } from "../../engine/compiler.ts";
import { FIXTURES, readJson, schema } from "../helpers.ts";

/**
 * The form walks (visibility, form order) run on every keystroke, so they build pointers from
 * each node's pointer computed once instead of escaping every path again. These references are
 * the plain definition — the pointer of the whole answer path of every node, rows expanded — and
 * the walks must agree with them on real answers and on keys that need escaping.
 */
type Path = (string | number)[];

function referenceHidden(s: JsonSchema, doc: unknown): string[] {
  const out: string[] = [];
  const visit = (nodes: FormNode[], base: Path, row: unknown) => {
    for (const node of nodes) {
      const path = [...base, ...node.path];
      if (node.visibleWhen !== undefined && !evaluateCondition(node.visibleWhen, doc, node.inRow ? row : undefined)) {
        out.push(pointerOf(path));
        continue;
      }
      if (node.kind === "group" && node.children) visit(node.children, node.inRow ? base : [], row);
      const rows = node.kind === "table" ? getIn(doc, path) : undefined;
      if (Array.isArray(rows)) rows.forEach((r, i) => visit(node.children ?? [], [...path, i], r));
    }
  };
  visit(buildFormModel(s).sections, [], undefined);
  return out;
}

function referenceOrder(s: JsonSchema, doc: unknown): string[] {
  const out: string[] = [];
  const visit = (nodes: FormNode[], base: Path) => {
    for (const node of nodes) {
      const path = [...base, ...node.path];
      out.push(pointerOf(path));
      if (node.kind === "group" && node.children) visit(node.children, node.inRow ? base : []);
      const rows = node.kind === "table" ? getIn(doc, path) : undefined;
      if (Array.isArray(rows)) rows.forEach((_, i) => visit(node.children ?? [], [...path, i]));
    }
  };
  visit(buildFormModel(s).sections, []);
  return out;
}

/** Keys that JSON Pointer escapes, a table inside a table row, a plain list, row conditions. */
const odd: JsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://blankett.example/schemas/test-walks/1.0.0",
  title: "Gångar",
  "x-instrument": { name: "test-walks", version: "1.0.0", title: "Gångar" },
  type: "object",
  properties: {
    meta: { type: "object" },
    "a/b": {
      type: "object",
      title: "A/B",
      properties: {
        "c~d": { type: "string", title: "C~D", minLength: 2 },
        visa: { type: "boolean", title: "Visa" },
        dold: { type: "string", title: "Dold", minLength: 5, "x-ui": { visibleWhen: { "==": [{ var: "a/b.visa" }, true] } } },
      },
    },
    rader: {
      type: "array",
      title: "Rader",
      items: {
        type: "object",
        properties: {
          typ: { type: "string", title: "Typ", enum: ["x", "y"] },
          "e/f": { type: "string", title: "E/F", "x-ui": { visibleWhen: { "==": [{ var: "row.typ" }, "x"] } } },
          inre: { type: "array", title: "Inre", items: { type: "object", properties: { g: { type: "string", title: "G", minLength: 3 } } } },
          lista: { type: "array", title: "Lista", items: { type: "string", title: "Värde", minLength: 2 } },
        },
      },
    },
    s: {
      type: "object",
      title: "S",
      properties: {
        flagga: { type: "boolean", title: "Flagga" },
        a: {
          type: "object",
          title: "A",
          required: ["x"],
          properties: { x: { type: "string", title: "X" } },
          "x-ui": { visibleWhen: { "==": [{ var: "s.flagga" }, true] } },
        },
        ab: { type: "string", title: "AB", minLength: 3 },
      },
    },
  },
};

const oddDoc = {
  meta: { schema: "test-walks@1.0.0" },
  "a/b": { "c~d": "1", visa: false, dold: "x" },
  rader: [
    { typ: "x", "e/f": "1", inre: [{ g: "1" }, { g: "22" }], lista: ["1", "ok"] },
    { typ: "y", "e/f": "2", inre: [], lista: ["2"] },
  ],
  s: { flagga: false, a: {}, ab: "x" },
};

describe("form walks", () => {
  it("give the pointers of the plain definition, escaped keys and rows inside rows included", () => {
    expect(hiddenPointers(odd, oddDoc).size).toBeGreaterThan(0);
    expect([...hiddenPointers(odd, oddDoc)]).toEqual(referenceHidden(odd, oddDoc));
    expect([...hiddenPointers(odd, oddDoc)]).toEqual(["/a~1b/dold", "/rader/1/e~1f", "/s/a"]);
    expect(formOrder(odd, oddDoc)).toEqual(referenceOrder(odd, oddDoc));
    expect(formOrder(odd, oddDoc)).toContain("/rader/0/inre/1/g");
    expect(formOrder(odd, oddDoc)).toContain("/rader/0/lista/1");
  });

  it("agree with the plain definition on every fixture of every instrument", () => {
    let checked = 0;
    for (const name of ["fia", "sue", "barnahuslogg"]) {
      const s = schema(name);
      for (const kind of ["valid", "invalid", "draft"]) {
        let files: string[] = [];
        try {
          files = readdirSync(join(FIXTURES, name, kind)).filter((f) => f.endsWith(".json"));
        } catch {
          continue;
        }
        for (const file of files) {
          const doc = readJson<unknown>(join(FIXTURES, name, kind, file));
          expect([...hiddenPointers(s, doc)], `${name}/${kind}/${file}`).toEqual(referenceHidden(s, doc));
          expect(formOrder(s, doc), `${name}/${kind}/${file}`).toEqual(referenceOrder(s, doc));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("leave out errors inside a hidden question, not those of a neighbour whose key starts the same", () => {
    const state = computeFormState(odd, oddDoc, { submitted: true });
    const pointers = state.allErrors.map((e) => e.pointer);
    // /s/a is hidden: its missing x is no error now; /s/ab is another question.
    expect(pointers).not.toContain("/s/a/x");
    expect(pointers).toContain("/s/ab");
    // Hidden /a~1b/dold (too short) is left out; its shown sibling c~d is not.
    expect(pointers).not.toContain("/a~1b/dold");
    expect(pointers).toContain("/a~1b/c~0d");
    // In form order: a/b before the rows, rows in order, s last.
    // ("1" and "22" are shorter than g's 3 characters, "1" and "2" than a list value's 2.)
    expect(pointers).toEqual(["/a~1b/c~0d", "/rader/0/inre/0/g", "/rader/0/inre/1/g", "/rader/0/lista/0", "/rader/1/lista/0", "/s/ab"]);
    expect(state.errorCount).toBe(6);
    const shown = computeFormState(odd, { ...oddDoc, s: { flagga: true, a: {}, ab: "x" } }, { submitted: true });
    expect(shown.allErrors.map((e) => e.pointer)).toContain("/s/a/x");
  });
});
