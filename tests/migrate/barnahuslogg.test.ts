import { describe, expect, it } from "vitest";
import { basename, join } from "node:path";
import { migrate } from "../../engine/migrate/migrate.ts";
import { rulesFor } from "../../engine/rules/evaluate.ts";
import { FIXTURES, fixtureFiles, readJson } from "../helpers.ts";
import { clone, generated, migrations, schemaOf, validator } from "./helpers.ts";
import { EMPTY, add, track, type Tally } from "./track.ts";

const BL = migrations("barnahuslogg");
const to2 = (doc: unknown) => migrate(doc, "barnahuslogg@1.0.0", "barnahuslogg@2.0.0", BL, { date: "2025-02-03" });

function lostNothing(t: Tally): void {
  expect(t.lost, JSON.stringify(t.lost.slice(0, 5))).toEqual([]);
  expect(t.unchanged + t.moved + t.reported).toBe(t.total);
}

type Row = Record<string, unknown>;

describe("barnahuslogg 1.0.0 → 2.0.0", () => {
  for (const file of fixtureFiles("barnahuslogg", "valid")) {
    it(`migrates ${basename(file)} (the report's worked log): valid against 2.0.0, nothing lost, nothing else changed`, () => {
      const doc = readJson<Row>(file);
      const r = to2(doc);
      expect(validator("barnahuslogg@2.0.0").validate(r.document).errors).toEqual([]);
      lostNothing(track(doc, r));
      // Neither worked log records a protection assessment, so only the version changes.
      const { meta, migrering, ...rest } = r.document;
      const { meta: oldMeta, ...oldRest } = doc;
      expect(rest).toEqual(oldRest);
      expect(meta).toEqual({ ...(oldMeta as object), schema: "barnahuslogg@2.0.0" });
      expect(migrering).toEqual({ fran: "barnahuslogg@1.0.0", till: "barnahuslogg@2.0.0", datum: "2025-02-03", ejOverforda: [] });
    });
  }

  it("moves protection-assessment events into their own section, field by field (worked out by hand)", () => {
    const doc = readJson<Row>(join(FIXTURES, "barnahuslogg/valid/andrej.json"));
    const events = doc.handelser as Row[];
    const first: Row = {
      datum: "2024-01-15",
      handelsetyp: "skyddsbedomning",
      beskrivning: "Marja tänkte på om du är trygg hemma.",
      detaljer: { skyddsbedomningTidpunkt: "vid_anmalan", skyddsbedomningSkal: "Morfar bor inte i hemmet." },
      informeradAv: "Marja",
      uppgiftslamnare: "socialtjansten",
      synlighet: "alla_inblandade",
    };
    // No moment, a detail that only other event types have, and an 'other event' text: 1.0 hid both.
    const second: Row = {
      datum: "2024-06-25",
      handelsetyp: "skyddsbedomning",
      annanHandelse: "Ny bedömning",
      beskrivning: "Marja tittade igen på om du är trygg.",
      detaljer: { anmalare: "Marja" },
      uppgiftslamnare: "socialtjansten",
      synlighet: "ej_vardnadshavare",
    };
    (events[3]!.detaljer as Row | undefined) ?? (events[3]!.detaljer = {});
    (events[3]!.detaljer as Row).skyddsbedomningSkal = "Felplacerad anteckning.";
    events.splice(1, 0, first); // after the report to social services
    events.splice(9, 0, second); // at the close
    const r = to2(doc);

    expect(r.document.skyddsbedomningar).toEqual([
      {
        tidpunkt: "vid_anmalan",
        datum: "2024-01-15",
        skal: "Morfar bor inte i hemmet.",
        beskrivning: "Marja tänkte på om du är trygg hemma.",
        informeradAv: "Marja",
        uppgiftslamnare: "socialtjansten",
        synlighet: "alla_inblandade",
      },
      {
        datum: "2024-06-25",
        beskrivning: "Marja tittade igen på om du är trygg.",
        uppgiftslamnare: "socialtjansten",
        synlighet: "ej_vardnadshavare",
      },
    ]);
    const original = readJson<Row>(join(FIXTURES, "barnahuslogg/valid/andrej.json"));
    expect(r.document.handelser).toEqual(original.handelser); // the stray detail left, and detaljer:{} was pruned back to none
    expect((r.document.migrering as { ejOverforda: unknown[] }).ejOverforda).toEqual([
      { sokvag: "/handelser/9/annanHandelse", version: "barnahuslogg@1.0.0", varde: '"Ny bedömning"', skal: expect.any(String) },
      { sokvag: "/handelser/9/detaljer/anmalare", version: "barnahuslogg@1.0.0", varde: '"Marja"', skal: expect.any(String) },
      // The vittnesförhör row: index 3 in the report's log, 4 after 'first' was inserted above it.
      // (During the step it sits at 3 again once 'first' has left; the report names the 1.0 place.)
      { sokvag: "/handelser/4/detaljer/skyddsbedomningSkal", version: "barnahuslogg@1.0.0", varde: '"Felplacerad anteckning."', skal: expect.any(String) },
    ]);
    expect(validator("barnahuslogg@2.0.0").validate(r.document).errors).toEqual([]);
    lostNothing(track(doc, r));

    // The 2.0 rules now see the gaps the 1.0 rules could not: the second assessment has no moment, no reasons.
    const findings = rulesFor(schemaOf("barnahuslogg@2.0.0")).run(r.document).findings.map((f) => `${f.rule} ${f.pointer}`);
    expect(findings).toContain("skyddsbedomningTidpunkt /skyddsbedomningar/1/tidpunkt");
    expect(findings).toContain("skalForSkyddsbedomning /skyddsbedomningar/1/skal");
    expect(findings).toContain("skyddsbedomningVidAvslut /skyddsbedomningar");
    expect(findings).not.toContain("skyddsbedomningFinns /skyddsbedomningar");
  });

  it("300 generated 1.0.0 logs validate against 2.0.0 and lose nothing (counted)", () => {
    const v2 = validator("barnahuslogg@2.0.0");
    let total: Tally = EMPTY;
    let assessments = 0;
    const docs = generated("barnahuslogg@1.0.0", 300, 7);
    for (const doc of docs) {
      const r = to2(doc);
      expect(v2.validate(r.document).errors).toEqual([]);
      assessments += ((r.document.skyddsbedomningar as unknown[] | undefined) ?? []).length;
      total = add(total, track(doc, r));
    }
    lostNothing(total);
    expect(assessments).toBeGreaterThan(0);
    console.info(
      `barnahuslogg 1.0.0 → 2.0.0, ${docs.length} generated logs: ${assessments} assessments moved; ${total.total} leaf values — ` +
        `${total.unchanged} unchanged, ${total.moved} moved, ${total.reported} kept in /migrering/ejOverforda, 0 lost`,
    );
  });

  it("a draft log without events or an investigation migrates too", () => {
    const draft = { meta: { schema: "barnahuslogg@1.0.0", status: "draft" }, barn: { fornamn: "Moa" } };
    const r = to2(clone(draft));
    expect(r.document.barn).toEqual({ fornamn: "Moa" });
    expect(validator("barnahuslogg@2.0.0").validate(r.document, "draft").valid).toBe(true);
  });
});
