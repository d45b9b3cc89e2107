import { compareVersions, refOf, registerPrecompiled, type Draft, type JsonSchema, type MigratedDraft, type Migration } from "@blankett/engine";

/**
 * The instruments a page can name with `<blankett-form instrument="fia@1.0.0">`. A bundle
 * registers the schemas it carries together with their precompiled validators (ajv standalone
 * code generated at build time), so nothing is ever compiled from text in the browser.
 *
 * The list lives on globalThis (under a registered symbol), not in this module: a page may load
 * two bundles (say blankett-sue-1.0.0.js and blankett-fia-1.0.0.js). Only the first defines the
 * elements, so instruments the second registers must reach the first one's elements, and each
 * validator is handed to the engine copy of the element that uses it (see `instrumentSchema`).
 */
export type PrecompiledValidate = (doc: unknown) => boolean;

interface Entry {
  schema: JsonSchema;
  validate?: PrecompiledValidate;
}

interface Store {
  byRef: Map<string, Entry>;
  listeners: Set<() => void>;
  /** Answer migrations between versions (data), for drafts saved against an older version. */
  migrations?: Migration[];
  /** The engine's draft migration, installed with the first migrations (see migrations.ts). */
  migrator?: DraftMigrator;
}

/**
 * Opens an older draft in a newer version. Kept out of this module (and so out of bundles that
 * carry no migrations, ~4 KB gzipped): migrations.ts installs it with the migrations.
 */
export interface DraftMigrator {
  canMigrate(draft: Draft, ref: string, migrations: readonly Migration[]): boolean;
  migrate(draft: Draft, ref: string, migrations: readonly Migration[], now: string): MigratedDraft | null;
}

const KEY = Symbol.for("blankett.instruments");
const holder = globalThis as typeof globalThis & { [KEY]?: Store };
const store: Store = (holder[KEY] ??= { byRef: new Map(), listeners: new Set() });

/** Validators already handed to this bundle's engine. */
const installed = new WeakSet<JsonSchema>();

/**
 * Makes an instrument version available to `instrument="<name>@<version>"` (and to
 * `instrument="<name>"`, which picks the newest registered version). `validate` is the default
 * export of schemas/validators/<name>-<version>.js; without it the form can only be
 * used where the engine's runtime compiler is installed (not in the browser bundles).
 */
export function registerInstrument(schema: JsonSchema, validate?: PrecompiledValidate): string {
  const ref = refOf(schema);
  if (validate && typeof schema.$id !== "string") throw new Error(`Schemat ${ref} saknar $id`);
  store.byRef.set(ref, validate ? { schema, validate } : { schema });
  ensureValidator(schema);
  for (const listener of [...store.listeners]) listener();
  return ref;
}

/** The schema registered under "name@version", or the newest version of "name"; its validator installed. */
export function instrumentSchema(ref: string): JsonSchema | undefined {
  let entry: Entry | undefined;
  if (ref.includes("@")) entry = store.byRef.get(ref);
  else {
    let best: string | undefined;
    for (const key of store.byRef.keys()) {
      if (key.startsWith(ref + "@") && (!best || compareVersions(key.split("@")[1]!, best.split("@")[1]!) > 0)) best = key;
    }
    entry = best ? store.byRef.get(best) : undefined;
  }
  if (!entry) return undefined;
  ensureValidator(entry.schema);
  return entry.schema;
}

/**
 * Hands this bundle's engine the precompiled validator registered for a schema's $id (by this
 * bundle or another one on the page), once per schema object. Schemas nobody registered are left
 * alone: the page may have called the engine's registerPrecompiled itself.
 */
export function ensureValidator(schema: JsonSchema): void {
  if (installed.has(schema) || typeof schema.$id !== "string") return;
  for (const entry of store.byRef.values()) {
    if (entry.validate && entry.schema.$id === schema.$id) {
      registerPrecompiled(schema.$id, entry.validate as never);
      installed.add(schema);
      return;
    }
  }
}

/** Adds migrations and the function that runs them (see migrations.ts); the same step twice keeps the first. */
export function addMigrations(migrations: readonly Migration[], migrator: DraftMigrator): void {
  const list = (store.migrations ??= []);
  store.migrator ??= migrator;
  for (const m of migrations) {
    if (!list.some((x) => x.instrument === m.instrument && x.from === m.from && x.to === m.to)) list.push(m);
  }
}

/** Whether a draft saved against another version can be opened in `ref`, and how. */
export function draftMigration(draft: Draft, ref: string): { open(now: string): MigratedDraft | null } | undefined {
  const { migrator, migrations = [] } = store;
  if (!migrator || !migrator.canMigrate(draft, ref, migrations)) return undefined;
  return { open: (now) => migrator.migrate(draft, ref, migrations, now) };
}

/** Every registered "name@version", in registration order. */
export function registeredInstruments(): string[] {
  return [...store.byRef.keys()];
}

/** Called after each registration; returns the function that stops listening. */
export function onInstrumentRegistered(listener: () => void): () => void {
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}
