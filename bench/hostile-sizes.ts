/**
 * Time to validate, check (validation + rules) and score documents made hostile by size: the
 * cases of issue 10 item 1. Prints seconds per case; not a test (npm test bounds them instead,
 * tests/hardening/validation-size.test.ts).
 */
import { checkDocument, validatorFor, type JsonSchema } from "@blankett/engine/compiler";
import { readFileSync } from "node:fs";

const load = (p: string) => JSON.parse(readFileSync(new URL(`../schemas/${p}`, import.meta.url), "utf8")) as JsonSchema;
const fixture = (p: string) => JSON.parse(readFileSync(new URL(`../tests/fixtures/${p}`, import.meta.url), "utf8")) as Record<string, unknown>;

/** `refused`: past a documented limit (limits.ts); `listed`: validated, first errors listed, the rest counted. */
export type Outcome = "refused" | "listed" | "few errors";

export function hostileDocs(): Array<{ name: string; schema: JsonSchema; doc: unknown; outcome: Outcome }> {
  const fia = load("fia/1.0.0.schema.json");
  const bh = load("barnahuslogg/1.0.0.schema.json");
  const sue = load("sue/1.0.0.schema.json");
  const fiaDoc = structuredClone(fixture("fia/valid/interview-1.json")) as Record<string, Record<string, unknown>>;
  fiaDoc.sammanstallning = { ...fiaDoc.sammanstallning, klientensRangordning: Array.from({ length: 100_000 }, (_, i) => `omrade${i}`) };
  const bhDoc = { ...fixture("barnahuslogg/valid/moa.json"), handelser: Array.from({ length: 60_000 }, () => ({ datum: "fel", handelsetyp: "okand" })) };
  const sueDoc = { ...fixture("sue/valid/record-1.json"), insatser: Array.from({ length: 100_000 }, () => ({ typ: 99 })) };
  const at = (n: number) => ({
    fia: { ...fiaDoc, sammanstallning: { ...fiaDoc.sammanstallning, klientensRangordning: Array.from({ length: n }, (_, i) => `omrade${i}`) } },
    bh: { ...bhDoc, handelser: bhDoc.handelser.slice(0, n) },
    sue: { ...sueDoc, insatser: sueDoc.insatser.slice(0, n) },
  });
  const limit = at(10_000);
  return [
    { name: "fia: 10,000 ranked strings (the list limit)", schema: fia, doc: limit.fia, outcome: "listed" },
    { name: "barnahuslogg: 10,000 invalid events (the list limit)", schema: bh, doc: limit.bh, outcome: "listed" },
    { name: "sue: 10,000 invalid interventions (the list limit)", schema: sue, doc: limit.sue, outcome: "listed" },
    {
      name: "barnahuslogg: 10,000 events with 40 unknown keys each",
      schema: bh,
      doc: { ...bhDoc, handelser: Array.from({ length: 10_000 }, (_, i) => Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`k${k}x${i}`, k]))) },
      outcome: "refused",
    },
    {
      name: "barnahuslogg: 5,000 events with 38 unknown keys each (just under the answers limit)",
      schema: bh,
      doc: { ...bhDoc, handelser: Array.from({ length: 5_000 }, (_, i) => Object.fromEntries(Array.from({ length: 38 }, (_, k) => [`k${k}x${i}`, k]))) },
      outcome: "listed",
    },
    {
      name: "fia: one answer text of 9.5 million characters (19 MB as UTF-8)",
      schema: fia,
      doc: { ...fiaDoc, sammanstallning: { ...fiaDoc.sammanstallning, klientensRangordning: [] }, plan: { ...(fiaDoc.plan as object), mal: "å".repeat(9_500_000) } },
      outcome: "few errors",
    },
    { name: "fia: 100,000 ranked strings", schema: fia, doc: fiaDoc, outcome: "refused" },
    { name: "barnahuslogg: 60,000 invalid events", schema: bh, doc: bhDoc, outcome: "refused" },
    { name: "sue: 100,000 invalid interventions", schema: sue, doc: sueDoc, outcome: "refused" },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { name, schema, doc } of hostileDocs()) {
    const bytes = JSON.stringify(doc).length;
    validatorFor(schema);
    let t = performance.now();
    const v = validatorFor(schema).validate(doc);
    const validate = (performance.now() - t) / 1000;
    t = performance.now();
    checkDocument(schema, doc);
    const check = (performance.now() - t) / 1000;
    console.log(`${name} (${(bytes / 1e6).toFixed(2)} MB): validate ${validate.toFixed(2)} s (${v.errors.length} errors listed, ${v.more ?? 0} more${v.refused ? ", refused by a limit" : ""}), check ${check.toFixed(2)} s`);
  }
}
