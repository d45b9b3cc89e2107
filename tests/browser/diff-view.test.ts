import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { launchBrowser, startExampleServer } from "./harness.ts";
import { axeViolations } from "./axe.ts";

/**
 * The example app's version comparison: the reviewers' report in the page itself (no iframe),
 * with the filter "bara det som bryter eller behöver granskas", the table of contents, what
 * happens to stored answers, and no serious accessibility violations.
 */

let browser: Browser;
let server: ViteDevServer;
let page: Page;
let url: string;
const problems: string[] = [];

beforeAll(async () => {
  const started = await startExampleServer();
  server = started.server;
  url = started.url;
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: "sv-SE", viewport: { width: 1100, height: 900 } })).newPage();
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${url}?view=diff&instrument=fia&version=2.0.0&compare=1.1.0`);
  await page.locator(".diff-report").waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("version comparison in the example app", () => {
  it("shows the report in the page, not in an iframe", async () => {
    await expect(page.locator("iframe").count()).resolves.toBe(0);
    const report = page.locator(".diff-report");
    await expect(report.getByText(/Kräver major/).count()).resolves.toBeGreaterThan(0);
    await expect(report.getByRole("heading", { name: "Vad händer med sparade svar" }).count()).resolves.toBe(1);
    await expect(report.getByText("Svaren flyttas av migreringen till /livssituation/valdNaraRelation.").count()).resolves.toBeGreaterThan(0);
    await expect(report.getByText(/Ersätter Övergrepp och tvång/).count()).resolves.toBeGreaterThan(0);
  });

  it("the table of contents counts each class and links to every change", async () => {
    const count = Number(await page.locator('[data-count="breaking"]').innerText());
    expect(count).toBeGreaterThan(0);
    await expect(page.locator('details[data-class="breaking"] a[href^="#dv-c-"]').count()).resolves.toBe(count);
    const hrefs = await page.locator('nav.toc a[href^="#dv-c-"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(1)));
    const ids = await page.locator('.diff-report [id^="dv-c-"]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(hrefs)).toEqual(new Set(ids));
  });

  it("the filter hides what neither breaks nor needs review, and shows it again", async () => {
    const minor = page.locator(".diff-report .change.minor").first();
    const breaking = page.locator(".diff-report .change:not(.minor)").first();
    await expect(minor.isVisible()).resolves.toBe(true);
    await page.getByText("Bara det som bryter eller behöver granskas").click();
    await expect(minor.isVisible()).resolves.toBe(false);
    await expect(breaking.isVisible()).resolves.toBe(true);
    await page.getByText("Alla ändringar").click();
    await expect(minor.isVisible()).resolves.toBe(true);
  });

  it("keeps the summary in view while scrolling", async () => {
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(100);
    const top = await page.locator(".diff-report .sticky").evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(5);
    await page.mouse.wheel(0, -4000);
  });

  it("fits a 390 px wide phone without sideways scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    try {
      await page.locator(".diff-report details.section").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize({ width: 1100, height: 900 });
    }
  });

  it("shows schema strings as text and has no serious axe violations", async () => {
    await expect(page.locator(".diff-report script").count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
