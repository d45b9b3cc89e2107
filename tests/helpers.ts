import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { JsonSchema } from "../engine/compiler.ts";

export const ROOT = resolve(import.meta.dirname, "..");
export const FIXTURES = join(ROOT, "tests/fixtures");
export const INSTRUMENTS = ["barnahuslogg", "fia", "sue"] as const;

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

export function schema(name: string, version = "1.0.0"): JsonSchema {
  return readJson<JsonSchema>(join(ROOT, "schemas", name, `${version}.schema.json`));
}

/** Fixture files of one kind ("valid", "invalid", "draft"), without the .expect.json sidecars. */
export function fixtureFiles(instrument: string, kind: string): string[] {
  const dir = join(FIXTURES, instrument, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".expect.json"))
    .sort()
    .map((f) => join(dir, f));
}

export interface Expectation {
  pointer: string;
  keyword: string;
  label: string;
}

/**
 * A half-filled FIA 1.0.0 interview as the forms autosave it ({schema, savedAt, step, value}):
 * the tests of opening an older draft in fia@2.0.0 share it. Moved to 2.0.0, the two substance
 * areas merge into levnadsvanor (stor / stort), and three answers have no place (see
 * tests/engine/draftMigration.test.ts, where this is worked out by hand).
 */
export const FIA_1_0_DRAFT = {
  schema: "fia@1.0.0",
  savedAt: "2026-11-20T09:00:00.000Z",
  step: 3,
  value: {
    meta: { schema: "fia@1.0.0", status: "draft" },
    intervju: { datum: "2026-11-20", intervjuare: "Sara" },
    livssituation: {
      alkoholDroger: { omfattning: "viss", problemstorlek: "litet" },
      ovrigaBeroenden: { omfattning: "stor", problemstorlek: "stort" },
      overgreppTvang: { omfattning: "ingen" },
    },
    sammanstallning: { klientensRangordning: ["ovriga_beroenden", "skulder", "alkohol_droger"] },
  },
};
