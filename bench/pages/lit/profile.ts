/**
 * Where the Lit form's time goes, by CPU profile and call counts rather than wall-clock time (the
 * machine is shared, so only relative costs and counts are trustworthy):
 *
 *   npx tsx --conditions=@blankett/source bench/pages/lit/profile.ts
 *
 * Builds bench/pages/lit without minifying (function names kept), opens it in headless Chromium
 * with `#manual`, and
 *   1. first render: a CPU profile of `window.__mount()` (the element added until it has rendered);
 *   2. keystrokes: a CPU profile of 33 keys typed into "Intervjuare", after 4 warm-up keys;
 * and, for each, how much work was done: call counts of the engine pass and of the field templates
 * (precise coverage), and the DOM calls lit-html made (attributes written, listeners added,
 * template instances cloned, `.value`/`.checked` read and written; counted in the page).
 * Prints self and inclusive time of the heaviest functions as a share of the profile.
 * PROFILE_OUT=<dir> also writes the .cpuprofile files (open them in Chrome's DevTools).
 */
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import type { CDPSession, Page } from "playwright-core";
import type { JsonSchema } from "@blankett/engine";
import { launchBrowser } from "../../../tests/browser/harness.ts";
import { SOURCE_RESOLVE } from "../../../tests/browser/react-page.ts";
import { serve, virtualModules } from "../../peers.ts";

const ROOT = join(import.meta.dirname, "../../..");
const TEXT = "Hitta ett eget boende till hosten";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/**
 * Engine and renderer functions whose call counts tell the work done (their names survive the
 * unminified build; Lit's own are mangled in its production build, so Lit's work is counted at
 * the DOM instead: DOM_CALLS).
 */
const COUNTED: Record<string, string> = {
  computeFormState: "engine: form state computed",
  hiddenPointers: "engine: visibility walked",
  checkDocument: "engine: validation and rules",
  formOrder: "engine: form order walked",
  scaffold: "engine: scaffold walked",
  normalizeDocument: "engine: outgoing document normalised",
  renderNode: "renderer: renderNode (questions, groups, tables; hidden ones return at once)",
  renderInput: "renderer: text field template run",
  renderChoices: "renderer: radio/checkbox group template run",
  renderSelect: "renderer: select template run",
  renderRanking: "renderer: ranking template run",
};

/** DOM calls counted in the page (what lit-html commits): wrapped prototypes, counted per name. */
const DOM_CALLS = `(() => {
  const c = (window.__dom = {});
  const wrap = (proto, name, label) => {
    const f = proto[name];
    proto[name] = function (...args) { c[label] = (c[label] || 0) + 1; return f.apply(this, args); };
  };
  wrap(Element.prototype, "setAttribute", "setAttribute");
  wrap(Element.prototype, "removeAttribute", "removeAttribute");
  wrap(Element.prototype, "toggleAttribute", "toggleAttribute");
  wrap(EventTarget.prototype, "addEventListener", "addEventListener");
  wrap(Document.prototype, "importNode", "importNode (template instances)");
  for (const [proto, name] of [[HTMLInputElement.prototype, "value"], [HTMLInputElement.prototype, "checked"], [HTMLTextAreaElement.prototype, "value"]]) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    Object.defineProperty(proto, name, { ...d,
      get() { c[name + " read"] = (c[name + " read"] || 0) + 1; return d.get.call(this); },
      set(v) { c[name + " written"] = (c[name + " written"] || 0) + 1; d.set.call(this, v); } });
  }
})()`;

function summarise(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id)!;
    all += dt;
    if (node.callFrame.functionName === "(idle)" || node.callFrame.functionName === "(program)") idle += dt;
    self.set(key(node), (self.get(key(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const busy = all - idle;
  const pct = (v: number) => `${((100 * v) / busy).toFixed(1).padStart(5)} %`;
  const ms = (v: number) => `${(v / 1000).toFixed(1).padStart(7)} ms`;
  const rows = [`  sampled ${ms(all).trim()}, of which script and rendering (not idle/program) ${ms(busy).trim()}; shares below are of that`];
  rows.push("  self time:");
  for (const [k, v] of [...self].filter(([k]) => !/^\((idle|program|root)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) rows.push(`    ${ms(v)} ${pct(v)}  ${k}`);
  rows.push("  inclusive time:");
  for (const [k, v] of [...total].filter(([k]) => !/^\((idle|program|root)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) rows.push(`    ${ms(v)} ${pct(v)}  ${k}`);
  return rows.join("\n");
}

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** Call counts of the COUNTED functions (a class's method appears under its own name). */
function counts(coverage: Coverage): Map<string, number> {
  const out = new Map<string, number>();
  for (const script of coverage.result) {
    if (!script.url.includes("/assets/")) continue;
    for (const f of script.functions) {
      const n = f.ranges[0]?.count ?? 0;
      for (const name of Object.keys(COUNTED)) {
        const short = name.includes(".") ? name.split(".")[1]! : name;
        if (f.functionName === short) out.set(name, (out.get(name) ?? 0) + n);
      }
    }
  }
  return out;
}

async function withProfile<T>(cdp: CDPSession, page: Page, run: () => Promise<T>): Promise<{ profile: Profile; calls: Map<string, number>; dom: Record<string, number> }> {
  await page.evaluate("Object.keys(window.__dom).forEach((k) => delete window.__dom[k])");
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  // Counts from here on: coverage is reset when it starts.
  await cdp.send("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
  await cdp.send("Profiler.start");
  await run();
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
  const coverage = (await cdp.send("Profiler.takePreciseCoverage")) as unknown as Coverage;
  await cdp.send("Profiler.stopPreciseCoverage");
  const dom = (await page.evaluate("({ ...window.__dom })")) as Record<string, number>;
  return { profile, calls: counts(coverage), dom };
}

function formatCounts(calls: Map<string, number>, dom: Record<string, number>, per = 1): string {
  const n = (v: number) => (v / per).toFixed(per === 1 ? 0 : 1).padStart(8);
  return [
    ...Object.entries(COUNTED).map(([name, what]) => `    ${n(calls.get(name) ?? 0)}  ${what} (${name})`),
    ...Object.entries(dom)
      .sort()
      .map(([name, v]) => `    ${n(v)}  DOM: ${name}`),
  ].join("\n");
}

export async function profileLit(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "blankett-lit-profile-"));
  const schema = JSON.parse(readFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), "utf8")) as JsonSchema;
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: import.meta.dirname,
      configFile: false,
      resolve: SOURCE_RESOLVE,
      mode: "production",
      base: "./",
      plugins: [virtualModules(schema)],
      logLevel: "error",
      build: { outDir: join(out, "lit"), emptyOutDir: true, target: "es2022", minify: false, reportCompressedSize: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const browser = await launchBrowser();
  const { url, server } = await serve(out);
  const lines: string[] = [`load average at start ${loadavg().map((l) => l.toFixed(2)).join(" / ")}`];
  try {
    const context = await browser.newContext({ locale: "sv-SE" });
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(DOM_CALLS);
    await page.goto(`${url}lit/#manual`);
    await page.waitForFunction("typeof window.__mount === 'function'");
    const cdp = await context.newCDPSession(page);
    const first = await withProfile(cdp, page, () => page.evaluate("window.__mount()"));
    lines.push("first render (window.__mount(): element added → rendered):", summarise(first.profile), "  calls:", formatCounts(first.calls, first.dom));
    const input = page.getByRole("textbox", { name: "Intervjuare" }).first();
    await input.focus();
    await page.keyboard.type("abc ", { delay: 30 });
    await page.waitForTimeout(200);
    const keys = await withProfile(cdp, page, async () => {
      await page.keyboard.type(TEXT, { delay: 40 });
      await page.waitForTimeout(200);
    });
    lines.push(`keystrokes (${TEXT.length} keys into "Intervjuare"):`, summarise(keys.profile), `  calls per key:`, formatCounts(keys.calls, keys.dom, TEXT.length));
    if (process.env.PROFILE_OUT) {
      writeFileSync(join(process.env.PROFILE_OUT, "lit-first-render.cpuprofile"), JSON.stringify(first.profile));
      writeFileSync(join(process.env.PROFILE_OUT, "lit-keys.cpuprofile"), JSON.stringify(keys.profile));
    }
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    await context.close();
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
  lines.push(`load average at end ${loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
  return lines.join("\n");
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  console.log(await profileLit());
  process.exit(0);
}
