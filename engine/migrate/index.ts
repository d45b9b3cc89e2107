/** Moving stored answers between instrument versions (`@blankett/engine/migrate`). */
export { migrate, REPORT_KEY } from "./migrate.ts";
export { checkMigration, checkMigrationPaths } from "./check.ts";
export type { Migration } from "./types.ts";
