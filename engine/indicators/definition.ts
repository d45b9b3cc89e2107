import type { ValidateFunction } from "ajv";
import { definitionsAjv } from "../validation/ajv.ts";
import { compileLogic } from "../rules/logic/compile.ts";
import { choiceOptions, schemaAt } from "../schema/walk.ts";
import type { JsonSchema } from "../schema/types.ts";
import indicatorsMeta from "@blankett/schemas/indicators.meta.json" with { type: "json" };
import { checkGroupings } from "./grouping.ts";
import { Histogram } from "./histogram.ts";
import type { IndicatorFile } from "./types.ts";

let check: ValidateFunction | undefined;

/**
 * Checks an indicator definition's shape and compiles every expression, so errors surface at load.
 * Given the schema it reads, also refuses free-text groupings not declared safe (grouping.ts).
 */
export function parseIndicatorFile(data: unknown, schema?: JsonSchema): IndicatorFile {
  check ??= definitionsAjv().compile(indicatorsMeta);
  if (!check(data)) {
    const e = check.errors![0]!;
    throw new Error(`Indikatordefinitionen är felaktig vid ${e.instancePath || "/"}: ${e.message}`);
  }
  const def = data as IndicatorFile;
  const ids = new Set<string>();
  for (const i of def.indicators) {
    if (ids.has(i.id)) throw new Error(`Indikatorn ”${i.id}” finns två gånger`);
    ids.add(i.id);
    for (const e of i.kind === "rate" ? [i.denominator, i.numerator] : [i.among, i.of]) compileLogic(e);
    // The range sizes the histogram of every group cell: refused at load when too wide.
    if (i.kind === "duration") {
      try {
        new Histogram(i.range.minimum, i.range.maximum);
      } catch (e) {
        throw new Error(`Indikatorn ”${i.id}”: ${(e as Error).message}`);
      }
    }
  }
  for (const g of Object.values(def.groups)) compileLogic(g.expr);
  if (schema) checkGroupings(def, schema);
  return def;
}

/** Labels for a group's or an indicator's values: its own, else the option titles of the question it names. */
export function labelsFor(schema: JsonSchema, entry: { labels?: Record<string, string>; labelsFrom?: string }): Record<string, string> {
  const out: Record<string, string> = {};
  if (entry.labelsFrom) {
    const field = schemaAt(schema, entry.labelsFrom.split("."));
    const s = field && field.type === "array" && field.items ? (field.items as JsonSchema) : field;
    for (const o of choiceOptions(schema, s) ?? []) out[o.code] = o.label;
  }
  return { ...out, ...(entry.labels ?? {}) };
}
