/**
 * Where the bytes of a browser bundle go: builds the bundle once more with a source map (into a
 * temporary directory; the production bundles in dist/ stay without maps), lets
 * source-map-explorer attribute every byte of the minified output to a source file, and sums the
 * files into parts: Lit, the engine's runtime (with ajv-formats and ajv's runtime helpers), the
 * schema JSON (with migrations), the precompiled validator, the components themselves and the
 * rest (the bundler's own code, CSS and template text without a mapping). The inlined JSON is
 * not in the source map; it is counted from its `JSON.parse` strings. Two gzip -9 estimates per
 * part: what it adds (the whole file minus the file without the part's text) and the part's
 * text compressed alone.
 *
 *   npm run size:lit                       blankett-fia-1.0.0.js
 *   npm run size:lit -- blankett-sue-1.0.0.js blankett-core.js
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { explore } from "source-map-explorer";
import { SourceMapConsumer } from "source-map";
import { allBundles, bundleConfig, ROOT } from "./bundles.ts";

export const PARTS = ["lit", "engine", "schema JSON", "validator", "elements", "other"] as const;
export type Part = (typeof PARTS)[number];

export function partOf(source: string): Part {
  const path = source.replace(/\\/g, "/");
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(path)) return "lit";
  if (/schemas\/validators\/[^/]+\.js$/.test(path)) return "validator";
  // ajv's runtime helpers and ajv-formats come in through the engine's validator runtime.
  if (/node_modules\/(ajv|ajv-formats|fast-deep-equal|fast-uri)\//.test(path)) return "engine";
  if (/\.json$/.test(path)) return "schema JSON";
  if (/(^|\/)engine\//.test(path)) return "engine";
  if (/renderers\/lit\/src\//.test(path) || path.includes("virtual:blankett-bundle")) return "elements";
  return "other";
}

export interface PartSize {
  part: Part;
  bytes: number;
  /** What the part adds to the whole file's gzip -9 (the file with it minus the file without). */
  gzip9: number;
  /** gzip -9 of the part's text compressed on its own. */
  alone: number;
}

export interface Breakdown {
  file: string;
  bytes: number;
  gzip9: number;
  parts: PartSize[];
  sources: { source: string; bytes: number }[];
}

/**
 * Spans of the inlined JSON: Vite writes each imported JSON file as `JSON.parse(\`…\`)`, and
 * the source map has no mapping inside the string, so source-map-explorer calls it "[no source]".
 */
export function jsonSpans(code: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /JSON\.parse\(`[{[]/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    let i = m.index + "JSON.parse(`".length;
    const start = i;
    while (i < code.length && code[i] !== "`") i += code[i] === "\\" ? 2 : 1;
    spans.push([start, i]);
    re.lastIndex = i;
  }
  return spans;
}

/** The minified text each part maps to, and the text of everything else. */
async function textPerPart(code: string, map: string): Promise<Map<Part, { own: string; rest: string }>> {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === "\n") lineStarts.push(i + 1);
  const owner = new Int8Array(code.length).fill(PARTS.indexOf("other"));
  await SourceMapConsumer.with(JSON.parse(map), null, (consumer) => {
    consumer.computeColumnSpans();
    consumer.eachMapping((m) => {
      if (!m.source) return;
      const start = lineStarts[m.generatedLine - 1]! ;
      const lineEnd = (lineStarts[m.generatedLine] ?? code.length + 1) - 1;
      const end = m.lastGeneratedColumn == null || !Number.isFinite(m.lastGeneratedColumn) ? lineEnd : Math.min(lineEnd, start + m.lastGeneratedColumn + 1);
      owner.fill(PARTS.indexOf(partOf(m.source)), start + m.generatedColumn, end);
    });
  });
  for (const [a, b] of jsonSpans(code)) owner.fill(PARTS.indexOf("schema JSON"), a, b);
  const out = new Map<Part, { own: string[]; rest: string[] }>(PARTS.map((p) => [p, { own: [], rest: [] }]));
  for (let i = 0; i < code.length; ) {
    let j = i;
    while (j < code.length && owner[j] === owner[i]) j++;
    for (const [part, texts] of out) (part === PARTS[owner[i]!] ? texts.own : texts.rest).push(code.slice(i, j));
    i = j;
  }
  return new Map([...out].map(([k, v]) => [k, { own: v.own.join(""), rest: v.rest.join("") }]));
}

export async function breakdown(fileName: string): Promise<Breakdown> {
  const bundle = allBundles().find((b) => b.fileName === fileName);
  if (!bundle) throw new Error(`Inget paket heter ${fileName}`);
  const dir = mkdtempSync(join(tmpdir(), "blankett-size-"));
  try {
    const config = bundleConfig(bundle, dir, true);
    config.build!.sourcemap = true;
    await build(config);
    const file = join(dir, fileName);
    const code = readFileSync(file, "utf8");
    const map = readFileSync(file + ".map", "utf8");
    // The production bundle is the same code without the source-map comment.
    const production = code.replace(/\n?\/\/# sourceMappingURL=.*\s*$/, "");
    const result = await explore({ code: file, map: file + ".map" }, { output: { format: "json" }, excludeSourceMapComment: true, noRoot: true, noBorderChecks: true });
    const files = result.bundles[0]!.files as Record<string, { size: number }>;
    const bytes = new Map<Part, number>(PARTS.map((p) => [p, 0]));
    const sources: { source: string; bytes: number }[] = [];
    for (const [source, { size }] of Object.entries(files)) {
      // "[unmapped]" and "[EOLs]" (code the bundler wrote itself) count as "other".
      const part = source.startsWith("[") ? "other" : partOf(source);
      bytes.set(part, bytes.get(part)! + size);
      sources.push({ source: source.startsWith("[") ? source : relative(ROOT, resolve(dir, source)), bytes: size });
    }
    const texts = await textPerPart(production, map);
    // The inlined JSON's strings are "[no source]" to source-map-explorer: move them to their part.
    const jsonBytes = jsonSpans(production).reduce((n, [a, b]) => n + Buffer.byteLength(production.slice(a, b)), 0);
    bytes.set("other", bytes.get("other")! - jsonBytes);
    bytes.set("schema JSON", bytes.get("schema JSON")! + jsonBytes);
    const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;
    const whole = gz(production);
    // gzip -9 of the bundle minus gzip -9 of the bundle without the part: what the part adds.
    const parts = PARTS.map((part) => ({ part, bytes: bytes.get(part)!, gzip9: whole - gz(texts.get(part)!.rest), alone: gz(texts.get(part)!.own) }));
    sources.sort((a, b) => b.bytes - a.bytes);
    return { file: fileName, bytes: Buffer.byteLength(production), gzip9: whole, parts, sources };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatBreakdown(b: Breakdown, top = 12): string {
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7) + " KiB";
  const pct = (n: number) => ((100 * n) / b.bytes).toFixed(1).padStart(5) + " %";
  const rows = [`${b.file}: ${kb(b.bytes).trim()} raw, ${kb(b.gzip9).trim()} gzip -9`, `${"part".padEnd(14)}${"raw".padStart(11)}${"".padStart(8)}${"gzip (adds)".padStart(16)}${"gzip (alone)".padStart(16)}`];
  for (const p of b.parts) rows.push(`${p.part.padEnd(14)}${kb(p.bytes)} ${pct(p.bytes)}${kb(p.gzip9).padStart(16)}${kb(p.alone).padStart(16)}`);
  rows.push(`largest sources:`);
  for (const s of b.sources.slice(0, top)) rows.push(`  ${kb(s.bytes)}  ${s.source}`);
  return rows.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const files = process.argv.slice(2);
  for (const file of files.length ? files : ["blankett-fia-1.0.0.js"]) console.log(formatBreakdown(await breakdown(file)) + "\n");
}
