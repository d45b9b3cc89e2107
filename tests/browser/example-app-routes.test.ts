import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { ROOT } from "../helpers.ts";
import { launchBrowser, startExampleServer } from "./harness.ts";
import { axeViolations } from "./axe.ts";

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
  page = await (await browser.newContext({ locale: "sv-SE" })).newPage();
  page.on("pageerror", (e) => problems.push(e.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every view at its address, and what shows that it is there. */
const VIEWS: Array<{ name: string; query: string; ready: (p: Page) => Promise<unknown> }> = [
  { name: "start", query: "", ready: (p) => p.getByRole("heading", { name: "Fyll i ett formulär" }).waitFor() },
  { name: "form, React", query: "?view=form&instrument=fia&version=1.0.0", ready: (p) => p.getByLabel(/Datum för intervjun/).first().waitFor() },
  { name: "form, web components", query: "?view=form&instrument=sue&version=1.0.0&renderer=lit", ready: (p) => p.getByLabel(/Födelseår/).first().waitFor() },
  { name: "form, barnahuslogg", query: "?view=form&instrument=barnahuslogg&version=2.0.0", ready: (p) => p.getByLabel(/Förnamn/).first().waitFor() },
  { name: "variant", query: "?view=form&instrument=fia&version=1.0.0&variant=exempelby", ready: (p) => p.getByText(/Exempelbys verksamhetssystem/).first().waitFor() },
  { name: "broken variant", query: "?view=form&instrument=sue&version=1.0.0&variant=provkommun", ready: (p) => p.getByRole("alert").waitFor() },
  { name: "child's log, React", query: "?view=child&instrument=barnahuslogg&version=1.0.0", ready: (p) => p.getByRole("heading", { name: "Andrejs väg genom barnahus" }).first().waitFor() },
  { name: "child's log, web components", query: "?view=child&instrument=barnahuslogg&version=1.0.0&renderer=lit", ready: (p) => p.getByRole("heading", { name: "Andrejs väg genom barnahus" }).first().waitFor() },
  { name: "diff", query: "?view=diff&instrument=fia&version=2.0.0&compare=1.1.0", ready: (p) => p.locator(".diff-report").getByText(/Kräver major/).first().waitFor() },
  { name: "indicators", query: "?view=indicators&instrument=sue&version=1.0.0", ready: (p) => p.getByRole("table").first().waitFor() },
  { name: "studio", query: "?view=studio", ready: (p) => p.getByRole("heading", { name: "Variantstudio" }).waitFor() },
  { name: "unknown instrument", query: "?view=form&instrument=okand", ready: (p) => p.getByRole("heading", { name: "Sidan finns inte" }).waitFor() },
];

const search = () => page.evaluate(() => window.location.search);

describe("example app: every view has its own address", () => {
  it("opens each view from its address, and a reload keeps it", async () => {
    for (const v of VIEWS) {
      await page.goto(url + v.query);
      await v.ready(page);
      await page.reload();
      await v.ready(page);
      expect(await search(), v.name).toBe(v.query);
    }
  }, 240_000);

  it("pushes a history entry for each step: back and forward return to them", async () => {
    await page.goto(url);
    const main = page.getByRole("main");
    await main.locator("li", { has: page.getByRole("heading", { name: /^FIA/ }) }).getByRole("link", { name: "Version 1.0.0" }).click();
    await page.getByLabel(/Datum för intervjun/).first().waitFor();
    expect(await search()).toBe("?view=form&instrument=fia&version=1.0.0");
    await page.getByRole("navigation", { name: "Teknik" }).getByRole("link", { name: "Webbkomponenter" }).click();
    expect(await search()).toBe("?view=form&instrument=fia&version=1.0.0&renderer=lit");
    await page.getByRole("navigation", { name: "Formulär" }).getByRole("link", { name: "Lokal variant: Exempelby kommun" }).click();
    await page.getByText(/Exempelbys verksamhetssystem/).first().waitFor();
    expect(await search()).toBe("?view=form&instrument=fia&version=1.0.0&variant=exempelby&renderer=lit");
    await page.getByRole("navigation", { name: "Vyer" }).getByRole("link", { name: "Jämför versioner" }).click();
    await page.locator(".diff-report").first().waitFor();
    expect(await search()).toMatch(/^\?view=diff&instrument=fia&version=1\.0\.0/);

    await page.goBack();
    await page.getByText(/Exempelbys verksamhetssystem/).first().waitFor();
    await page.goBack();
    expect(await search()).toBe("?view=form&instrument=fia&version=1.0.0&renderer=lit");
    await expect(page.getByRole("navigation", { name: "Teknik" }).getByRole("link", { name: "Webbkomponenter" }).getAttribute("aria-current")).resolves.toBe("page");
    await page.goBack();
    await page.goBack();
    await page.getByRole("heading", { name: "Fyll i ett formulär" }).waitFor();
    await page.goForward();
    await page.getByLabel(/Datum för intervjun/).first().waitFor();
    expect(await search()).toBe("?view=form&instrument=fia&version=1.0.0");
  }, 120_000);

  it("opens a shared variant link as that variant, and says so", async () => {
    await page.goto(url + "?view=form&instrument=fia&version=1.0.0&variant=exempelby");
    await page.getByText(/Exempelbys verksamhetssystem/).first().waitFor();
    await expect(page.getByRole("main").innerText()).resolves.toContain("Du ser den lokala varianten Exempelby kommun");
    await expect(page.getByRole("link", { name: "Lokal variant: Exempelby kommun" }).getAttribute("aria-current")).resolves.toBe("page");
    // Exempelby's own help text, and hidden in Exempelby: the interviewer's name.
    await expect(page.getByLabel(/Diarienummer/).first().isVisible()).resolves.toBe(true);
    await expect(page.getByLabel(/Intervjuare/).count()).resolves.toBe(0);
    await expect(page.title()).resolves.toContain("Exempelby kommun");
  });

  it("lists a broken variant's violations in plain words, as many as blankett overlay check", async () => {
    let out = "";
    try {
      out = execFileSync(process.execPath, [join(ROOT, "bin/blankett.js"), "overlay", "check", "schemas/sue/variants/provkommun.overlay.json"], { cwd: ROOT, encoding: "utf8" });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? "");
    }
    const expected = Number(/(\d+) regelbrott/.exec(out)?.[1]);
    expect(expected).toBeGreaterThan(0);
    const codes = [...out.matchAll(/\[([a-z-]+):/g)].map((m) => m[1]!);
    await page.goto(url + "?view=form&instrument=sue&version=1.0.0&variant=provkommun");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.getByRole("heading").innerText()).resolves.toBe("Varianten Provkommun bryter mot reglerna och kan inte användas");
    await expect(alert.getByRole("listitem").count()).resolves.toBe(expected);
    const text = await alert.innerText();
    // Plain words: no rule codes, no places in the overlay file.
    for (const code of codes) expect(text).not.toContain(code);
    expect(text).not.toMatch(/\/(hide|addItems|restrictOptions)\//);
    // No form to fill in for a variant that cannot be used.
    await expect(page.getByLabel(/Födelseår/).count()).resolves.toBe(0);
  });

  it("explains an unknown instrument, version, variant or view and links to the start page", async () => {
    for (const [query, words] of [
      ["?view=form&instrument=okand", "inget formulär som heter ”okand”"],
      ["?view=form&instrument=fia&version=9.9.9", "finns inte i version 9.9.9"],
      ["?view=form&instrument=fia&version=2.0.0&variant=exempelby", "ingen lokal variant som heter ”exempelby”"],
      ["?view=form&instrument=fia&variant=Exempel%20by", "variant ”Exempel by”"],
      ["?view=child&instrument=fia", "Barnets logg finns bara för Barnahuslogg"],
      ["?view=nagot", "vy ”nagot”"],
    ]) {
      await page.goto(url + query);
      await page.getByRole("heading", { name: "Sidan finns inte" }).waitFor();
      await expect(page.getByRole("main").innerText(), query).resolves.toContain(words);
    }
    await page.getByRole("link", { name: "Till startsidan" }).click();
    await page.getByRole("heading", { name: "Fyll i ett formulär" }).waitFor();
  }, 60_000);

  it("has no serious or critical axe violations on any view", async () => {
    for (const v of VIEWS) {
      await page.goto(url + v.query);
      await v.ready(page);
      expect(await axeViolations(page), v.name).toEqual([]);
    }
  }, 240_000);

  it("fits a 390 px wide phone: no view scrolls sideways, and none breaks axe", async () => {
    const phone = await (await browser.newContext({ locale: "sv-SE", viewport: { width: 390, height: 844 } })).newPage();
    phone.on("pageerror", (e) => problems.push(e.message));
    const widths: Record<string, number> = {};
    const faults: string[] = [];
    for (const v of VIEWS) {
      await phone.goto(url + v.query);
      await v.ready(phone);
      widths[v.name] = await phone.evaluate(() => document.documentElement.scrollWidth);
      faults.push(...(await axeViolations(phone)).map((f) => `${v.name}: ${f}`));
    }
    await phone.close();
    expect(Object.entries(widths).filter(([, w]) => w > 390)).toEqual([]);
    expect(faults).toEqual([]);
  }, 300_000);

  it("had no page errors", () => {
    expect(problems).toEqual([]);
  });
});
