/**
 * axe-core on the React renderer: no serious or critical violations for all three instruments —
 * empty, after a failed submit (errors, summary), filled, and FIA's guided steps and summary —
 * and on the barnahuslogg child's log, which must also print on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axeViolations } from "./axe.ts";
import { launchBrowser } from "./harness.ts";
import { openPage, serveReactPage, type Served } from "./react-page.ts";

let served: Served;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  served = await serveReactPage();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "sv-SE" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function open(query: string): Promise<Page> {
  const { page, problems } = await openPage(context, served.url, query + "&drafts=0");
  expect(problems).toEqual([]);
  return page;
}

describe.each([
  ["barnahuslogg@1.0.0", "moa"],
  ["fia@1.0.0", "interview-1"],
  ["sue@1.0.0", "record-1"],
])("axe: %s", (ref, fixture) => {
  it("empty form, then after a failed submit", async () => {
    const page = await open(`instrument=${ref}&guided=0`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Skicka" }).click();
    await page.getByRole("alert").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("filled in, with rows and conditional questions shown", async () => {
    const page = await open(`instrument=${ref}&guided=0&value=${fixture}`);
    expect(await page.locator(".bf-field").count()).toBeGreaterThan(5);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe("axe: guided FIA", () => {
  it("a step, a step with errors, and the summary step", async () => {
    const page = await open("instrument=fia@1.0.0&value=interview-1");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Nästa" }).click();
    expect(await axeViolations(page)).toEqual([]);
    for (let i = 1; i < 7; i++) await page.getByRole("button", { name: "Nästa" }).click();
    await page.locator("[data-summary=profil]").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe("child's log", () => {
  it("renders the child view as headings, lists and tables with column headers", async () => {
    const page = await open("view=child&instrument=barnahuslogg@1.0.0&value=moa");
    const log = page.locator(".bf-child-log");
    expect(await log.getByRole("heading", { level: 1 }).textContent()).toBe("Moas väg genom barnahus");
    // The adults Moa met: a table whose first column is the name (the report's worked example).
    const tables = log.getByRole("table");
    expect(await tables.count()).toBeGreaterThan(0);
    expect(await log.locator("th[scope=col]").count()).toBeGreaterThan(2);
    expect(await log.getByRole("cell", { name: "Therese", exact: true }).count()).toBe(1);
    // Nothing to fill in.
    expect(await log.locator("input, select, textarea").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("prints only the log", async () => {
    const page = await open("view=child&instrument=barnahuslogg@1.0.0&value=moa");
    await page.emulateMedia({ media: "print" });
    const visible = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).visibility === "visible" && getComputedStyle(el).display !== "none");
    expect(await visible(".bf-child-log h1")).toBe(true);
    expect(await visible("#title")).toBe(false);
    expect(await page.getByRole("button", { name: "Skriv ut" }).isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    expect(await page.getByRole("button", { name: "Skriv ut" }).isVisible()).toBe(true);
    await page.close();
  });
});
