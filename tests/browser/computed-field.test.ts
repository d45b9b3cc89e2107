import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import react from "@vitejs/plugin-react";
import { join } from "node:path";
import { ROOT } from "../helpers.ts";
import { launchBrowser } from "./harness.ts";
import { SOURCE_RESOLVE } from "./react-page.ts";

/**
 * Issue 14, point 17: barnahuslogg 2.1.0's Gallringsdatum is filled in by the form session from
 * the rule `gallringsdatum` (x-ui.computedFrom), in both renderers, on the conformance page (an
 * empty form). With no event rows, the latest date of the log is the investigation's end: ended
 * 2024-05-03, the records are weeded five years later, 2029-05-03; ended 2024-06-10 → 2029-06-10.
 */
let server: ViteDevServer;
let base: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await createServer({
    root: join(ROOT, "tests/browser/pages/conformance"),
    resolve: SOURCE_RESOLVE,
    plugins: [react()],
    server: { host: "127.0.0.1", port: 0, hmr: false },
    logLevel: "error",
  });
  await server.listen();
  base = `http://127.0.0.1:${(server.httpServer!.address() as { port: number }).port}/`;
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "sv-SE" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(["react", "lit"])("Gallringsdatum computed, %s", (renderer) => {
  it("is empty on a new log, shows five years after the investigation's end once it is given, and follows a change", async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${base}?renderer=${renderer}&instrument=barnahuslogg@2.1.0`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await page.evaluate(() => localStorage.clear());
    const field = page.getByLabel("Gallringsdatum", { exact: true });
    await field.waitFor();
    expect(await field.inputValue()).toBe("");
    expect(await field.evaluate((e) => (e as HTMLInputElement).readOnly || (e as HTMLInputElement).disabled)).toBe(true);

    await page.getByLabel("Utredningen avslutades", { exact: true }).fill("2024-05-03");
    await expect.poll(() => field.inputValue()).toBe("2029-05-03");
    await page.getByLabel("Utredningen avslutades", { exact: true }).fill("2024-06-10");
    await expect.poll(() => field.inputValue()).toBe("2029-06-10");

    // The field stays out of the person's reach: nothing typed there changes it.
    await field.focus();
    await page.keyboard.type("2030");
    expect(await field.inputValue()).toBe("2029-06-10");
    expect(problems).toEqual([]);
    await page.close();
  });
});
