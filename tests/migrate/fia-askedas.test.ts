import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { migrate } from "../../engine/migrate/migrate.ts";
import { reportLines } from "../../engine/migrate/format.ts";
import { FIXTURES, readJson } from "../helpers.ts";
import { migrations, validator } from "./helpers.ts";
import { track } from "./track.ts";

/**
 * Issue 15: FIA 1.x asked about violence by anyone ("Övergrepp och tvång"); 2.0 asks about
 * violence in a close relation. The answers move, and the question they were given to stays
 * beside them (the move's `askedAs`): a copy in migrering.ejOverforda with the old wording, which
 * the forms show under "Flyttat från en äldre version".
 */

const FIA = migrations("fia");
const DATE = "2025-02-03";
const doc = readJson<Record<string, unknown>>(join(FIXTURES, "fia/migrate/overgrepp-1.1.0.json"));
const answers = (doc.livssituation as Record<string, unknown>).overgreppTvang;

describe("fia 1.1.0 → 2.0.0: Övergrepp och tvång keeps the question it was asked as", () => {
  const r = migrate(doc, "fia@1.1.0", "fia@2.0.0", FIA, { date: DATE });
  const kept = (r.document.migrering as { ejOverforda: Array<{ sokvag: string; version: string; varde: string; skal: string }> }).ejOverforda;

  it("the answers move to Våld i nära relation, the document stays valid, nothing is lost", () => {
    expect((r.document.livssituation as Record<string, unknown>).valdNaraRelation).toEqual(answers);
    expect(validator("fia@2.0.0").validate(r.document).errors).toEqual([]);
    const t = track(doc, r);
    expect(t.lost).toEqual([]);
  });

  it("a copy of the answers with the old question's wording is kept under Flyttat från en äldre version", () => {
    const note = kept.find((k) => k.sokvag === "/livssituation/overgreppTvang");
    expect(note).toBeDefined();
    expect(note!.version).toBe("fia@1.1.0");
    expect(JSON.parse(note!.varde)).toEqual(answers);
    expect(note!.skal).toContain("Övergrepp och tvång");
    expect(note!.skal).toContain("vem som helst");
    expect(r.report.steps[0]!.askedAs).toEqual([
      { op: expect.any(Number), from: "/livssituation/overgreppTvang", to: "/livssituation/valdNaraRelation", value: answers, text: note!.skal },
    ]);
  });

  it("the CLI report names it; the count of answers left out is unchanged by the note", () => {
    const lines = reportLines(r.report);
    expect(lines.some((l) => l.includes("frågat som en annan fråga: /livssituation/overgreppTvang → /livssituation/valdNaraRelation"))).toBe(true);
    expect(r.report.steps[0]!.notTransferred.some((n) => n.path === "/livssituation/overgreppTvang")).toBe(false);
  });

  it("a draft that never reached the area gets no note", () => {
    const draft = { meta: { schema: "fia@1.1.0", status: "draft" }, intervju: { datum: "2024-10-08" } };
    const d = migrate(draft, "fia@1.1.0", "fia@2.0.0", FIA, { date: DATE });
    expect((d.document.migrering as { ejOverforda: unknown[] }).ejOverforda).toEqual([]);
    expect(d.report.steps[0]!.askedAs ?? []).toEqual([]);
  });
});
