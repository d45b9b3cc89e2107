/**
 * Where the React renderer's first render goes: `npx tsx --conditions=@blankett/source
 * bench/react-fia/profile.ts [visits]` builds the peers' React page (bench/pages/react, FIA 1.0.0,
 * every section on one page) for production without minifying names, with source maps, opens it
 * in Chromium with the V8 sampling profiler running from before navigation until the last
 * question's label is in the DOM, and prints the CPU time by source package and the heaviest
 * functions (self and total), summed over the visits. Shares, not milliseconds, are the figure to
 * compare: on a loaded machine absolute times mean little.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { SourceMapConsumer, type RawSourceMap } from "source-map";
import { launchBrowser } from "../../tests/browser/harness.ts";
import { SOURCE_RESOLVE } from "../../tests/browser/react-page.ts";
import { stripReviewerText } from "../../renderers/lit/bundles.ts";
import { serve } from "../peers.ts";

const ROOT = join(import.meta.dirname, "../..");
const LAST_LABEL = "Nästa uppföljning";
const visits = Number(process.argv[2] ?? 5);

/** The same probe as bench/peers.ts: the time the last question's label is first in the DOM. */
const PROBE = `(() => {
  const t = (window.__firstRender = { dom: -1 });
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if ((n.textContent || "").includes(${JSON.stringify(LAST_LABEL)})) { t.dom = performance.now(); observer.disconnect(); return; }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

function page(): Plugin {
  const schema = stripReviewerText(JSON.parse(readFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), "utf8")));
  return {
    name: "blankett-react-profile",
    resolveId: (id) => (id === "virtual:fia-schema" ? "\0" + id : null),
    load: (id) => (id === "\0virtual:fia-schema" ? `export default JSON.parse(${JSON.stringify(JSON.stringify(schema))});` : null),
    transformIndexHtml: () => [{ tag: "script", children: PROBE, injectTo: "head-prepend" }],
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  endTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (or our workspace folder) a bundled source file came from. */
function origin(source: string | null): string {
  if (!source) return "(unmapped)";
  const nm = source.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = source.slice(nm + 13).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const m = /(engine|renderers\/react|schemas|bench)\/(src\/)?([^/]+\/)?/.exec(source);
  return m ? m[0].replace(/\/$/, "") : source;
}

const out = mkdtempSync(join(tmpdir(), "blankett-react-profile-"));
const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = "production";
await build({
  root: join(ROOT, "bench/pages/react"),
  configFile: false,
  resolve: SOURCE_RESOLVE,
  mode: "production",
  base: "./",
  plugins: [page(), react()],
  logLevel: "error",
  build: { outDir: join(out, "react"), emptyOutDir: true, target: "es2022", minify: false, sourcemap: true },
});
process.env.NODE_ENV = nodeEnv;
const assets = join(out, "react/assets");
const maps = new Map<string, SourceMapConsumer>();
for (const f of readdirSync(assets).filter((f) => f.endsWith(".js.map"))) {
  maps.set(f.replace(/\.map$/, ""), await new SourceMapConsumer(JSON.parse(readFileSync(join(assets, f), "utf8")) as RawSourceMap));
}

const load = loadavg();
const browser = await launchBrowser();
const { url, server } = await serve(out);
/** BLANKETT_PROFILE_CALLERS=<function name>: also print who calls it (its stacks' next frames). */
const callersOf = process.env.BLANKETT_PROFILE_CALLERS;
const callers = new Map<string, number>();
const self = new Map<string, number>();
const total = new Map<string, number>();
const byOrigin = new Map<string, number>();
let all = 0;
const firsts: number[] = [];
/** Per visit: when the bundle's code first ran, when React's first render started and ended, idle time until then, CPU until the probe. */
const phases: { script: number; renderStart: number; renderEnd: number; idle: number; cpu: number }[] = [];
try {
  for (let v = -1; v < visits; v++) {
    const context = await browser.newContext({ locale: "sv-SE" });
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    await p.goto(`${url}react/`);
    await p.waitForFunction("window.__firstRender && window.__firstRender.dom >= 0", undefined, { timeout: 120_000 });
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
    const dom = (await p.evaluate("window.__firstRender.dom")) as number;
    await context.close();
    if (v < 0) continue; // the browser's first page pays for its own start-up
    firsts.push(dom);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const nameOf = (n: ProfileNode) => {
      const { functionName, url: u, lineNumber, columnNumber } = n.callFrame;
      const file = u.split("/").pop() ?? "";
      const pos = maps.get(file)?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      return { key: `${functionName || "(anonymous)"} ${pos?.source ? `${pos.source.replace(/^.*node_modules\//, "").replace(/^(\.\.\/)+/, "")}:${pos.line}` : file || u || "(native)"}`, origin: u ? origin(pos?.source ?? null) : "(browser)" };
    };
    const names = new Map<number, { key: string; origin: string }>();
    for (const n of profile.nodes) names.set(n.id, nameOf(n));
    // Phases in ms from the profiler's start (just before the navigation).
    const inRender = (id: number) => {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) if (byId.get(cur)!.callFrame.functionName === "performWorkOnRoot") return true;
      return false;
    };
    {
      let t = profile.startTime;
      const ph = { script: NaN, renderStart: NaN, renderEnd: NaN, idle: 0, cpu: 0 };
      const times = profile.samples.map((id, i) => ((t += profile.timeDeltas[i] ?? 0), { id, t }));
      for (const [i, { id, t: at }] of times.entries()) {
        const dt = (profile.timeDeltas[i] ?? 0) / 1000;
        const ms = (at - profile.startTime) / 1000;
        const node = byId.get(id)!;
        if (node.callFrame.functionName === "(idle)") { if (Number.isNaN(ph.renderEnd)) ph.idle += dt; continue; }
        ph.cpu += dt;
        if (Number.isNaN(ph.script) && /index-.*\.js$/.test(node.callFrame.url)) ph.script = ms;
        if (inRender(id)) { if (Number.isNaN(ph.renderStart)) ph.renderStart = ms; ph.renderEnd = ms; }
      }
      phases.push(ph);
    }
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      const node = byId.get(id)!;
      const me = names.get(id)!;
      if (node.callFrame.functionName === "(idle)") return;
      all += dt;
      self.set(me.key, (self.get(me.key) ?? 0) + dt);
      byOrigin.set(me.origin, (byOrigin.get(me.origin) ?? 0) + dt);
      if (callersOf) {
        const chain: string[] = [];
        for (let cur: number | undefined = id; cur !== undefined && chain.length < 12; cur = parent.get(cur)) chain.push(names.get(cur)!.key.split(" ")[0]!);
        const at = chain.indexOf(callersOf);
        if (at >= 0) { const k = chain.slice(at, at + 6).join(" < "); callers.set(k, (callers.get(k) ?? 0) + dt); }
      }
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const k = names.get(cur)!.key;
        if (seen.has(k)) continue;
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + dt);
      }
    });
  }
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}
const pct = (x: number) => `${((100 * x) / all).toFixed(1).padStart(5)}%`;
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
firsts.sort((a, b) => a - b);
console.log(`React page, FIA 1.0.0, ${visits} visits; load average ${load.map((l) => l.toFixed(2)).join(" / ")} at start, ${loadavg().map((l) => l.toFixed(2)).join(" / ")} at end`);
console.log(`first render (unminified build, profiler on) median ${firsts[Math.floor(firsts.length / 2)]!.toFixed(0)} ms; CPU sampled until then ${(all / visits).toFixed(0)} ms per visit`);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`phases (median ms from the profiler's start, just before navigation): bundle code first runs ${med(phases.map((p) => p.script)).toFixed(0)}, React render ${med(phases.map((p) => p.renderStart)).toFixed(0)}–${med(phases.map((p) => p.renderEnd)).toFixed(0)}; idle until render end ${med(phases.map((p) => p.idle)).toFixed(0)}; CPU ${med(phases.map((p) => p.cpu)).toFixed(0)}`);
console.log("by origin (self time):");
for (const [k, v] of top(byOrigin, 15)) console.log(`  ${pct(v)}  ${k}`);
console.log("heaviest functions, self:");
for (const [k, v] of top(self, 30)) console.log(`  ${pct(v)}  ${k}`);
if (callersOf) {
  console.log(`callers of ${callersOf}:`);
  for (const [k, v] of top(callers, 10)) console.log(`  ${pct(v)}  ${k}`);
}
console.log("heaviest functions, total (callees included):");
for (const [k, v] of top(total, 60)) console.log(`  ${pct(v)}  ${k}`);
