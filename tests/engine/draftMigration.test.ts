import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { canMigrateDraft, migrateDraft, validatorFor, type Draft, type Migration } from "../../engine/compiler.ts";
import { FIA_1_0_DRAFT, ROOT, readJson, schema } from "../helpers.ts";

const MIGRATIONS = ["1.0.0-1.1.0", "1.1.0-2.0.0"].map((n) => readJson<Migration>(join(ROOT, "schemas/fia/migrations", `${n}.json`)));
const NOW = "2026-12-01T10:00:00.000Z";

const draft: Draft = FIA_1_0_DRAFT;

describe("drafts from an older version", () => {
  it("move to the form's version through the declared migrations, keeping what has no place", () => {
    const out = migrateDraft(draft, "fia@2.0.0", MIGRATIONS, NOW)!;
    const value = out.draft.value as Record<string, Record<string, unknown>>;
    // Worked out by hand from schemas/fia/migrations/1.1.0-2.0.0.json: the two areas merge into
    // levnadsvanor taking the larger extent (stor) and problem size (stort); the smaller two answers
    // (viss, litet) are kept; violence moves to valdNaraRelation; both ranked codes become
    // levnadsvanor_beteenden, which keeps the better (first) place and the other is kept;
    // frageversion gets its default.
    expect(value.livssituation).toEqual({
      levnadsvanor: { omfattning: "stor", problemstorlek: "stort" },
      valdNaraRelation: { omfattning: "ingen" },
    });
    expect(value.sammanstallning).toEqual({ klientensRangordning: ["levnadsvanor_beteenden", "skulder"] });
    expect(value.intervju).toEqual({ datum: "2026-11-20", intervjuare: "Sara", frageversion: "fia_1" });
    expect(out.kept).toBe(3);
    // The three without a place, and the copy of the violence answers with the question as it
    // was asked (askedAs: FIA 1 asked about violence by anyone, not only by someone close).
    const kept = (value.migrering as { ejOverforda: Array<{ sokvag: string }> }).ejOverforda;
    expect(kept).toHaveLength(4);
    expect(kept[3]!.sokvag).toBe("/livssituation/overgreppTvang");
    expect(value.migrering).toMatchObject({ fran: "fia@1.0.0", till: "fia@2.0.0", datum: "2026-12-01" });
    expect(out.draft).toMatchObject({ schema: "fia@2.0.0", savedAt: NOW });
    // The step belonged to the old sections: the migrated draft starts at the first.
    expect(out.draft.step).toBeUndefined();
    expect(out.from).toBe("fia@1.0.0");
    // The old draft object is not changed.
    expect((draft.value.livssituation as Record<string, unknown>).alkoholDroger).toEqual({ omfattning: "viss", problemstorlek: "litet" });
    // In draft mode (required answers may be missing) the result is a valid 2.0.0 document.
    const v = validatorFor(schema("fia", "2.0.0")).validate(out.draft.value, "draft");
    expect(v.errors).toEqual([]);
  });

  it("are left alone when no migration leads to the form's version", () => {
    expect(canMigrateDraft(draft, "fia@2.0.0", MIGRATIONS)).toBe(true);
    expect(migrateDraft({ ...draft, schema: "fia@2.0.0" }, "fia@1.0.0", MIGRATIONS, NOW)).toBeNull();
    expect(migrateDraft({ ...draft, schema: "fia@0.9.0" }, "fia@2.0.0", MIGRATIONS, NOW)).toBeNull();
    expect(migrateDraft({ ...draft, schema: "sue@1.0.0" }, "fia@2.0.0", MIGRATIONS, NOW)).toBeNull();
    expect(migrateDraft(draft, "fia@2.0.0", [], NOW)).toBeNull();
  });
});
