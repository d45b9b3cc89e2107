/**
 * A local variant's draft is its own (issue 12.5): filled in the variant, it is saved under the
 * variant's key and never opened in the national form — in both renderers. Before the fix both
 * renderers keyed drafts by instrument and version only, so the national form opened the
 * variant's answers (and the reverse).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { launchBrowser, startExampleServer } from "./harness.ts";

let browser: Browser;
let server: ViteDevServer;
let url: string;

beforeAll(async () => {
  const started = await startExampleServer();
  server = started.server;
  url = started.url;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const NATIONAL = "blankett:draft:fia@1.0.0";
const VARIANT = "blankett:draft:fia@1.0.0:exempelby";

const stored = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null") as { variant?: string; value?: { meta?: { variant?: string }; intervju?: { arendereferens?: string } } } | null, key);

describe.each(["react", "lit"] as const)("variant drafts, %s renderer", (renderer) => {
  it("saves the variant's answers under the variant's key, and the national form does not open them", async () => {
    const page = await (await browser.newContext({ locale: "sv-SE" })).newPage();
    await page.goto(`${url}?view=form&instrument=fia&version=1.0.0&variant=exempelby&renderer=${renderer}`);
    const field = page.getByLabel("Diarienummer", { exact: true }).first();
    await field.fill("EX-2026-17");
    await expect.poll(async () => (await stored(page, VARIANT))?.value?.intervju?.arendereferens, { timeout: 5000 }).toBe("EX-2026-17");
    const draft = (await stored(page, VARIANT))!;
    expect(draft.value?.meta?.variant).toBe("exempelby");
    expect(await stored(page, NATIONAL)).toBeNull();

    await page.goto(`${url}?view=form&instrument=fia&version=1.0.0&renderer=${renderer}`);
    const national = page.getByLabel("Ärendereferens", { exact: true }).first();
    await national.waitFor();
    expect(await national.inputValue()).toBe("");
    // And back: the variant's form still has its own answers.
    await page.goto(`${url}?view=form&instrument=fia&version=1.0.0&variant=exempelby&renderer=${renderer}`);
    await expect.poll(() => page.getByLabel("Diarienummer", { exact: true }).first().inputValue(), { timeout: 5000 }).toBe("EX-2026-17");
    await page.context().close();
  }, 120_000);
});
