import { loadSchemaRef, InputError } from "../../node/files.ts";
import { loadIndicatorFile } from "../../node/indicators.ts";
import { readNdjsonBatches } from "../../node/ndjson.ts";
import { IndicatorAccumulator } from "../../indicators/accumulate.ts";
import { toCsv, toTable } from "../../indicators/format.ts";
import { publishedReport } from "../../indicators/published.ts";
import { DEFAULT_SUPPRESS_BELOW } from "../../indicators/suppress.ts";
import { validatorFor } from "../../validation/validator.ts";
import { EXIT_INVALID, EXIT_OK, type Output } from "../output.ts";

/** Unparsable lines listed one by one, at most; the rest are counted. */
const MAX_LINES_LISTED = 10;

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
  let invalid = 0;
  let unparsable = 0;
  // A chunk's records at a time: one await per chunk rather than per record.
  for await (const items of readNdjsonBatches(file)) {
    for (const item of items) {
      if ("error" in item) {
        // The line number only: the parser's message can quote the line, i.e. answers.
        if (++unparsable <= MAX_LINES_LISTED) io.err(`${file} rad ${item.line}: inte giltig JSON, utelämnad`);
        acc.skipUnparsable();
      } else if (validator.isValid(item.value)) acc.add(item.value);
      else {
        invalid++;
        acc.skipInvalid();
      }
    }
  }
  if (unparsable > MAX_LINES_LISTED) io.err(`${file}: ytterligare ${unparsable - MAX_LINES_LISTED} rader som inte är giltig JSON, utelämnade`);
  const report = acc.report(acc.parameters.suppressBelow ?? DEFAULT_SUPPRESS_BELOW);
  if (opts.format === "json") io.out(JSON.stringify(publishedReport(report), null, 2));
  else if (opts.format === "csv") io.out(toCsv(report, def, schema));
  else io.out(toTable(report, def, schema));
  // Whatever the format, records left out are said on stderr (counts and why, never contents)
  // and the exit code is not 0: figures over part of the file must not pass as the whole.
  const leftOut = invalid + unparsable;
  if (leftOut === 0) return EXIT_OK;
  const why: string[] = [];
  if (invalid) why.push(`${invalid} ${invalid === 1 ? "ogiltig" : "ogiltiga"} (följer inte schemat, kontrollera med blankett validate)`);
  if (unparsable) why.push(`${unparsable} ${unparsable === 1 ? "oläsbar" : "oläsbara"} (inte giltig JSON)`);
  io.err(`${file}: ${leftOut} ${leftOut === 1 ? "post" : "poster"} av ${report.records + leftOut} utelämnades ur indikatorerna: ${why.join(", ")}`);
  return EXIT_INVALID;
}
