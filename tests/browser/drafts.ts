import type { Page } from "playwright-core";
import { expect } from "vitest";

/** What both renderers must leave in localStorage after opening FIA_1_0_DRAFT in fia@2.0.0. */
export async function expectMovedFiaDraft(page: Page): Promise<void> {
  const stored = await page.evaluate(() => ({
    now: JSON.parse(localStorage.getItem("blankett:draft:fia@2.0.0") ?? "null"),
    old: localStorage.getItem("blankett:draft:fia@1.0.0"),
  }));
  // Saved under the new version, and only then the old one removed.
  expect(stored.old).toBeNull();
  expect(stored.now).toMatchObject({
    schema: "fia@2.0.0",
    value: {
      meta: { schema: "fia@2.0.0" },
      livssituation: { levnadsvanor: { omfattning: "stor", problemstorlek: "stort" } },
      sammanstallning: { klientensRangordning: ["levnadsvanor_beteenden", "skulder"] },
    },
  });
  // Three answers without a place, and the copy of the violence answers as asked (askedAs).
  expect(stored.now.value.migrering.ejOverforda).toHaveLength(4);
}

/** The notice after the move: three answers had no place (worked out in tests/engine/draftMigration.test.ts). */
export const MOVED_FIA_NOTICE =
  "Utkastet från version 1.0.0 är öppnat i version 2.0.0. 3 svar fick ingen plats i den nya versionen. De finns kvar under ”Flyttat från en äldre version”.";
