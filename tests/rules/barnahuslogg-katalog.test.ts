import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { checkDocument } from "../../engine/compiler.ts";
import { migrate } from "../../engine/migrate/migrate.ts";
import { compileLogic } from "../../engine/rules/logic/compile.ts";
import { FIXTURES, readJson } from "../helpers.ts";
import { migrations, schemaOf, validator } from "../migrate/helpers.ts";

/*
 * Issue 14, point 9: several events on one row, and counts per catalogue row of 5.5.1.
 *
 * Worked out by hand from the report's logs (5.5.2, 5.5.3) and the mapping written in the
 * schema's rule description (rättegång and dom → "Beslut i åtalsfrågan, ev. dom"; kontakt med
 * BUP → "Behandlingsinsatser för barnet"; föräldrasamtal, vittnesförhör, annan → no row):
 *
 * Moa (valid-2.1.0/moa.json: row 2 also barnsamtal, row 7 also socialtjänstens insatser):
 *   1 anmälan socialtjänsten, 2 anmälan polis + barnsamtal, 3 föräldrasamtal (no row),
 *   4 samrådsmöte, 5 barnförhör, 6 beslut i åtalsfrågan, 7 bedömning + insatser
 *   → eight catalogue rows, one event each, in the catalogue's order:
 *   anmälan soc., anmälan polis, samrådsmöte, barnsamtal, barnförhör, åtalsbeslut, bedömning, insatser.
 * Andrej (valid/andrej.json moved to 2.1.0; one code per row):
 *   anmälan soc., anmälan polis, barnförhör, vittnesförhör (no row), förhör misstänkt,
 *   kontakt BUP (→ behandlingsinsatser), åtalsbeslut, bedömning, rättegång (→ åtalsbeslut),
 *   dom (→ åtalsbeslut)
 *   → seven rows; "Beslut i åtalsfrågan, ev. dom" three times, the others once; in the
 *   catalogue's order behandlingsinsatser comes after bedömning although the BUP row came first.
 */

const REF = "barnahuslogg@2.1.0";
const bh = schemaOf(REF);
type Doc = Record<string, any>;

const moa = (): Doc => readJson<Doc>(join(FIXTURES, "barnahuslogg/valid-2.1.0/moa.json"));
const andrej = (): Doc =>
  migrate(readJson(join(FIXTURES, "barnahuslogg/valid/andrej.json")), "barnahuslogg@1.0.0", REF, migrations("barnahuslogg"), { date: "2025-02-03" })
    .document as Doc;
const value = (doc: Doc, id: string) => checkDocument(bh, doc).results.find((r) => r.id === id)?.value;
const ruleIds = (findings: object[]) => findings.map((f) => ("rule" in f ? f.rule : "schema"));

const MOA_ROWS = [
  "anmalan_socialtjansten",
  "anmalan_polis",
  "samradsmote",
  "barnsamtal",
  "barnforhor",
  "atalsbeslut",
  "bedomning_avslutad_utredning",
  "socialtjanstens_insatser",
];
const ANDREJ_COUNTS = [
  ["anmalan_socialtjansten", 1],
  ["anmalan_polis", 1],
  ["barnforhor", 1],
  ["forhor_misstankt", 1],
  ["atalsbeslut", 3],
  ["bedomning_avslutad_utredning", 1],
  ["behandlingsinsatser", 1],
];

describe("barnahuslogg 2.1.0: several events on a row, counted per catalogue row", () => {
  it("Moa's 2.1.0 log is valid, rows 2 and 7 hold two events each, and only the version and the migration note differ from 1.0.0", () => {
    const doc = moa();
    expect(validator(REF).validate(doc).errors).toEqual([]);
    expect(doc.handelser[1]).toMatchObject({ handelsetyp: "anmalan_polis", ovrigaHandelsetyper: ["barnsamtal"] });
    expect(doc.handelser[6]).toMatchObject({ handelsetyp: "bedomning_avslutad_utredning", ovrigaHandelsetyper: ["socialtjanstens_insatser"] });
    const old = readJson<Doc>(join(FIXTURES, "barnahuslogg/valid/moa.json"));
    const { meta, migrering, handelser, ...rest } = doc;
    const { meta: oldMeta, handelser: oldRows, ...oldRest } = old;
    expect(rest).toEqual(oldRest);
    expect(meta).toEqual({ ...oldMeta, schema: REF });
    expect(migrering.ejOverforda).toEqual([]);
    expect(handelser.map(({ ovrigaHandelsetyper, ...row }: Doc) => row)).toEqual(oldRows);
  });

  it("Moa: eight catalogue rows, one event each, in the catalogue's order (the barnsamtal of row 2 and the insats of row 7 included)", () => {
    expect(value(moa(), "katalograder")).toEqual(MOA_ROWS);
    expect(value(moa(), "katalogantal")).toEqual(MOA_ROWS.map((row) => [row, 1]));
  });

  it("Andrej: rättegång and dom count under the prosecution row (3), kontakt med BUP as behandlingsinsatser, vittnesförhör nowhere", () => {
    expect(value(andrej(), "katalogantal")).toEqual(ANDREJ_COUNTS);
    expect(value(andrej(), "katalograder")).toEqual(ANDREJ_COUNTS.map(([row]) => row));
  });

  it("a code among a row's other events counts like a main code, and a protection assessment counts under its own row", () => {
    const doc = andrej();
    doc.handelser[8].ovrigaHandelsetyper = ["information_till_barnet", "annan"];
    doc.skyddsbedomningar = [
      { tidpunkt: "vid_anmalan", datum: "2024-01-15", beskrivning: "Marja tar reda på om du är trygg.", uppgiftslamnare: "socialtjansten", synlighet: "alla_inblandade" },
      { tidpunkt: "vid_avslut", datum: "2024-06-25", beskrivning: "Marja tittar igen.", uppgiftslamnare: "socialtjansten", synlighet: "alla_inblandade" },
    ];
    expect(validator(REF).validate(doc).errors).toEqual([]);
    // skyddsbedomning sits between atalsbeslut and bedomning in 5.5.1; information_till_barnet last; annan is no row.
    expect(value(doc, "katalogantal")).toEqual([
      ...ANDREJ_COUNTS.slice(0, 5),
      ["skyddsbedomning", 2],
      ...ANDREJ_COUNTS.slice(5),
      ["information_till_barnet", 1],
    ]);
  });

  it("an empty log has no catalogue rows", () => {
    const doc = moa();
    doc.handelser = [];
    expect(value(doc, "katalograder")).toEqual([]);
    expect(value(doc, "katalogantal")).toEqual([]);
  });

  it("katalograder stands alone: compiled outside the schema (as an indicator copies it) it gives the same rows", () => {
    const expr = (bh["x-rules"] as Array<{ id: string; expr: unknown }>).find((r) => r.id === "katalograder")!.expr;
    const fn = compileLogic(structuredClone(expr));
    expect(fn(moa())).toEqual(MOA_ROWS);
    expect(fn(andrej())).toEqual(ANDREJ_COUNTS.map(([row]) => row));
  });
});

describe("barnahuslogg 2.1.0: rules that look for an event also see a row's other events", () => {
  /** Andrej without the prosecution decision and the judgment rows (6 and 9), the police report kept. */
  const withoutDecision = (): Doc => {
    const doc = andrej();
    doc.handelser.splice(9, 1);
    doc.handelser.splice(6, 1);
    return doc;
  };

  it("atalsbeslutFinns: a prosecution decision as another event of a row counts", () => {
    const doc = withoutDecision();
    expect(ruleIds(checkDocument(bh, doc).warnings)).toContain("atalsbeslutFinns");
    doc.handelser[4].ovrigaHandelsetyper = ["atalsbeslut"];
    expect(ruleIds(checkDocument(bh, doc).warnings)).not.toContain("atalsbeslutFinns");
  });

  it("atalsbeslutFinns: a police report that is only another event of Moa's row 2 still asks for the decision", () => {
    const doc = moa();
    doc.handelser[1].handelsetyp = "barnsamtal";
    doc.handelser[1].ovrigaHandelsetyper = ["anmalan_polis"];
    doc.handelser.splice(5, 1); // the prosecution decision
    expect(ruleIds(checkDocument(bh, doc).warnings)).toContain("atalsbeslutFinns");
  });

  it("domFinns: a judgment as another event of the trial row counts", () => {
    const doc = andrej();
    doc.handelser.splice(9, 1); // the judgment row
    expect(ruleIds(checkDocument(bh, doc).warnings)).toContain("domFinns");
    doc.handelser[8].ovrigaHandelsetyper = ["dom"];
    expect(ruleIds(checkDocument(bh, doc).warnings)).not.toContain("domFinns");
  });

  it("hamtningVidForhor: a row that is also a barnförhör is checked; a pick-up among its other events is enough", () => {
    const doc = andrej();
    delete doc.handelser[2].detaljer.hamtning;
    doc.handelser[2].handelsetyp = "samradsmote";
    delete doc.handelser[2].detaljer;
    expect(ruleIds(checkDocument(bh, doc).warnings)).not.toContain("hamtningVidForhor");
    doc.handelser[2].ovrigaHandelsetyper = ["barnforhor"];
    expect(ruleIds(checkDocument(bh, doc).warnings)).toContain("hamtningVidForhor");
    doc.handelser[2].ovrigaHandelsetyper = ["barnforhor", "hamtning_lamning"];
    expect(ruleIds(checkDocument(bh, doc).warnings)).not.toContain("hamtningVidForhor");
  });

  it("barnetsOnskemal: an 'information till barnet' among a row's other events counts", () => {
    const doc = moa();
    expect(ruleIds(checkDocument(bh, doc).warnings)).toContain("barnetsOnskemal");
    doc.handelser[4].ovrigaHandelsetyper = ["information_till_barnet"];
    expect(ruleIds(checkDocument(bh, doc).warnings)).not.toContain("barnetsOnskemal");
  });
});
