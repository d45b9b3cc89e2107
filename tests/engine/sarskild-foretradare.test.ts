import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { FormSession } from "../../engine/compiler.ts";
import { buildChildView, type ChildBlock } from "../../engine/form/childView.ts";
import { migrate } from "../../engine/migrate/migrate.ts";
import { FIXTURES, readJson, schema } from "../helpers.ts";
import { migrations, validator } from "../migrate/helpers.ts";

/*
 * Issue 14, point 17: the särskild företrädare is not listed under "Myndighet".
 * Worked by hand from the fixtures (tests/fixtures/barnahuslogg/README.md): Moa's persons are
 * Therese (skola_forskola), Anna (socialtjansten), Fredrik (särskild företrädare, stored agency
 * "ombud"), Lise (polisen), Anneli (aklagaren); Andrej's are Daniel, Marja, Fredrika (särskild
 * företrädare, "ombud"), Anette, Anneli, Britta och Ivan. So in each log exactly one person — the
 * särskild företrädare, the third row — has no "Arbetar på" in 2.1.0, and her or his stored
 * "ombud" is kept, not dropped.
 */

const REF = "barnahuslogg@2.1.0";
const bh = schema("barnahuslogg", "2.1.0");
type Doc = Record<string, any>;
const logs: Record<"Moa" | "Andrej", () => Doc> = {
  Moa: () => readJson<Doc>(join(FIXTURES, "barnahuslogg/valid-2.1.0/moa.json")),
  Andrej: () =>
    migrate(readJson(join(FIXTURES, "barnahuslogg/valid/andrej.json")), "barnahuslogg@1.0.0", REF, migrations("barnahuslogg"), { date: "2025-02-03" }).document as Doc,
};
const tables = (blocks: ChildBlock[]) => blocks.filter((b): b is Extract<ChildBlock, { kind: "table" }> => b.kind === "table");

describe.each(["Moa", "Andrej"] as const)("the särskild företrädare in %s's log (2.1.0)", (name) => {
  it("has no 'Arbetar på' in the form; every other person keeps it; the stored answer is kept and the log stays valid", () => {
    const doc = logs[name]();
    const s = new FormSession(bh, { doc });
    const hiddenAgencies = doc.personer.map((_: Doc, i: number) => `/personer/${i}/myndighet`).filter((p: string) => s.get().state.hidden.has(p));
    expect(hiddenAgencies).toEqual(["/personer/2/myndighet"]);
    expect(doc.personer[2].roll).toBe("sarskild_foretradare");
    expect((s.get().doc.personer as Doc[])[2]!.myndighet).toBe("ombud");
    expect(validator(REF).validate(doc).errors).toEqual([]);
  });

  it("the child's log names her or him by what she or he does, and no column headed 'Myndighet' says 'Särskild företrädare'", () => {
    const doc = logs[name]();
    // A contact line for the särskild företrädare, as a social worker might add one.
    doc.avslutning.merInformation.push({ myndighet: "ombud", namn: doc.personer[2].namn, kontakt: "070-000 00 00" });
    for (const audience of ["barn", "personal"] as const) {
      const view = tables(buildChildView(bh, doc, { audience }).blocks);
      const persons = view.find((t) => t.columns[0] === "Namn" && t.columns.includes("Vad hen gör"))!;
      const row = persons.rows.find((r) => r[0] === doc.personer[2].namn)!;
      expect(row[1]).toMatch(/är särskild företrädare för/);
      for (const t of view) expect(t.columns).not.toContain("Myndighet");
      const contacts = view.find((t) => t.heading === "Mer information finns hos")!;
      expect(contacts.columns[0]).toBe("Myndighet eller företrädare");
      expect(contacts.rows.at(-1)).toEqual(["Din särskilda företrädare eller ditt målsägandebiträde", doc.personer[2].namn, "070-000 00 00"]);
      // The agencies are named as before.
      expect(contacts.rows[0]![0]).toBe("Socialtjänsten");
    }
  });
});

describe("a målsägandebiträde, and the other roles", () => {
  it("a målsägandebiträde has no 'Arbetar på' either; a police officer does", () => {
    const doc = logs.Moa();
    doc.personer.push({ namn: "Sara", roll: "malsagandebitrade" }, { namn: "Olle", roll: "polis" });
    const hidden = new FormSession(bh, { doc }).get().state.hidden;
    expect(hidden.has("/personer/5/myndighet")).toBe(true);
    expect(hidden.has("/personer/6/myndighet")).toBe(false);
  });
});
