/**
 * The React renderer now against itself at an earlier commit, on one loaded machine:
 * `npx tsx --conditions=@blankett/source bench/react-fia/ab.ts <commit> [rounds]`. Builds the peers'
 * floor and React pages (bench/peers.ts, production) and the same React page with
 * renderers/react/src as it was at <commit>, then visits floor, now and before in turn, rotated,
 * in one Chromium, with the peers' probe (navigation → the last question's label in the DOM).
 * Prints medians, spreads, each page's ratio to the floor and before ÷ now. Under load the
 * absolute times mean little; the three pages share the load, so the ratios are the figure. Each
 * visit is also traced (Chromium's "toplevel" tasks): the main thread's own CPU time from navigation
 * to the probe (thread time, which other processes' load does not inflate) is printed beside it.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { launchBrowser } from "../../tests/browser/harness.ts";
import { SOURCE_RESOLVE } from "../../tests/browser/react-page.ts";
import { stripReviewerText } from "../../renderers/lit/bundles.ts";
import { buildPages, quantile, serve } from "../peers.ts";

const ROOT = join(import.meta.dirname, "../..");

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { documentLoaderURL?: string } };
}

/**
 * The page's main thread's CPU time (ms) from its navigation start to `untilMs` later: the thread
 * time of its top-level tasks, a task that straddles the end counted in proportion.
 */
function mainThreadCpu(events: TraceEvent[], url: string, untilMs: number): number {
  const nav = events.filter((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL === url).at(-1);
  if (!nav) throw new Error(`no navigationStart for ${url} in the trace`);
  const end = nav.ts + untilMs * 1000;
  let us = 0;
  for (const e of events) {
    if (e.pid !== nav.pid || e.tid !== nav.tid || e.ph !== "X" || e.dur === undefined || e.tdur === undefined) continue;
    if (e.name !== "ThreadControllerImpl::RunTask" && e.name !== "RunTask") continue;
    const from = Math.max(e.ts, nav.ts);
    const to = Math.min(e.ts + e.dur, end);
    if (to > from) us += e.tdur * (e.dur > 0 ? (to - from) / e.dur : 1);
  }
  return us / 1000;
}
const commit = process.argv[2];
const rounds = Number(process.argv[3] ?? 7);
if (!commit || !/^[0-9a-f]{4,40}$/.test(commit)) throw new Error("usage: ab.ts <commit> [rounds]");

const out = mkdtempSync(join(tmpdir(), "blankett-react-ab-"));
// The earlier source lives inside the repository while it is built, so its imports resolve as the current one's do.
const before = join(import.meta.dirname, `.before-${commit}`);
try {
  if (!process.env.BENCH_PEERS_PAGES) throw new Error("run with BENCH_PEERS_PAGES=react (builds the floor and the React page only)");
  await buildPages(out);
  // The probe exactly as the peers' build put it in the page (the first inline script).
  const html = readFileSync(join(out, "react/index.html"), "utf8");
  const probe = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!probe) throw new Error("no probe in the built React page");
  const files = execFileSync("git", ["ls-tree", "-r", "--name-only", commit, "renderers/react/src"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
  for (const f of files) {
    const target = join(before, f.slice("renderers/react/src/".length));
    mkdirSync(join(target, ".."), { recursive: true });
    writeFileSync(target, execFileSync("git", ["show", `${commit}:${f}`], { cwd: ROOT }));
  }
  const schema = stripReviewerText(JSON.parse(readFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), "utf8")));
  const page: Plugin = {
    name: "blankett-react-ab",
    resolveId: (id) => (id === "virtual:fia-schema" ? "\0" + id : id === "@blankett/react" ? join(before, "index.ts") : null),
    load: (id) => (id === "\0virtual:fia-schema" ? `export default JSON.parse(${JSON.stringify(JSON.stringify(schema))});` : null),
    transformIndexHtml: () => [{ tag: "script", children: probe, injectTo: "head-prepend" }],
  };
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  await build({
    root: join(ROOT, "bench/pages/react"),
    configFile: false,
    resolve: SOURCE_RESOLVE,
    mode: "production",
    base: "./",
    plugins: [page, react()],
    logLevel: "error",
    build: { outDir: join(out, "before"), emptyOutDir: true, target: "es2022", reportCompressedSize: false },
  });
  process.env.NODE_ENV = nodeEnv;

  const pages = ["floor", "react", "before"] as const;
  const times: Record<(typeof pages)[number], number[]> = { floor: [], react: [], before: [] };
  const cpu: Record<(typeof pages)[number], number[]> = { floor: [], react: [], before: [] };
  const load = loadavg();
  const browser = await launchBrowser();
  const { url, server } = await serve(out);
  try {
    for (let r = -1; r < rounds; r++) {
      for (let i = 0; i < pages.length; i++) {
        const name = pages[(i + Math.max(r, 0)) % pages.length]!;
        const context = await browser.newContext({ locale: "sv-SE" });
        const p = await context.newPage();
        await browser.startTracing(p, { categories: ["toplevel", "blink.user_timing"] });
        await p.goto(`${url}${name}/`);
        await p.waitForFunction("window.__firstRender && window.__firstRender.frame >= 0", undefined, { timeout: 120_000 });
        const fr = (await p.evaluate("window.__firstRender")) as { dom: number };
        const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
        await context.close();
        if (r < 0) continue; // the first round only warms the browser up
        times[name].push(fr.dom);
        cpu[name].push(mainThreadCpu(trace.traceEvents, `${url}${name}/`, fr.dom));
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const med = (xs: number[]) => quantile(xs, 0.5);
  const floor = med(times.floor);
  console.log(`first render, FIA 1.0.0, ${rounds} rounds; load average ${load.map((l) => l.toFixed(1)).join(" / ")} at start, ${loadavg().map((l) => l.toFixed(1)).join(" / ")} at end`);
  for (const name of pages) {
    const t = times[name];
    const c = cpu[name];
    console.log(
      `  ${(name === "react" ? "react (now)" : name === "before" ? `react at ${commit}` : name).padEnd(22)} median ${med(t).toFixed(0)} ms (${Math.min(...t).toFixed(0)}–${Math.max(...t).toFixed(0)}), ${(med(t) / floor).toFixed(2)}× the floor; ` +
        `main-thread CPU ${med(c).toFixed(0)} ms (${Math.min(...c).toFixed(0)}–${Math.max(...c).toFixed(0)}), ${(med(c) / med(cpu.floor)).toFixed(2)}× the floor's`,
    );
  }
  console.log(`  before ÷ now: first render ${(med(times.before) / med(times.react)).toFixed(2)}, main-thread CPU ${(med(cpu.before) / med(cpu.react)).toFixed(2)}`);
} finally {
  rmSync(out, { recursive: true, force: true });
  rmSync(before, { recursive: true, force: true });
}
