import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultClientConditions, type InlineConfig, type Plugin } from "vite";
import { compareVersions } from "@blankett/engine";
import { loadMigrations, migrationsDir } from "@blankett/engine/node";
import { minifyTemplatesPlugin } from "./minify-templates.ts";

/**
 * The browser bundles of the web components: each a single ES module with Lit, the engine's
 * runtime (no ajv compiler, no code built from text) and the instruments it carries, each
 * registered with its precompiled validator from schemas/validators/.
 *
 *   blankett-form.js             every instrument version in schemas/ that has a validator
 *   blankett-<name>-<ver>.js     one instrument version (to measure one form's weight)
 *   blankett-core.js             no instrument (pages register their own)
 */
export const LIT_DIR = import.meta.dirname;
export const ROOT = resolve(LIT_DIR, "../..");
export const DIST_DIR = join(LIT_DIR, "dist");
const INDEX = join(LIT_DIR, "src/index.ts");
const MIGRATIONS = join(LIT_DIR, "src/migrations.ts");
const ENTRY = "virtual:blankett-bundle";

export interface Instrument {
  ref: string;
  schema: string;
  validator: string;
}

export interface Bundle {
  fileName: string;
  instruments: Instrument[];
}

/** Instrument versions that have both a schema and a generated validator, sorted by ref. */
export function availableInstruments(): Instrument[] {
  const out: Instrument[] = [];
  const schemas = join(ROOT, "schemas");
  for (const name of readdirSync(schemas, { withFileTypes: true })) {
    if (!name.isDirectory()) continue;
    for (const file of readdirSync(join(schemas, name.name))) {
      const m = /^(\d+\.\d+\.\d+)\.schema\.json$/.exec(file);
      if (!m) continue;
      const validator = join(schemas, "validators", `${name.name}-${m[1]}.js`);
      if (existsSync(validator)) out.push({ ref: `${name.name}@${m[1]}`, schema: join(schemas, name.name, file), validator });
    }
  }
  return out.sort((a, b) => a.ref.localeCompare(b.ref));
}

/**
 * Migration files of an instrument that end at or before this version ("1.0.0-1.1.0.json" for
 * fia@1.1.0), each checked as the CLI checks it before it goes into a bundle.
 */
export function migrationsInto(ref: string): string[] {
  const [name, version] = ref.split("@") as [string, string];
  return loadMigrations(name)
    .filter((m) => compareVersions(m.to, version) <= 0)
    .map((m) => join(migrationsDir(name), `${m.from}-${m.to}.json`));
}

export function allBundles(): Bundle[] {
  const instruments = availableInstruments();
  return [
    { fileName: "blankett-form.js", instruments },
    ...instruments.map((i) => ({ fileName: `blankett-${i.ref.replace("@", "-")}.js`, instruments: [i] })),
    { fileName: "blankett-core.js", instruments: [] },
  ];
}

/** The bundle's entry: register each instrument, then re-export the components' API. */
function entryPlugin(instruments: Instrument[]): Plugin {
  const resolved = "\0" + ENTRY;
  return {
    name: "blankett-bundle-entry",
    resolveId: (id) => (id === ENTRY || id.endsWith("/" + ENTRY) ? resolved : null),
    load(id) {
      if (id !== resolved) return null;
      const lines = [`import { registerInstrument } from ${JSON.stringify(INDEX)};`];
      instruments.forEach((inst, i) => {
        lines.push(`import schema${i} from ${JSON.stringify(inst.schema)};`);
        lines.push(`import validate${i} from ${JSON.stringify(inst.validator)};`);
        lines.push(`registerInstrument(schema${i}, validate${i});`);
      });
      // The migrations into each carried version, so older drafts can be opened in it.
      const files = [...new Set(instruments.flatMap((inst) => migrationsInto(inst.ref)))];
      files.forEach((file, i) => lines.push(`import migration${i} from ${JSON.stringify(file)};`));
      if (files.length) {
        // Only bundles that carry migrations pay for the engine's migration code (and export it).
        lines.push(`import { registerMigrations } from ${JSON.stringify(MIGRATIONS)};`);
        lines.push(`registerMigrations([${files.map((_, i) => `migration${i}`).join(", ")}]);`);
        lines.push(`export { registerMigrations } from ${JSON.stringify(MIGRATIONS)};`);
      }
      lines.push(`export * from ${JSON.stringify(INDEX)};`);
      return lines.join("\n");
    },
  };
}

/**
 * Keywords of a form schema written for the people who review it, which no code in a bundle
 * reads: the renderers draw `title` and `x-ui` (labels, help, order), the engine reads `x-rules`,
 * `x-instrument`, `$id`, `default` and the validation keywords; `description` (of fields and of
 * rules), `$comment`, `examples` and `x-review` (the reviewers' own notes) are read only by the
 * CLI, the diff and the linters in Node. Dropped
 * from the JSON a bundle carries; the schema files and the precompiled validators keep them.
 * (tests/browser/lit-bundle.test.ts checks that the bundle's code never reads them.)
 */
export const REVIEWER_ONLY = ["description", "$comment", "examples", "x-review"] as const;

/** Drops REVIEWER_ONLY keywords from schema nodes; names under `properties`/`$defs` are kept. */
export function stripReviewerText(schema: unknown): unknown {
  const MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
  const drop = new Set<string>(REVIEWER_ONLY);
  const visit = (node: unknown, isMap = false): unknown => {
    if (Array.isArray(node)) return node.map((n) => visit(n));
    if (!node || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (isMap) out[k] = visit(v);
      else if (drop.has(k)) continue;
      // const/enum/default values are data, not schemas.
      else out[k] = k === "const" || k === "enum" || k === "default" ? v : visit(v, MAPS.has(k));
    }
    return out;
  };
  return visit(schema);
}

/**
 * A migration as a bundle carries it, to open older drafts: without the reviewers' English
 * `description` of the migration and of each operation (engine/migrate/types.ts: "for reviewers"),
 * which only the CLI and the review tools read. The operations, and the `reason` and `askedAs`
 * texts the person sees under "Flyttat från en äldre version", stay.
 */
export function stripMigrationText(migration: unknown): unknown {
  if (!migration || typeof migration !== "object" || Array.isArray(migration)) return migration;
  const { description: _ignored, ...rest } = migration as Record<string, unknown>;
  if (Array.isArray(rest.operations)) {
    rest.operations = rest.operations.map((op: unknown) => {
      if (!op || typeof op !== "object" || Array.isArray(op)) return op;
      const { description: _dropped, ...kept } = op as Record<string, unknown>;
      return kept;
    });
  }
  return rest;
}

/** The bundled schema files without REVIEWER_ONLY text, and the migrations without their descriptions. */
function schemaTextPlugin(): Plugin {
  return {
    name: "blankett-schema-reviewer-text",
    enforce: "pre",
    transform(code, id) {
      if (/\.schema\.json(\?|$)/.test(id)) return { code: JSON.stringify(stripReviewerText(JSON.parse(code))), map: null };
      if (/[/\\]migrations[/\\][^/\\]+\.json(\?|$)/.test(id)) return { code: JSON.stringify(stripMigrationText(JSON.parse(code))), map: null };
      return null;
    },
  };
}

/** Vite library-mode config for one bundle. */
export function bundleConfig(bundle: Bundle, outDir = DIST_DIR, emptyOutDir = false): InlineConfig {
  return {
    configFile: false,
    // The engine from its TypeScript source (the "@blankett/source" export condition), and Lit's
    // production build whoever builds: Vite picks "development" unless NODE_ENV is "production",
    // and under vitest it is "test", so the bundle tests weighed Lit's development build (with its
    // warnings), ~4 KB more than the file vendors get.
    resolve: { conditions: ["@blankett/source", ...defaultClientConditions.map((c) => (c === "development|production" ? "production" : c))] },
    root: LIT_DIR,
    logLevel: "warn",
    plugins: [schemaTextPlugin(), minifyTemplatesPlugin(), entryPlugin(bundle.instruments)],
    json: { stringify: true, namedExports: false },
    build: {
      outDir,
      emptyOutDir,
      target: "es2022",
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: ENTRY, formats: ["es"], fileName: () => bundle.fileName },
      // Library mode keeps whitespace in ES output for later tree-shaking; these bundles are
      // dropped into pages as they are, so they are minified fully.
      rolldownOptions: { output: { minify: true } },
    },
  };
}
