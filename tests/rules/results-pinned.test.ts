import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validatorFor, type JsonSchema } from "../../engine/compiler.ts";
import { rulesFor } from "../../engine/rules/evaluate.ts";
import { generateDocuments, type SyntheticProfile } from "../../engine/generate/generate.ts";
import { ROOT, readJson } from "../helpers.ts";

/**
 * Regression guard for the speed work on validation and rules (issue 15): validate + score must
 * give byte-identical results after the compiled closures are rewritten. The hashes below were
 * pinned from the code BEFORE that work (commit 28d4498; barnahuslogg@2.1.0 re-pinned after its
 * schema changed in 38d097b, with the engine of 52bebbb, still before that work), whose behaviour the rule tests as data
 * (schemas/<instrument>/<version>.tests.json), tests/rules/*.test.ts and the differential test
 * against json-logic-js (tests/engine/logic.test.ts) vouch for. They are not expected values
 * read off new code: a change that alters any result fails here.
 *
 * Per version: COUNT generated documents (seed SEED) and, for each, a damaged copy (answers
 * removed, nulled, of the wrong type, impossible dates, rows dropped or repeated), so the paths
 * where rule inputs are absent or odd are pinned too. For each document the hash takes the
 * validation result (complete and draft mode) and the rules' report without and with
 * explanations, as JSON.
 *
 * Two hashes per version tell a failure apart: `input` changes when the generator or the
 * schema's profile changes (then re-pin both after checking the rule tests still pass, and say
 * so in the commit); `output` alone changing means validation or rules now give other results.
 * A schema change to a version's rules or messages also changes `output`: re-pin it in the same
 * commit, which must say why the results changed.
 */

const SEED = 20261215;
const COUNT = 500;

const VERSIONS = ["fia@1.0.0", "fia@1.1.0", "fia@2.0.0", "fia@2.1.0", "sue@1.0.0", "sue@2.0.0", "barnahuslogg@1.0.0", "barnahuslogg@2.0.0", "barnahuslogg@2.1.0"];

const PINNED: Record<string, { input: string; output: string }> = {
  "fia@1.0.0": {
    input: "b13cebf58f8a46529b033caaa92567083834026aa4c5d725b5499e7f993a5416",
    output: "3d8c931590eb487d52f3b46d59ba90814ccbde4cdd3e715d423372bd944c7d41",
  },
  "fia@1.1.0": {
    input: "48bd3f7efe8e64d75c4887e52b5142004650f1a5c840e0dff63119664d181333",
    output: "fe59be9af55ee4d03ccbb9e3d9f0631d1bfca3e981e9c8323921cd008b029979",
  },
  "fia@2.0.0": {
    input: "10f9f7a1751b23bb72221938b3cc7ae9297ee6561c04c42dd20ac8bc61aa90fa",
    output: "755a344d0d6ef4af99e9e687257dd13a6a33a0f41cef6fb2e339853240ace0e3",
  },
  "fia@2.1.0": {
    input: "af6c58cb6ce5d46c0d5de3fd65844492d53577b9dd4e54dc312e23d7f1d58f5e",
    output: "2cba49d2e35d82c424fea45012d085528e542005cf247a9e02511f33ad59418a",
  },
  "sue@1.0.0": {
    input: "fa0ac7031cb96963219fda513f5e6a7a0e3949b6173dbf9bd5d6a37b56e277e2",
    output: "ef4b1c0e60faeb0146864aa38f613c035a4e93787884c73b3918016f7683d5dc",
  },
  "sue@2.0.0": {
    input: "74081ac96af7d213c76165da4f039e31c982417b1fbe29c3617e84eaf5baf28a",
    output: "255ac7a4979c175f27509024203bba1a9cd4ec71c5751c71a11eb4cfee993b1e",
  },
  "barnahuslogg@1.0.0": {
    input: "9f5c8782b64a3cb32ad9616561735a2b179a126c409c780ec0bc3233effda607",
    output: "45019aed86052d5504a86e8322828c55862ce9c2d25545befb92ed712bf3bf74",
  },
  "barnahuslogg@2.0.0": {
    input: "492a24ca06c24e69e80aa45b14a8b09605a4f9c669cefec693929d55d9611661",
    output: "0c3bb0b124a13b4599d5745d5b209ee2517b49d87d2c2da40379244da39a5624",
  },
  "barnahuslogg@2.1.0": {
    input: "ccc6f8da966a3c117174f181eaad69a52827fbe95a2fc51734e62e5df6cb60f1",
    output: "1920a27fe1b280bcd7c7578a7f62ea47992a0c00a79359b94210f128af57ee29",
  },
};

/** A small seeded generator of its own (mulberry32), so the damage does not depend on engine code. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Something else of another type where a value was: what a stale draft or a hand-edited file holds. */
function odd(value: unknown, r: () => number): unknown {
  const pick = Math.floor(r() * 8);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return "";
    case 2:
      return typeof value === "string" ? 3 : "7";
    case 3:
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 8) + "31" : true;
    case 4:
      return [];
    case 5:
      return {};
    case 6:
      return typeof value === "number" ? -value - 0.5 : 0;
    default:
      return typeof value === "string" ? "2024-02-30" : false;
  }
}

/** A damaged deep copy: about one value in ten removed or replaced, rows dropped or repeated. */
function damaged(value: unknown, r: () => number): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const roll = r();
      if (roll < 0.08) continue;
      out.push(damaged(item, r));
      if (roll > 0.95) out.push(damaged(item, r));
    }
    if (r() < 0.05) out.reverse();
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const roll = r();
      if (roll < 0.06) continue;
      out[k] = roll < 0.1 ? odd(v, r) : damaged(v, r);
    }
    return out;
  }
  return value;
}

function hashes(ref: string): { input: string; output: string } {
  const [name, version] = ref.split("@") as [string, string];
  const schema = readJson<JsonSchema>(join(ROOT, "schemas", name, `${version}.schema.json`));
  const profile = readJson<SyntheticProfile>(join(ROOT, "schemas", name, `${version}.synthetic.json`));
  const validator = validatorFor(schema);
  const rules = rulesFor(schema);
  const input = createHash("sha256");
  const output = createHash("sha256");
  const r = random(SEED);
  let i = 0;
  for (const generated of generateDocuments(schema, profile, { count: COUNT, seed: SEED })) {
    for (const doc of [generated, damaged(generated, r)]) {
      input.update(JSON.stringify(doc) + "\n");
      const line = JSON.stringify([
        validator.isValid(doc),
        validator.validate(doc, "complete"),
        validator.validate(doc, "draft"),
        rules.run(doc, { explain: false }),
        rules.run(doc, { explain: true }),
      ]);
      output.update(`${i++}\t${line}\n`);
    }
  }
  return { input: input.digest("hex"), output: output.digest("hex") };
}

describe("validate + score give the results pinned before the speed work (issue 15)", () => {
  it.each(VERSIONS)("%s", (ref) => {
    expect(hashes(ref)).toEqual(PINNED[ref]);
  });
});
