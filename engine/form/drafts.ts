import { refOf, variantOf } from "../schema/registry.ts";
import type { JsonSchema } from "../schema/types.ts";

/**
 * Drafts (DOM contract 10): a form's answers kept in browser storage under
 * "blankett:draft:<ref>" (+ ":" + variant) as JSON {schema, variant?, savedAt, step?, value}. The storage is
 * passed in (localStorage in a page, a Map in a test), so this stays framework- and DOM-free.
 * Storage may be missing, blocked or full (privacy settings, sandboxed frames, quota) and what it
 * holds may be anything: every access is guarded, a bad entry reads as "no draft", and nothing
 * here ever logs a draft (it holds answers). A draft is a convenience, never a failure.
 */

/** What drafts need of a Storage. `key`/`length` (to find drafts of other versions) are optional. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key?(index: number): string | null;
  readonly length?: number;
}

export interface Draft {
  /** The ref ("instrument@version") of the form the draft was made in. */
  schema: string;
  /** The local variant of the form, when it was one (its effective schema's variant). */
  variant?: string;
  savedAt: string;
  /** The step of a guided interview, if the form was guided. */
  step?: number;
  value: Record<string, unknown>;
}

export const DRAFT_PREFIX = "blankett:draft:";

/**
 * The draft key of a form: instrument, version and local variant. Given the form's schema, the
 * variant is read from it (a variant's effective schema says which it is: `meta.variant`'s const,
 * its `$id`), so a variant form and its national form never share a draft, whatever the answers
 * say; `variant` (a page's own, or the answers' meta.variant) then counts only for a national
 * schema. Given a ref ("fia@1.0.0"), the key is that ref and `variant`.
 */
export function draftKey(form: string | JsonSchema, variant?: string): string {
  const ref = typeof form === "string" ? form : refOf(form);
  const named = (typeof form === "string" ? undefined : variantOf(form)) ?? (variant || undefined);
  return DRAFT_PREFIX + ref + (named ? ":" + named : "");
}

/** The page's localStorage, or null where there is none or it is switched off. */
export function browserDraftStorage(): DraftStorage | null {
  try {
    const s = (globalThis as { localStorage?: DraftStorage }).localStorage;
    return s ?? null;
  } catch {
    // Reading localStorage itself throws where storage is blocked: the form works without drafts.
    return null;
  }
}

/** A stored draft's text as a Draft, or null for anything else (bad JSON, wrong shape). */
export function parseDraft(text: string | null | undefined): Draft | null {
  if (!text) return null;
  let d: unknown;
  try {
    d = JSON.parse(text);
  } catch {
    return null;
  }
  if (!d || typeof d !== "object" || Array.isArray(d)) return null;
  const { schema, variant, savedAt, step, value } = d as Record<string, unknown>;
  if (typeof schema !== "string" || !value || typeof value !== "object" || Array.isArray(value)) return null;
  return {
    schema,
    ...(typeof variant === "string" && variant !== "" ? { variant } : {}),
    savedAt: typeof savedAt === "string" ? savedAt : "",
    value: value as Record<string, unknown>,
    // A step that is not a step (negative, fractional, text) is dropped: the draft starts at the first.
    ...(typeof step === "number" && Number.isInteger(step) && step >= 0 ? { step } : {}),
  };
}

export function readDraft(storage: DraftStorage | null, key: string): Draft | null {
  if (!storage) return null;
  try {
    return parseDraft(storage.getItem(key));
  } catch {
    return null;
  }
}

export function writeDraft(storage: DraftStorage | null, key: string, draft: Draft): void {
  try {
    storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or blocked storage: the answers are still in the form; only the autosave is lost.
  }
}

export function removeDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to clean up where storage is blocked.
  }
}

/**
 * Moves a draft to another key (an older version's draft opened in this one): saved under `toKey`
 * first, and the old one removed only once the new one reads back, so a full or blocked storage
 * loses nothing.
 */
export function replaceDraft(storage: DraftStorage | null, fromKey: string, toKey: string, draft: Draft): void {
  writeDraft(storage, toKey, draft);
  if (fromKey !== toKey && readDraft(storage, toKey)?.schema === draft.schema) removeDraft(storage, fromKey);
}

/**
 * The draft under `key` for the form `ref`: "same" (made in this version: load it), "other" (made
 * in another version: never loaded silently, the form says it exists — migration comes later) or
 * "none". With no draft under `key`, drafts of other versions of the same instrument and variant
 * are looked for by their keys, "blankett:draft:<instrument>@<version>[:<variant>]"; the newest
 * wins. A key that is not the default one for `ref` (a page's own key) only finds itself.
 * `variant` is the form's local variant ("" for a national form; leave it out not to compare).
 */
export type DraftLookup = { kind: "none" } | { kind: "same"; draft: Draft } | { kind: "other"; draft: Draft; key: string };

export function findDraft(storage: DraftStorage | null, key: string, ref: string, variant?: string): DraftLookup {
  if (!storage) return { kind: "none" };
  const own = readDraft(storage, key);
  // A draft that says it was made in another variant (or in a variant, for a national form, or
  // the reverse) is not this form's: never loaded into it. Drafts that say nothing are taken as
  // their key says.
  if (own && variant !== undefined && own.variant !== undefined && own.variant !== variant) return { kind: "none" };
  if (own) return own.schema === ref ? { kind: "same", draft: own } : { kind: "other", draft: own, key };
  const suffix = key.startsWith(DRAFT_PREFIX + ref) ? key.slice((DRAFT_PREFIX + ref).length) : null;
  if (suffix === null || typeof storage.key !== "function" || typeof storage.length !== "number") return { kind: "none" };
  const instrumentPrefix = DRAFT_PREFIX + (ref.split("@")[0] ?? ref) + "@";
  let best: { draft: Draft; key: string } | null = null;
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (!k || k === key || !k.startsWith(instrumentPrefix)) continue;
      const rest = k.slice(instrumentPrefix.length);
      const at = rest.indexOf(":");
      if ((at === -1 ? "" : rest.slice(at)) !== suffix) continue;
      const d = readDraft(storage, k);
      if (d && d.schema !== ref && (!best || d.savedAt > best.draft.savedAt)) best = { draft: d, key: k };
    }
  } catch {
    return { kind: "none" };
  }
  return best ? { kind: "other", ...best } : { kind: "none" };
}

/** "fia@1.0.0" → "1.0.0" (the text after the last "@"; a ref without one is returned whole). */
export function versionOf(ref: string): string {
  const at = ref.lastIndexOf("@");
  return at === -1 ? ref : ref.slice(at + 1);
}
