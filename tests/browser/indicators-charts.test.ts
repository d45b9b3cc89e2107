/**
 * The indicators view's charts (issue 14, SUE point 7): a hidden cell is labelled in the chart,
 * never a zero bar; the table beside each chart has the same figures as `blankett indicators
 * --format json` for the same generated records; axe finds nothing serious; no sideways
 * scrolling at 390 px. Barnahus logs (issue 14, point 11): the same page for barnahuslogg 2.1.0,
 * with its lead times as medians and quartiles beside their tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { launchBrowser, startExampleServer } from "./harness.ts";
import { axeViolations } from "./axe.ts";

let browser: Browser;
let server: ViteDevServer;
let url: string;
let page: Page;
const problems: string[] = [];

interface Cell {
  indicator: string;
  group: Record<string, string>;
  category?: string;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  n?: number | null;
  median?: number | null;
  p25?: number | null;
  p75?: number | null;
}

/** The app generates 2000 records with seed 1, grouped by sex: the CLI over the same records. */
function cliReport(groupBy: string, ref = "sue@1.0.0"): { cells: Cell[]; smallGroups: Array<{ indicator: string; values: string[]; action: string }> } {
  const dir = mkdtempSync(join(tmpdir(), "ind-charts-"));
  const file = join(dir, "records.ndjson");
  execFileSync(process.execPath, ["bin/blankett.js", "generate", ref, "--count", "2000", "--seed", "1", "--out", file], { stdio: "ignore" });
  return JSON.parse(execFileSync(process.execPath, ["bin/blankett.js", "indicators", ref, file, "--group-by", groupBy, "--format", "json"], { encoding: "utf8", maxBuffer: 64 << 20 }));
}

beforeAll(async () => {
  const started = await startExampleServer();
  server = started.server;
  url = started.url;
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: "sv-SE", viewport: { width: 390, height: 844 } })).newPage();
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(url + "?view=indicators&instrument=sue&version=1.0.0");
  await page.getByTestId("indicator-chart").first().waitFor({ timeout: 60_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("indicator charts", () => {
  it("labels a hidden cell in the chart and draws no bar for it", async () => {
    // By sex × nothing else, few cells are hidden; by household type some are.
    await page.getByLabel("Gruppera efter").selectOption("hushallstyp");
    await page.getByTestId("chart-hidden").first().waitFor({ timeout: 60_000 });
    const hidden = page.locator('[data-testid="indicator-chart"] g[data-suppressed="true"]');
    expect(await hidden.count()).toBeGreaterThan(0);
    for (const g of (await hidden.all()).slice(0, 20)) {
      await expect(g.locator("text.chart-hidden").textContent()).resolves.toMatch(/^dolt, färre än 5$/);
      expect(await g.locator("rect.chart-bar").count()).toBe(0);
    }
    await page.getByLabel("Gruppera efter").selectOption("kon");
    await page.locator('[data-indicator="jobbinriktadInsats"] tbody tr').first().waitFor();
  }, 120_000);

  it("the table beside each chart has the figures of blankett indicators --format json", async () => {
    const cli = cliReport("kon");
    const rows = await page.locator("[data-indicator] tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        indicator: tr.closest("[data-indicator]")!.getAttribute("data-indicator")!,
        group: tr.getAttribute("data-group")!,
        category: tr.getAttribute("data-category")!,
        count: tr.querySelector("td:last-child")!.textContent!,
      })),
    );
    const expected = cli.cells.map((c) => ({
      indicator: c.indicator,
      group: c.group.kon!,
      category: c.category ?? "",
      count: c.suppressed ? ".." : `${c.numerator} av ${c.denominator}`,
    }));
    expect(rows).toEqual(expected);
    // Women and men are both shown for the job-oriented interventions (issue 14, point 5).
    expect(rows.filter((r) => r.indicator === "jobbinriktadInsats").map((r) => r.group)).toEqual(["kvinna", "man"]);
    await expect(page.locator('[data-indicator="jobbinriktadInsats"] .note').textContent()).resolves.toMatch(/Annat eller okänt utelämnad/);
  }, 120_000);

  it("offers the figures as CSV", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ladda ned alla som CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("indikatorer-sue-1.0.0.csv");
  }, 60_000);

  it("axe finds nothing serious or critical, and nothing scrolls sideways at 390 px", async () => {
    expect(await axeViolations(page)).toEqual([]);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    expect(problems).toEqual([]);
  }, 120_000);
});

describe("barnahus logs: lead times as medians beside their tables (barnahuslogg 2.1.0)", () => {
  let logs: Page;
  const sv = (x: number) => String(x).replace(".", ",");

  beforeAll(async () => {
    logs = await (await browser.newContext({ locale: "sv-SE", viewport: { width: 390, height: 844 } })).newPage();
    logs.on("pageerror", (e) => problems.push(e.message));
    await logs.goto(url + "?view=indicators&instrument=barnahuslogg&version=2.1.0");
    await logs.locator('[data-indicator="tidTillBarnforhor"] [data-testid="indicator-chart"]').waitFor({ timeout: 90_000 });
  }, 120_000);

  it("opens grouped by barnahus (the instrument has no sex), and its tables have the figures of blankett indicators", async () => {
    await expect(logs.getByLabel("Gruppera efter").inputValue()).resolves.toBe("barnahus");
    await logs.getByLabel("Gruppera efter").selectOption("kommun");
    await logs.locator('[data-indicator="tidTillAtalsbeslut"] tbody tr[data-group="__ovriga"]').waitFor({ timeout: 60_000 });
    const cli = cliReport("kommun", "barnahuslogg@2.1.0");
    const durations = cli.cells.filter((c) => c.n !== undefined);
    expect(durations.length).toBeGreaterThan(10);
    const rows = await logs.locator('[data-kind="duration"][data-indicator] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        indicator: tr.closest("[data-indicator]")!.getAttribute("data-indicator")!,
        group: tr.getAttribute("data-group")!,
        cells: [...tr.querySelectorAll("td")].slice(1).map((td) => td.textContent!),
      })),
    );
    expect(rows).toEqual(
      durations.map((c) => ({
        indicator: c.indicator,
        group: c.group.kommun!,
        cells: c.suppressed ? [".. (dolt, färre än 5)", "..", ".."] : [`${sv(c.median!)} dagar`, `${sv(c.p25!)}–${sv(c.p75!)} dagar`, String(c.n)],
      })),
    );
    // The rates (who told the child) beside them, as for SUE.
    const told = await logs.locator('[data-indicator="informeradBarnforhor"] tbody tr td:last-child').allTextContents();
    expect(told).toEqual(cli.cells.filter((c) => c.indicator === "informeradBarnforhor").map((c) => (c.suppressed ? ".." : `${c.numerator} av ${c.denominator}`)));
  }, 180_000);

  it("draws a bar to each median and a line over the quartiles; merged municipalities and left-out values are said", async () => {
    const block = logs.locator('[data-indicator="tidTillAtalsbeslut"]');
    const bars = await block.locator("rect.chart-bar").evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("data-median"))));
    const medians = await block.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(bars.map((m) => `${sv(m)} dagar`)).toEqual(medians.filter((m) => !m.startsWith("..")));
    expect(await block.locator("line.chart-quartiles[data-p25]").count()).toBe(bars.length);
    await expect(block.locator(".note", { hasText: "sammanslagna till Övriga grupper" }).count()).resolves.toBe(1);
    await expect(block.getByTestId("duration-left-out").textContent()).resolves.toMatch(/^Obs: Räknas inte i medianerna \(i hela underlaget\): \d+ värden utanför intervallet 0–3650 dagar och \d+ poster där värdet saknas/);
  }, 60_000);

  it("offers the figures as CSV, with the medians", async () => {
    const [download] = await Promise.all([logs.waitForEvent("download"), logs.getByRole("button", { name: "Ladda ned alla som CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("indikatorer-barnahuslogg-2.1.0.csv");
    const text = readFileSync((await download.path())!, "utf8");
    expect(text).toMatch(/antal_varden,median,kvartil_1,kvartil_3,enhet/);
    expect(text).toMatch(/\ntidTillBarnforhor,Tid från anmälan till barnförhör,Göteborg,.*,dagar/);
  }, 60_000);

  it("axe finds nothing serious or critical, and nothing scrolls sideways at 390 px", async () => {
    expect(await axeViolations(logs)).toEqual([]);
    const [scroll, client] = await logs.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    expect(problems).toEqual([]);
  }, 120_000);
});
