import { build } from "vite";
import react from "@vitejs/plugin-react";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { SOURCE_RESOLVE } from "../tests/browser/react-page.ts";
process.env.NODE_ENV = "production";
const root = process.argv[2]!;
const out = "/tmp/react-size-out";
await build({ root, configFile: false, resolve: SOURCE_RESOLVE, mode: "production", plugins: [react()], logLevel: "error", build: { outDir: out, emptyOutDir: true, target: "es2022" } });
let t = 0;
for (const f of readdirSync(join(out, "assets")).filter((f) => f.endsWith(".js"))) { const g = gzipSync(readFileSync(join(out, "assets", f)), { level: 9 }).length; t += g; console.log(f, (g/1024).toFixed(1)); }
console.log("total gzip9 KiB", (t / 1024).toFixed(1));
