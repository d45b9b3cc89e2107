/**
 * Drafts are kept per instrument, version AND local variant (issue 12, point 5). The defect this
 * pins: the renderers derived the draft key from the answers' meta.variant, which a new variant
 * form did not have, so a variant and its national form shared one draft (and the variant form
 * was never valid: its effective schema requires meta.variant).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import "../../engine/validation/compile.ts";
import { applyOverlay } from "../../engine/overlay/overlay.ts";
import { FormSession, draftKey, findDraft, initialDocument, parseDraft, type DraftStorage } from "../../engine/runtime.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";
import { ROOT, schema as national } from "../helpers.ts";

/** A Storage over a Map; without key()/length, so only the keys asked for are read. */
function memory(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const base = national("fia", "1.0.0");
const overlay = JSON.parse(readFileSync(join(ROOT, "schemas/fia/variants/exempelby.overlay.json"), "utf8"));
const variant = applyOverlay(overlay, base).schema as JsonSchema;
const NOW = () => "2026-12-03T10:00:00.000Z";

/** A form session as a renderer starts it for a new form, saving drafts at once. */
function session(schema: JsonSchema, storage: DraftStorage, key: string): FormSession {
  return new FormSession(schema, { doc: initialDocument(schema), drafts: { storage, key, delayMs: 0 }, now: NOW });
}

describe("drafts of a local variant", () => {
  it("the key of a form's schema names the variant; the national form's does not", () => {
    expect(variant).toBeDefined();
    expect(draftKey(variant)).toBe("blankett:draft:fia@1.0.0:exempelby");
    expect(draftKey(base)).toBe("blankett:draft:fia@1.0.0");
    // The schema wins over what a page or the answers say; a national schema keeps a page's variant.
    expect(draftKey(variant, "annanby")).toBe("blankett:draft:fia@1.0.0:exempelby");
    expect(draftKey(base, "annanby")).toBe("blankett:draft:fia@1.0.0:annanby");
    expect(draftKey("fia@1.0.0", "exempelby")).toBe(draftKey(variant));
  });

  it("a new variant form's answers name the variant, so a key derived from them names it too (as the web component derives it)", () => {
    const s = new FormSession(variant, { doc: initialDocument(variant) });
    const meta = s.get().doc.meta as Record<string, unknown>;
    expect(meta.variant).toBe("exempelby");
    expect(Object.keys(meta).slice(0, 2)).toEqual(["schema", "variant"]);
    expect(draftKey(s.model.ref, meta.variant as string)).toBe(draftKey(variant));
    // Not invalid for want of meta.variant, and what leaves the form names the variant.
    expect(s.get().state.allErrors.map((e) => e.pointer)).not.toContain("/meta/variant");
    expect((s.outgoing().meta as Record<string, unknown>).variant).toBe("exempelby");
    // A national form's answers get no variant.
    const n = new FormSession(base, { doc: initialDocument(base) });
    expect((n.get().doc.meta as Record<string, unknown>).variant).toBeUndefined();
  });

  it("a variant and its national form keep separate drafts, each recording its variant", async () => {
    const storage = memory();
    const v = session(variant, storage, draftKey(variant));
    v.set(["lokalt", "tolkBehovs"], true);
    v.flushDraft();
    const n = session(base, storage, draftKey(base));
    n.set(["intervju", "datum"], "2026-12-01");
    n.flushDraft();
    expect([...storage.map.keys()].sort()).toEqual(["blankett:draft:fia@1.0.0", "blankett:draft:fia@1.0.0:exempelby"]);
    const saved = parseDraft(storage.getItem(draftKey(variant)));
    expect(saved?.variant).toBe("exempelby");
    expect(saved?.value.lokalt).toEqual({ tolkBehovs: true });
    expect(parseDraft(storage.getItem(draftKey(base)))?.variant).toBeUndefined();

    // Each form finds its own draft only.
    const forVariant = findDraft(storage, draftKey(variant), "fia@1.0.0", "exempelby");
    expect(forVariant.kind).toBe("same");
    expect(forVariant.kind === "same" && forVariant.draft.value.lokalt).toEqual({ tolkBehovs: true });
    const forNational = findDraft(storage, draftKey(base), "fia@1.0.0", "");
    expect(forNational.kind === "same" && forNational.draft.value.lokalt).toBeUndefined();
  });

  it("a draft that records another variant is never loaded, even under a page's own key", () => {
    const storage = memory();
    const v = session(variant, storage, "sidans-nyckel");
    v.set(["lokalt", "tolkBehovs"], false);
    v.flushDraft();
    expect(findDraft(storage, "sidans-nyckel", "fia@1.0.0", "")).toEqual({ kind: "none" });
    expect(findDraft(storage, "sidans-nyckel", "fia@1.0.0", "annanby")).toEqual({ kind: "none" });
    expect(findDraft(storage, "sidans-nyckel", "fia@1.0.0", "exempelby").kind).toBe("same");
    // Without a variant to compare, as before: the key decides.
    expect(findDraft(storage, "sidans-nyckel", "fia@1.0.0").kind).toBe("same");
  });
});
