import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpLit, watchedPage, type LitSetup } from "./lit-helpers.ts";

/**
 * Issue 15: the first render of the full FIA form (every section on one page) is mostly lit-html
 * writing bound attributes and adding listeners, 177 radio buttons among the fields. Counted at
 * the DOM while the element draws: one change listener per choice group (not one per option), no
 * attribute call for what is fixed in the template's text (an option's type) or for a control
 * that is not disabled.
 */
let lit: LitSetup;

beforeAll(async () => {
  lit = await setUpLit();
}, 120_000);

afterAll(async () => {
  await lit?.close();
});

describe("the first render of the Lit form", () => {
  it("adds one listener per choice group and writes no attribute a control does not need", async () => {
    const { page, problems } = await watchedPage(lit.browser);
    await page.goto(lit.server.url);
    await page.getByLabel("Födelseår").waitFor();
    const calls = (await page.evaluate(async () => {
      const counts: Record<string, number> = {};
      const wrap = (proto: object, name: string) => {
        const target = proto as Record<string, (...args: unknown[]) => unknown>;
        const f = target[name]!;
        target[name] = function (this: unknown, ...args: unknown[]) {
          counts[name] = (counts[name] ?? 0) + 1;
          if (name === "setAttribute" && args[0] === "type") counts.type = (counts.type ?? 0) + 1;
          return f.apply(this, args);
        };
      };
      wrap(EventTarget.prototype, "addEventListener");
      wrap(Element.prototype, "toggleAttribute");
      wrap(Element.prototype, "setAttribute");
      document.querySelectorAll("blankett-form").forEach((e) => e.remove());
      const el = document.createElement("blankett-form") as HTMLElement & { instrument: string; guided: boolean; updateComplete: Promise<boolean> };
      el.instrument = "fia@1.0.0";
      el.guided = false;
      el.setAttribute("no-drafts", "");
      document.body.append(el);
      await el.updateComplete;
      return counts;
    })) as Record<string, number>;
    const radios = await page.getByRole("radio").count();
    const groups = await page.locator("blankett-form fieldset.choices").count();
    expect(radios).toBeGreaterThan(150);
    expect(groups).toBeGreaterThan(30);
    // Before: one listener per option (242 in all); now one per group, per text field and button.
    expect(calls.addEventListener ?? 0).toBeLessThan(radios);
    // Before: a toggleAttribute for every control's ?disabled=false (239); now only for true.
    expect(calls.toggleAttribute ?? 0).toBeLessThan(groups);
    // Before: type="radio" written on each option (177 times); the text inputs' own types remain.
    expect(calls.type ?? 0).toBeLessThan(groups);
    // The radios still work: a choice is drawn and reaches the answers.
    const first = page.getByRole("radio").first();
    await first.check();
    await expect.poll(() => first.isChecked()).toBe(true);
    expect(await problems()).toEqual([]);
  });
});
