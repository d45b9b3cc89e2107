import { describe, expect, it } from "vitest";
import { basename } from "node:path";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "../../engine/migrate/migrate.ts";
import { ROOT, fixtureFiles, readJson } from "../helpers.ts";
import { generated, migrations, validator } from "./helpers.ts";
import { EMPTY, add, track, type Tally } from "./track.ts";

/** FIA 2.0.0 → 2.1.0 (additive): every fixture that is or becomes 2.0.0, and 1,000 generated 2.0.0 documents, lose nothing. */

const FIA = migrations("fia");
const DATE = "2025-02-03";
const to21 = (doc: Record<string, unknown>) => migrate(doc, "fia@2.0.0", "fia@2.1.0", FIA, { date: DATE });

function lostNothing(t: Tally): void {
  expect(t.lost, JSON.stringify(t.lost.slice(0, 5))).toEqual([]);
  expect(t.unchanged + t.moved + t.reported).toBe(t.total);
}

/** The fixtures as 2.0.0 documents: those stamped 2.0.0 as they are, the valid 1.x ones migrated first. */
function fixturesAt2(): Array<{ name: string; doc: Record<string, unknown> }> {
  return fixtureFiles("fia", "valid").map((file) => {
    const doc = readJson<Record<string, unknown>>(file);
    const ref = (doc.meta as { schema: string }).schema;
    return { name: basename(file), doc: ref === "fia@2.0.0" ? doc : migrate(doc, ref, "fia@2.0.0", FIA, { date: DATE }).document };
  });
}

describe("FIA 2.0.0 → 2.1.0: the fixtures", () => {
  for (const { name, doc } of fixturesAt2()) {
    it(`${name} as 2.0.0 moves to 2.1.0 unchanged but for meta.schema, validates and loses nothing`, () => {
      expect(validator("fia@2.0.0").validate(doc).errors).toEqual([]);
      const r = to21(doc);
      expect(validator("fia@2.1.0").validate(r.document).errors).toEqual([]);
      // migrering.till names the version, like meta.schema, and is replaced by design; fran is kept.
      const marker = structuredClone(doc);
      if (marker.migrering) delete (marker.migrering as Record<string, unknown>).till;
      lostNothing(track(marker, r));
      const { meta, migrering, ...rest } = r.document;
      expect((migrering as { till: string }).till).toBe("fia@2.1.0");
      if (doc.migrering) expect((migrering as { fran: string }).fran).toBe((doc.migrering as { fran: string }).fran);
      const { meta: oldMeta, migrering: oldMigrering, ...oldRest } = doc;
      expect(rest).toEqual(oldRest);
      expect(meta).toEqual({ ...(oldMeta as object), schema: "fia@2.1.0" });
      // Answers that were moved before keep their record; 2.0 → 2.1 adds nothing to it.
      const before = (oldMigrering as { ejOverforda?: unknown[] } | undefined)?.ejOverforda ?? [];
      expect((migrering as { ejOverforda: unknown[] }).ejOverforda).toEqual(before);
    });
  }

  it("the CLI (blankett migrate) does the same for a 2.0.0 fixture, exit 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "fia21-"));
    const [first] = fixturesAt2();
    const src = join(dir, "in.json");
    writeFileSync(src, JSON.stringify(first!.doc));
    const out = join(dir, "out.json");
    execFileSync("node", [join(ROOT, "bin/blankett.js"), "migrate", src, "--to", "fia@2.1.0", "--out", out], { cwd: ROOT, stdio: "pipe" });
    const moved = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
    expect((moved.meta as { schema: string }).schema).toBe("fia@2.1.0");
    expect(moved.livssituation).toEqual(first!.doc.livssituation);
  });
});

describe("FIA 2.0.0 → 2.1.0: 1,000 generated 2.0.0 documents", () => {
  const docs = generated("fia@2.0.0", 1000, 20250203);

  it("are valid 2.0.0 documents, all valid 2.1.0 documents after migration, and nothing is lost (counted)", () => {
    const v2 = validator("fia@2.0.0");
    const v21 = validator("fia@2.1.0");
    expect(docs.filter((d) => !v2.isValid(d))).toHaveLength(0);
    let total: Tally = EMPTY;
    let invalid = 0;
    for (const doc of docs) {
      const r = to21(doc);
      if (!v21.isValid(r.document)) invalid++;
      total = add(total, track(doc, r));
    }
    expect(invalid).toBe(0);
    lostNothing(total);
    expect(total.total).toBeGreaterThan(50_000);
    expect(total.unchanged).toBe(total.total);
    console.info(`fia 2.0.0 → 2.1.0, ${docs.length} generated documents: ${total.total} leaf values, all unchanged, 0 lost`);
  });
});
