import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpLit, watchedPage, type LitSetup } from "./lit-helpers.ts";

/**
 * A host script that runs after the bundle has rendered the form has missed the first
 * `blankett-validity` event. It must still learn the element's validity: from the read-only
 * `validityDetail` (the same detail the event carries), after awaiting Lit's `updateComplete`.
 */
let lit: LitSetup;

beforeAll(async () => {
  lit = await setUpLit();
}, 120_000);

afterAll(async () => {
  await lit?.close();
});

describe("a host script that loads after the element", () => {
  it("reads the validity it missed the event for, and later events agree with it", async () => {
    const { page, problems } = await watchedPage(lit.browser);
    await page.goto(lit.server.url);
    await page.getByLabel("Födelseår").waitFor();

    // The host script, run only now: the first blankett-validity event is long gone.
    const late = await page.evaluate(async () => {
      type Detail = { valid: boolean; errorCount: number; errors: Array<{ pointer: string; message: string }> };
      const el = document.querySelector("blankett-form") as HTMLElement & {
        updateComplete: Promise<boolean>;
        validityDetail?: Detail | null;
        checkValidity(): boolean;
        validationMessage: string;
      };
      const heard: Detail[] = [];
      el.addEventListener("blankett-validity", (e) => heard.push((e as CustomEvent<Detail>).detail));
      await customElements.whenDefined("blankett-form");
      await el.updateComplete;
      const detail = el.validityDetail ?? null;
      return {
        heard: heard.length,
        detail: detail && { valid: detail.valid, errorCount: detail.errorCount, first: detail.errors[0]?.message, length: detail.errors.length },
        checkValidity: el.checkValidity(),
        message: el.validationMessage,
      };
    });
    expect(late.heard).toBe(0);
    expect(late.detail).not.toBeNull();
    expect(late.detail!.valid).toBe(false);
    expect(late.detail!.errorCount).toBeGreaterThan(0);
    expect(late.detail!.length).toBe(late.detail!.errorCount);
    expect(late.checkValidity).toBe(false);
    expect(late.message).toContain(late.detail!.first);

    // From now on the listener hears every change, and the getter says the same.
    await page.evaluate(() => {
      const el = document.querySelector("blankett-form")!;
      (window as unknown as { __heard: unknown[] }).__heard = [];
      el.addEventListener("blankett-validity", (e) => (window as unknown as { __heard: unknown[] }).__heard.push((e as CustomEvent).detail));
    });
    await page.getByLabel("Födelseår").fill("1985");
    await page.getByLabel("Födelseår").press("Tab");
    const after = await page.evaluate(() => {
      const el = document.querySelector("blankett-form") as HTMLElement & { validityDetail?: { errorCount: number } | null };
      const heard = (window as unknown as { __heard: Array<{ errorCount: number }> }).__heard;
      return { heard: heard.map((d) => d.errorCount), now: el.validityDetail?.errorCount };
    });
    expect(after.heard.length).toBeGreaterThan(0);
    expect(after.heard.at(-1)).toBe(after.now);
    expect(after.now).toBe(late.detail!.errorCount - 1);
    expect(await problems()).toEqual([]);
  }, 60_000);
});
