import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { launchBrowser, startExampleServer } from "./harness.ts";
import { axeViolations } from "./axe.ts";

let browser: Browser;
let server: ViteDevServer;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  const started = await startExampleServer();
  server = started.server;
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: "sv-SE" })).newPage();
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(started.url);
  await page.getByRole("heading", { name: "Blankett", level: 1 }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The version button under an instrument's heading in the navigation. */
async function pick(instrument: string, version: string) {
  const nav = page.getByRole("navigation", { name: "Formulär" });
  await nav.locator("div", { has: page.getByRole("heading", { name: instrument }) }).getByRole("button", { name: `Version ${version}` }).click();
}

describe("example app (npm start)", () => {
  it("lists every instrument version", async () => {
    const nav = page.getByRole("navigation", { name: "Formulär" });
    for (const h of ["Barnahuslogg", "FIA", "SUE"]) await expect(nav.getByRole("heading", { name: new RegExp(h) }).count()).resolves.toBe(1);
    await expect(nav.getByRole("button", { name: /^Version/ }).count()).resolves.toBeGreaterThanOrEqual(6);
  });

  it("renders each instrument in both renderers, in Swedish", async () => {
    for (const [instrument, version, label] of [
      ["Barnahuslogg", "1.0.0", "Förnamn"],
      ["FIA", "1.0.0", "Datum för intervjun"],
      ["SUE", "1.0.0", "Födelseår"],
    ] as const) {
      await pick(instrument, version);
      for (const tech of ["React", "Webbkomponenter"]) {
        await page.getByRole("radio", { name: tech }).check();
        await page.getByLabel(new RegExp(label)).first().waitFor();
        await expect(page.getByLabel(new RegExp(label)).first().isVisible()).resolves.toBe(true);
      }
      await page.getByRole("radio", { name: "React" }).check();
    }
  });

  it("shows the child's log of the report's example", async () => {
    await pick("Barnahuslogg", "1.0.0");
    await page.getByRole("radio", { name: "Barnets logg" }).check();
    await page.getByRole("heading", { name: "Andrejs väg genom barnahus" }).first().waitFor();
  });

  it("compares two versions in the reviewers' report", async () => {
    await pick("FIA", "2.0.0");
    await page.getByRole("radio", { name: "Jämför versioner" }).check();
    const frame = page.frameLocator("iframe.diff");
    await expect(frame.locator("body").innerText()).resolves.toMatch(/major/);
  });

  it("fills a form through a valid local variant, and refuses a broken one", async () => {
    await pick("FIA", "1.0.0");
    await page.getByRole("radio", { name: "Fyll i" }).check();
    const select = page.getByLabel("Lokal variant");
    const options = await select.locator("option").allTextContents();
    expect(options.length).toBeGreaterThan(1);
    await select.selectOption({ index: 1 });
    await page.getByLabel(/Datum för intervjun/).first().waitFor();
    await pick("SUE", "1.0.0");
    await page.getByLabel("Lokal variant").selectOption({ index: 1 });
    await expect(page.getByRole("alert").filter({ hasText: "Varianten bryter mot reglerna" }).count()).resolves.toBe(1);
  });

  it("computes indicators over synthetic records, with small cells hidden", async () => {
    await pick("SUE", "1.0.0");
    await page.getByRole("radio", { name: "Indikatorer" }).check();
    await page.getByRole("table").first().waitFor();
    await expect(page.getByText(/syntetiska/).count()).resolves.toBeGreaterThan(0);
  });

  it("has no page errors and no serious axe violations on the start page", async () => {
    await pick("FIA", "1.0.0");
    await page.getByRole("radio", { name: "Fyll i" }).check();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
