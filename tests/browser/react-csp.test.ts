/**
 * The React renderer under the strict Content-Security-Policy a vendor's case system sends
 * (`style-src 'self'`, no 'unsafe-inline'): its stylesheet must still apply and nothing may be
 * refused. Before, it drew a <style> element, which such a page refuses (the form then had no
 * layout, and every render reported a violation).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { CSP } from "../../examples/embed/serve.ts";
import { launchBrowser } from "./harness.ts";
import { serveReactPageBuilt, type Served } from "./react-page.ts";

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveReactPageBuilt({ "Content-Security-Policy": CSP });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe("React renderer under a strict CSP", () => {
  it.each(["view=form&instrument=fia@1.0.0&guided=0", "view=child&instrument=barnahuslogg@1.0.0&value=moa"])("%s: styled, with no violation", async (query) => {
    const context = await browser.newContext({ locale: "sv-SE" });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text().slice(0, 200));
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => ((window as unknown as { __csp: string[] }).__csp ??= []).push(e.violatedDirective));
    });
    const response = await page.goto(`${served.url}?${query}`);
    expect(response?.headers()["content-security-policy"]).toBe(CSP);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await page.locator(".bf-root, .bf-child-log").first().waitFor();
    // A rule of the renderer's own stylesheet is in force: .bf-root is at most 52rem wide, the
    // child's log 48rem (16 px to the rem).
    const styled = await page.evaluate(() => {
      const el = document.querySelector(".bf-root") ?? document.querySelector(".bf-child-log")!;
      return { maxWidth: getComputedStyle(el).maxWidth, sheets: document.adoptedStyleSheets.length };
    });
    expect(styled.maxWidth).toBe(query.includes("view=form") ? "832px" : "768px");
    expect(styled.sheets).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
