import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readJson, ROOT, schema } from "../helpers.ts";
import { lintSchema, schemaAt } from "../../engine/compiler.ts";
import { applyOverlay } from "../../engine/overlay/overlay.ts";
import { rebaseOverlay } from "../../engine/overlay/rebase.ts";
import { locate, parseAnswerPath } from "../../engine/overlay/paths.ts";
import type { Overlay } from "../../engine/overlay/types.ts";
import { brief, demo, EXEMPELBY, fia } from "./helpers.ts";

const options = (...codes: string[]) => ({ type: "string", title: "F", oneOf: codes.map((c) => ({ const: c, title: c.toUpperCase() })) });

const V1_SECTION = {
  a: { type: "string", title: "A" },
  b: { type: "string", title: "B" },
  c: { type: "integer", title: "C" },
  d: { type: "string", title: "D" },
  e: { type: "boolean", title: "E" },
  f: options("x", "y", "z"),
  g: { type: "string", title: "Gammal text" },
  h: { type: "string", title: "H" },
  j: { type: "string", title: "J" },
};
const v1 = demo("1.0.0", V1_SECTION, ["a"]);

const { d: _d, j: _j, ...kept } = V1_SECTION;
const v2 = demo(
  "2.0.0",
  {
    ...kept,
    c: { type: "string", title: "C" }, // integer → string
    f: options("x", "z", "w"), // y gone, w new
    g: { type: "string", title: "Ny nationell text" },
  },
  ["a", "b"], // b became required
  [{ id: "eRegel", kind: "value", title: "E räknas", expr: { var: "del.e" } }], // e became scored
);

const overlay: Overlay = {
  name: "demoby",
  title: "Demoby",
  base: "demo@1.0.0",
  hide: ["del.b", "del.c", "del.j", "del.e", "del.h"],
  relabel: { "del.g": "Lokal text", "del.a": "Lokal A" },
  reorder: { del: ["g", "a", "d"] },
  restrictOptions: { "del.f": ["x", "y"] },
};

describe("rebasing an overlay onto another base version", () => {
  it("the overlay is clean on its own base", () => {
    const r = applyOverlay(overlay, v1);
    expect(r.violations).toEqual([]);
    expect(lintSchema(r.schema)).toEqual([]);
  });

  it("reports every changed target as a conflict, one line each, and gives no schema", () => {
    const r = rebaseOverlay(overlay, v1, v2);
    expect(r.schema).toBeUndefined();
    expect(brief(r.violations).sort()).toEqual(
      [
        "/hide/0 konflikt-obligatorisk", // b became required
        "/hide/1 konflikt-typ", // c: integer → string
        "/hide/2 konflikt-saknas", // j removed
        "/hide/3 konflikt-poangsatt", // e now read by eRegel
        "/relabel/del.g konflikt-text", // national wording changed
        "/reorder/del/2 konflikt-saknas", // d removed, named in the order
        "/restrictOptions/del.f/1 konflikt-koder", // y lost
        "/restrictOptions/del.f konflikt-koder", // w added
      ].sort(),
    );
    const text = r.violations.find((v) => v.rule === "konflikt-text")!.message;
    expect(text).toContain("”Gammal text” till ”Ny nationell text”");
  });

  it("a clean rebase gives the effective schema on the new version", () => {
    const v11 = demo("1.1.0", { ...V1_SECTION, i: { type: "string", title: "Ny fråga" } }, ["a"]);
    const r = rebaseOverlay({ ...overlay, hide: ["del.h"], reorder: { del: ["g", "a"] } }, v1, v11);
    expect(r.violations).toEqual([]);
    const s = r.schema!;
    expect(lintSchema(s)).toEqual([]);
    expect(s.$id).toBe("https://blankett.example/schemas/demo/1.1.0/variants/demoby");
    expect(schemaAt(s, "/meta/schema")?.const).toBe("demo@1.1.0");
    expect(schemaAt(s, "/meta/variant")?.const).toBe("demoby");
    expect(schemaAt(s, "/del/h")).toBeUndefined();
    expect(schemaAt(s, "/del/i")?.title).toBe("Ny fråga");
    expect(schemaAt(s, "/del/g")?.title).toBe("Lokal text");
  });

  it("only another version of the same instrument, from the overlay's own base", () => {
    expect(brief(rebaseOverlay(overlay, fia, v2).violations)).toEqual(["/base grundversion"]);
  });
});

/** The real next versions of FIA, when the schemas exist: every reported conflict must be true. */
describe.each(["1.1.0", "2.0.0"].filter((v) => existsSync(join(ROOT, `schemas/fia/${v}.schema.json`))))("exempelby onto fia@%s", (version) => {
  const to = schema("fia", version);
  const ex = readJson<Overlay>(EXEMPELBY);
  const r = rebaseOverlay(ex, fia, to);

  it("either rebases to a lint-clean schema or reports conflicts, never both", () => {
    expect(r.schema === undefined).toBe(r.violations.length > 0);
    if (r.schema) {
      expect(lintSchema(r.schema)).toEqual([]);
      expect(r.schema.$id).toBe(`https://blankett.example/schemas/fia/${version}/variants/exempelby`);
    }
  });

  it("each conflict about a missing target names a path that is really gone", () => {
    for (const v of r.violations.filter((x) => x.rule === "konflikt-saknas" && x.pointer.startsWith("/hide/"))) {
      const path = ex.hide![Number(v.pointer.split("/")[2])]!;
      const parsed = parseAnswerPath(path) as { segments: string[] };
      expect(locate(fia, parsed.segments)).toBeDefined();
      expect(locate(to, parsed.segments)).toBeUndefined();
    }
  });
});
