import type { InstrumentInfo, JsonSchema } from "./types.ts";
import { isSchemaObject } from "./types.ts";

/** Compares "1.10.0" and "1.9.0" numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function instrumentOf(schema: JsonSchema): InstrumentInfo {
  const info = schema["x-instrument"];
  if (!isSchemaObject(info) || typeof info.name !== "string" || typeof info.version !== "string") {
    throw new Error("Schemat saknar x-instrument med namn och version");
  }
  return info as unknown as InstrumentInfo;
}

export function refOf(schema: JsonSchema): string {
  const { name, version } = instrumentOf(schema);
  return `${name}@${version}`;
}

export interface InstrumentListing {
  name: string;
  title: string;
  versions: string[];
}

/** All known schema versions, looked up by "name@version" or by "name" (the newest version). */
export class Registry {
  private readonly byRef = new Map<string, JsonSchema>();

  constructor(schemas: Iterable<JsonSchema>) {
    for (const s of schemas) this.byRef.set(refOf(s), s);
  }

  list(): InstrumentListing[] {
    const byName = new Map<string, InstrumentListing>();
    for (const s of this.byRef.values()) {
      const info = instrumentOf(s);
      const entry = byName.get(info.name) ?? { name: info.name, title: info.title, versions: [] };
      entry.versions.push(info.version);
      byName.set(info.name, entry);
    }
    const out = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const e of out) {
      e.versions.sort(compareVersions);
      const newest = this.byRef.get(`${e.name}@${e.versions[e.versions.length - 1]}`);
      if (newest) e.title = instrumentOf(newest).title;
    }
    return out;
  }

  /** "fia@1.0.0" or "fia"; undefined when unknown. */
  get(ref: string): JsonSchema | undefined {
    if (ref.includes("@")) return this.byRef.get(ref);
    const entry = this.list().find((e) => e.name === ref);
    if (!entry) return undefined;
    return this.byRef.get(`${ref}@${entry.versions[entry.versions.length - 1]}`);
  }

  /** Every version of one instrument, oldest first. */
  versionsOf(name: string): JsonSchema[] {
    const entry = this.list().find((e) => e.name === name);
    return entry ? entry.versions.map((v) => this.byRef.get(`${name}@${v}`)!) : [];
  }
}
