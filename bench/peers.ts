/**
 * Peers and the floor (`npm run bench -- peers`, also part of a full `npm run bench`): the full
 * FIA 1.0.0 form, every section on one page, drawn by
 *   floor      hand-written DOM, no framework, no validation (bench/pages/floor)
 *   lit        our web component <blankett-form> (bench/pages/lit)
 *   react      our React renderer, @blankett/react on @rjsf/core (bench/pages/react)
 *   jsonforms  JSON Forms 3 with its vanilla renderers (bench/pages/jsonforms)
 *   surveyjs   SurveyJS, survey-core + survey-react-ui (bench/pages/surveyjs)
 * each a production build (Vite, into a temporary directory), served from one loopback server and
 * opened in one Chromium, pages rotated over the rounds. Measured in the page:
 *   first render  navigation start → the last question's label in the DOM ("dom"), and → the next
 *                 animation frame ("frame"); a MutationObserver started by a classic inline script
 *                 at the top of <head> (an inline module would be bundled into the entry by Vite);
 *   keystroke     keydown → the first animation frame after the page saw the change (its __rev),
 *                 keys typed into "Intervjuare" (tests/browser/latency.ts);
 *   JS size       every JavaScript asset of the page's build, gzip -9.
 * Every figure is printed as a ratio to the floor. BENCH_PEERS_ROUNDS (default 5) sets the rounds;
 * BENCH_PEERS_PAGES (e.g. "floor,lit") runs only some pages (the floor always).
 */
import { createServer, type Server } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import type { Page } from "playwright-core";
import type { JsonSchema } from "@blankett/engine";
import { launchBrowser } from "../tests/browser/harness.ts";
import { measureTyping } from "../tests/browser/latency.ts";
import { SOURCE_RESOLVE } from "../tests/browser/react-page.ts";
import { stripReviewerText } from "../renderers/lit/bundles.ts";
import { toJsonForms, toSurvey } from "./pages/convert.ts";

const ROOT = join(import.meta.dirname, "..");
const PAGES = join(import.meta.dirname, "pages");
const ALL_PAGES = ["floor", "lit", "react", "jsonforms", "surveyjs"] as const;
type PageName = (typeof ALL_PAGES)[number];
const only = process.env.BENCH_PEERS_PAGES?.split(",");
export const PEER_PAGES: readonly PageName[] = only ? ALL_PAGES.filter((p) => p === "floor" || only.includes(p)) : ALL_PAGES;
const LABELS: Record<PageName, string> = {
  floor: "floor: plain DOM, no framework",
  lit: "Lit <blankett-form>",
  react: "React BlankettForm (@rjsf/core)",
  jsonforms: "JSON Forms 3.8 (vanilla)",
  surveyjs: "SurveyJS 3.0 (React UI)",
};
/** The last question of the form: its label in the DOM means the whole form is drawn. */
const LAST_LABEL = "Nästa uppföljning";
const TEXT = "Hitta ett eget boende till hosten";

/**
 * The probe, a classic script at the top of <head>: it runs before any module, watches the
 * document (and the open shadow root of every custom element added) and records when the last
 * question's label is first in the DOM, and the animation frame after that.
 */
const PROBE = `(() => {
  const t = (window.__firstRender = { dom: -1, frame: -1 });
  const has = (s) => typeof s === "string" && s.includes(${JSON.stringify(LAST_LABEL)});
  const done = () => {
    t.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { t.frame = performance.now(); });
  };
  const watch = (root) => observer.observe(root, { childList: true, subtree: true, characterData: true });
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "characterData") { if (has(r.target.data)) return done(); continue; }
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n.localName.includes("-") && n.shadowRoot) {
          watch(n.shadowRoot);
          if (has(n.shadowRoot.textContent)) return done();
        }
        if (has(n.textContent)) return done();
      }
    }
  });
  watch(document);
})();`;

export function virtualModules(schema: JsonSchema): Plugin {
  const stripped = stripReviewerText(schema) as JsonSchema;
  const modules: Record<string, unknown> = {
    "virtual:fia-schema": stripped,
    "virtual:fia-jsonforms": toJsonForms(schema),
    "virtual:fia-survey": toSurvey(schema),
  };
  return {
    name: "blankett-bench-peers",
    resolveId: (id) => (id in modules ? "\0" + id : null),
    load: (id) => (id.startsWith("\0") && id.slice(1) in modules ? `export default JSON.parse(${JSON.stringify(JSON.stringify(modules[id.slice(1)]))});` : null),
    transformIndexHtml: () => [{ tag: "script", children: PROBE, injectTo: "head-prepend" }],
  };
}

/** Builds every page for production into `out/<page>/`; returns each page's JavaScript, gzip -9. */
export async function buildPages(out: string): Promise<Record<PageName, number>> {
  const schema = JSON.parse(readFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), "utf8")) as JsonSchema;
  const sizes = {} as Record<PageName, number>;
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    for (const name of PEER_PAGES) {
      const outDir = join(out, name);
      await build({
        root: join(PAGES, name),
        configFile: false,
        resolve: SOURCE_RESOLVE,
        mode: "production",
        base: "./",
        plugins: [virtualModules(schema), react()],
        logLevel: "error",
        build: { outDir, emptyOutDir: true, target: "es2022", reportCompressedSize: false },
      });
      const assets = join(outDir, "assets");
      sizes[name] = readdirSync(assets)
        .filter((f) => f.endsWith(".js"))
        .reduce((n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
    }
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return sizes;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".woff2": "font/woff2" };

/** A static file server for the built pages on a free loopback port. */
export async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    if (path.endsWith("/")) path += "index.html";
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, server };
}

export interface Visit {
  firstRenderDomMs: number;
  firstRenderFrameMs: number;
  keystrokeFrameMs: number[];
  keystrokeBusyMs: number[];
}

async function visit(page: Page, url: string): Promise<Visit> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  try {
    await page.waitForFunction("window.__firstRender && window.__firstRender.frame >= 0", undefined, { timeout: 120_000 });
  } catch (e) {
    throw new Error(`${url}: the last question never appeared ${errors.join("; ")}`, { cause: e });
  }
  const fr = (await page.evaluate("window.__firstRender")) as { dom: number; frame: number };
  const input = page.getByRole("textbox", { name: "Intervjuare" }).first();
  await measureTyping(page, input, "abc ");
  const l = await measureTyping(page, input, TEXT);
  if (errors.length) throw new Error(`${url}: ${errors.join("; ")}`);
  if (l.frame.length < TEXT.length * 0.9) throw new Error(`${url}: only ${l.frame.length} of ${TEXT.length} keystrokes reached the page`);
  return { firstRenderDomMs: fr.dom, firstRenderFrameMs: fr.frame, keystrokeFrameMs: l.frame, keystrokeBusyMs: l.busy };
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
}

export interface PeerFigures {
  page: PageName;
  label: string;
  jsGzip: number;
  /** Median over rounds, and the spread (min, max) over rounds. */
  firstRenderDom: { median: number; min: number; max: number };
  firstRenderFrame: { median: number; min: number; max: number };
  /** Over every keystroke of every round; the spread is min–max of the rounds' p50s. */
  keystroke: { p50: number; p90: number; roundP50Min: number; roundP50Max: number; busyP50: number; count: number };
}

export async function runPeers(rounds = Number(process.env.BENCH_PEERS_ROUNDS ?? 5)): Promise<{ loadBefore: number[]; loadAfter: number[]; rounds: number; figures: PeerFigures[] }> {
  const loadBefore = loadavg();
  const out = mkdtempSync(join(tmpdir(), "blankett-peers-"));
  const browser = await launchBrowser();
  const { url, server } = await serve(out);
  try {
    const sizes = await buildPages(out);
    const visits = Object.fromEntries(PEER_PAGES.map((p) => [p, [] as Visit[]])) as Record<PageName, Visit[]>;
    // One untimed visit of every page first: the browser's first page pays for its own start-up.
    for (const name of PEER_PAGES) {
      const context = await browser.newContext({ locale: "sv-SE" });
      await visit(await context.newPage(), `${url}${name}/`).finally(() => context.close());
    }
    for (let r = 0; r < rounds; r++) {
      // Rotated: each round starts one page further on, so no page always goes first.
      const order = PEER_PAGES.map((_, i) => PEER_PAGES[(i + r) % PEER_PAGES.length]!);
      for (const name of order) {
        const context = await browser.newContext({ locale: "sv-SE" });
        try {
          visits[name].push(await visit(await context.newPage(), `${url}${name}/`));
        } finally {
          await context.close();
        }
      }
    }
    const spread = (xs: number[]) => ({ median: quantile(xs, 0.5), min: Math.min(...xs), max: Math.max(...xs) });
    const figures = PEER_PAGES.map((page): PeerFigures => {
      const v = visits[page];
      const keys = v.flatMap((x) => x.keystrokeFrameMs);
      const roundP50 = v.map((x) => quantile(x.keystrokeFrameMs, 0.5));
      return {
        page,
        label: LABELS[page],
        jsGzip: sizes[page],
        firstRenderDom: spread(v.map((x) => x.firstRenderDomMs)),
        firstRenderFrame: spread(v.map((x) => x.firstRenderFrameMs)),
        keystroke: { p50: quantile(keys, 0.5), p90: quantile(keys, 0.9), roundP50Min: Math.min(...roundP50), roundP50Max: Math.max(...roundP50), busyP50: quantile(v.flatMap((x) => x.keystrokeBusyMs), 0.5), count: keys.length },
      };
    });
    return { loadBefore, loadAfter: loadavg(), rounds, figures };
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

/** The table, every figure as a ratio to the floor, then the floor's own figures. */
export function peersTable(result: Awaited<ReturnType<typeof runPeers>>): string {
  const floor = result.figures.find((f) => f.page === "floor")!;
  const x = (v: number, base: number) => `${(v / base).toFixed(2)}×`;
  const lines = [
    `Peers and the floor: FIA 1.0.0, every section on one page, Chromium, production builds, ${result.rounds} rounds rotated`,
    `  load average at start ${result.loadBefore.map((l) => l.toFixed(1)).join(" / ")}, at end ${result.loadAfter.map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min)`,
    `  ${"page".padEnd(34)} ${"first render (min–max)".padEnd(24)} ${"→ frame".padEnd(8)} ${"key p50 (rounds)".padEnd(22)} ${"key p90".padEnd(8)} ${"busy p50".padEnd(9)} JS gzip`,
  ];
  for (const f of result.figures) {
    const fr = `${x(f.firstRenderDom.median, floor.firstRenderDom.median)} (${x(f.firstRenderDom.min, floor.firstRenderDom.median)}–${x(f.firstRenderDom.max, floor.firstRenderDom.median)})`;
    const k50 = `${x(f.keystroke.p50, floor.keystroke.p50)} (${x(f.keystroke.roundP50Min, floor.keystroke.p50)}–${x(f.keystroke.roundP50Max, floor.keystroke.p50)})`;
    lines.push(
      `  ${f.label.padEnd(34)} ${fr.padEnd(24)} ${x(f.firstRenderFrame.median, floor.firstRenderFrame.median).padEnd(8)} ${k50.padEnd(22)} ${x(f.keystroke.p90, floor.keystroke.p90).padEnd(8)} ${x(f.keystroke.busyP50, floor.keystroke.busyP50).padEnd(9)} ${x(f.jsGzip, floor.jsGzip)}`,
    );
  }
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  lines.push("  absolute figures (ms; first render median, min–max over rounds; keystrokes pooled over rounds):");
  for (const f of result.figures) {
    lines.push(
      `    ${f.page.padEnd(10)} first render ${ms(f.firstRenderDom.median)} (${ms(f.firstRenderDom.min)}–${ms(f.firstRenderDom.max)}), → frame ${ms(f.firstRenderFrame.median)}; key p50 ${ms(f.keystroke.p50)} (rounds ${ms(f.keystroke.roundP50Min)}–${ms(f.keystroke.roundP50Max)}), p90 ${ms(f.keystroke.p90)}, busy p50 ${ms(f.keystroke.busyP50)} (${f.keystroke.count} keys); JS ${(f.jsGzip / 1024).toFixed(1)} KiB gzip -9`,
    );
  }
  const lit = result.figures.find((f) => f.page === "lit");
  const reactF = result.figures.find((f) => f.page === "react");
  if (!lit || !reactF) return lines.join("\n");
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  lines.push(
    `  goals: Lit keystroke p50 ≤ floor + 2 ms: ${ms(lit.keystroke.p50)} vs ${ms(floor.keystroke.p50 + 2)} → ${verdict(lit.keystroke.p50 <= floor.keystroke.p50 + 2)}; ` +
      `Lit first render ≤ 1.3× floor: ${x(lit.firstRenderDom.median, floor.firstRenderDom.median)} → ${verdict(lit.firstRenderDom.median <= 1.3 * floor.firstRenderDom.median)}; ` +
      `React first render ≤ 2× floor: ${x(reactF.firstRenderDom.median, floor.firstRenderDom.median)} → ${verdict(reactF.firstRenderDom.median <= 2 * floor.firstRenderDom.median)}`,
  );
  return lines.join("\n");
}

if (process.argv[1] && normalize(process.argv[1]) === normalize(import.meta.filename)) {
  const result = await runPeers();
  console.log(peersTable(result));
  console.log(JSON.stringify({ bench: "peers", ...result }));
  process.exit(0);
}
