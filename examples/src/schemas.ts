import { Registry, type JsonSchema, type Migration } from "@blankett/engine/compiler";
import type { SyntheticProfile } from "@blankett/engine/generate";

export const files = import.meta.glob<JsonSchema>("../../schemas/*/*.schema.json", { eager: true, import: "default" });
/** Every schema version in the repository, bundled into the example app. */
export const registry = new Registry(Object.values(files));

/** Answer migrations between versions: a draft saved against an older version can be opened in a newer one. */
export const migrations = Object.values(import.meta.glob<Migration>("../../schemas/*/migrations/*.json", { eager: true, import: "default" }));

export const overlays = import.meta.glob<Record<string, unknown>>("../../schemas/*/variants/*.overlay.json", { eager: true, import: "default" });
export const profiles = import.meta.glob<SyntheticProfile>("../../schemas/*/*.synthetic.json", { eager: true, import: "default" });
export const indicatorFiles = import.meta.glob<unknown>("../../schemas/*/*.indicators.json", { eager: true, import: "default" });

/** Files next to a schema version: "<dir>/<name>/<version>.<kind>.json". */
export function besideSchema<T>(files: Record<string, T>, ref: string, kind: string): T | undefined {
  const [name, version] = ref.split("@");
  return Object.entries(files).find(([p]) => p.endsWith(`/${name}/${version}.${kind}.json`))?.[1];
}
