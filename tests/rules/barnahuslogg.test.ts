import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { checkDocument } from "../../engine/compiler.ts";
import { FIXTURES, readJson, schema } from "../helpers.ts";

const bh = schema("barnahuslogg");
type Doc = Record<string, any>;
const moa = (): Doc => readJson<Doc>(join(FIXTURES, "barnahuslogg/valid/moa.json"));
const andrej = (): Doc => readJson<Doc>(join(FIXTURES, "barnahuslogg/valid/andrej.json"));
const value = (doc: Doc, id: string) => checkDocument(bh, doc).results.find((r) => r.id === id)!.value;
const ruleIds = (findings: object[]) => findings.map((f) => ("rule" in f ? f.rule : "schema"));

/*
 * Expected findings worked out by hand from the report's two logs (5.5.2, 5.5.3):
 * - neither log records a protection assessment, the child's own wishes, or who informed the
 *   child ("Informerad av:" is empty on every row: Moa 7 rows, Andrej 10 rows);
 * - both have a police report and a prosecution decision; Moa's case was closed (no judgment
 *   expected), Andrej's went to trial with a judgment row (23 augusti);
 * - both interview rows describe how the child was picked up;
 * - Moa's investigation ran 1 mars → 3 maj (63 days), Andrej's 15 januari → 25 juni, 162 days in
 *   2024 (a leap year; 161 in a common year), past the four-month limit of 15 maj.
 */
describe("barnahuslogg 1.0.0 checks on the report's logs", () => {
  it("Moa: no errors; gaps for protection assessment, who informed her (7 rows) and her wishes", () => {
    const r = checkDocument(bh, moa());
    expect(r.errors).toEqual([]);
    expect(ruleIds(r.warnings)).toEqual(["skyddsbedomningFinns", ...Array(7).fill("informeradAv"), "barnetsOnskemal"]);
    expect(value(moa(), "utredningstid")).toBe(63);
    expect(value(moa(), "gallringsdatum")).toBe("2029-05-03");
  });

  it("Andrej: no errors; the same gaps (10 rows) and the four-month warning at 162 days", () => {
    const r = checkDocument(bh, andrej());
    expect(r.errors).toEqual([]);
    expect(ruleIds(r.warnings)).toEqual(["skyddsbedomningFinns", ...Array(10).fill("informeradAv"), "barnetsOnskemal", "fyraManader"]);
    const four = r.warnings.at(-1)!;
    expect(four.pointer).toBe("/utredning/avslutsdatum");
    expect(four.message).toBe("Utredningen pågick i 162 dagar, längre än fyra månader (gränsen var 2024-05-15). Om tiden förlängdes av särskilda skäl, kryssa i det och skriv skälen.");
    expect(value(andrej(), "utredningstid")).toBe(162);
    // Last entry is the judgment on 23 augusti 2024; records are weeded five years later.
    expect(value(andrej(), "gallringsdatum")).toBe("2029-08-23");
  });

  it("no four-month warning when the investigation was extended for special reasons", () => {
    const doc = andrej();
    doc.utredning.forlangd = true;
    expect(ruleIds(checkDocument(bh, doc).warnings)).not.toContain("fyraManader");
  });
});

describe("barnahuslogg 1.0.0 checks, one change at a time", () => {
  it("an event out of time order is an error at that row", () => {
    const doc = moa();
    doc.handelser[4].datum = "2024-03-02"; // the interview row, moved before the row dated 3 mars
    const r = checkDocument(bh, doc);
    expect(r.errors.map((e) => [e.pointer, e.message])).toEqual([
      ["/handelser/4/datum", "Händelse 5 (2024-03-02) står efter en händelse med ett senare datum (2024-04-09). Loggen ska vara i tidsordning."],
    ]);
  });

  it("an appointed särskild företrädare missing from the persons is an error", () => {
    const doc = moa();
    doc.personer = doc.personer.filter((p: Doc) => p.roll !== "sarskild_foretradare");
    expect(ruleIds(checkDocument(bh, doc).errors)).toEqual(["sarskildForetradareNamngiven"]);
    doc.utredning.sarskildForetradareForordnad = false;
    expect(checkDocument(bh, doc).errors).toEqual([]);
  });

  it("a protection assessment without reasons is a gap; with reasons it is not", () => {
    const doc = moa();
    doc.handelser.splice(1, 0, { datum: "2024-03-01", handelsetyp: "skyddsbedomning", beskrivning: "Anna bedömer om Moa behöver skydd.", uppgiftslamnare: "socialtjansten", synlighet: "alla_inblandade", informeradAv: "Anna" });
    let w = ruleIds(checkDocument(bh, doc).warnings);
    expect(w).not.toContain("skyddsbedomningFinns");
    expect(w).toContain("skalForSkyddsbedomning");
    doc.handelser[1].detaljer = { skyddsbedomningTidpunkt: "vid_anmalan", skyddsbedomningSkal: "Ingen akut fara, Moa bor kvar hemma." };
    w = ruleIds(checkDocument(bh, doc).warnings);
    expect(w).not.toContain("skalForSkyddsbedomning");
  });

  it("a police report without a prosecution decision, and charges without a judgment, are gaps", () => {
    const doc = andrej();
    const judgment = doc.handelser.findIndex((h: Doc) => h.handelsetyp === "dom");
    doc.handelser.splice(judgment, 1);
    expect(ruleIds(checkDocument(bh, doc).warnings)).toContain("domFinns");
    doc.handelser = doc.handelser.filter((h: Doc) => h.handelsetyp !== "atalsbeslut");
    const w = ruleIds(checkDocument(bh, doc).warnings);
    expect(w).toContain("atalsbeslutFinns");
    expect(w).not.toContain("domFinns");
  });

  it("an interview without pick-up and return is a gap", () => {
    const doc = andrej();
    const i = doc.handelser.findIndex((h: Doc) => h.handelsetyp === "barnforhor");
    delete doc.handelser[i].detaljer.hamtning;
    const f = checkDocument(bh, doc).warnings.filter((x) => x.rule === "hamtningVidForhor");
    expect(f.map((x) => x.pointer)).toEqual([`/handelser/${i}/detaljer/hamtning`]);
  });

  it("recording who informed the child and the child's wishes closes those gaps", () => {
    const doc = moa();
    for (const h of doc.handelser) h.informeradAv = "Anna";
    doc.handelser[0].barnetsOnskemal = "Moa vill att mamma är med.";
    expect(ruleIds(checkDocument(bh, doc).warnings)).toEqual(["skyddsbedomningFinns"]);
  });
});
