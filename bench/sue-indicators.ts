/**
 * SUE indicators streamed over an NDJSON file, against a bare line-by-line JSON.parse loop over
 * the same file through the same reader. Usage: sue-indicators.ts <file.ndjson> bare|indicators.
 * Each mode runs in its own process so its peak memory (maxRSS) is its own.
 */
import { performance } from "node:perf_hooks";
import { readNdjson } from "../engine/node/ndjson.ts";
import { loadSchemaRef } from "../engine/node/files.ts";
import { loadIndicatorFile } from "../engine/node/indicators.ts";
import { IndicatorAccumulator } from "../engine/indicators/accumulate.ts";
import { validatorFor } from "../engine/validation/validator.ts";

const [file, mode] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
let records = 0;
let cells = 0;
if (mode === "bare") {
  let keys = 0;
  for await (const item of readNdjson(file)) {
    if ("value" in item) {
      records++;
      keys += Object.keys(item.value as object).length;
    }
  }
  cells = keys > 0 ? 0 : -1;
} else {
  const schema = loadSchemaRef("sue@1.0.0");
  const validator = validatorFor(schema);
  const acc = new IndicatorAccumulator(loadIndicatorFile(schema), { groupBy: ["kon", "aldersgrupp"] });
  for await (const item of readNdjson(file)) {
    if (!("value" in item)) continue;
    records++;
    if (validator.isValid(item.value)) acc.add(item.value);
    else acc.skipInvalid();
  }
  cells = acc.report(acc.parameters.suppressBelow!).cells.length;
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ mode, records, cells, seconds: +seconds.toFixed(2), recordsPerSecond: Math.round(records / seconds), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
