import { compareVersions } from "../schema/registry.ts";
import { MigrationError, type Migration } from "./types.ts";

const REF = /^([a-z][a-z0-9-]*)@(\d+\.\d+\.\d+)$/;

export function parseRef(ref: string): { name: string; version: string } {
  const m = REF.exec(ref);
  if (!m) throw new MigrationError(`”${ref}” är ingen version av ett formulär (skriv till exempel fia@2.0.0)`);
  return { name: m[1]!, version: m[2]! };
}

/**
 * The migrations to run, in order, from one version to another: each step starts where the last
 * ended and goes to the nearest version it reaches (so with 1.0.0→1.1.0 and 1.1.0→2.0.0, going
 * from 1.0.0 to 2.0.0 runs both). Empty when the versions are the same.
 */
export function planSteps(migrations: readonly Migration[], from: string, to: string): Migration[] {
  const a = parseRef(from);
  const b = parseRef(to);
  if (a.name !== b.name) throw new MigrationError(`Svar till ${a.name} kan inte flyttas till ${b.name}: det är olika formulär`);
  const order = compareVersions(a.version, b.version);
  if (order > 0) throw new MigrationError(`Svar kan inte flyttas bakåt, från ${from} till den äldre ${to}`);
  const steps: Migration[] = [];
  let at = a.version;
  while (compareVersions(at, b.version) < 0) {
    const next = migrations
      .filter((m) => m.instrument === a.name && m.from === at && compareVersions(m.to, at) > 0 && compareVersions(m.to, b.version) <= 0)
      .sort((x, y) => compareVersions(x.to, y.to))[0];
    if (!next) throw new MigrationError(`Det finns ingen migrering från ${a.name}@${at} mot ${to}`);
    steps.push(next);
    at = next.to;
  }
  return steps;
}
