import { loadSchemaRef, InputError } from "../../node/files.ts";
import { loadIndicatorFile } from "../../node/indicators.ts";
import { readNdjsonBatches } from "../../node/ndjson.ts";
import { IndicatorAccumulator } from "../../indicators/accumulate.ts";
import { toCsv, toTable } from "../../indicators/format.ts";
import { validatorFor } from "../../validation/validator.ts";
import { EXIT_OK, EXIT_UNUSABLE, type Output } from "../output.ts";

export interface IndicatorsOptions {
  groupBy: string[];
  format: "json" | "csv" | "table";
  parameters: Record<string, number>;
  only: string[];
  definitions?: string;
}

export function parseParams(pairs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of pairs) {
    const m = /^([a-zA-Z][a-zA-Z0-9]*)=(-?\d+(?:\.\d+)?)$/.exec(p);
    if (!m) throw new InputError(`Parametern ”${p}” ska skrivas namn=tal, till exempel longTermMonths=11`);
    out[m[1]!] = Number(m[2]);
  }
  return out;
}

/** `blankett indicators`: streams NDJSON records through the accumulator; memory stays flat. */
export async function indicatorsCommand(io: Output, ref: string, file: string, opts: IndicatorsOptions): Promise<number> {
  const schema = loadSchemaRef(ref);
  const def = loadIndicatorFile(schema, opts.definitions);
  let acc: IndicatorAccumulator;
  try {
    acc = new IndicatorAccumulator(def, { groupBy: opts.groupBy, parameters: opts.parameters, only: opts.only });
  } catch (e) {
    throw new InputError((e as Error).message);
  }
  const validator = validatorFor(schema);
  let exit = EXIT_OK;
  // A chunk's records at a time: one await per chunk rather than per record.
  for await (const items of readNdjsonBatches(file)) {
    for (const item of items) {
      if ("error" in item) {
        io.err(`${file} rad ${item.line}: ${item.error}`);
        exit = EXIT_UNUSABLE;
        acc.skipInvalid();
      } else if (validator.isValid(item.value)) acc.add(item.value);
      else acc.skipInvalid();
    }
  }
  const report = acc.report(acc.parameters.suppressBelow!);
  if (opts.format === "json") io.out(JSON.stringify(report, null, 2));
  else if (opts.format === "csv") io.out(toCsv(report, def, schema));
  else io.out(toTable(report, def, schema));
  return exit;
}
