import type { Download, Page } from "playwright-core";
import { readFileSync } from "node:fs";

/** The id of the focused element (through shadow roots). */
export async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a && (a as HTMLElement).shadowRoot?.activeElement) a = (a as HTMLElement).shadowRoot!.activeElement;
    return a?.id ?? "";
  });
}

/** Presses Tab (or Shift+Tab) until the element with this id has focus; keyboard only. */
export async function tabToId(page: Page, id: string, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  const max = opts.max ?? 400;
  for (let i = 0; i <= max; i++) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press(opts.back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

/** The text of the focused <select>'s chosen option. */
export async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions?.[0]?.textContent?.trim() ?? "");
}

/** Moves a focused, closed <select> with the arrow keys until its chosen option's text starts with `text`. */
export async function arrowTo(page: Page, text: string, max = 200): Promise<void> {
  for (const key of ["ArrowDown", "ArrowUp"]) {
    for (let i = 0; i < max; i++) {
      if ((await selectedText(page)).startsWith(text)) return;
      const before = await selectedText(page);
      await page.keyboard.press(key);
      if ((await selectedText(page)) === before) break; // at the end of the list: try the other way
    }
  }
  throw new Error(`No option starting “${text}”`);
}

/** Presses Enter on the focused control and returns the JSON of the file it downloads. */
export async function downloadJson(page: Page, press = "Enter"): Promise<unknown> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), page.keyboard.press(press)]);
  const path = await download.path();
  return JSON.parse(readFileSync(path, "utf8"));
}

/** True when the page scrolls sideways. */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
