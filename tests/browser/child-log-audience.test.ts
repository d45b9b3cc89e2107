import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { launchBrowser, startExampleServer } from "./harness.ts";
import { axeViolations } from "./axe.ts";
import { join } from "node:path";
import { FIXTURES, readJson } from "../helpers.ts";

/**
 * The child's log per reader (issue 14, point 8), in both renderers, in the example app: the
 * version for the child and the guardians is the default and leaves out the rows not meant for a
 * guardian; the staff version is an explicit choice; the page and the printout name the version.
 * The row lists are worked out by hand from the fixtures' `synlighet` (see
 * tests/engine/child-audience.test.ts): Moa's rows 2, 4 and 5 are "ej_vardnadshavare" (her
 * suspects are her guardians), every row of Andrej's is "alla_inblandade".
 */
let browser: Browser;
let server: ViteDevServer;
let url: string;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  const started = await startExampleServer();
  server = started.server;
  url = started.url;
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: "en-US" })).newPage();
  page.on("pageerror", (e) => problems.push(e.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// [datum, händelse] of each shown row, worked out by hand (see the fixture's description).
const ROWS = readJson<Record<"moa" | "andrej", Record<"barn" | "personal", string[][]>>>(join(FIXTURES, "barnahuslogg/child-log-rows.json"));
const MOA_ALL = ROWS.moa.personal;
const MOA_BARN = ROWS.moa.barn;
const ANDREJ_ALL = ROWS.andrej.personal;

/** The event table: the one whose first column is "Datum" (CSS locators reach into the Lit element's shadow root). */
const events = (p: Page): Locator => p.locator("table").filter({ has: p.locator("th", { hasText: /^Datum$/ }) });

async function eventRows(p: Page): Promise<string[][]> {
  await events(p).first().waitFor();
  return events(p).locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...(r as HTMLTableRowElement).cells].slice(0, 2).map((c) => (c.textContent ?? "").trim())));
}

async function show(p: Page, example: "Moa" | "Andrej", version: "barn" | "personal") {
  await p.getByRole("combobox", { name: /^Visa/ }).selectOption({ label: `Exempel: ${example}` });
  await p.getByRole("combobox", { name: /^Version/ }).selectOption(version);
  await p.getByRole("heading", { level: 1, name: new RegExp(example) }).waitFor();
}

const LABEL = { barn: "Version för barnet och vårdnadshavarna", personal: "Version för socialtjänstens personal" };

describe.each([
  ["React", ""],
  ["web components", "&renderer=lit"],
])("child's log per reader, %s", (_name, renderer) => {
  it("shows the version for the child and guardians by default, and the staff version only when asked", async () => {
    await page.setViewportSize({ width: 1200, height: 900 });
    // 2.1.0: who may read a row is read from the schema's hints (2.0.0, drawn below, from the engine's table for old versions).
    await page.goto(`${url}?view=child&instrument=barnahuslogg&version=2.1.0${renderer}`);
    await page.getByRole("combobox", { name: /^Visa/ }).selectOption({ label: "Exempel: Moa" });
    await page.getByRole("heading", { level: 1, name: /Moa/ }).waitFor();
    // Default, without choosing anything: the restrictive version.
    await page.getByText(LABEL.barn, { exact: true }).waitFor();
    expect(await eventRows(page)).toEqual(MOA_BARN);
    await expect(page.getByText("Anmälan till polisen").count()).resolves.toBe(0);
    // Wide: a table.
    await expect(events(page).locator("tbody tr").first().evaluate((e) => getComputedStyle(e).display)).resolves.toBe("table-row");

    await show(page, "Moa", "personal");
    await page.getByText(LABEL.personal, { exact: true }).waitFor();
    expect(await eventRows(page)).toEqual(MOA_ALL);

    await show(page, "Andrej", "barn");
    await page.getByText(LABEL.barn, { exact: true }).waitFor();
    expect(await eventRows(page)).toEqual(ROWS.andrej.barn);
    await show(page, "Andrej", "personal");
    await page.getByText(LABEL.personal, { exact: true }).waitFor();
    expect(await eventRows(page)).toEqual(ANDREJ_ALL);
    expect(problems).toEqual([]);
  }, 180_000);

  it("prints the version's name, and at 390 px the tables scroll in named, focusable boxes, not the page", async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${url}?view=child&instrument=barnahuslogg&version=2.0.0${renderer}`);
    await show(page, "Moa", "barn");
    const box = page.getByRole("region", { name: /^Tabell: .*väg genom barnahus/ });
    await box.waitFor();
    await expect(box.getAttribute("tabindex")).resolves.toBe("0");
    await expect(box.evaluate((e) => getComputedStyle(e).overflowX)).resolves.toBe("auto");
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    // Narrow: the events are cards (each row a block, cells labelled by their column), still the same rows.
    await expect(events(page).locator("tbody tr").first().evaluate((e) => getComputedStyle(e).display)).resolves.toBe("block");
    expect(await eventRows(page)).toEqual(MOA_BARN);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByText(LABEL.barn, { exact: true }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "screen" });
  }, 180_000);
});
