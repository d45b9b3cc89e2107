/**
 * Builds every browser bundle into renderers/lit/dist/ (or the directory given as the first
 * argument), checks that none contains a way to run code from text, and prints the sizes:
 * raw and gzip level 9 (zlib gzipSync, the same as `gzip -9`).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { allBundles, bundleConfig, DIST_DIR, type Bundle } from "./bundles.ts";

export interface BundleSize {
  file: string;
  instruments: string[];
  bytes: number;
  gzip9: number;
}

/** Patterns that would need 'unsafe-eval' under a CSP. */
export const EVAL_PATTERNS = [/\bnew Function\s*\(/, /\beval\s*\(/, /\bFunction\s*\(\s*["'`]/];

export async function buildBundles(outDir = DIST_DIR, bundles: Bundle[] = allBundles()): Promise<BundleSize[]> {
  rmSync(outDir, { recursive: true, force: true });
  const sizes: BundleSize[] = [];
  for (const bundle of bundles) {
    await build(bundleConfig(bundle, outDir));
    const code = readFileSync(join(outDir, bundle.fileName));
    const text = code.toString("utf8");
    for (const pattern of EVAL_PATTERNS) {
      if (pattern.test(text)) throw new Error(`${bundle.fileName} innehåller ${pattern} – paketet skulle kräva 'unsafe-eval'`);
    }
    sizes.push({ file: bundle.fileName, instruments: bundle.instruments.map((i) => i.ref), bytes: code.length, gzip9: gzipSync(code, { level: 9 }).length });
  }
  writeFileSync(join(outDir, "sizes.json"), JSON.stringify(sizes, null, 2) + "\n");
  return sizes;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : DIST_DIR;
  const sizes = await buildBundles(outDir);
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7) + " KB";
  for (const s of sizes) console.log(`${s.file.padEnd(34)}${kb(s.bytes)}  gzip -9 ${kb(s.gzip9)}`);
}
