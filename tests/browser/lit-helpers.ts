import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { startEmbedServer, type EmbedServer } from "../../examples/embed/serve.ts";
import { buildBundles } from "../../renderers/lit/build.ts";
import { allBundles } from "../../renderers/lit/bundles.ts";
import { ROOT } from "../helpers.ts";
import { launchBrowser } from "./harness.ts";

/**
 * Shared setup of the Lit tests: the full bundle built into a temporary directory (so the test
 * checks the file vendors get, not the source), served with the strict CSP by the embedding
 * example's server, and a way to collect every CSP violation and script error of a page.
 */
export interface LitSetup {
  browser: Browser;
  server: EmbedServer;
  distDir: string;
  close(): Promise<void>;
}

/** `files`: the bundles to build (default: the full one only). */
export async function setUpLit(files: string[] = ["blankett-form.js"]): Promise<LitSetup> {
  const distDir = mkdtempSync(join(tmpdir(), "blankett-lit-"));
  await buildBundles(
    distDir,
    allBundles().filter((b) => files.includes(b.fileName)),
  );
  const server = await startEmbedServer(distDir);
  const browser = await launchBrowser();
  return {
    browser,
    server,
    distDir,
    async close() {
      await browser.close();
      await server.close();
      rmSync(distDir, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** CSP violations (from the page's securitypolicyviolation events), console errors and uncaught errors. */
  problems(): Promise<string[]>;
}

/** A page in a fresh context (own localStorage) that records CSP violations and errors. */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext();
  // Init scripts are injected by the browser, so they run whatever the page's CSP says.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const logged: string[] = [];
  page.on("console", (m) => {
    // A missing favicon is the browser's request, not the page's.
    if (m.type() === "error" && !/favicon/.test(m.location().url)) logged.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => logged.push(`pageerror: ${e.message}`));
  return {
    context,
    page,
    async problems() {
      const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
      return [...csp.map((c) => `csp: ${c}`), ...logged];
    },
  };
}

/**
 * Types an ISO date into a focused `<input type=date>` with the keyboard. The input's segment
 * order follows the browser's language (en-US: month/day/year; sv: year-month-day), so the
 * keystrokes are ordered as Intl orders that language's date parts.
 */
export async function typeDate(page: Page, input: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split("-") as [string, string, string];
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat(navigator.language, { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(2024, 2, 1))
      .map((p) => p.type)
      .filter((t) => t === "year" || t === "month" || t === "day"),
  );
  await input.focus();
  for (const part of order) await page.keyboard.type(part === "year" ? year : part === "month" ? month : day);
}

/**
 * axe-core's serious and critical violations (the same rule tags as tests/browser/axe.ts). Under
 * the strict CSP a script tag cannot be added, so axe's source is evaluated through the browser's
 * debugging protocol, which the page's CSP does not govern.
 */
export async function axeUnderCsp(page: Page): Promise<string[]> {
  const source = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}
