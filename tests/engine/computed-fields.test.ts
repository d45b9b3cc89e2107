import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { FormSession, buildFormModel, lintReport, type JsonSchema } from "../../engine/compiler.ts";
import { applyComputed, computedFields } from "../../engine/form/computed.ts";
import { buildChildView } from "../../engine/form/childView.ts";
import { FIXTURES, readJson, schema } from "../helpers.ts";

/*
 * Issue 14, point 17: Gallringsdatum filled in from the computed date (x-ui.computedFrom).
 * Moa's log (valid-2.1.0/moa.json): the latest date in it is the closing assessment, 2024-05-03
 * (also utredning.avslutsdatum), so records are weeded five years later: 2029-05-03. The fixture
 * itself has no gallringsdatum (the report gives none).
 */

const bh = schema("barnahuslogg", "2.1.0");
type Doc = Record<string, any>;
const moa = (): Doc => readJson<Doc>(join(FIXTURES, "barnahuslogg/valid-2.1.0/moa.json"));

describe("computed fields (engine/form/computed.ts)", () => {
  it("barnahuslogg 2.1.0 has one: utredning.gallringsdatum from the rule gallringsdatum; 2.0.0 has none", () => {
    expect(computedFields(bh, buildFormModel(bh))).toEqual([{ path: ["utredning", "gallringsdatum"], rule: "gallringsdatum" }]);
    const old = schema("barnahuslogg", "2.0.0");
    expect(computedFields(old, buildFormModel(old))).toEqual([]);
  });

  it("applyComputed writes a result, keeps the same object when nothing changes, and removes the answer on null", () => {
    const fields = [{ path: ["a", "b"], rule: "r" }];
    const doc = { a: { c: 1 } };
    const written = applyComputed(doc, fields, [{ id: "r", kind: "value", title: "R", value: "2029-05-03" }]);
    expect(written).toEqual({ a: { c: 1, b: "2029-05-03" } });
    expect(doc).toEqual({ a: { c: 1 } });
    expect(applyComputed(written, fields, [{ id: "r", kind: "value", title: "R", value: "2029-05-03" }])).toBe(written);
    expect(applyComputed(written, fields, [{ id: "r", kind: "value", title: "R", value: null }])).toEqual({ a: { c: 1 } });
    // No result at all is nothing to write; no parent object is made for it.
    expect(applyComputed({}, fields, [])).toEqual({});
  });
});

describe("the form session fills Gallringsdatum", () => {
  it("on opening Moa's log: 2029-05-03, five years after her last entry, and no error for it", () => {
    const s = new FormSession(bh, { doc: moa() });
    expect(s.get().doc.utredning).toMatchObject({ gallringsdatum: "2029-05-03" });
    expect(s.get().state.allErrors.map((e) => e.pointer)).not.toContain("/utredning/gallringsdatum");
    expect((s.outgoing().utredning as Doc).gallringsdatum).toBe("2029-05-03");
  });

  it("follows the latest date as it changes, and goes when the log has no date left", () => {
    const s = new FormSession(bh, { doc: moa() });
    const revision = s.get().revision;
    // A later row: the latest date moves to 2024-06-10.
    const rows = s.get().doc.handelser as Doc[];
    s.set(["handelser", rows.length], { datum: "2024-06-10", handelsetyp: "information_till_barnet", beskrivning: "Anna berättar.", uppgiftslamnare: "socialtjansten", synlighet: "alla_inblandade" });
    expect((s.get().doc.utredning as Doc).gallringsdatum).toBe("2029-06-10");
    // One change is one revision, the computed write included.
    expect(s.get().revision).toBe(revision + 1);
    // No dates at all (and no closing date): nothing to count from.
    const bare = moa();
    bare.handelser = bare.handelser.map(({ datum, ...row }: Doc) => row);
    delete bare.utredning.avslutsdatum;
    bare.utredning.gallringsdatum = "2030-01-01";
    s.reset(bare);
    expect(s.get().doc.utredning).not.toHaveProperty("gallringsdatum");
  });

  it("a typed-in Gallringsdatum is replaced by the computed one", () => {
    const doc = moa();
    doc.utredning.gallringsdatum = "2099-12-31";
    expect((new FormSession(bh, { doc }).get().doc.utredning as Doc).gallringsdatum).toBe("2029-05-03");
  });

  it("a form without computed fields keeps its answers as given (FIA)", () => {
    const fia = schema("fia");
    const doc = { meta: { schema: "fia@1.0.0" } };
    expect(new FormSession(fia, { doc }).get().doc).toBe(doc);
  });
});

describe("the child's log", () => {
  it("shows Gallringsdatum with the computed date, and nothing else of social services' section", () => {
    const expected = [{ kind: "fields", heading: "Socialtjänstens utredning", items: [{ label: "Gallringsdatum", value: "2029-05-03" }] }];
    const s = new FormSession(bh, { doc: moa() });
    expect(buildChildView(bh, s.get().doc).blocks.filter((b) => b.kind === "fields")).toEqual(expected);
    // Saved answers without it (the fixture, a migrated log): computed as the form would.
    expect(moa().utredning).not.toHaveProperty("gallringsdatum");
    expect(buildChildView(bh, moa()).blocks.filter((b) => b.kind === "fields")).toEqual(expected);
    expect(buildChildView(bh, moa(), { audience: "personal" }).blocks.filter((b) => b.kind === "fields")).toEqual(expected);
  });

  it("names every event of a row as one list: Moa's rows 2 and 7", () => {
    const table = buildChildView(bh, moa(), { audience: "personal" }).blocks.find((b) => b.kind === "table" && b.columns.includes("Händelse"));
    if (table?.kind !== "table") throw new Error("no event table");
    const events = table.rows.map((r) => r[1]);
    expect(events[1]).toBe("Anmälan till polisen och samtal med socialtjänsten");
    expect(events[6]).toBe("Socialtjänsten är klar med sin utredning och hjälp från socialtjänsten");
    expect(events[0]).toBe("Anmälan till socialtjänsten");
  });

  it("three events read 'A, b och c'; an abbreviation keeps its capitals; another event's own words are used", () => {
    const doc = moa();
    doc.handelser[6].ovrigaHandelsetyper = ["socialtjanstens_insatser", "kontakt_bup", "annan"];
    doc.handelser[6].annanHandelse = "Möte med Kim";
    const table = buildChildView(bh, doc).blocks.find((b) => b.kind === "table" && b.columns.includes("Händelse"));
    if (table?.kind !== "table") throw new Error("no event table");
    expect(table.rows.at(-1)![1]).toBe("Socialtjänsten är klar med sin utredning, hjälp från socialtjänsten, besök hos BUP och möte med Kim");
  });
});

describe("lint of the new hints", () => {
  const broken = (edit: (s: Doc) => void): string[] => {
    const s = structuredClone(bh) as Doc;
    edit(s);
    return lintReport(s as JsonSchema).errors.map((e) => e.message);
  };

  it("computedFrom: the rule must exist and be a value rule, the field readonly and not in a table row", () => {
    expect(lintReport(bh).errors).toEqual([]);
    expect(broken((s) => (s.$defs.utredning.properties.gallringsdatum["x-ui"].computedFrom = "gallring"))).toEqual([
      "x-ui.computedFrom nämner regeln ”gallring”, som inte finns i x-rules",
    ]);
    expect(broken((s) => (s.$defs.utredning.properties.gallringsdatum["x-ui"].computedFrom = "tidsordning"))).toEqual([
      'x-ui.computedFrom nämner regeln ”tidsordning”, som inte är en värderegel (kind "value")',
    ]);
    expect(broken((s) => delete s.$defs.utredning.properties.gallringsdatum["x-ui"].readonly)).toEqual([
      "Ett fält som fylls i från regeln ”gallringsdatum” måste vara skrivskyddat (x-ui.readonly: true), annars skrivs det som fylls i över",
    ]);
    expect(broken((s) => Object.assign(s.$defs.handelse.properties.datum["x-ui"], { computedFrom: "senasteAnteckning", readonly: true }))).toEqual([
      "x-ui.computedFrom går inte i en tabellrad: regeln ”senasteAnteckning” har ett värde för hela dokumentet, inte ett per rad",
    ]);
  });

  it("childWith: names another field of the row, on a column", () => {
    expect(broken((s) => (s.$defs.handelse.properties.handelsetyp["x-ui"].childWith = "ovriga"))).toEqual([
      "x-ui.childWith nämner ”ovriga”, som inte är ett annat fält i raderna",
    ]);
    expect(broken((s) => (s.$defs.handelse.properties.detaljer["x-ui"] = { childWith: "datum" }))).toEqual([
      "x-ui.childWith på ”detaljer” används bara på en kolumn i tabellen (x-ui.columns)",
    ]);
  });
});
