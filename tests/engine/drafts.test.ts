import { describe, expect, it } from "vitest";
import { draftKey, findDraft, parseDraft, readDraft, removeDraft, replaceDraft, versionOf, writeDraft, type DraftStorage } from "../../engine/runtime.ts";

/** A Storage over a Map, with key()/length like the browser's. */
function memory(entries: Record<string, string> = {}): DraftStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

const draft = (schema: string, savedAt = "2026-01-01T00:00:00.000Z", extra: object = {}) => JSON.stringify({ schema, savedAt, value: { a: 1 }, ...extra });

describe("drafts", () => {
  it("keys: blankett:draft:<ref>[:<variant>]", () => {
    expect(draftKey("fia@1.0.0")).toBe("blankett:draft:fia@1.0.0");
    expect(draftKey("fia@1.0.0", "malmo")).toBe("blankett:draft:fia@1.0.0:malmo");
    expect(versionOf("fia@1.1.0")).toBe("1.1.0");
  });

  it("bad JSON or a wrong shape reads as no draft; a bad step is dropped", () => {
    expect(parseDraft("{not json")).toBeNull();
    expect(parseDraft("null")).toBeNull();
    expect(parseDraft("[]")).toBeNull();
    expect(parseDraft(JSON.stringify({ schema: 1, value: {} }))).toBeNull();
    expect(parseDraft(JSON.stringify({ schema: "fia@1.0.0", value: [1] }))).toBeNull();
    expect(parseDraft(JSON.stringify({ schema: "fia@1.0.0" }))).toBeNull();
    expect(parseDraft(JSON.stringify({ schema: "fia@1.0.0", value: {}, step: -1 }))).toEqual({ schema: "fia@1.0.0", savedAt: "", value: {} });
    expect(parseDraft(JSON.stringify({ schema: "fia@1.0.0", savedAt: "s", value: { b: 2 }, step: 3 }))).toEqual({ schema: "fia@1.0.0", savedAt: "s", step: 3, value: { b: 2 } });
  });

  it("write, read and remove; blocked storage is never an error", () => {
    const s = memory();
    writeDraft(s, "k", { schema: "fia@1.0.0", savedAt: "t", value: { x: "y" } });
    expect(readDraft(s, "k")).toEqual({ schema: "fia@1.0.0", savedAt: "t", value: { x: "y" } });
    removeDraft(s, "k");
    expect(s.map.size).toBe(0);
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => {
        throw new Error("blocked");
      },
    };
    expect(() => writeDraft(broken, "k", { schema: "a@1", savedAt: "", value: {} })).not.toThrow();
    expect(() => removeDraft(broken, "k")).not.toThrow();
    expect(readDraft(broken, "k")).toBeNull();
    expect(findDraft(broken, "k", "a@1")).toEqual({ kind: "none" });
    expect(findDraft(null, "k", "a@1")).toEqual({ kind: "none" });
  });

  it("same version is loaded; another version (same variant, newest) is only reported", () => {
    const ref = "fia@1.1.0";
    const s = memory({
      "blankett:draft:fia@1.0.0": draft("fia@1.0.0", "2026-01-01"),
      "blankett:draft:fia@0.9.0": draft("fia@0.9.0", "2026-02-01"),
      "blankett:draft:fia@1.0.0:malmo": draft("fia@1.0.0", "2026-03-01"),
      "blankett:draft:sue@1.0.0": draft("sue@1.0.0", "2026-04-01"),
      "blankett:draft:fia@2.0.0": "{broken",
    });
    const other = findDraft(s, draftKey(ref), ref);
    expect(other.kind).toBe("other");
    expect(other.kind === "other" && [other.key, other.draft.savedAt]).toEqual(["blankett:draft:fia@0.9.0", "2026-02-01"]);
    const variant = findDraft(s, draftKey(ref, "malmo"), ref);
    expect(variant.kind === "other" && variant.key).toBe("blankett:draft:fia@1.0.0:malmo");

    s.setItem(draftKey(ref), draft(ref, "2026-05-01", { step: 2 }));
    const same = findDraft(s, draftKey(ref), ref);
    expect(same).toEqual({ kind: "same", draft: { schema: ref, savedAt: "2026-05-01", step: 2, value: { a: 1 } } });

    // A draft under the form's own key made in another version is reported, not loaded.
    s.setItem("own", draft("fia@1.0.0"));
    expect(findDraft(s, "own", ref).kind).toBe("other");
    // A page's own key finds only itself.
    expect(findDraft(s, "elsewhere", ref)).toEqual({ kind: "none" });
  });

  it("a draft moved to another key is saved there before the old one goes; a failed save keeps the old one", () => {
    const moved = { schema: "fia@2.0.0", savedAt: "2026-12-01T10:00:00.000Z", value: { a: 2 } };
    const ok = memory({ "blankett:draft:fia@1.0.0": draft("fia@1.0.0") });
    replaceDraft(ok, "blankett:draft:fia@1.0.0", "blankett:draft:fia@2.0.0", moved);
    expect([...ok.map.keys()]).toEqual(["blankett:draft:fia@2.0.0"]);
    expect(readDraft(ok, "blankett:draft:fia@2.0.0")).toEqual(moved);
    const full = memory({ "blankett:draft:fia@1.0.0": draft("fia@1.0.0") });
    full.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    replaceDraft(full, "blankett:draft:fia@1.0.0", "blankett:draft:fia@2.0.0", moved);
    expect([...full.map.keys()]).toEqual(["blankett:draft:fia@1.0.0"]);
  });
});
