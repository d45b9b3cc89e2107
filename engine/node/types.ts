import { syncGenerated } from "./generated.ts";
import { compile } from "json-schema-to-typescript";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { instrumentOf, variantOf } from "../schema/registry.ts";
import type { JsonSchema } from "../schema/types.ts";
import { SCHEMAS_DIR, readJsonFile, schemaFiles } from "./files.ts";

export const TYPES_DIR = join(SCHEMAS_DIR, "types");

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** FiaV1_0_0; a local variant's FiaV1_0_0Exempelby. */
function typeName(name: string, version: string, variant?: string): string {
  return `${pascal(name)}V${version.replace(/\./g, "_")}${variant ? pascal(variant) : ""}`;
}

/**
 * The TypeScript source for one schema version, or a local variant's effective schema (printed
 * by `blankett types fia@1.0.0+exempelby`, never written). Deterministic, so staleness is a text
 * compare.
 */
export async function typesFor(schema: JsonSchema): Promise<{ path: string; source: string }> {
  const { name, version } = instrumentOf(schema);
  const variant = variantOf(schema);
  // json-schema-to-typescript mutates its input; give it a copy. No external $ref resolution.
  const copy = JSON.parse(JSON.stringify(schema)) as JsonSchema;
  labelsAsDocs(copy);
  copy.title = typeName(name, version, variant);
  const from = variant ? `the variant ${name}@${version}+${variant} (schemas/${name}/variants/${variant}.overlay.json on ${version})` : `schemas/${name}/${version}.schema.json`;
  const source = await compile(copy as never, typeName(name, version, variant), {
    bannerComment: `/* Generated from ${from} by \`${variant ? `blankett types ${name}@${version}+${variant}` : "npm run types"}\`. Do not edit. */`,
    additionalProperties: false,
    declareExternallyReferenced: true,
    unreachableDefinitions: false,
    strictIndexSignatures: true,
    $refOptions: { resolve: { external: false, http: false, file: false } } as never,
  });
  return { path: join(TYPES_DIR, name, `${version}.d.ts`), source };
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

/** The engine's hint types, generated from the vocabulary's meta-schema so the two cannot drift. */
export const HINT_TYPES_FILE = join(dirname(fileURLToPath(import.meta.url)), "..", "schema", "hints.generated.ts");

/**
 * `UiHints` (the values of `x-ui`) as TypeScript, from `$defs/ui` of schemas/hints.meta.json: a
 * widget added to the vocabulary becomes a member of the engine's `Widget` type, and each
 * renderer's `satisfies Record<LeafWidget, …>` fails to compile until it draws it.
 */
export async function hintTypes(meta: JsonSchema): Promise<string> {
  const defs = meta.$defs as Record<string, JsonSchema>;
  const schema = { ...defs.ui, title: "UiHints", $defs: { condition: { ...defs.condition, title: "Condition" } } };
  return compile(schema as never, "UiHints", {
    bannerComment: "/* Generated from schemas/hints.meta.json ($defs/ui) by `npm run types`. Do not edit. */",
    additionalProperties: false,
    declareExternallyReferenced: true,
    unreachableDefinitions: false,
    strictIndexSignatures: true,
    $refOptions: { resolve: { external: false, http: false, file: false } } as never,
  });
}

export interface TypesReport {
  written: string[];
  stale: string[];
}

export async function generateTypes(check: boolean): Promise<TypesReport> {
  const report: TypesReport = { written: [], stale: [] };
  const refs: Array<{ name: string; version: string }> = [];
  for (const file of schemaFiles()) {
    const schema = readJsonFile(file) as JsonSchema;
    const { path, source } = await typesFor(schema);
    syncGenerated(path, source, check, report);
    refs.push(instrumentOf(schema));
  }
  // Only where the engine's sources are (this repository), not from an installed package's dist.
  if (!HINT_TYPES_FILE.includes(join("dist", "schema"))) {
    syncGenerated(HINT_TYPES_FILE, await hintTypes(readJsonFile(join(SCHEMAS_DIR, "hints.meta.json")) as JsonSchema), check, report);
  }
  const index = packageIndex(refs);
  syncGenerated(join(SCHEMAS_DIR, "index.js"), index.js, check, report);
  syncGenerated(join(TYPES_DIR, "index.d.ts"), index.dts, check, report);
  return report;
}

/**
 * The schemas package's main entry: the list of instrument versions it holds (JavaScript) and
 * every version's answer type under one name each (declarations), so a vendor writes
 * `import type { FiaV1_0_0 } from "@blankett/schemas"`.
 */
export function packageIndex(refs: Array<{ name: string; version: string }>): { js: string; dts: string } {
  const banner = "/* Generated by `npm run types`. Do not edit. */";
  const list = refs.map(({ name, version }) => `  { name: ${JSON.stringify(name)}, version: ${JSON.stringify(version)}, ref: ${JSON.stringify(`${name}@${version}`)}, schema: ${JSON.stringify(`@blankett/schemas/${name}/${version}.schema.json`)}, validator: ${JSON.stringify(`@blankett/schemas/validators/${name}-${version}`)} },`);
  const js = `${banner}\n/** The instrument versions in this package, with the import specifiers of their files. */\nexport const instruments = Object.freeze([\n${list.join("\n")}\n]);\n`;
  const types = refs.map(({ name, version }) => `export type { ${typeName(name, version)} } from "./${name}/${version}.js";`);
  const dts = `${banner}\n${types.join("\n")}\n\nexport interface InstrumentEntry {\n  name: string;\n  version: string;\n  ref: string;\n  schema: string;\n  validator: string;\n}\nexport declare const instruments: readonly InstrumentEntry[];\n`;
  return { js, dts };
}
