/**
 * Time to validate, check (validation + rules) and score documents made hostile by size: the
 * cases of issue 10 item 1. Prints seconds per case; not a test (npm test bounds them instead,
 * tests/hardening/validation-size.test.ts).
 */
import { checkDocument, validatorFor, type JsonSchema } from "@blankett/engine/compiler";
import { readFileSync } from "node:fs";

const load = (p: string) => JSON.parse(readFileSync(new URL(`../schemas/${p}`, import.meta.url), "utf8")) as JsonSchema;
const fixture = (p: string) => JSON.parse(readFileSync(new URL(`../tests/fixtures/${p}`, import.meta.url), "utf8")) as Record<string, unknown>;

export function hostileDocs(): Array<{ name: string; schema: JsonSchema; doc: unknown }> {
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
    { name: "fia: 10,000 ranked strings (the list limit)", schema: fia, doc: limit.fia },
    { name: "barnahuslogg: 10,000 invalid events (the list limit)", schema: bh, doc: limit.bh },
    { name: "sue: 10,000 invalid interventions (the list limit)", schema: sue, doc: limit.sue },
    {
      name: "barnahuslogg: 10,000 events with 40 unknown keys each",
      schema: bh,
      doc: { ...bhDoc, handelser: Array.from({ length: 10_000 }, (_, i) => Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`k${k}x${i}`, k]))) },
    },
    { name: "fia: 100,000 ranked strings", schema: fia, doc: fiaDoc },
    { name: "barnahuslogg: 60,000 invalid events", schema: bh, doc: bhDoc },
    { name: "sue: 100,000 invalid interventions", schema: sue, doc: sueDoc },
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
