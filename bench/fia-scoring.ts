/**
 * Validation + scoring of generated FIA documents against JSON.parse of the same documents.
 * Prints one JSON line. Run through `npm run bench`.
 */
import { performance } from "node:perf_hooks";
import { loadSchemaRef, readJsonFile, SCHEMAS_DIR } from "../engine/node/files.ts";
import { generateDocuments, type SyntheticProfile } from "../engine/generate/generate.ts";
import { validatorFor } from "../engine/validation/validator.ts";
import { rulesFor } from "../engine/rules/evaluate.ts";
import { join } from "node:path";

const count = Number(process.argv[2] ?? 100_000);
const schema = loadSchemaRef("fia@1.0.0");
const profile = readJsonFile(join(SCHEMAS_DIR, "fia/1.0.0.synthetic.json")) as SyntheticProfile;
const texts: string[] = [];
for (const doc of generateDocuments(schema, profile, { count, seed: 42 })) texts.push(JSON.stringify(doc));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

const validator = validatorFor(schema);
const rules = rulesFor(schema);

function timeParse(): { ms: number; docs: unknown[] } {
  const t0 = performance.now();
  const docs = texts.map((t) => JSON.parse(t));
  return { ms: performance.now() - t0, docs };
}

function timeCheck(docs: unknown[], explain: boolean): { ms: number; valid: number } {
  let valid = 0;
  const t0 = performance.now();
  for (const d of docs) {
    if (validator.isValid(d)) valid++;
    rules.run(d, { explain });
  }
  return { ms: performance.now() - t0, valid };
}

// Warm up (JIT) on a slice, then take the median of three rounds of each.
const warm = texts.slice(0, 2000).map((t) => JSON.parse(t));
timeCheck(warm, false);
timeCheck(warm, true);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
const parse: number[] = [];
const score: number[] = [];
const scoreExplained: number[] = [];
let valid = 0;
for (let round = 0; round < 3; round++) {
  const p = timeParse();
  parse.push(p.ms);
  const s = timeCheck(p.docs, false);
  score.push(s.ms);
  valid = s.valid;
  scoreExplained.push(timeCheck(p.docs, true).ms);
}
const parseMs = median(parse);
const scoreMs = median(score);
const explainedMs = median(scoreExplained);
console.log(
  JSON.stringify({
    bench: "fia-validate-score",
    documents: count,
    valid,
    avgBytes: Math.round(bytes / count),
    parseUsPerDoc: +((parseMs * 1000) / count).toFixed(2),
    validateScoreUsPerDoc: +((scoreMs * 1000) / count).toFixed(2),
    validateScoreExplainedUsPerDoc: +((explainedMs * 1000) / count).toFixed(2),
    ratio: +(scoreMs / parseMs).toFixed(2),
    ratioExplained: +(explainedMs / parseMs).toFixed(2),
  }),
);
