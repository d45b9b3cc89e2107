import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../engine/diff/diff.ts";
import { migrationAware, migrationChain, dotPath, pointerOfPath, type AnswerFate } from "../../engine/diff/migration-aware.ts";
import { formatText } from "../../engine/diff/format-text.ts";
import { formatHtml } from "../../engine/diff/format-html.ts";
import { formatMarkdown } from "../../engine/diff/format-markdown.ts";
import { migrate } from "../../engine/migrate/migrate.ts";
import type { Migration } from "../../engine/migrate/types.ts";
import { generated, migrations, schemaOf } from "../migrate/helpers.ts";

/**
 * The diff read together with the migrations: a question the new version no longer has, but whose
 * answers a migration moves, is "flyttas av migreringen till …", not "svaren går förlorade"; and
 * the report says what happens to every stored answer.
 */

const fia = () => {
  const old = schemaOf("fia@1.1.0");
  const next = schemaOf("fia@2.0.0");
  const report = diffSchemas(old, next);
  return { report, aware: migrationAware(report, migrations("fia"), { old, new: next }) };
};

const fate = (answers: AnswerFate[], pointer: string) => {
  const f = answers.find((a) => a.pointer === pointer);
  if (!f) throw new Error(`no fate for ${pointer}`);
  return f;
};

describe("paths", () => {
  it("turns JSON Pointers into migration dot paths and back", () => {
    expect(dotPath("/handelser/*/detaljer/syfte")).toBe("handelser[].detaljer.syfte");
    expect(pointerOfPath("handelser[].detaljer.syfte")).toBe("/handelser/*/detaljer/syfte");
    expect(pointerOfPath("sammanstallning.klientensRangordning[]")).toBe("/sammanstallning/klientensRangordning/*");
  });

  it("finds the chain of consecutive migrations between two versions", () => {
    const all = migrations("fia");
    expect(migrationChain(all, "fia", "1.0.0", "2.0.0").map((m) => `${m.from}-${m.to}`)).toEqual(["1.0.0-1.1.0", "1.1.0-2.0.0"]);
    expect(migrationChain(all, "fia", "1.1.0", "2.0.0")).toHaveLength(1);
    expect(migrationChain(all, "fia", "2.0.0", "1.1.0")).toEqual([]);
    expect(migrationChain(all, "sue", "1.0.0", "2.0.0")).toEqual([]);
  });
});

describe("fia@1.1.0 → fia@2.0.0 with its migration", () => {
  it("reads the declared migration for the step", () => {
    const { aware } = fia();
    expect(aware.steps).toEqual([expect.objectContaining({ from: "fia@1.1.0", to: "fia@2.0.0" })]);
  });

  it("Övergrepp och tvång: removed in the diff, moved into Våld i nära relation by the migration", () => {
    const { report, aware } = fia();
    const i = report.changes.findIndex((c) => c.kind === "item-removed" && c.pointer === "/livssituation/overgreppTvang");
    expect(i).toBeGreaterThanOrEqual(0);
    const note = aware.notes.find((n) => n.change === i);
    expect(note?.placed).toBe(true);
    expect(note?.text).toMatch(/^Svaren flyttas av migreringen till \/livssituation\/valdNaraRelation\. En kopia med frågan som den ställdes sparas i ”Flyttat från en äldre version”: Frågorna ställdes i FIA 1/);
    const f = fate(aware.answers, "/livssituation/overgreppTvang/fysisktVald/nagonsin");
    expect(f.kind).toBe("moved");
    expect(f.to).toEqual(["/livssituation/valdNaraRelation/fysisktVald/nagonsin"]);
  });

  it("names every fate: kept aside, merged, joined, copied, recoded, kept", () => {
    const { aware } = fia();
    const overall = fate(aware.answers, "/livssituation/halsa/halsotillstand");
    expect(overall.kind).toBe("aside");
    expect(overall.text).toMatch(/^Sparas i ”Flyttat från en äldre version”/);
    expect(fate(aware.answers, "/livssituation/alkoholDroger/omfattning")).toMatchObject({ kind: "merged", to: ["/livssituation/levnadsvanor/omfattning"] });
    expect(fate(aware.answers, "/livssituation/ovrigaBeroenden/kommentar")).toMatchObject({ kind: "joined", to: ["/livssituation/levnadsvanor/kommentar"] });
    expect(fate(aware.answers, "/livssituation/halsa/kommentar").to).toHaveLength(3);
    expect(fate(aware.answers, "/sammanstallning/klientensRangordning").kind).toBe("recoded");
    expect(fate(aware.answers, "/intervju/datum")).toMatchObject({ kind: "kept", to: ["/intervju/datum"] });
    expect(aware.answers.filter((a) => a.kind === "unplaced")).toEqual([]);
    expect(aware.defaults).toEqual([expect.objectContaining({ pointer: "/intervju/frageversion", value: "fia_1" })]);
  });

  it("agrees with what migrate does to synthetic answers: every transfer lands where the fate says", () => {
    const { aware } = fia();
    const star = (p: string) => p.replace(/\/\d+(?=\/|$)/g, "/*");
    for (const doc of generated("fia@1.1.0", 20, 7)) {
      const { report } = migrate(doc, "fia@1.1.0", "fia@2.0.0", migrations("fia"));
      for (const t of report.steps[0]!.transfers) {
        const from = star(t.from);
        const f = aware.answers.find((a) => a.pointer === from || from.startsWith(a.pointer + "/") || a.pointer.startsWith(from + "/"));
        expect(f, t.from).toBeDefined();
        if (f!.pointer === from) expect(f!.to.some((to) => star(t.to) === to || star(t.to).startsWith(to + "/")), `${t.from} → ${t.to}`).toBe(true);
      }
      for (const n of report.steps[0]!.notTransferred) {
        const f = aware.answers.find((a) => a.pointer === star(n.path));
        if (f) expect(f.aside, n.path).toBeDefined();
      }
    }
  });

  it("a move the migration does not make is named as unplaced", () => {
    const old = schemaOf("fia@1.1.0");
    const next = schemaOf("fia@2.0.0");
    const report = diffSchemas(old, next);
    const real = migrations("fia").find((m) => m.from === "1.1.0")!;
    const without: Migration = { ...real, operations: real.operations.filter((op) => !(op.op === "move" && op.from === "livssituation.overgreppTvang")) };
    const aware = migrationAware(report, [without], { old, new: next });
    expect(fate(aware.answers, "/livssituation/overgreppTvang/omfattning").kind).toBe("unplaced");
    const i = report.changes.findIndex((c) => c.kind === "item-removed" && c.pointer === "/livssituation/overgreppTvang");
    const note = aware.notes.find((n) => n.change === i)!;
    expect(note.placed).toBe(false);
    expect(note.text).toContain("Ingen migrering placerar");
  });

  it("shows in every format: the note instead of 'svaren går förlorade', and the section on stored answers", () => {
    const { report, aware } = fia();
    const text = formatText(report, { migration: aware });
    expect(text).toContain("Vad händer med sparade svar");
    expect(text).toContain("Svaren flyttas av migreringen till /livssituation/valdNaraRelation.");
    const html = formatHtml(report, { migration: aware });
    expect(html).toContain("Vad händer med sparade svar");
    expect(html).toContain("Svaren flyttas av migreringen till /livssituation/valdNaraRelation.");
    expect(html).toContain("Flyttat från en äldre version");
    const md = formatMarkdown(report, { migration: aware });
    expect(md).toContain("Vad händer med sparade svar");
    expect(md).toContain("/livssituation/valdNaraRelation");
  });
});

describe("barnahuslogg@1.0.0 → 2.0.0", () => {
  it("protection-assessment rows move to their own section; their other details are kept aside", () => {
    const old = schemaOf("barnahuslogg@1.0.0");
    const next = schemaOf("barnahuslogg@2.0.0");
    const report = diffSchemas(old, next);
    const aware = migrationAware(report, migrations("barnahuslogg"), { old, new: next });
    const f = fate(aware.answers, "/handelser/*/detaljer/skyddsbedomningSkal");
    expect(f.to).toContain("/skyddsbedomningar/*/skal");
    expect(f.aside).toBeDefined();
    expect(fate(aware.answers, "/handelser/*/datum").kind).toBe("rows");
  });
});
