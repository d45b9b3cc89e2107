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

const picker = () => page.getByRole("navigation", { name: "Formulär" });

/** A link in the navigation under an instrument's heading: a version, or a local variant. */
async function pick(instrument: string, link: string) {
  await picker().locator("div", { has: page.getByRole("heading", { name: instrument }) }).getByRole("link", { name: link, exact: true }).click();
}

const show = (view: string) => page.getByRole("navigation", { name: "Vyer" }).getByRole("link", { name: view }).click();
const renderWith = (tech: string) => page.getByRole("navigation", { name: "Teknik" }).getByRole("link", { name: tech }).click();

describe("example app (npm start)", () => {
  it("starts on a page that leads to each instrument, variant, comparison and the indicators", async () => {
    const main = page.getByRole("main");
    for (const h of ["Fyll i ett formulär", "Lokala varianter", "Jämför versioner", "Indikatorer"]) await main.getByRole("heading", { name: h }).waitFor();
    await expect(main.getByRole("link", { name: /^Version/ }).count()).resolves.toBeGreaterThanOrEqual(6);
    await expect(main.getByRole("link", { name: "Exempelby kommun" }).count()).resolves.toBe(1);
    await expect(main.getByRole("link", { name: "Öppna studion" }).getAttribute("href")).resolves.toBe("?view=studio");
    await main.locator("li", { has: page.getByRole("heading", { name: /^FIA/ }) }).getByRole("link", { name: "Version 1.0.0" }).click();
    await page.getByLabel(/Datum för intervjun/).first().waitFor();
  });

  it("lists every instrument version and variant in the navigation", async () => {
    for (const h of ["Barnahuslogg", "FIA", "SUE"]) await expect(picker().getByRole("heading", { name: new RegExp(h) }).count()).resolves.toBe(1);
    await expect(picker().getByRole("link", { name: /^Version/ }).count()).resolves.toBeGreaterThanOrEqual(6);
    await expect(picker().getByRole("link", { name: /^Lokal variant/ }).count()).resolves.toBe(2);
  });

  it("renders each instrument in both renderers, in Swedish", async () => {
    for (const [instrument, version, label] of [
      ["Barnahuslogg", "1.0.0", "Förnamn"],
      ["FIA", "1.0.0", "Datum för intervjun"],
      ["SUE", "1.0.0", "Födelseår"],
    ] as const) {
      await pick(instrument, `Version ${version}`);
      for (const tech of ["React", "Webbkomponenter"]) {
        await renderWith(tech);
        await page.getByLabel(new RegExp(label)).first().waitFor();
        await expect(page.getByLabel(new RegExp(label)).first().isVisible()).resolves.toBe(true);
      }
      await renderWith("React");
    }
  });

  it("shows the child's log of the report's example", async () => {
    await pick("Barnahuslogg", "Version 1.0.0");
    await show("Barnets logg");
    await page.getByRole("heading", { name: "Andrejs väg genom barnahus" }).first().waitFor();
  });

  it("compares two versions in the reviewers' report", async () => {
    await pick("FIA", "Version 2.0.0");
    await show("Jämför versioner");
    const report = page.locator(".diff-report").first();
    await report.waitFor();
    await expect(report.innerText()).resolves.toMatch(/Kräver major/);
  });

  it("fills a form through a valid local variant, and refuses a broken one", async () => {
    await pick("FIA", "Lokal variant: Exempelby kommun");
    await page.getByLabel(/Datum för intervjun/).first().waitFor();
    await expect(page.getByText("Du ser den lokala varianten Exempelby kommun").count()).resolves.toBe(1);
    await pick("SUE", "Lokal variant: Provkommun");
    await expect(page.getByRole("alert").filter({ hasText: "Varianten Provkommun bryter mot reglerna" }).count()).resolves.toBe(1);
  });

  it("computes indicators over synthetic records, with small cells hidden", async () => {
    await pick("SUE", "Version 1.0.0");
    await show("Indikatorer");
    await page.getByRole("table").first().waitFor();
    await expect(page.getByText(/syntetiska/).count()).resolves.toBeGreaterThan(0);
  });

  it("has no page errors and no serious axe violations on a form", async () => {
    await pick("FIA", "Version 1.0.0");
    await page.getByLabel(/Datum för intervjun/).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
