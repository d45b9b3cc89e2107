import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseIndicatorFile } from "../indicators/definition.ts";
import { checkGroupings } from "../indicators/grouping.ts";
import type { IndicatorFile } from "../indicators/types.ts";
import { instrumentOf } from "../schema/registry.ts";
import type { JsonSchema } from "../schema/types.ts";
import { InputError, readJsonFile, SCHEMAS_DIR } from "./files.ts";

/** The indicator definitions that sit next to a schema version, or a given file. */
export function loadIndicatorFile(schema: JsonSchema, path?: string): IndicatorFile {
  const { name, version } = instrumentOf(schema);
  const file = path ?? join(SCHEMAS_DIR, name, `${version}.indicators.json`);
  if (!existsSync(file)) throw new InputError(`Det finns inga indikatorer för ${name}@${version}`);
  try {
    const def = parseIndicatorFile(readJsonFile(file));
    if (def.schema !== `${name}@${version}`) throw new InputError(`Indikatorerna i ${file} gäller ${def.schema}, inte ${name}@${version}`);
    // Free-text groupings, against the schema the definitions are now known to read.
    checkGroupings(def, schema);
    return def;
  } catch (e) {
    throw e instanceof InputError ? e : new InputError((e as Error).message);
  }
}
