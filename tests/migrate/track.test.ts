import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { migrate } from "../../engine/migrate/migrate.ts";
import type { MigrationResult } from "../../engine/migrate/types.ts";
import { FIXTURES, readJson } from "../helpers.ts";
import { migrations } from "./helpers.ts";
import { track } from "./track.ts";

/** The check must be able to fail: each doctored result below loses exactly one value. */
describe("the never-lose-anything check itself", () => {
  const doc = readJson(join(FIXTURES, "fia/valid/interview-1.json"));
  const fresh = (): MigrationResult => migrate(doc, "fia@1.0.0", "fia@2.0.0", migrations("fia"));

  it("passes the real result", () => {
    expect(track(doc, fresh()).lost).toEqual([]);
  });

  it("notices a value missing from the migrated document", () => {
    const r = fresh();
    delete (r.document.livssituation as Record<string, Record<string, unknown>>).skulder!.kommentar;
    expect(track(doc, r).lost.map((l) => l.pointer)).toEqual(["/livssituation/skulder/kommentar"]);
  });

  it("notices a moved value that is not where the report says", () => {
    const r = fresh();
    (r.document.livssituation as Record<string, Record<string, unknown>>).psykiskHalsa!.omfattning = "viss";
    expect(track(doc, r).lost.map((l) => l.pointer)).toEqual(["/livssituation/halsa/psykiskHalsa/omfattning"]);
  });

  it("notices a reported value that the document's report section does not keep", () => {
    const r = fresh();
    (r.document.migrering as { ejOverforda: unknown[] }).ejOverforda.shift();
    expect(track(doc, r).lost.map((l) => l.pointer)).toEqual(["/livssituation/halsa/halsotillstand"]);
  });

  it("notices a value dropped without a report line", () => {
    const r = fresh();
    r.report.steps[1]!.notTransferred.shift();
    expect(track(doc, r).lost.map((l) => l.pointer)).toEqual(["/livssituation/halsa/halsotillstand"]);
  });
});
