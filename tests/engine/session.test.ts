import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FormSession, initialDocument, parseDraft, type DraftStorage } from "../../engine/compiler.ts";
import { schema } from "../helpers.ts";

const fia = schema("fia");
const bh = schema("barnahuslogg");

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const shownAt = (s: FormSession) => [...s.get().errorsAt.keys()];

describe("form session (engine/form/session.ts)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("one pass gives every error and the shown ones: nothing shown on a new form, everything after a submit attempt", () => {
    const s = new FormSession(fia, { doc: initialDocument(fia), guided: true });
    const first = s.get();
    expect(first.state.errors).toEqual([]);
    expect(first.validity.valid).toBe(false);
    expect(first.validity.errorCount).toBe(first.state.allErrors.length);
    expect(first.state.allErrors.map((e) => e.pointer)).toContain("/intervju/datum");
    const after = s.attemptSubmit();
    expect(after.submitted).toBe(true);
    expect(after.state.errors).toEqual(after.state.allErrors);
    // The list of errors did not change: the page is not told twice.
    expect(after.validity).toBe(first.validity);
  });

  it("a text field's errors show once it is left after a change, not while typing", () => {
    const s = new FormSession(fia, { doc: initialDocument(fia), guided: true });
    s.set(["intervju", "datum"], "2026-13-45");
    s.markDirty("/intervju/datum");
    expect(shownAt(s)).toEqual([]);
    s.leave("/intervju/datum");
    expect(shownAt(s)).toEqual(["/intervju/datum"]);
    // Leaving a field that was not changed touches nothing.
    s.leave("/intervju/handlaggare");
    expect(s.get().touched.has("/intervju/handlaggare")).toBe(false);
  });

  it("set with touch marks the field in the same engine pass (one snapshot)", () => {
    const s = new FormSession(fia, { doc: initialDocument(fia), guided: true });
    const seen: number[] = [];
    s.subscribe(() => seen.push(s.get().revision));
    s.set(["intervju", "datum"], "inte ett datum", { touch: true });
    expect(seen).toEqual([1]);
    expect(shownAt(s)).toEqual(["/intervju/datum"]);
  });

  it("a choice made before its value arrives is touched with that value (React's order)", () => {
    const s = new FormSession(fia, { doc: initialDocument(fia), guided: true });
    s.choose("/intervju/datum");
    expect(s.get().touched.size).toBe(0);
    s.replace({ ...s.get().doc, intervju: { datum: "fel" } });
    expect(s.get().touched.has("/intervju/datum")).toBe(true);
  });

  it("removing a row moves the marks of later rows up: a row that moves up shows no errors it has not earned", () => {
    const rows = [{ datum: "2026-01-01" }, { datum: "fel" }, { datum: "också fel" }];
    const s = new FormSession(bh, { doc: { ...initialDocument(bh), handelser: rows } });
    s.touch("/handelser/1/datum");
    expect(shownAt(s)).toContain("/handelser/1/datum");
    s.removeRow(["handelser"], rows, 0);
    // The touched row (was 1) is now row 0; the row now at 1 (was 2) was never touched.
    expect(s.get().touched.has("/handelser/0/datum")).toBe(true);
    expect(s.get().touched.has("/handelser/1/datum")).toBe(false);
    expect(shownAt(s).filter((p) => p.startsWith("/handelser/1/"))).toEqual([]);
    expect(shownAt(s)).toContain("/handelser/0/datum");
  });

  it("edits are counted for the page; a reset is not an edit unless the person made it", () => {
    const s = new FormSession(fia, { doc: initialDocument(fia), guided: true });
    s.set(["intervju", "datum"], "2026-01-01");
    expect(s.get().edits).toBe(1);
    s.reset(initialDocument(fia));
    expect(s.get()).toMatchObject({ edits: 1, revision: 2, submitted: false });
    expect(s.get().touched.size).toBe(0);
    s.reset(initialDocument(fia), 0, { edit: true });
    expect(s.get().edits).toBe(2);
  });

  it("the guided step never rests on a hidden section, and outgoing says draft or complete", () => {
    const s = new FormSession(fia, { doc: initialDocument(fia), guided: true });
    s.setStep(99);
    expect(s.get().step).toBe(7);
    s.setStep(-3);
    expect(s.get().step).toBe(0);
    const out = s.outgoing();
    expect((out.meta as { status: string }).status).toBe("draft");
    expect((out.meta as { schema: string }).schema).toBe("fia@1.0.0");
  });

  it("writes a draft once, 300 ms after the last change, with the step; a submit discards it", () => {
    const storage = memoryStorage();
    const s = new FormSession(fia, { doc: initialDocument(fia), guided: true, drafts: { storage, key: "k" }, now: () => "2026-12-03T00:00:00.000Z" });
    const writes = vi.spyOn(storage, "setItem");
    s.set(["intervju", "datum"], "2026-01-0");
    vi.advanceTimersByTime(200);
    s.set(["intervju", "datum"], "2026-01-01");
    vi.advanceTimersByTime(299);
    expect(writes).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(writes).toHaveBeenCalledTimes(1);
    const draft = parseDraft(storage.map.get("k"));
    expect(draft).toMatchObject({ schema: "fia@1.0.0", savedAt: "2026-12-03T00:00:00.000Z", step: 0 });
    expect((draft!.value.intervju as { datum: string }).datum).toBe("2026-01-01");
    // A step change is saved too (the interview reopens where it was).
    s.setStep(2);
    s.flushDraft();
    expect(parseDraft(storage.map.get("k"))!.step).toBe(2);
    s.set(["intervju", "datum"], "2026-01-02");
    s.discardDraft();
    vi.advanceTimersByTime(1000);
    expect(storage.map.has("k")).toBe(false);
  });

  it("no drafts: nothing is written, ever", () => {
    const storage = memoryStorage();
    const s = new FormSession(fia, { doc: initialDocument(fia), guided: true, drafts: null });
    s.set(["intervju", "datum"], "2026-01-01");
    vi.advanceTimersByTime(1000);
    s.flushDraft();
    expect(storage.map.size).toBe(0);
  });
});
