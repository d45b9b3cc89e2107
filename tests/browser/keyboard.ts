import type { Page } from "playwright-core";

/** What has focus, looked up through shadow roots: the control, its accessible name, its group. */
export interface Focused {
  id: string;
  tag: string;
  type: string;
  name: string;
  group: string;
  checked: boolean;
  value: string;
}

export async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a && (a as HTMLElement).shadowRoot?.activeElement) a = (a as HTMLElement).shadowRoot!.activeElement;
    if (!a || a === document.body) return null;
    const el = a as HTMLInputElement;
    const clean = (s: string | null | undefined) => (s ?? "").replace(/\*/g, "").replace(/\(obligatorisk\)/gi, "").replace(/\s+/g, " ").trim();
    const root = el.getRootNode() as Document | ShadowRoot;
    const byIds = (ids: string | null) =>
      (ids ?? "")
        .split(/\s+/)
        .map((id) => (id ? root.getElementById(id)?.textContent : ""))
        .join(" ");
    const labelText = el.getAttribute("aria-label") || (el.getAttribute("aria-labelledby") ? byIds(el.getAttribute("aria-labelledby")) : "") || (el.labels && el.labels[0] ? el.labels[0].textContent : "") || (el.tagName === "BUTTON" || el.tagName === "A" ? el.textContent : "");
    const fieldset = el.closest("fieldset");
    const legend = fieldset?.querySelector("legend")?.textContent ?? "";
    return { id: el.id, tag: el.tagName.toLowerCase(), type: el.type ?? "", name: clean(labelText), group: clean(legend), checked: !!el.checked, value: el.value ?? "" };
  });
}

/** Presses Tab until a control with this accessible name (or radio/checkbox group) has focus. */
export async function tabTo(page: Page, name: string, opts: { group?: boolean; max?: number } = {}): Promise<Focused> {
  const max = opts.max ?? 600;
  const matches = (f: Focused | null) => !!f && (opts.group ? f.group === name : f.name === name);
  // Focus may already be there (an added row focuses its first field).
  const now = await focused(page);
  if (matches(now)) return now!;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (!f) continue;
    if (opts.group ? f.group === name : f.name === name) return f;
  }
  throw new Error(`Tab never reached “${name}”`);
}

/** The names of all controls in Tab order, from the top of the page to the submit button. */
export async function tabOrder(page: Page, stopAt = "Skicka"): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator("body").focus();
  const names: string[] = [];
  for (let i = 0; i < 1500; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (!f) continue;
    const label = f.type === "radio" || f.type === "checkbox" ? `${f.group} / ${f.name}` : f.name;
    if (names[names.length - 1] !== label) names.push(label);
    if (f.name === stopAt) return names;
  }
  throw new Error("Tab never reached the submit button");
}

export type Step =
  | { type: string; text: string }
  | { date: string; iso: string }
  | { choose: string; option: string }
  | { select: string; option: string }
  | { check: string; option: string }
  | { press: string };

/** Answers one question by keyboard only. Radios: Space checks the focused one, arrows move. */
export async function perform(page: Page, step: Step): Promise<void> {
  if ("type" in step) {
    await tabTo(page, step.type);
    await page.keyboard.type(step.text);
    return;
  }
  if ("date" in step) {
    // A date field's parts come in an order the browser picks (headless Chromium does not always
    // follow the locale): type them, read the value back, and try the next order if it is wrong.
    await tabTo(page, step.date);
    const [year, month, day] = step.iso.split("-") as [string, string, string];
    const parts = { year, month, day };
    const orders = [["year", "month", "day"], ["month", "day", "year"], ["day", "month", "year"]] as const;
    for (const order of orders) {
      for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
      for (const part of order) await page.keyboard.type(parts[part]);
      if ((await focused(page))?.value === step.iso) return;
    }
    throw new Error(`Could not type the date ${step.iso} into “${step.date}”`);
  }
  if ("select" in step) {
    // A closed <select>: ArrowDown moves the choice (typing would open the list on a space).
    await tabTo(page, step.select);
    for (let i = 0; i < 60; i++) {
      const text = await page.evaluate(() => {
        let a: Element | null = document.activeElement;
        while (a && (a as HTMLElement).shadowRoot?.activeElement) a = (a as HTMLElement).shadowRoot!.activeElement;
        const sel = a as HTMLSelectElement;
        return sel.selectedOptions?.[0]?.textContent?.trim() ?? "";
      });
      if (text.startsWith(step.option)) return;
      await page.keyboard.press("ArrowDown");
    }
    throw new Error(`No option “${step.option}” in “${step.select}”`);
  }
  if ("press" in step) {
    await tabTo(page, step.press);
    await page.keyboard.press("Enter");
    return;
  }
  const group = "choose" in step ? step.choose : step.check;
  let f = await tabTo(page, group, { group: true });
  if ("check" in step) {
    while (f.name !== step.option) {
      await page.keyboard.press("Tab");
      f = (await focused(page))!;
      if (f.group !== group) throw new Error(`No option “${step.option}” in “${group}”`);
    }
    if (!f.checked) await page.keyboard.press("Space");
    return;
  }
  if (!f.checked) await page.keyboard.press("Space");
  for (let i = 0; i < 20; i++) {
    f = (await focused(page))!;
    if (f.name === step.option) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`No option “${step.option}” in “${group}”`);
}
