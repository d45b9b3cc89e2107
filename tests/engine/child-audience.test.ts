import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { existsSync, readdirSync } from "node:fs";
import { buildChildView, type ChildView, type JsonSchema } from "../../engine/compiler.ts";
import { migrate } from "../../engine/migrate/migrate.ts";
import type { Migration } from "../../engine/compiler.ts";
import { FIXTURES, ROOT, readJson, schema } from "../helpers.ts";

/**
 * The child's log drawn for two readers (issue 14, point 8). The rows each version shows are
 * worked out by hand from the fixtures' `synlighet` (tests/fixtures/barnahuslogg/README.md):
 * Moa's suspects are both her guardians, so the police report (row 2), the samrådsmöte (row 4)
 * and the interview (row 5) are "ej_vardnadshavare" and must not be in the version for the
 * child and the guardians; Andrej's suspect is not a guardian, every row is "alla_inblandade".
 */
const moa = readJson(join(FIXTURES, "barnahuslogg/valid/moa.json"));
const andrej = readJson(join(FIXTURES, "barnahuslogg/valid/andrej.json"));
const migrations = readdirSync(join(ROOT, "schemas/barnahuslogg/migrations")).map((f) => readJson<Migration>(join(ROOT, "schemas/barnahuslogg/migrations", f)));

// [datum, händelse] of each shown row, worked out by hand (see the fixture's description).
const ROWS = readJson<Record<"moa" | "andrej", Record<"barn" | "personal", string[][]>>>(join(FIXTURES, "barnahuslogg/child-log-rows.json"));
const MOA_ALL = ROWS.moa.personal;
const MOA_BARN = ROWS.moa.barn;
const ANDREJ_ALL = ROWS.andrej.personal;

/** The versions to draw: every barnahuslogg version, each fixture moved to it as the app does. */
const VERSIONS = readdirSync(join(ROOT, "schemas/barnahuslogg"))
  .map((f) => /^(\d+\.\d+\.\d+)\.schema\.json$/.exec(f)?.[1])
  .filter((v): v is string => !!v && existsSync(join(ROOT, "schemas/barnahuslogg", `${v}.schema.json`)));

function at(doc: unknown, version: string): unknown {
  const from = (doc as { meta: { schema: string } }).meta.schema;
  const to = `barnahuslogg@${version}`;
  return from === to ? doc : migrate(doc, from, to, migrations).document;
}

function eventRows(view: ChildView): string[][] {
  const events = view.blocks.find((b) => b.kind === "table" && b.columns[0] === "Datum");
  if (!events || events.kind !== "table") throw new Error("no event table");
  return events.rows.map((r) => [r[0]!, r[1]!]);
}

describe.each(VERSIONS)("barnahuslogg@%s child's log per reader", (version) => {
  const s: JsonSchema = schema("barnahuslogg", version);

  it("Moa: the version for the child and guardians leaves out the police report, the samrådsmöte and the interview", () => {
    const view = buildChildView(s, at(moa, version));
    expect(view.audience).toBe("barn");
    expect(view.audienceLabel).toBe("Version för barnet och vårdnadshavarna");
    expect(eventRows(view)).toEqual(MOA_BARN);
    // Nothing of the left-out rows is anywhere on the page.
    expect(JSON.stringify(view)).not.toContain("Anmälan till polisen");
    expect(JSON.stringify(view)).not.toContain("samrådsmöte");
  });

  it("Moa: the staff version shows every row and who may read it", () => {
    const view = buildChildView(s, at(moa, version), { audience: "personal" });
    expect(view.audienceLabel).toBe("Version för socialtjänstens personal");
    expect(eventRows(view)).toEqual(MOA_ALL);
    const events = view.blocks.find((b) => b.kind === "table" && b.columns[0] === "Datum")!;
    if (events.kind !== "table") throw new Error();
    expect(events.columns.at(-1)).toBe("Får läsas av");
    expect(events.rows.map((r) => r.at(-1))).toEqual([
      "Alla inblandade, även vårdnadshavare",
      "Inte till vårdnadshavare som är misstänkt",
      "Alla inblandade, även vårdnadshavare",
      "Inte till vårdnadshavare som är misstänkt",
      "Inte till vårdnadshavare som är misstänkt",
      "Alla inblandade, även vårdnadshavare",
      "Alla inblandade, även vårdnadshavare",
    ]);
  });

  it("Andrej: every row is for everyone, so both versions show all ten", () => {
    expect(eventRows(buildChildView(s, at(andrej, version)))).toEqual(ROWS.andrej.barn);
    expect(eventRows(buildChildView(s, at(andrej, version), { audience: "personal" }))).toEqual(ANDREJ_ALL);
  });

  it("a row without a visibility marking, or with an unknown one, is left out of the restrictive version", () => {
    const doc = structuredClone(at(andrej, version)) as { handelser: Array<Record<string, unknown>> };
    delete doc.handelser[0]!.synlighet;
    doc.handelser[1]!.synlighet = "endast_socialtjansten";
    doc.handelser[2]!.synlighet = "okand";
    expect(eventRows(buildChildView(s, doc))).toEqual(ANDREJ_ALL.slice(3));
    // Anything but an explicit "personal" is the restrictive version.
    expect(eventRows(buildChildView(s, doc, { audience: "nagot" as never }))).toEqual(ANDREJ_ALL.slice(3));
    expect(eventRows(buildChildView(s, doc, { audience: "personal" }))).toHaveLength(10);
  });

  it("an empty section is left out, and dates are åååå-mm-dd", () => {
    const view = buildChildView(s, at(moa, version), { audience: "personal" });
    for (const b of view.blocks) if (b.kind === "table") expect(b.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(view)).not.toMatch(/\d+ (januari|februari|mars|april|maj|juni|juli|augusti)/);
  });
});
