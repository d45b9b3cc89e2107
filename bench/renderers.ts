/**
 * Renderer benchmarks, printed as one JSON line: gzipped bundle sizes (web components with one
 * instrument vs a minimal @rjsf/core + React page on the same schema) and, in Chromium, time to
 * first render of the full FIA form and keystroke-to-update latency for the React renderer, the
 * Lit web component and plain @rjsf/core with liveValidate — same page build, same machine.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser } from "../tests/browser/harness.ts";
import { measureTyping, median } from "../tests/browser/latency.ts";
import { serveReactPageBuilt } from "../tests/browser/react-page.ts";
import { reactPageGzip } from "./react-size.ts";

const root = join(import.meta.dirname, "..");
const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

// 1. Sizes.
const lit = spawnSync(process.execPath, [join(root, "node_modules/.bin/tsx"), "renderers/lit/build.ts"], { cwd: root, encoding: "utf8" });
if (lit.status !== 0) throw new Error(lit.stderr);
const dist = join(root, "renderers/lit/dist");
const litSizes = Object.fromEntries(readdirSync(dist).filter((f) => f.endsWith(".js")).map((f) => [f, gz(readFileSync(join(dist, f)))]));

const rjsfMinimal = await reactPageGzip(join(root, "bench/rjsf-minimal"));
// The smallest page a vendor builds with @blankett/react: FIA 1.0.0 with its precompiled validator.
const reactFia = await reactPageGzip(join(root, "bench/react-fia"));

// 2. Chromium: first render and typing, FIA with every section on one page.
const served = await serveReactPageBuilt();
const browser: Browser = await launchBrowser();
const TEXT = "Hitta ett eget boende till hosten";

async function run(view: string, field: (page: Page) => Promise<Locator>) {
  const context = await browser.newContext({ locale: "sv-SE" });
  const page = await context.newPage();
  await page.goto(`${served.url}?${view}`);
  // From navigation start to the last question of the form being drawn (the whole form).
  await page.getByText("Nästa uppföljning", { exact: false }).first().waitFor();
  const firstRender = (await page.evaluate("performance.now()")) as number;
  const input = await field(page);
  await measureTyping(page, input, "abc ");
  const l = await measureTyping(page, input, TEXT);
  await context.close();
  return { firstRenderMs: Math.round(firstRender), keystrokeFrameMs: +median(l.frame).toFixed(1), keystrokeBusyMs: +median(l.busy).toFixed(1), keystrokes: l.frame.length };
}
const newGoal = async (page: Page) => {
  await page.getByRole("button", { name: "Lägg till mål" }).click();
  return page.getByRole("textbox", { name: "Mål", exact: true }).last();
};
const results = {
  react: await run("instrument=fia@1.0.0&guided=0&drafts=0", newGoal),
  lit: await run("view=lit&instrument=fia@1.0.0", newGoal),
  plainRjsf: await run("view=plain&instrument=fia@1.0.0", async (page) => {
    await page.locator("#root_plan_mal .array-item-add button, #root_plan_mal button").first().click();
    return page.locator("#root_plan_mal_0_mal");
  }),
};
await browser.close();
await served.close();
console.log(JSON.stringify({ bench: "renderers", sizesGzip9: { ...litSizes, "rjsf-minimal (React + @rjsf/core + ajv, FIA schema)": rjsfMinimal, "react-fia (@blankett/react + FIA 1.0.0, precompiled validator)": reactFia }, fiaInChromium: results }));
process.exit(0);
