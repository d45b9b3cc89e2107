import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { migrate } from "../../engine/migrate/migrate.ts";
import { generated, migrations, validator } from "./helpers.ts";
import { track } from "./track.ts";

const FIA = migrations("fia");
const BL = migrations("barnahuslogg");
const fia10 = generated("fia@1.0.0", 100, 99);
const bl10 = generated("barnahuslogg@1.0.0", 50, 99);

type Node = Record<string, unknown> | unknown[];

/** Every place in a document (objects' properties and list items), with its parent. */
function places(doc: unknown): Array<{ parent: Node; key: string | number }> {
  const out: Array<{ parent: Node; key: string | number }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (out.push({ parent: node, key: i }), walk(v)));
    else if (node !== null && typeof node === "object") {
      for (const k of Object.keys(node)) {
        out.push({ parent: node as Record<string, unknown>, key: k });
        walk((node as Record<string, unknown>)[k]);
      }
    }
  };
  walk(doc);
  return out;
}

const objectsIn = (doc: unknown) => places(doc).filter((p) => !Array.isArray(p.parent)).map((p) => p.parent as Record<string, unknown>);

interface Change {
  kind: "delete" | "replace" | "add";
  pick: number;
  key: string;
  value: unknown;
}

/** Random answers removed, replaced by any JSON, or added under any key (also "__proto__"), as JSON.parse would hold them. */
function mutate(source: Record<string, unknown>, changes: Change[]): Record<string, unknown> {
  const doc = structuredClone(source);
  for (const c of changes) {
    const all = places(doc).filter((p) => !(p.parent === doc && p.key === "meta") && !(p.key === "schema"));
    if (c.kind === "add") {
      const objs = [doc, ...objectsIn(doc)];
      Object.defineProperty(objs[c.pick % objs.length]!, c.key, { value: c.value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    if (all.length === 0) continue;
    const p = all[c.pick % all.length]!;
    if (c.kind === "replace") (p.parent as Record<string | number, unknown>)[p.key] = c.value;
    else if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
    else delete p.parent[p.key as string];
  }
  return doc;
}

const key = fc.oneof(fc.constantFrom("__proto__", "constructor", "halsa", "kommentar", "omfattning", "x"), fc.string({ maxLength: 8 }));
const change: fc.Arbitrary<Change> = fc.record({
  kind: fc.constantFrom("delete", "replace", "add"),
  pick: fc.nat(),
  key,
  value: fc.jsonValue({ maxDepth: 2 }),
});

describe("property: a migration never loses a value without reporting it", () => {
  it("FIA 1.0.0 → 2.0.0 on generated documents with answers removed, replaced by any JSON, or added", () => {
    fc.assert(
      fc.property(fc.nat({ max: fia10.length - 1 }), fc.array(change, { maxLength: 12 }), (i, changes) => {
        const doc = mutate(fia10[i]!, changes);
        const r = migrate(doc, "fia@1.0.0", "fia@2.0.0", FIA);
        const t = track(doc, r);
        expect(t.lost).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf(r.document)).toBe(Object.prototype);
      }),
      { numRuns: 300, seed: 20250203 },
    );
  });

  it("barnahuslogg 1.0.0 → 2.0.0 likewise, with protection-assessment rows mixed in", () => {
    fc.assert(
      fc.property(fc.nat({ max: bl10.length - 1 }), fc.array(fc.nat(), { maxLength: 4 }), fc.array(change, { maxLength: 8 }), (i, assess, changes) => {
        const base = structuredClone(bl10[i]!);
        const rows = base.handelser as Array<Record<string, unknown>>;
        for (const a of assess) if (rows.length > 0) rows[a % rows.length]!.handelsetyp = "skyddsbedomning";
        const doc = mutate(base, changes);
        const r = migrate(doc, "barnahuslogg@1.0.0", "barnahuslogg@2.0.0", BL);
        expect(track(doc, r).lost).toEqual([]);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("a draft — any generated FIA 1.0.0 document with answers left out — migrates to a valid 2.0.0 draft", () => {
    const v2 = validator("fia@2.0.0");
    fc.assert(
      fc.property(fc.nat({ max: fia10.length - 1 }), fc.array(fc.nat(), { maxLength: 40 }), (i, picks) => {
        const doc = structuredClone(fia10[i]!);
        (doc.meta as Record<string, unknown>).status = "draft";
        for (const pick of picks) {
          // Leave answers out (object properties only: a list keeps its rows, as a form does).
          const props = places(doc).filter((p) => !Array.isArray(p.parent) && p.parent !== doc.meta);
          if (props.length === 0) break;
          const p = props[pick % props.length]!;
          delete (p.parent as Record<string, unknown>)[p.key as string];
        }
        const r = migrate(doc, "fia@1.0.0", "fia@2.0.0", FIA);
        const v = v2.validate(r.document, "draft");
        expect(v.errors).toEqual([]);
        expect(track(doc, r).lost).toEqual([]);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
