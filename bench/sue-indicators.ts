/**
 * SUE indicators streamed over an NDJSON file, against a bare line-by-line JSON.parse loop over
 * the same file. Usage: sue-indicators.ts <file.ndjson> bare|bare-engine-reader|indicators [sue@version].
 * Each mode runs in its own process so its peak memory (maxRSS) is its own. Besides wall time it
 * reports the CPU time (user + system) the process spent in the timed part: on a machine shared
 * with other work wall time swings with the load, CPU time per record far less.
 *   bare                 node:readline + JSON.parse: the baseline the goal is stated against,
 *                        written out here exactly as the engine's reader was before it had its own.
 *   bare-engine-reader   the same bare loop over the engine's NDJSON reader, to show how much of
 *                        the margin over the baseline is the reader and how much the engine.
 *   indicators           validate + indicators: the CLI's code path (`blankett indicators`).
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";
import { readNdjsonBatches, type NdjsonItem } from "../engine/node/ndjson.ts";
import { loadSchemaRef } from "../engine/node/files.ts";
import { loadIndicatorFile } from "../engine/node/indicators.ts";
import { IndicatorAccumulator } from "../engine/indicators/accumulate.ts";
import { validatorFor } from "../engine/validation/validator.ts";

async function* readlineNdjson(path: string): AsyncGenerator<NdjsonItem> {
  const stream = createReadStream(path, { encoding: "utf8" });
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", reject);
  });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === "") continue;
    try {
      yield { line: n, value: JSON.parse(text) };
    } catch (e) {
      yield { line: n, error: `inte giltig JSON (${(e as Error).message})` };
    }
  }
}

const [file, mode, ref = "sue@1.0.0"] = process.argv.slice(2) as [string, string, string?];
if (!["bare", "bare-engine-reader", "indicators"].includes(mode)) throw new Error(`unknown mode "${mode}"`);
const cpuUs = (u: NodeJS.ResourceUsage) => u.userCPUTime + u.systemCPUTime;
const cpu0 = process.resourceUsage();
let setupUs = 0;
const t0 = performance.now();
let records = 0;
let cells = 0;
if (mode === "bare") {
  let keys = 0;
  for await (const item of readlineNdjson(file)) {
    if ("value" in item) {
      records++;
      keys += Object.keys(item.value as object).length;
    }
  }
  cells = keys > 0 ? 0 : -1;
} else if (mode === "bare-engine-reader") {
  let keys = 0;
  for await (const items of readNdjsonBatches(file)) {
    for (const item of items) {
      if ("value" in item) {
        records++;
        keys += Object.keys(item.value as object).length;
      }
    }
  }
  cells = keys > 0 ? 0 : -1;
} else {
  const schema = loadSchemaRef(ref);
  const validator = validatorFor(schema);
  const acc = new IndicatorAccumulator(loadIndicatorFile(schema), { groupBy: ["kon", "aldersgrupp"] });
  // Compiling the validator and the definitions is paid once per run, not per record.
  setupUs = cpuUs(process.resourceUsage()) - cpuUs(cpu0);
  for await (const items of readNdjsonBatches(file)) {
    for (const item of items) {
      if (!("value" in item)) continue;
      records++;
      if (validator.isValid(item.value)) acc.add(item.value);
      else acc.skipInvalid();
    }
  }
  cells = acc.report(acc.parameters.suppressBelow!).cells.length;
}
const seconds = (performance.now() - t0) / 1000;
const cpu1 = process.resourceUsage();
// Microseconds; the timed part only (after the imports, as the wall time).
const usedUs = cpuUs(cpu1) - cpuUs(cpu0);
console.log(
  JSON.stringify({
    mode,
    ...(mode === "indicators" ? { ref } : {}),
    records,
    cells,
    seconds: +seconds.toFixed(2),
    recordsPerSecond: Math.round(records / seconds),
    cpuSeconds: +(usedUs / 1e6).toFixed(2),
    cpuUsPerRecord: +(usedUs / records).toFixed(2),
    setupCpuSeconds: +(setupUs / 1e6).toFixed(2),
    loopCpuUsPerRecord: +((usedUs - setupUs) / records).toFixed(2),
    maxRssMB: Math.round(cpu1.maxRSS / 1024),
  }),
);
