/**
 * `npm run bench`: every benchmark, each printing the ratio it measured in this one run.
 * Not a test: figures vary with the machine; BENCHMARKS.md records what we saw.
 *   BENCH_FIA_DOCS (default 100000), BENCH_SUE_RECORDS (default 1000000) scale the runs.
 * Parts: `npm run bench -- peers renderers` runs only those (fia, sue, renderers, peers); none = all.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
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

// 1. FIA: validation + scoring against JSON.parse of the same documents.
if (want("fia")) {
  const fia = runJson(["bench/fia-scoring.ts", String(fiaDocs)]);
  console.log(`FIA validate+score, ${fia.documents} generated documents (~${fia.avgBytes} bytes each, ${fia.valid} valid)`);
  console.log(`  JSON.parse               ${fia.parseUsPerDoc} µs/doc`);
  console.log(`  validate + score         ${fia.validateScoreUsPerDoc} µs/doc   ratio ${fia.ratio} (goal ≤ 1.0)`);
  console.log(`  … with explanations      ${fia.validateScoreExplainedUsPerDoc} µs/doc   ratio ${fia.ratioExplained}\n`);
}

// 2. SUE: indicators streamed from NDJSON against a bare line-by-line JSON.parse loop.
if (want("sue")) {
  const dir = mkdtempSync(join(tmpdir(), "blankett-bench-"));
  try {
    const file = join(dir, "sue.ndjson");
    const gen = spawnSync(process.execPath, ["bin/blankett.js", "generate", "sue@1.0.0", "--count", String(sueRecords), "--seed", "42", "--out", file], { cwd: root, encoding: "utf8" });
    if (gen.status !== 0) throw new Error(gen.stderr);
    const mb = (statSync(file).size / 1e6).toFixed(0);
    const bare = runJson(["bench/sue-indicators.ts", file, "bare"]);
    const bareEngine = runJson(["bench/sue-indicators.ts", file, "bare-engine-reader"]);
    const ind = runJson(["bench/sue-indicators.ts", file, "indicators"]);
    console.log(`SUE indicators, ${ind.records} generated records (${mb} MB NDJSON), grouped by kon × aldersgrupp, ${ind.cells} cells`);
    console.log(`  bare readline + JSON.parse   ${bare.recordsPerSecond} records/s   peak RSS ${bare.maxRssMB} MB`);
    console.log(`  validate + indicators        ${ind.recordsPerSecond} records/s   peak RSS ${ind.maxRssMB} MB`);
    console.log(`  ratio ${(ind.recordsPerSecond / bare.recordsPerSecond).toFixed(2)} of the bare loop (goal ≥ 0.5); peak memory goal < 300 MB`);
    console.log(`  (bare loop over the engine's own NDJSON reader: ${bareEngine.recordsPerSecond} records/s; ratio against it ${(ind.recordsPerSecond / bareEngine.recordsPerSecond).toFixed(2)})\n`);
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
