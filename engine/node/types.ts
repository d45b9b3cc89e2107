import { syncGenerated } from "./generated.ts";
import { compile } from "json-schema-to-typescript";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { instrumentOf } from "../schema/registry.ts";
import type { JsonSchema } from "../schema/types.ts";
import { readJsonFile, schemaFiles } from "./files.ts";

export const TYPES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../generated");

function typeName(name: string, version: string): string {
  const base = name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  return `${base}V${version.replace(/\./g, "_")}`;
}

/** The TypeScript source for one schema version. Deterministic, so staleness is a text compare. */
export async function typesFor(schema: JsonSchema): Promise<{ path: string; source: string }> {
  const { name, version } = instrumentOf(schema);
  // json-schema-to-typescript mutates its input; give it a copy. No external $ref resolution.
  const copy = JSON.parse(JSON.stringify(schema)) as JsonSchema;
  labelsAsDocs(copy);
  copy.title = typeName(name, version);
  const source = await compile(copy as never, typeName(name, version), {
    bannerComment: `/* Generated from schemas/${name}/${version}.schema.json by \`npm run types\`. Do not edit. */`,
    additionalProperties: false,
    declareExternallyReferenced: true,
    unreachableDefinitions: false,
    strictIndexSignatures: true,
    $refOptions: { resolve: { external: false, http: false, file: false } } as never,
  });
  return { path: join(TYPES_DIR, name, `${version}.ts`), source };
}

/**
 * json-schema-to-typescript names interfaces after `title`; our titles are Swedish questions,
 * which would make names like `IVilkenOmfattning…`. Move each label into the doc comment so
 * names come from `$defs` keys and property names, and the label still shows in the editor.
 */
function labelsAsDocs(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) labelsAsDocs(n);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const obj = node as Record<string, unknown>;
  if (typeof obj.title === "string") {
    obj.description = obj.title;
    delete obj.title;
  }
  for (const [k, v] of Object.entries(obj)) if (k !== "x-ui" && k !== "x-rules" && k !== "const" && k !== "default") labelsAsDocs(v);
}

export interface TypesReport {
  written: string[];
  stale: string[];
}

export async function generateTypes(check: boolean): Promise<TypesReport> {
  const report: TypesReport = { written: [], stale: [] };
  for (const file of schemaFiles()) {
    const { path, source } = await typesFor(readJsonFile(file) as JsonSchema);
    syncGenerated(path, source, check, report);
  }
  return report;
}
