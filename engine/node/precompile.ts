import { syncGenerated } from "./generated.ts";
import standaloneCode from "ajv/dist/standalone/index.js";
import { _ } from "ajv";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createAjv } from "../validation/ajv.ts";
import { optimizeForValidation } from "../validation/optimize.ts";
import { instrumentOf } from "../schema/registry.ts";
import type { JsonSchema } from "../schema/types.ts";
import { readJsonFile, schemaFiles } from "./files.ts";

export const PRECOMPILED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../generated/validators");

/**
 * A validator as an ES module of plain code (ajv's standalone output): no ajv compiler and no
 * `new Function` when it runs, so pages whose Content-Security-Policy forbids 'unsafe-eval'
 * can validate. The formats come from the engine's own formats module.
 */
export function precompiledSource(schema: JsonSchema): string {
  const ajv = createAjv({ source: true, esm: true, lines: false, formats: _`formats` });
  const validate = ajv.compile(optimizeForValidation(schema));
  const code = standaloneCode(ajv, validate);
  const { name, version } = instrumentOf(schema);
  const imports = [`import { formats } from "../../validation/formats.ts";`];
  let body = code;
  let n = 0;
  // ajv's runtime helpers (deep equality, unicode length) arrive as require(); map them to imports.
  body = body.replace(/require\("ajv\/dist\/runtime\/([a-z0-9]+)"\)\.default/g, (_m, mod: string) => {
    const id = `runtime${n++}`;
    imports.push(`import ${id} from "ajv/dist/runtime/${mod}.js";`);
    return `(${id}.default ?? ${id})`;
  });
  if (/\brequire\(/.test(body)) throw new Error(`Förkompileringen gav require() som inte kan översättas (${name}@${version})`);
  return `/* Generated from schemas/${name}/${version}.schema.json by \`npm run types\`. Do not edit. */\n${imports.join("\n")}\n${body}\n`;
}

export interface PrecompileReport {
  written: string[];
  stale: string[];
}

export function precompileAll(check: boolean): PrecompileReport {
  const report: PrecompileReport = { written: [], stale: [] };
  for (const file of schemaFiles()) {
    const schema = readJsonFile(file) as JsonSchema;
    const { name, version } = instrumentOf(schema);
    const path = join(PRECOMPILED_DIR, `${name}-${version}.js`);
    syncGenerated(path, precompiledSource(schema), check, report);
  }
  return report;
}
