/**
 * Drafts in localStorage: key "blankett:draft:<ref>" (":<variant>" appended for a local variant),
 * value JSON { schema, savedAt, step?, value }. Storage may be missing or full (private mode,
 * sandboxed frames, quota): every access is guarded, a draft is a convenience, never a failure.
 */
export interface Draft {
  schema: string;
  savedAt: string;
  step?: number;
  value: unknown;
}

const PREFIX = "blankett:draft:";

export function draftKey(ref: string, variant?: string): string {
  return PREFIX + ref + (variant ? ":" + variant : "");
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function isDraft(x: unknown): x is Draft {
  if (x === null || typeof x !== "object") return false;
  const d = x as Record<string, unknown>;
  return typeof d.schema === "string" && "value" in d && (d.step === undefined || typeof d.step === "number");
}

export function readDraft(key: string): Draft | undefined {
  try {
    const text = storage()?.getItem(key);
    if (!text) return undefined;
    const parsed: unknown = JSON.parse(text);
    return isDraft(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, draft: Draft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or blocked storage: the form keeps working, only the autosave is lost.
  }
}

export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to clean up where storage is blocked.
  }
}

/**
 * A draft of the same instrument (and variant) saved against another version, if any: the form
 * does not load it silently (answers would have to be migrated first) but says it exists.
 */
export function otherVersionDraft(ref: string, variant?: string): Draft | undefined {
  const name = ref.split("@")[0];
  const own = draftKey(ref, variant);
  const s = storage();
  if (!s) return undefined;
  try {
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (!key || key === own || !key.startsWith(PREFIX + name + "@")) continue;
      const rest = key.slice(PREFIX.length);
      const keyVariant = rest.includes(":") ? rest.slice(rest.indexOf(":") + 1) : undefined;
      if (keyVariant !== variant) continue;
      const draft = readDraft(key);
      if (draft && draft.schema !== ref) return draft;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** "fia@0.9.0" → "0.9.0". */
export function versionOf(ref: string): string {
  return ref.includes("@") ? ref.slice(ref.indexOf("@") + 1) : ref;
}
