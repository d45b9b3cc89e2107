import { describe, expect, it } from "vitest";
import { migrate } from "../../engine/migrate/migrate.ts";
import { planSteps } from "../../engine/migrate/plan.ts";
import { MigrationError, type Migration, type Operation } from "../../engine/migrate/types.ts";
import { track } from "./track.ts";

/** A one-step migration x@1.0.0 → x@2.0.0 with the given operations. */
const step = (...operations: Operation[]): Migration[] => [{ instrument: "x", from: "1.0.0", to: "2.0.0", operations }];
const run = (doc: Record<string, unknown>, ...operations: Operation[]) => {
  const r = migrate({ meta: { schema: "x@1.0.0" }, ...doc }, "x@1.0.0", "x@2.0.0", step(...operations));
  const { meta, migrering, ...rest } = r.document as Record<string, unknown> & { migrering: { ejOverforda: Array<{ sokvag: string; varde: string; skal: string }> } };
  expect(meta).toEqual({ schema: "x@2.0.0" });
  expect(track({ meta: { schema: "x@1.0.0" }, ...doc }, r).lost).toEqual([]);
  return { doc: rest, kept: migrering.ejOverforda.map((k) => [k.sokvag, JSON.parse(k.varde)]), report: r.report.steps[0]! };
};

describe("move", () => {
  it("moves a group, merging into what is there; an answer already there wins and the other is kept", () => {
    const r = run(
      { a: { b: { x: 1, y: "old" } }, c: { y: "new", z: true } },
      { op: "move", from: "a.b", to: "c" },
    );
    expect(r.doc).toEqual({ c: { y: "new", z: true, x: 1 } }); // a emptied and pruned
    expect(r.kept).toEqual([["/a/b/y", "old"]]);
  });

  it("moves within every row of a list", () => {
    const r = run({ rows: [{ a: 1 }, { b: 2 }, { a: 3 }] }, { op: "move", from: "rows[].a", to: "rows[].c" });
    expect(r.doc).toEqual({ rows: [{ c: 1 }, { b: 2 }, { c: 3 }] });
    expect(r.kept).toEqual([]);
  });

  it("keeps a value whose new place cannot hold it (the parent is a text)", () => {
    const r = run({ a: 5, t: "text" }, { op: "move", from: "a", to: "t.inner" });
    expect(r.doc).toEqual({ t: "text" });
    expect(r.kept).toEqual([["/a", 5]]);
  });
});

describe("recode", () => {
  it("recodes a single answer; null means no new code (kept)", () => {
    const r = run({ s: { a: "x", b: "y", c: "z" } }, { op: "recode", path: "s.a", map: { x: "X" } }, { op: "recode", path: "s.b", map: { y: null }, reason: "Finns inte." });
    expect(r.doc).toEqual({ s: { a: "X", c: "z" } });
    expect(r.kept).toEqual([["/s/b", "y"]]);
  });

  it("recodes list items; with unique, a repeat keeps the earlier (better) place and the later one is kept", () => {
    const r = run({ rank: ["c", "a", "d", "b", "a2"] }, { op: "recode", path: "rank[]", map: { a: "ab", b: "ab", a2: "ab" }, unique: true });
    expect(r.doc).toEqual({ rank: ["c", "ab", "d"] });
    expect(r.kept).toEqual([
      ["/rank/3", "b"],
      ["/rank/4", "a2"],
    ]);
  });

  it("leaves values that are not in the map, or are not text", () => {
    const r = run({ v: 3, w: ["q", 7, null] }, { op: "recode", path: "v", map: { "3": "three" } }, { op: "recode", path: "w[]", map: { q: "Q" } });
    expect(r.doc).toEqual({ v: 3, w: ["Q", 7, null] });
  });
});

describe("split", () => {
  it("copies one answer to several places, through a map per target where given", () => {
    const r = run(
      { old: { level: "both", note: "N" } },
      { op: "split", from: "old.level", to: [{ path: "n.a", map: { both: true, a: true } }, { path: "n.b", map: { both: true, b: true } }] },
      { op: "split", from: "old.note", to: ["n.na", "n.nb"] },
    );
    expect(r.doc).toEqual({ n: { a: true, b: true, na: "N", nb: "N" } });
  });

  it("keeps an answer that no target's map takes", () => {
    const r = run({ level: "neither" }, { op: "split", from: "level", to: [{ path: "a", map: { x: 1 } }, { path: "b", map: { y: 1 } }], reason: "Inget." });
    expect(r.doc).toEqual({});
    expect(r.kept).toEqual([["/level", "neither"]]);
  });
});

describe("merge", () => {
  const order = ["ingen", "osaker", "viss", "stor"];
  it("max keeps the highest code and keeps the others in the report", () => {
    const r = run({ a: { o: "viss" }, b: { o: "stor" }, c: { o: "ingen" } }, { op: "merge", from: ["a.o", "b.o", "c.o"], to: "m.o", rule: "max", order });
    expect(r.doc).toEqual({ m: { o: "stor" } });
    expect(r.kept).toEqual([
      ["/a/o", "viss"],
      ["/c/o", "ingen"],
    ]);
  });

  it("min, numbers without an order, and equal sources that all land", () => {
    expect(run({ a: 4, b: 2 }, { op: "merge", from: ["a", "b"], to: "m", rule: "min" }).doc).toEqual({ m: 2 });
    const same = run({ a: "viss", b: "viss" }, { op: "merge", from: ["a", "b"], to: "m", rule: "max", order });
    expect(same.doc).toEqual({ m: "viss" });
    expect(same.kept).toEqual([]);
  });

  it("a code outside the order is not compared: kept, while the others merge", () => {
    const r = run({ a: "konstig", b: "viss" }, { op: "merge", from: ["a", "b"], to: "m", rule: "max", order });
    expect(r.doc).toEqual({ m: "viss" });
    expect(r.kept).toEqual([["/a", "konstig"]]);
  });

  it("first, any, all", () => {
    expect(run({ a: "x", b: "y" }, { op: "merge", from: ["a", "b"], to: "m", rule: "first" }).doc).toEqual({ m: "x" });
    expect(run({ a: false, b: true }, { op: "merge", from: ["a", "b"], to: "m", rule: "any" }).doc).toEqual({ m: true });
    const all = run({ a: false, b: true }, { op: "merge", from: ["a", "b"], to: "m", rule: "all" });
    expect(all.doc).toEqual({ m: false });
    expect(all.kept).toEqual([["/b", true]]);
  });

  it("join writes each text under its label; a missing source is simply absent", () => {
    const r = run({ a: "A text", b: "B text" }, { op: "merge", from: ["a", "b"], to: "m", rule: "join", labels: ["Första", "Andra"] });
    expect(r.doc).toEqual({ m: "Första: A text\n\nAndra: B text" });
    expect(run({ b: "B" }, { op: "merge", from: ["a", "b"], to: "m", rule: "join", labels: ["Första", "Andra"] }).doc).toEqual({ m: "Andra: B" });
  });

  it("merges row by row with []", () => {
    const r = run({ rows: [{ a: 1, b: 3 }, { b: 2 }] }, { op: "merge", from: ["rows[].a", "rows[].b"], to: "rows[].m", rule: "max" });
    expect(r.doc).toEqual({ rows: [{ m: 3 }, { m: 2 }] });
    expect(r.kept).toEqual([["/rows/0/a", 1]]);
  });
});

describe("default, drop", () => {
  it("default sets a new required item where it is missing (creating the group), never over an answer", () => {
    expect(run({}, { op: "default", path: "g.v", value: "x", reason: "R" }).doc).toEqual({ g: { v: "x" } });
    expect(run({ g: { v: "answer" } }, { op: "default", path: "g.v", value: "x", reason: "R" }).doc).toEqual({ g: { v: "answer" } });
    expect(run({ rows: [{}, { v: 1 }] }, { op: "default", path: "rows[].v", value: 0, reason: "R" }).doc).toEqual({ rows: [{ v: 0 }, { v: 1 }] });
  });

  it("drop keeps the value in the report with the reason; an empty group goes quietly", () => {
    const r = run({ g: { gone: { deep: [1, 2] } }, e: {} }, { op: "drop", path: "g.gone", reason: "Ingen plats." }, { op: "drop", path: "e", reason: "Tom." });
    expect(r.doc).toEqual({});
    expect(r.kept).toEqual([["/g/gone", { deep: [1, 2] }]]);
    expect(r.report.notTransferred[0]!.reason).toBe("Ingen plats.");
  });
});

describe("moveRows", () => {
  const op: Operation = {
    op: "moveRows",
    from: "log",
    where: { "==": [{ var: "row.type" }, "s"] },
    to: "s[]",
    fields: { date: "d", "info.why": "why" },
    implied: ["type"],
  };

  it("moves matching rows field by field; other fields are kept in the report; the rest keep their order", () => {
    const r = run(
      {
        log: [
          { type: "a", date: "1" },
          { type: "s", date: "2", info: { why: "W", who: "X" } },
          { type: "b", date: "3" },
          { type: "s", date: "4" },
        ],
      },
      op,
    );
    expect(r.doc).toEqual({ log: [{ type: "a", date: "1" }, { type: "b", date: "3" }], s: [{ d: "2", why: "W" }, { d: "4" }] });
    expect(r.kept).toEqual([["/log/1/info/who", "X"]]);
  });

  it("a later operation reports places in the step's old document, even after rows moved up", () => {
    const r = run({ log: [{ type: "s" }, { type: "a", stray: "Z" }] }, op, { op: "drop", path: "log[].stray", reason: "R" });
    expect(r.doc).toEqual({ log: [{ type: "a" }], s: [{}] });
    expect(r.kept).toEqual([["/log/1/stray", "Z"]]); // it sat at /log/0 when the drop ran
  });

  it("a row that cannot be placed (one slot already taken) is kept whole", () => {
    const one: Operation = { ...op, to: "slot" } as Operation;
    const r = run({ log: [{ type: "s", date: "1" }, { type: "s", date: "2" }] }, one);
    expect(r.doc).toEqual({ log: [], slot: { d: "1" } });
    expect(r.kept).toEqual([["/log/1", { type: "s", date: "2" }]]);
  });
});

describe("safety and shape", () => {
  it("copies keys named __proto__ as data and never touches a prototype", () => {
    const doc = JSON.parse('{"meta":{"schema":"x@1.0.0"},"a":{"__proto__":{"polluted":1},"v":1}}') as Record<string, unknown>;
    const r = migrate(doc, "x@1.0.0", "x@2.0.0", step({ op: "move", from: "a", to: "b" }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const b = r.document.b as Record<string, unknown>;
    expect(Object.getPrototypeOf(b)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(b, "__proto__")).toBe(true);
    expect(JSON.stringify(r.document)).toContain('"__proto__":{"polluted":1}');
  });

  it("keeps an earlier migration's record: the first version and what was kept before", () => {
    const earlier = { fran: "x@0.9.0", till: "x@1.0.0", ejOverforda: [{ sokvag: "/q", version: "x@0.9.0", varde: "1", skal: "S" }] };
    const r = migrate({ meta: { schema: "x@1.0.0" }, gone: 2, migrering: earlier }, "x@1.0.0", "x@2.0.0", step({ op: "drop", path: "gone", reason: "R" }), { date: "2025-01-01" });
    expect(r.document.migrering).toEqual({
      fran: "x@0.9.0",
      till: "x@2.0.0",
      datum: "2025-01-01",
      ejOverforda: [earlier.ejOverforda[0], { sokvag: "/gone", version: "x@1.0.0", varde: "2", skal: "R" }],
    });
  });

  it("refuses what is not an answer document, another instrument, going back, or a gap in the chain", () => {
    const m = step();
    expect(() => migrate([], "x@1.0.0", "x@2.0.0", m)).toThrow(MigrationError);
    expect(() => migrate({ meta: "x" }, "x@1.0.0", "x@2.0.0", m)).toThrow(/meta/);
    expect(() => migrate({}, "x@1.0.0", "y@2.0.0", m)).toThrow(/olika formulär/);
    expect(() => migrate({}, "x@2.0.0", "x@1.0.0", m)).toThrow(/bakåt/);
    expect(() => migrate({}, "x@1.0.0", "x@3.0.0", m)).toThrow(/ingen migrering från x@2.0.0/);
    expect(migrate({ a: 1 }, "x@1.0.0", "x@1.0.0", m)).toEqual({ document: { a: 1 }, report: { from: "x@1.0.0", to: "x@1.0.0", steps: [] } });
  });

  it("plans consecutive steps: 1.0.0 → 1.1.0 → 2.0.0 rather than skipping a version", () => {
    const ms: Migration[] = [
      { instrument: "x", from: "1.1.0", to: "2.0.0", operations: [] },
      { instrument: "x", from: "1.0.0", to: "2.0.0", operations: [] },
      { instrument: "x", from: "1.0.0", to: "1.1.0", operations: [] },
    ];
    expect(planSteps(ms, "x@1.0.0", "x@2.0.0").map((s) => `${s.from}-${s.to}`)).toEqual(["1.0.0-1.1.0", "1.1.0-2.0.0"]);
    expect(planSteps(ms, "x@1.0.0", "x@1.1.0").map((s) => `${s.from}-${s.to}`)).toEqual(["1.0.0-1.1.0"]);
  });
});
