import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpLit, watchedPage, type LitSetup } from "./lit-helpers.ts";

/**
 * Issue 15: a keystroke in one text field redraws that field, not the whole form. Measured by
 * what a redraw cannot avoid: Lit's `live()` reads each control's `.checked` or `.value` from the
 * DOM whenever its field's template runs again. The full FIA form (every section on one page)
 * has 177 radio buttons; before this, every keystroke read all of them.
 */
let lit: LitSetup;

beforeAll(async () => {
  lit = await setUpLit();
}, 120_000);

afterAll(async () => {
  await lit?.close();
});

describe("a keystroke in the Lit form", () => {
  it("redraws the field typed into and keeps the other fields' errors right", async () => {
    const { page, problems } = await watchedPage(lit.browser);
    await page.goto(lit.server.url);
    await page.getByLabel("Födelseår").waitFor();
    // The full FIA form instead of the embedding page's SUE form, with counters on the DOM reads.
    await page.evaluate(async () => {
      const w = window as unknown as { __reads: { checked: number; value: number }; __rev: number };
      w.__reads = { checked: 0, value: 0 };
      w.__rev = 0;
      for (const [proto, name] of [
        [HTMLInputElement.prototype, "checked"],
        [HTMLInputElement.prototype, "value"],
        [HTMLTextAreaElement.prototype, "value"],
      ] as const) {
        const d = Object.getOwnPropertyDescriptor(proto, name)!;
        Object.defineProperty(proto, name, {
          ...d,
          get(this: HTMLElement) {
            w.__reads[name]++;
            return d.get!.call(this);
          },
        });
      }
      document.querySelectorAll("blankett-form").forEach((e) => e.remove());
      const el = document.createElement("blankett-form") as HTMLElement & { instrument: string; guided: boolean; updateComplete: Promise<boolean> };
      el.instrument = "fia@1.0.0";
      el.guided = false;
      el.setAttribute("no-drafts", "");
      el.addEventListener("blankett-change", () => w.__rev++);
      document.body.append(el);
      await el.updateComplete;
    });
    const radios = await page.getByRole("radio").count();
    expect(radios).toBeGreaterThan(150);

    const interviewer = page.getByRole("textbox", { name: "Intervjuare" }).first();
    await interviewer.focus();
    await page.evaluate(() => {
      (window as unknown as { __reads: { checked: number; value: number } }).__reads = { checked: 0, value: 0 };
    });
    const text = "Anna Andersson";
    await page.keyboard.type(text, { delay: 20 });
    await page.waitForFunction((n) => (window as unknown as { __rev: number }).__rev >= n, text.length);
    await page.evaluate(() => document.querySelector("blankett-form") && (document.querySelector("blankett-form") as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete);
    const reads = (await page.evaluate(() => (window as unknown as { __reads: { checked: number; value: number } }).__reads)) as { checked: number; value: number };
    // No radio's state is read again (before: every radio, every key); the typed field's value is.
    expect(reads.checked).toBe(0);
    expect(reads.value).toBeGreaterThanOrEqual(text.length);
    expect(reads.value).toBeLessThanOrEqual(4 * text.length);
    await expect.poll(() => interviewer.inputValue()).toBe(text);

    // The other fields still follow the answers: a choice elsewhere is drawn, an error shows once
    // its field is left, and goes when it is put right.
    const years = page.getByRole("textbox", { name: /Hur många år har du arbetat/ }).first();
    await years.fill("tre");
    await years.blur();
    await expect.poll(() => years.getAttribute("aria-invalid")).toBe("true");
    await years.fill("12");
    await years.blur();
    await expect.poll(() => years.getAttribute("aria-invalid")).toBeNull();
    const first = page.getByRole("radio").first();
    await first.check();
    await expect.poll(() => first.isChecked()).toBe(true);
    expect(await problems()).toEqual([]);
  });
});
