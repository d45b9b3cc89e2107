/**
 * Drafts in localStorage (DOM contract 10): the answers under "blankett:draft:<ref>" (+ ":" +
 * variant) as JSON {schema, savedAt, step?, value}. A draft made on another version of the
 * instrument is never loaded silently: the form says it exists (migration comes later).
 */
export interface Draft {
  schema: string;
  savedAt: string;
  step?: number;
  value: Record<string, unknown>;
}

export const DRAFT_PREFIX = "blankett:draft:";

export function draftKeyOf(ref: string, variant?: string): string {
  return DRAFT_PREFIX + ref + (variant ? ":" + variant : "");
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Storage can be switched off (privacy settings, sandboxed frames): the form works without drafts.
    return null;
  }
}

function parse(text: string | null): Draft | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as Partial<Draft>;
    if (!d || typeof d !== "object" || typeof d.schema !== "string" || !d.value || typeof d.value !== "object" || Array.isArray(d.value)) return null;
    return {
      schema: d.schema,
      savedAt: typeof d.savedAt === "string" ? d.savedAt : "",
      value: d.value as Record<string, unknown>,
      ...(typeof d.step === "number" && Number.isInteger(d.step) && d.step >= 0 ? { step: d.step } : {}),
    };
  } catch {
    return null;
  }
}

export type DraftLookup = { kind: "none" } | { kind: "same"; draft: Draft } | { kind: "other"; draft: Draft; key: string };

/**
 * The draft for this form, or one from another version of the same instrument (same variant):
 * those are found by their key, "blankett:draft:<instrument>@<version>[:<variant>]".
 */
export function findDraft(key: string, ref: string): DraftLookup {
  const s = storage();
  if (!s) return { kind: "none" };
  const own = parse(s.getItem(key));
  if (own) return own.schema === ref ? { kind: "same", draft: own } : { kind: "other", draft: own, key };
  const instrument = ref.split("@")[0] ?? ref;
  const suffix = key.startsWith(DRAFT_PREFIX + ref) ? key.slice((DRAFT_PREFIX + ref).length) : null;
  if (suffix === null) return { kind: "none" };
  let best: { draft: Draft; key: string } | null = null;
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (!k || k === key || !k.startsWith(DRAFT_PREFIX + instrument + "@")) continue;
    const rest = k.slice((DRAFT_PREFIX + instrument + "@").length);
    const at = rest.indexOf(":");
    if ((at === -1 ? "" : rest.slice(at)) !== suffix) continue;
    const d = parse(s.getItem(k));
    if (d && d.schema !== ref && (!best || d.savedAt > best.draft.savedAt)) best = { draft: d, key: k };
  }
  return best ? { kind: "other", ...best } : { kind: "none" };
}

export function writeDraft(key: string, draft: Draft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or blocked storage: the answers are still in the form; nothing to tell the person here.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // As above.
  }
}

/** "fia@1.0.0" → "1.0.0". */
export function versionOf(ref: string): string {
  const at = ref.lastIndexOf("@");
  return at === -1 ? ref : ref.slice(at + 1);
}
