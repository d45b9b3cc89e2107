import { canMigrateDraft, migrateDraft, type Migration } from "@blankett/engine";
import { addMigrations } from "./registry.ts";

/**
 * Makes answer migrations (the JSON files in schemas/<name>/migrations/) available, so a draft
 * saved against an older version can be opened in the form's version. A module of its own: only
 * bundles that carry migrations (and pages that import this) pay for the engine's migration code.
 */
export function registerMigrations(migrations: readonly Migration[]): void {
  addMigrations(migrations, { canMigrate: canMigrateDraft, migrate: migrateDraft });
}
