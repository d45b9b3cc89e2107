/**
 * Validation + scoring of generated FIA documents against JSON.parse of the same documents.
 * Run through `npm run bench`, or alone:
 *   npx tsx --conditions=@blankett/source bench/fia-scoring.ts [documents]
 * BENCH_FIA_RUNS (default 1) repeats the measurement in the same process, on the same texts: the
 * goal is met only if it holds in every one of five runs. One JSON line per run, then a summary
 * line (the last line, which `npm run bench` reads) with every run's ratios.
 *
 * Each run times each phase three times and takes the median, by wall clock and by this process's
 * CPU time (user + system, process.cpuUsage). On a machine shared with other work the wall clock
 * also counts time the process waited for a core; CPU time does not, so under load its ratio is
 * the steadier of the two (it does count V8's helper threads, e.g. concurrent GC, for both sides).
 */
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { loadSchemaRef, readJsonFile, SCHEMAS_DIR } from "../engine/node/files.ts";
import { generateDocuments, type SyntheticProfile } from "../engine/generate/generate.ts";
import { validatorFor } from "../engine/validation/validator.ts";
import { rulesFor } from "../engine/rules/evaluate.ts";
import { join } from "node:path";

const count = Number(process.argv[2] ?? 100_000);
const runs = Number(process.env.BENCH_FIA_RUNS ?? 1);
if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`documents must be a positive integer, got ${process.argv[2]}`);
if (!Number.isSafeInteger(runs) || runs < 1 || runs > 100) throw new RangeError(`BENCH_FIA_RUNS must be an integer from 1 to 100, got ${process.env.BENCH_FIA_RUNS}`);

const schema = loadSchemaRef("fia@1.0.0");
const profile = readJsonFile(join(SCHEMAS_DIR, "fia/1.0.0.synthetic.json")) as SyntheticProfile;
const texts: string[] = [];
for (const doc of generateDocuments(schema, profile, { count, seed: 42 })) texts.push(JSON.stringify(doc));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

const validator = validatorFor(schema);
const rules = rulesFor(schema);

interface Timing {
  ms: number;
  cpuMs: number;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

function timeParse(): Timing & { docs: unknown[] } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const docs = texts.map((t) => JSON.parse(t));
  return { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)), docs };
}

function timeCheck(docs: unknown[], explain: boolean): Timing & { valid: number } {
  let valid = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const d of docs) {
    if (validator.isValid(d)) valid++;
    rules.run(d, { explain });
  }
  return { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)), valid };
}

// Warm up (JIT) on a slice.
const warm = texts.slice(0, 2000).map((t) => JSON.parse(t));
timeCheck(warm, false);
timeCheck(warm, true);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const us = (ms: number) => +((ms * 1000) / count).toFixed(2);
const ratio = (a: number, b: number) => +(a / b).toFixed(2);

let valid = 0;
const results: Array<Record<string, number>> = [];
for (let run = 1; run <= runs; run++) {
  const parse: Timing[] = [];
  const score: Timing[] = [];
  const explained: Timing[] = [];
  for (let round = 0; round < 3; round++) {
    const p = timeParse();
    parse.push(p);
    const s = timeCheck(p.docs, false);
    score.push(s);
    valid = s.valid;
    explained.push(timeCheck(p.docs, true));
  }
  const wall = (xs: Timing[]) => median(xs.map((x) => x.ms));
  const cpu = (xs: Timing[]) => median(xs.map((x) => x.cpuMs));
  const r = {
    run,
    load1: +loadavg()[0]!.toFixed(2),
    parseUsPerDoc: us(wall(parse)),
    validateScoreUsPerDoc: us(wall(score)),
    validateScoreExplainedUsPerDoc: us(wall(explained)),
    ratio: ratio(wall(score), wall(parse)),
    ratioExplained: ratio(wall(explained), wall(parse)),
    parseCpuUsPerDoc: us(cpu(parse)),
    validateScoreCpuUsPerDoc: us(cpu(score)),
    ratioCpu: ratio(cpu(score), cpu(parse)),
    ratioExplainedCpu: ratio(cpu(explained), cpu(parse)),
  };
  results.push(r);
  if (runs > 1) console.log(JSON.stringify({ bench: "fia-validate-score-run", ...r }));
}

// The summary: the median run's figures (the only run's when there is one) and every run's ratios.
const mid = [...results].sort((a, b) => a.ratio! - b.ratio!)[Math.floor(results.length / 2)]!;
console.log(
  JSON.stringify({
    bench: "fia-validate-score",
    documents: count,
    valid,
    avgBytes: Math.round(bytes / count),
    parseUsPerDoc: mid.parseUsPerDoc,
    validateScoreUsPerDoc: mid.validateScoreUsPerDoc,
    validateScoreExplainedUsPerDoc: mid.validateScoreExplainedUsPerDoc,
    ratio: mid.ratio,
    ratioExplained: mid.ratioExplained,
    ratioCpu: mid.ratioCpu,
    runs: results.length,
    ratios: results.map((r) => r.ratio),
    ratiosExplained: results.map((r) => r.ratioExplained),
    ratiosCpu: results.map((r) => r.ratioCpu),
    worstRatio: Math.max(...results.map((r) => r.ratio!)),
    load1: results.map((r) => r.load1),
  }),
);
