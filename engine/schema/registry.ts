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

/**
 * An instrument reference as written on the command line and in documents: "fia" (the newest
 * version), "fia@1.0.0" (a national version) or "fia@1.0.0+exempelby" (the local variant
 * `exempelby` on that version: semver's build-metadata syntax, so the version part is still the
 * national one).
 */
export interface InstrumentRef {
  name: string;
  version?: string;
  variant?: string;
}

const REF = /^([a-z][a-z0-9-]*)(?:@(\d+\.\d+\.\d+)(?:\+([a-z][a-z0-9-]*))?)?$/;

/** The parts of a reference, or undefined when it is not one (a variant without a version is not). */
export function parseInstrumentRef(ref: string): InstrumentRef | undefined {
  const m = REF.exec(ref);
  if (!m) return undefined;
  return { name: m[1]!, ...(m[2] ? { version: m[2] } : {}), ...(m[3] ? { variant: m[3] } : {}) };
}

/** "fia@1.0.0" plus "+exempelby" for a variant. */
export function formatInstrumentRef(ref: string, variant?: string): string {
  return variant ? `${ref}+${variant}` : ref;
}

/**
 * The local variant a schema is the effective schema of, or undefined for a national schema:
 * `meta.variant`'s const, else the last segment of an `$id` ending in `/variants/<name>`.
 */
export function variantOf(schema: JsonSchema): string | undefined {
  const defs = isSchemaObject(schema.$defs) ? schema.$defs : {};
  const props = isSchemaObject(schema.properties) ? schema.properties : {};
  let meta = props.meta;
  if (isSchemaObject(meta) && typeof meta.$ref === "string" && meta.$ref.startsWith("#/$defs/")) meta = defs[meta.$ref.slice("#/$defs/".length)];
  const metaProps = isSchemaObject(meta) && isSchemaObject(meta.properties) ? meta.properties : {};
  const variant = metaProps.variant;
  if (isSchemaObject(variant) && typeof variant.const === "string" && variant.const !== "") return variant.const;
  const id = typeof schema.$id === "string" ? /\/variants\/([^/]+)$/.exec(schema.$id) : null;
  return id ? id[1] : undefined;
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
