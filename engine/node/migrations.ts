import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { InputError, SCHEMAS_DIR, loadRegistry, readJsonFile } from "./files.ts";
import { checkMigration, checkMigrationPaths } from "../migrate/check.ts";
import type { Migration } from "../migrate/types.ts";
import type { Registry } from "../schema/registry.ts";

/** Where an instrument's migrations live: schemas/<instrument>/migrations/<from>-<to>.json. */
export function migrationsDir(instrument: string, schemasDir = SCHEMAS_DIR): string {
  return join(schemasDir, instrument, "migrations");
}

const cache = new Map<string, Migration[]>();

/**
 * Every migration of one instrument, each checked on load (migration.meta.json, then against the
 * two schema versions it joins). A broken file is an InputError in one Swedish line naming it:
 * answers are never moved by a migration that does not hold together.
 */
export function loadMigrations(instrument: string, registry: Registry = loadRegistry(), schemasDir = SCHEMAS_DIR): Migration[] {
  const key = `${schemasDir}\u0000${instrument}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const dir = migrationsDir(instrument, schemasDir);
  const out: Migration[] = [];
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
      const file = join(dir, name);
      const shown = join("schemas", relative(schemasDir, file));
      const data = readJsonFile(file);
      const issues = checkMigration(data);
      const m = data as Migration;
      if (issues.length === 0) {
        if (m.instrument !== instrument) issues.push(`instrument ”${m.instrument}” hör inte till mappen ${instrument}`);
        if (name !== `${m.from}-${m.to}.json`) issues.push(`filen ska heta ${m.from}-${m.to}.json`);
        const fromSchema = registry.get(`${instrument}@${m.from}`);
        const toSchema = registry.get(`${instrument}@${m.to}`);
        if (!fromSchema) issues.push(`${instrument}@${m.from} finns inte`);
        if (!toSchema) issues.push(`${instrument}@${m.to} finns inte`);
        if (fromSchema && toSchema) issues.push(...checkMigrationPaths(m, fromSchema, toSchema));
      }
      if (issues.length > 0) {
        const more = issues.length > 1 ? ` (och ${issues.length - 1} fel till)` : "";
        throw new InputError(`Migreringen ${shown} går inte att använda: ${issues[0]}${more}`);
      }
      out.push(m);
    }
  }
  cache.set(key, out);
  return out;
}
