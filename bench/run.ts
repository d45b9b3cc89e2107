/**
 * `npm run bench`: every benchmark, each printing the ratio it measured in this one run.
 * Not a test: figures vary with the machine; BENCHMARKS.md records what we saw.
 *   BENCH_FIA_DOCS (default 100000), BENCH_SUE_RECORDS (default 1000000) scale the runs;
 *   BENCH_FIA_RUNS (default 1) repeats the FIA measurement and prints every run's ratio.
 * Parts: `npm run bench -- peers renderers` runs only those (fia, sue, renderers, peers); none = all.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { peersTable } from "./peers.ts";

const root = join(import.meta.dirname, "..");
const tsx = join(root, "node_modules/.bin/tsx");
const fiaDocs = Number(process.env.BENCH_FIA_DOCS ?? 100_000);
const sueRecords = Number(process.env.BENCH_SUE_RECORDS ?? 1_000_000);
const PARTS = ["fia", "sue", "renderers", "peers"];
const asked = process.argv.slice(2);
for (const a of asked) if (!PARTS.includes(a)) throw new Error(`unknown bench part "${a}"; parts: ${PARTS.join(", ")}`);
const want = (part: string) => asked.length === 0 || asked.includes(part);

function runJson(args: string[]): Record<string, any> {
  const r = spawnSync(tsx, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.version}\n`);

// 1. FIA: validation + scoring against JSON.parse of the same documents (BENCH_FIA_RUNS runs).
if (want("fia")) {
  const fia = runJson(["bench/fia-scoring.ts", String(fiaDocs)]);
  console.log(`FIA validate+score, ${fia.documents} generated documents (~${fia.avgBytes} bytes each, ${fia.valid} valid)`);
  console.log(`  JSON.parse               ${fia.parseUsPerDoc} µs/doc`);
  console.log(`  validate + score         ${fia.validateScoreUsPerDoc} µs/doc   ratio ${fia.ratio} (goal ≤ 1.0 in every run)`);
  console.log(`  … with explanations      ${fia.validateScoreExplainedUsPerDoc} µs/doc   ratio ${fia.ratioExplained}`);
  if (fia.runs > 1) {
    console.log(`  ${fia.runs} runs, ratio by wall clock: ${fia.ratios.join(", ")} (worst ${fia.worstRatio})`);
    console.log(`  by CPU time: ${fia.ratiosCpu.join(", ")}; with explanations: ${fia.ratiosExplained.join(", ")}`);
  }
  console.log(`  load average (1 min) during the runs: ${fia.load1.join(", ")}\n`);
}

// 2. SUE: indicators streamed from NDJSON against a bare line-by-line JSON.parse loop.
//   BENCH_SUE_RUNS (default 1): consecutive runs, each a bare run and an indicators run back to
//   back (bare first in odd runs, indicators first in even ones), every ratio printed and the least;
//   the goal is ≥ 0.5 in every one of five. BENCH_SUE_VERSIONS (default "2.0.0,1.0.0"): the SUE
//   versions, each over its own generated file with its own indicator definitions.
if (want("sue")) {
  const runs = Number(process.env.BENCH_SUE_RUNS ?? 1);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error("BENCH_SUE_RUNS must be a whole number from 1 to 50");
  const versions = (process.env.BENCH_SUE_VERSIONS ?? "2.0.0,1.0.0").split(",").map((v) => v.trim());
  for (const version of versions) sueBench(`sue@${version}`, runs);
}

function sueBench(ref: string, runs: number): void {
  const dir = mkdtempSync(join(tmpdir(), "blankett-bench-"));
  try {
    const file = join(dir, "sue.ndjson");
    const gen = spawnSync(process.execPath, ["bin/blankett.js", "generate", ref, "--count", String(sueRecords), "--seed", "42", "--out", file], { cwd: root, encoding: "utf8" });
    if (gen.status !== 0) throw new Error(gen.stderr);
    const mb = (statSync(file).size / 1e6).toFixed(0);
    const load = () => loadavg()[0]!.toFixed(1);
    const mode = (name: string): Record<string, any> => ({ load: load(), ...runJson(["bench/sue-indicators.ts", file, name, ref]) });
    console.log(`SUE indicators, ${ref}, ${sueRecords} generated records (${mb} MB NDJSON), grouped by kon × aldersgrupp`);
    console.log("  run  order      bare rec/s  indicators rec/s  ratio  |  CPU µs/record bare  indicators (setup s)  CPU ratio  |  peak RSS bare/ind  |  load");
    const wall: number[] = [];
    const cpu: number[] = [];
    let peak = 0;
    let cells = 0;
    for (let i = 0; i < runs; i++) {
      const bareFirst = i % 2 === 0;
      const first = mode(bareFirst ? "bare" : "indicators");
      const second = mode(bareFirst ? "indicators" : "bare");
      const [bare, ind] = bareFirst ? [first, second] : [second, first];
      cells = ind.cells;
      // Both ratios over the same timed part (the indicators run's compile included): records per
      // second by the clock, and CPU time per record, which the machine's other work moves far less.
      wall.push(ind.recordsPerSecond / bare.recordsPerSecond);
      cpu.push(bare.cpuUsPerRecord / ind.cpuUsPerRecord);
      peak = Math.max(peak, ind.maxRssMB, bare.maxRssMB);
      console.log(
        `  ${String(i + 1).padStart(3)}  ${(bareFirst ? "bare, ind" : "ind, bare").padEnd(9)}  ${String(bare.recordsPerSecond).padStart(10)}  ${String(ind.recordsPerSecond).padStart(16)}  ${wall[i]!.toFixed(2).padStart(5)}  |  ${bare.cpuUsPerRecord.toFixed(1).padStart(18)}  ${ind.cpuUsPerRecord.toFixed(1).padStart(10)} (${ind.setupCpuSeconds.toFixed(2)})  ${cpu[i]!.toFixed(2).padStart(15)}  |  ${String(bare.maxRssMB).padStart(8)}/${ind.maxRssMB} MB  |  ${first.load}, ${second.load}`,
      );
    }
    const fmt = (list: number[]) => list.map((r) => r.toFixed(2)).join(", ");
    console.log(`  ${cells} cells. Ratio of the bare loop (goal ≥ 0.5 in every run): ${fmt(wall)}; least ${Math.min(...wall).toFixed(2)}`);
    console.log(`  by CPU time: ${fmt(cpu)}; least ${Math.min(...cpu).toFixed(2)}. Peak RSS ${peak} MB (goal < 300 MB)`);
    if (runs === 1) {
      const bareEngine = mode("bare-engine-reader");
      console.log(`  (bare loop over the engine's own NDJSON reader: ${bareEngine.recordsPerSecond} records/s, ${bareEngine.cpuUsPerRecord} µs CPU/record)`);
    }
    console.log("");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 3. Renderers: bundle sizes, first render and keystroke latency in Chromium.
if (want("renderers")) {
  const r = runJson(["bench/renderers.ts"]);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log("Bundle sizes (gzip -9)");
  for (const [file, size] of Object.entries(r.sizesGzip9 as Record<string, number>)) console.log(`  ${file.padEnd(56)} ${kb(size)}`);
  console.log(`  ratio fia web component / minimal rjsf page: ${(r.sizesGzip9["blankett-fia-1.0.0.js"] / r.sizesGzip9["rjsf-minimal (React + @rjsf/core + ajv, FIA schema)"]).toFixed(2)} (goal: ≤ 60 KB with one instrument)\n`);
  console.log("FIA, every section on one page, Chromium (median over 33 keystrokes typed into the last section)");
  for (const [name, v] of Object.entries(r.fiaInChromium as Record<string, { firstRenderMs: number; keystrokeFrameMs: number; keystrokeBusyMs: number }>)) {
    console.log(`  ${name.padEnd(10)} first render ~${v.firstRenderMs} ms   keystroke→frame ${v.keystrokeFrameMs} ms   main thread busy ${v.keystrokeBusyMs} ms`);
  }
  console.log("  goal: under 16 ms per keystroke");
}

// 4. Peers and the floor: JSON Forms, SurveyJS and plain DOM beside our renderers, ratios to the floor.
if (want("peers")) {
  console.log("\n" + peersTable(runJson(["bench/peers.ts"]) as Parameters<typeof peersTable>[0]));
}
