import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { JsonSchema } from "../engine/index.ts";

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
