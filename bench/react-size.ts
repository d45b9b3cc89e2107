/**
 * The gzipped JavaScript of a React page built for production (`tsx bench/react-size.ts <page dir>`
 * prints it; bench/renderers.ts reports it for the vendor's smallest React page and plain rjsf).
 */
import { build } from "vite";
import react from "@vitejs/plugin-react";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { SOURCE_RESOLVE } from "../tests/browser/react-page.ts";

export async function reactPageGzip(root: string): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), "blankett-react-size-"));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root, configFile: false, resolve: SOURCE_RESOLVE, mode: "production", plugins: [react()], logLevel: "error", build: { outDir: out, emptyOutDir: true, target: "es2022" } });
    const assets = join(out, "assets");
    return readdirSync(assets)
      .filter((f) => f.endsWith(".js"))
      .reduce((n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  } finally {
    process.env.NODE_ENV = nodeEnv;
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const bytes = await reactPageGzip(resolve(process.argv[2] ?? join(import.meta.dirname, "react-fia")));
  console.log(`${(bytes / 1024).toFixed(1)} KiB gzip -9`);
}
