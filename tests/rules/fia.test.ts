import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { checkDocument, rulesFor, type RuleResult } from "../../engine/compiler.ts";
import { CompiledRules } from "../../engine/rules/evaluate.ts";
import { FIXTURES, readJson, schema } from "../helpers.ts";

const fia = schema("fia");
type Doc = Record<string, any>;
/** interview-2: a client with two small problems (kroppslig hälsa, skulder: "litet"), no support needs. */
const base = (): Doc => readJson<Doc>(join(FIXTURES, "fia/valid/interview-2.json"));

function result(doc: Doc, id: string): RuleResult {
  const r = rulesFor(fia).run(doc).results.find((x) => x.id === id);
  if (!r) throw new Error(`no result ${id}`);
  return r;
}

describe("FIA 1.0.0 summary category (from the interviewer's two judgements)", () => {
  it.each([
    [false, false, "ej_stod_arbete_ej_socialt", "Ej stödbehov i arbete eller socialt"],
    [false, true, "ej_stod_arbete_socialt", "Ej stödbehov i arbete men socialt"],
    [true, false, "stod_arbete_ej_socialt", "Stödbehov i arbete, ej socialt"],
    [true, true, "stod_arbete_socialt", "Stödbehov i arbete och socialt"],
  ])("arbete=%s socialt=%s → %s", (arbete, socialt, code, label) => {
    const doc = base();
    doc.bedomning.stodbehovArbete = arbete;
    doc.bedomning.socialtStodbehov = socialt;
    const r = result(doc, "kategori");
    expect(r.value).toEqual({ code, label });
    expect(r.explanation!.inputs).toEqual([
      { path: "bedomning.stodbehovArbete", value: arbete },
      { path: "bedomning.socialtStodbehov", value: socialt },
    ]);
  });

  it("gives no category until both judgements are answered", () => {
    const doc = base();
    delete doc.bedomning.socialtStodbehov;
    expect(result(doc, "kategori").value).toBeNull();
  });
});

describe("FIA 1.0.0 summary profile", () => {
  it("marks where each area applies, its problem size and the client's rank", () => {
    const doc = base();
    doc.livssituation.boende = { omfattning: "stor", problemstorlek: "mycket_stort" };
    doc.livssituation.socialtNatverk = { omfattning: "ingen", problemstorlek: "stort" }; // size given but the area does not apply
    doc.sammanstallning.klientensRangordning = ["skulder", "boende"];
    const rows = result(doc, "profil").value as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(14);
    const by = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(by.boende).toEqual({ code: "boende", label: "Boende", galler: true, omfattning: "stor", problemstorlek: "mycket_stort", minstMattligt: true, rang: 2 });
    expect(by.skulder).toEqual({ code: "skulder", label: "Skulder", galler: true, omfattning: "viss", problemstorlek: "litet", minstMattligt: false, rang: 1 });
    expect(by.socialt_natverk).toMatchObject({ galler: false, problemstorlek: null, minstMattligt: false, rang: null });
    expect(by.kroppslig_halsa).toMatchObject({ galler: true, problemstorlek: "litet", minstMattligt: false });
    expect(result(doc, "omradenMedProblem").value).toEqual(["boende"]);
  });
});

describe("FIA 1.0.0 indications beside the judgement", () => {
  it("indicates no social support need with only small problems, and no flag when the judgement agrees", () => {
    const report = checkDocument(fia, base());
    expect(report.results.find((r) => r.id === "indikationSocialt")!.value).toBe(false);
    expect(report.warnings).toEqual([]);
  });

  it("flags a mismatch, with its reason, when the judgement differs from the indication — and keeps the judgement", () => {
    const doc = base();
    doc.livssituation.halsa.psykiskHalsa = { omfattning: "stor", problemstorlek: "stort" };
    const report = checkDocument(fia, doc);
    expect(report.results.find((r) => r.id === "indikationSocialt")!.value).toBe(true);
    expect(report.results.find((r) => r.id === "kategori")!.value).toEqual({ code: "ej_stod_arbete_ej_socialt", label: "Ej stödbehov i arbete eller socialt" });
    const flag = report.warnings.find((w) => w.rule === "indikationSocialt");
    expect(flag).toBeDefined();
    expect(flag!.pointer).toBe("/bedomning/socialtStodbehov");
    expect(flag!.message).toMatch(/^Din bedömning av socialt stödbehov skiljer sig från indikationen/);
    // The reason: which areas made the indication, by name.
    expect(flag!.explanation!.inputs).toContainEqual({ path: "@.omradenMedProblem", value: ["psykisk_halsa"] });
  });

  it("indicates support need in work from two hard parts of job seeking", () => {
    const doc = base();
    doc.arbete.svarighetJobbsokande.hittaJobb = "svart";
    expect(result(doc, "indikationArbete").value).toBe(false);
    doc.arbete.svarighetJobbsokande.intervju = "mycket_svart";
    expect(result(doc, "indikationArbete").value).toBe(true);
    const report = checkDocument(fia, doc);
    expect(report.warnings.map((w) => w.rule)).toEqual(["indikationArbete"]);
  });
});

describe("FIA 1.0.0 plan checks", () => {
  it("requires follow-up dates after the interview date (errors) and sub-goals and dates per goal (warnings)", () => {
    const doc = base(); // interview 2025-02-03
    doc.plan.mal.push({ mal: "Börja simma", uppfoljningsdatum: "2025-02-03" }, { mal: "Gå en kurs", delmal: [{ beskrivning: "Anmäl dig" }] });
    doc.plan.nastaUppfoljning = "2025-01-31";
    const report = checkDocument(fia, doc);
    expect(report.errors.map((e) => [e.pointer, e.message])).toEqual([
      ["/plan/mal/1/uppfoljningsdatum", "Uppföljningen av mål 2 måste vara efter intervjun (2025-02-03)."],
      ["/plan/nastaUppfoljning", "Nästa uppföljning måste vara efter intervjun (2025-02-03)."],
    ]);
    expect(report.warnings.map((w) => w.pointer)).toEqual(["/plan/mal/1/delmal", "/plan/mal/2/uppfoljningsdatum"]);
  });
});

describe("rules are data", () => {
  it("a rule added to the schema changes the results with no code change", () => {
    const extended = structuredClone(fia) as Record<string, any>;
    extended["x-rules"].push({
      id: "mangaProblem",
      kind: "check",
      severity: "warning",
      title: "Många problemområden",
      assert: { "<": [{ count: { var: "@.omradenMedProblem" } }, 3] },
      pointer: "/sammanstallning",
      values: { antal: { count: { var: "@.omradenMedProblem" } } },
      message: "{antal} områden har minst måttliga problem. Prioritera tillsammans med klienten.",
    });
    const doc = readJson<Doc>(join(FIXTURES, "fia/valid/interview-1.json"));
    expect(rulesFor(fia).run(doc).findings.map((f) => f.rule)).not.toContain("mangaProblem");
    const findings = rulesFor(extended).run(doc).findings.filter((f) => f.rule === "mangaProblem");
    // interview-1 has moderate-or-worse problems in: boende, situationen hemma, socialt nätverk,
    // psykisk hälsa, övergrepp och tvång, skulder, närståendes problem (read off the fixture).
    expect(findings.map((f) => f.message)).toEqual(["7 områden har minst måttliga problem. Prioritera tillsammans med klienten."]);
  });

  it("refuses two rules with the same id", () => {
    expect(() => new CompiledRules([{ id: "a", kind: "value", title: "A", expr: 1 }, { id: "a", kind: "value", title: "A", expr: 2 }])).toThrow(/två gånger/);
  });
});
