import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { launchBrowser, startExampleServer } from "./harness.ts";

let browser: Browser;
let server: ViteDevServer;
let url: string;
let page: Page;

beforeAll(async () => {
  ({ server, url } = await startExampleServer());
  browser = await launchBrowser();
  page = await browser.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(url);
  await page.getByRole("heading", { name: "Blankett", level: 1 }).waitFor();
  expect(problems).toEqual([]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("example app (npm start)", () => {
  it("lists the three instruments", async () => {
    const nav = page.getByRole("navigation", { name: "Formulär" });
    await expect(nav.getByRole("button").allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining("Barnahuslogg"), expect.stringContaining("FIA"), expect.stringContaining("SUE")]),
    );
  });

  it("renders each instrument from its schema, with Swedish labels", async () => {
    for (const [button, label] of [
      ["Barnahuslogg", "Förnamn"],
      ["FIA", "Datum för intervjun"],
      ["SUE", "Födelseår"],
    ] as const) {
      await page.getByRole("navigation").getByRole("button", { name: new RegExp(button) }).click();
      await expect(page.getByLabel(new RegExp(label)).first().isVisible()).resolves.toBe(true);
    }
  });

  it("shows Swedish errors naming the question when an empty SUE record is submitted", async () => {
    await page.getByRole("navigation").getByRole("button", { name: /SUE/ }).click();
    await page.getByRole("button", { name: "Skicka" }).click();
    const text = await page.locator("form").innerText();
    expect(text).toContain("Välj hushållstyp");
    expect(text).toContain("Ange födelseår");
    expect(text).not.toMatch(/must have required property/);
  });

  it("asks the problem size only once the area applies (visibleWhen from the schema)", async () => {
    await page.getByRole("navigation").getByRole("button", { name: /FIA/ }).click();
    const boende = page.getByRole("group", { name: /Boende/ }).first();
    const size = boende.getByText("Hur stort problem är det för dig?");
    await expect(size.count()).resolves.toBe(0);
    await boende.getByLabel("I viss omfattning").check();
    await expect(size.count()).resolves.toBe(1);
    await boende.getByLabel("Inte alls").check();
    await expect(size.count()).resolves.toBe(0);
  });
});
