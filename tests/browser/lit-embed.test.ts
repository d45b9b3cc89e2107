import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { setUpLit, typeDate, watchedPage, type LitSetup, type WatchedPage } from "./lit-helpers.ts";

/**
 * The embedding example (examples/embed/): a plain page with no framework and no inline script,
 * served with a strict CSP, whose ordinary <form> contains <blankett-form instrument="sue@1.0.0"
 * name="svar">. The bundle is the built file a vendor would drop in.
 */
let lit: LitSetup;

beforeAll(async () => {
  lit = await setUpLit();
}, 120_000);

afterAll(async () => {
  await lit?.close();
});

async function openEmbed(): Promise<WatchedPage> {
  const watched = await watchedPage(lit.browser);
  await watched.page.goto(lit.server.url);
  await watched.page.getByLabel("Födelseår").waitFor();
  return watched;
}

/** The page form's data as the browser would submit it. */
function formData(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const form = document.getElementById("arende") as HTMLFormElement;
    return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
  });
}

function hostValidity(page: Page): Promise<boolean> {
  return page.evaluate(() => (document.getElementById("arende") as HTMLFormElement).checkValidity());
}

/** Answers SUE's required background questions with the keyboard only. */
async function answerRequired(page: Page): Promise<void> {
  await typeDate(page, page.getByLabel("Datum när ärendet startade"), "2024-03-01");
  // Radio group: focus the first option, then move with the arrow key (selects "Man").
  await page.getByRole("radio", { name: "Kvinna" }).focus();
  await page.keyboard.press("ArrowDown");
  await page.getByLabel("Födelseår").focus();
  await page.keyboard.type("1985");
  await page.keyboard.press("Tab");
  // A closed select changes option with the arrow keys.
  await page.getByLabel("Hushållstyp").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
}

describe("embedding example under a strict CSP", () => {
  it("is served with the strict CSP, and a violation would be caught", async () => {
    const { page, context, problems } = await openEmbed();
    const response = await page.request.get(lit.server.url);
    expect(response.headers()["content-security-policy"]).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'",
    );
    // The watcher works: an inline script and an inline style attribute are refused and reported.
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__ran = true";
      document.body.append(s);
      const d = document.createElement("div");
      d.setAttribute("style", "color: red");
      document.body.append(d);
    });
    await expect.poll(async () => (await problems()).filter((p) => p.startsWith("csp:")).length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    await context.close();
  });

  it("renders the form from the bundle with no CSP violation or script error", async () => {
    const { page, context, problems } = await openEmbed();
    await expect(page.getByRole("region", { name: "Bakgrundsuppgifter" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("radiogroup").count()).resolves.toBe(0);
    await expect(page.getByRole("group", { name: "Kön" }).getByRole("radio").count()).resolves.toBe(3);
    await expect(page.getByRole("button", { name: "Skicka" }).isVisible()).resolves.toBe(true);
    // Styles applied (adopted stylesheets are allowed by style-src 'self'): the theme's accent.
    const background = await page.getByRole("button", { name: "Skicka" }).evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(background).toBe("rgb(11, 93, 59)");
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it("is reachable with Tab from the page's own field", async () => {
    const { page, context } = await openEmbed();
    await page.getByLabel("Handläggare").focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const host = document.activeElement;
      return { host: host?.localName, inner: host?.shadowRoot?.activeElement?.id };
    });
    expect(focused).toEqual({ host: "blankett-form", inner: "bf_2fbakgrund_2farendenummer" });
    await context.close();
  });

  it("keeps the page form invalid while required answers are missing", async () => {
    const { page, context, problems } = await openEmbed();
    expect(await hostValidity(page)).toBe(false);
    const message = await page.evaluate(() => document.querySelector("blankett-form")!.validationMessage);
    expect(message).toContain("Det här behöver rättas");
    expect(message).not.toMatch(/[Pp]lease|fill out|required/);
    await answerRequired(page);
    expect(await hostValidity(page)).toBe(true);
    await expect(page.locator("#status").textContent()).resolves.toBe("Uppföljningen är klar att sparas.");
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it("submits the answers as JSON under the field name with the page form", async () => {
    const { page, context, problems } = await openEmbed();
    await page.getByLabel("Handläggare").focus();
    await page.keyboard.type("Kim");
    await answerRequired(page);
    await page.getByLabel("Stadsdel eller område").focus();
    await page.keyboard.type("Norr <b>");
    const before = lit.server.posted.length;
    await Promise.all([page.waitForURL(/\/arende$/), page.getByRole("button", { name: "Spara ärendet" }).click()]);
    expect(lit.server.posted.length).toBe(before + 1);
    const post = lit.server.posted[before]!;
    expect(post.contentType).toBe("application/x-www-form-urlencoded");
    const fields = new URLSearchParams(post.body);
    expect(fields.get("handlaggare")).toBe("Kim");
    expect(JSON.parse(fields.get("svar")!)).toEqual({
      meta: { schema: "sue@1.0.0", status: "complete" },
      bakgrund: { arendeStart: "2024-03-01", kon: "man", fodelsear: 1985, hushallstyp: "3", stadsdel: "Norr <b>" },
    });
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it("refuses the page form's submit while invalid, shows the errors and focuses the first", async () => {
    const { page, context } = await openEmbed();
    const before = lit.server.posted.length;
    await page.getByRole("button", { name: "Spara ärendet" }).click();
    const summary = page.getByRole("alert");
    await summary.waitFor();
    await expect(summary.getByRole("heading").textContent()).resolves.toBe("Det här behöver rättas");
    // The first required question of an empty record is the start date (the case number is optional).
    await expect(summary.getByRole("link").allTextContents()).resolves.toEqual([
      "Ange datum när ärendet startade",
      "Välj kön",
      "Ange födelseår",
      "Välj hushållstyp",
    ]);
    await expect(summary.getByRole("link").first().getAttribute("href")).resolves.toBe("#bf_2fbakgrund_2farendeStart");
    await expect.poll(() => page.evaluate(() => document.querySelector("blankett-form")!.shadowRoot!.activeElement?.id)).toBe("bf_2fbakgrund_2farendeStart");
    expect(lit.server.posted.length).toBe(before);
    await context.close();
  });

  it("submits the page form with the form's own Skicka once valid", async () => {
    const { page, context, problems } = await openEmbed();
    await page.getByRole("button", { name: "Skicka" }).click();
    await page.getByRole("alert").waitFor();
    await expect.poll(() => page.evaluate(() => document.querySelector("blankett-form")!.shadowRoot!.activeElement?.id)).toBe("bf_2fbakgrund_2farendeStart");
    const before = lit.server.posted.length;
    await answerRequired(page);
    await Promise.all([page.waitForURL(/\/arende$/), page.getByRole("button", { name: "Skicka" }).click()]);
    expect(lit.server.posted.length).toBe(before + 1);
    const svar = JSON.parse(new URLSearchParams(lit.server.posted[before]!.body).get("svar")!);
    expect(svar.meta).toEqual({ schema: "sue@1.0.0", status: "complete" });
    expect(svar.bakgrund.fodelsear).toBe(1985);
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it("restores the initial answers on form.reset()", async () => {
    const { page, context } = await openEmbed();
    const initial = await formData(page);
    // SUE requires the background section: a new form starts with it empty (and incomplete).
    expect(JSON.parse(initial.svar!)).toEqual({ meta: { schema: "sue@1.0.0", status: "draft" }, bakgrund: {} });
    await answerRequired(page);
    expect(JSON.parse((await formData(page)).svar!).bakgrund.fodelsear).toBe(1985);
    await page.evaluate(() => (document.getElementById("arende") as HTMLFormElement).reset());
    await expect.poll(async () => (await formData(page)).svar).toBe(initial.svar);
    await expect(page.getByLabel("Födelseår").inputValue()).resolves.toBe("");
    await expect(page.getByRole("radio", { name: "Man" }).isChecked()).resolves.toBe(false);
    await expect(page.getByLabel("Hushållstyp").inputValue()).resolves.toBe("");
    expect(await hostValidity(page)).toBe(false);
    // The reset button of the page does the same.
    await answerRequired(page);
    await page.getByRole("button", { name: "Börja om" }).click();
    await expect.poll(async () => (await formData(page)).svar).toBe(initial.svar);
    await context.close();
  });

  it("is left out of the page form's data while disabled", async () => {
    const { page, context } = await openEmbed();
    await page.evaluate(() => document.querySelector("blankett-form")!.setAttribute("disabled", ""));
    await expect.poll(() => page.getByLabel("Födelseår").isDisabled()).toBe(true);
    expect(Object.keys(await formData(page))).toEqual(["handlaggare"]);
    // A disabled control does not block the page form either.
    expect(await hostValidity(page)).toBe(true);
    await context.close();
  });
});
