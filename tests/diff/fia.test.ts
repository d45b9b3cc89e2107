import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { validatorFor } from "../../engine/compiler.ts";
import { diffSchemas } from "../../engine/diff/diff.ts";
import { generateDocuments, type SyntheticProfile } from "../../engine/generate/generate.ts";
import { ROOT, readJson, schema } from "../helpers.ts";

/**
 * The real version history of FIA (domain/fia.md, "Versions worth modelling"): 1.1 only adds
 * items, 2.0 restructures the life areas after the 2017 manual. The expectations come from that
 * description, not from the diff's output.
 */

function restamp(doc: unknown, ref: string): unknown {
  const d = structuredClone(doc) as { meta: { schema: string } };
  d.meta.schema = ref;
  return d;
}

describe("fia@1.0.0 → fia@1.1.0", () => {
  const report = () => diffSchemas(schema("fia", "1.0.0"), schema("fia", "1.1.0"));

  it("is compatible and calls for a minor version, which is what 1.1.0 declares", () => {
    const r = report();
    expect(r.counts.breaking).toBe(0);
    expect(r.counts.compatible).toBeGreaterThan(0);
    expect(r.bump).toEqual({ required: "minor", declared: "minor", matches: true });
  });

  it("treats the meta.schema stamp as bookkeeping", () => {
    const stamp = report().changes.filter((c) => c.pointer === "/meta/schema");
    expect(stamp.map((c) => [c.kind, c.class, c.before, c.after])).toEqual([["version-stamp", "bookkeeping", "fia@1.0.0", "fia@1.1.0"]]);
  });

  it("reports the items the trial asked for as added (umgängesbarn, pågående insatser, barn i familjehem, tidigare liv)", () => {
    const added = report()
      .changes.filter((c) => c.kind === "item-added")
      .map((c) => c.pointer.toLowerCase());
    for (const word of ["umgange", "pagaende", "familjehem", "tidigare"]) expect(added.some((p) => p.includes(word)), word).toBe(true);
  });

  it("keeps synthetic 1.0.0 answers valid under 1.1.0 (empty profile and the real one)", () => {
    const old = schema("fia", "1.0.0");
    const v = validatorFor(schema("fia", "1.1.0"));
    const profiles: SyntheticProfile[] = [{ instrument: "fia@1.0.0", fields: {} }, readJson<SyntheticProfile>(join(ROOT, "schemas/fia/1.0.0.synthetic.json"))];
    for (const profile of profiles) {
      for (const doc of generateDocuments(old, profile, { count: 150, seed: 11 })) {
        expect(v.validate(restamp(doc, "fia@1.1.0")).errors).toEqual([]);
      }
    }
  });
});

describe("fia@1.1.0 → fia@2.0.0", () => {
  const report = () => diffSchemas(schema("fia", "1.1.0"), schema("fia", "2.0.0"));

  it("is breaking and calls for a major version, which is what 2.0.0 declares", () => {
    const r = report();
    expect(r.counts.breaking).toBeGreaterThan(0);
    expect(r.bump).toEqual({ required: "major", declared: "major", matches: true });
  });

  it("lists each restructured area: the joint health area removed, its three rows as areas of their own, the new areas", () => {
    const r = report();
    const entries = r.restructured.map((x) => `${x.action} ${x.newPointer ?? x.pointer}`);
    // 1.x had one health area with three rows; 2.0 has three areas.
    expect(entries).toContain("removed /livssituation/halsa");
    for (const area of ["kroppsligHalsa", "psykiskHalsa", "funktionsnedsattning"]) {
      expect(entries.some((e) => /^(moved|added) /.test(e) && e.endsWith(`/livssituation/${area}`)), area).toBe(true);
    }
    // Substance use and other habits gathered as "levnadsvanor och beteenden"; "våld i nära relation" named.
    expect(r.restructured.some((x) => x.action === "added" && /levnadsvanor/i.test(x.pointer))).toBe(true);
    expect(r.restructured.some((x) => x.action === "added" && /vald/i.test(x.pointer))).toBe(true);
    expect(entries).toContain("removed /livssituation/alkoholDroger");
    expect(entries).toContain("removed /livssituation/ovrigaBeroenden");
    // Every restructuring of stored answers is breaking.
    expect(r.restructured.every((x) => x.class === "breaking" || x.action === "added")).toBe(true);
  });

  it("says where moved questions went", () => {
    const moved = report().changes.filter((c) => c.kind === "item-moved");
    const from = moved.map((c) => `${c.pointer} → ${c.newPointer}`);
    expect(from).toContain("/livssituation/halsa/psykiskHalsa → /livssituation/psykiskHalsa");
    expect(moved.every((c) => c.class === "breaking")).toBe(true);
  });

  it("the breaking verdict is real: some synthetic 1.1.0 answers are invalid under 2.0.0", () => {
    const old = schema("fia", "1.1.0");
    const v = validatorFor(schema("fia", "2.0.0"));
    const docs = [...generateDocuments(old, { instrument: "fia@1.1.0", fields: {} }, { count: 20, seed: 3 })];
    expect(docs.some((d) => !v.isValid(restamp(d, "fia@2.0.0")))).toBe(true);
  });
});
