/**
 * The FIA guided interview in the React renderer (DOM contract 9): one step per section with a
 * progress indicator, Föregående/Nästa, the step saved with the draft, and a summary step with
 * the profile table, the client's ranking and the interviewer's judgement beside the indication.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./harness.ts";
import { focusedId, openPage, serveReactPage, submitted, type Served } from "./react-page.ts";

let served: Served;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  served = await serveReactPage();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "sv-SE" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const problemsOf = new WeakMap<Page, string[]>();
async function open(query: string): Promise<Page> {
  const { page, problems } = await openPage(context, served.url, query);
  problemsOf.set(page, problems);
  return page;
}
async function done(page: Page): Promise<void> {
  expect(problemsOf.get(page)).toEqual([]);
  await page.close();
}

beforeEach(async () => {
  const page = await open("instrument=fia@1.0.0&drafts=0");
  await page.evaluate(() => localStorage.clear());
  await done(page);
});

// FIA 1.0.0's seven sections, in order (schemas/fia/1.0.0.schema.json, x-ui.order).
const STEPS = ["Om intervjun", "Din sociala livssituation", "Mål och arbete", "Insatser och krav", "Sammanlagd bedömning", "Sammanställning", "Genomförandeplan"];

const progressText = (page: Page) => page.locator(".bf-progress p").textContent();
const sectionTitles = (page: Page) => page.locator(".bf-section-title").allTextContents();
const next = (page: Page) => page.getByRole("button", { name: "Nästa" }).click();
const previous = (page: Page) => page.getByRole("button", { name: "Föregående" }).click();

describe("guided FIA", () => {
  it("shows one section per step with its progress, Nästa and Föregående", async () => {
    const page = await open("instrument=fia@1.0.0");
    expect(await progressText(page)).toBe("Steg 1 av 7: Om intervjun");
    expect(await page.locator("progress").getAttribute("max")).toBe("7");
    expect(await page.locator("progress").getAttribute("value")).toBe("1");
    expect(await sectionTitles(page)).toEqual(["Om intervjun"]);
    expect(await page.getByRole("button", { name: "Föregående" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Skicka" }).count()).toBe(0);
    await next(page);
    expect(await progressText(page)).toBe("Steg 2 av 7: Din sociala livssituation");
    expect(await page.locator("progress").getAttribute("value")).toBe("2");
    expect(await sectionTitles(page)).toEqual(["Din sociala livssituation"]);
    // Focus goes to the new step's heading, so a screen reader starts at the top of the step.
    expect(await focusedId(page)).toBe("bf_2flivssituation-title");
    for (let i = 2; i < STEPS.length; i++) {
      await next(page);
      expect(await progressText(page)).toBe(`Steg ${i + 1} av 7: ${STEPS[i]}`);
    }
    await next(page);
    expect(await sectionTitles(page)).toEqual(["Sammanfattning"]);
    expect(await page.getByRole("button", { name: "Nästa" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Skicka" }).count()).toBe(1);
    await previous(page);
    expect(await progressText(page)).toBe("Steg 7 av 7: Genomförandeplan");
    await done(page);
  });

  it("keeps the answers of other steps and saves the step with the draft", async () => {
    const page = await open("instrument=fia@1.0.0");
    await page.getByRole("textbox", { name: "Intervjuare" }).fill("Kim");
    await next(page);
    await page.getByRole("group", { name: "Boende" }).getByLabel("I viss omfattning").check();
    await next(page);
    await expect
      .poll(async () => JSON.parse((await page.evaluate(() => localStorage.getItem("blankett:draft:fia@1.0.0"))) ?? "null")?.step, { timeout: 3000 })
      .toBe(2);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await page.locator(".bf-progress").waitFor();
    expect(await progressText(page)).toBe("Steg 3 av 7: Mål och arbete");
    await previous(page);
    expect(await page.getByRole("group", { name: "Boende" }).getByLabel("I viss omfattning").isChecked()).toBe(true);
    // The problem size is asked now that the area applies.
    expect(await page.getByRole("group", { name: "Boende" }).getByRole("radiogroup", { name: "Hur stort problem är det för dig?" }).count()).toBe(1);
    await previous(page);
    expect(await page.getByRole("textbox", { name: "Intervjuare" }).inputValue()).toBe("Kim");
    await done(page);
  });

  it("summary: profile, ranking, and the judgement beside the indication with the mismatch warning", async () => {
    const page = await open("instrument=fia@1.0.0&drafts=0&value=interview-1");
    for (let i = 0; i < STEPS.length; i++) await next(page);
    const profile = page.locator("table[data-summary=profil]");
    const rowOf = async (area: string) =>
      (await profile.getByRole("row").filter({ has: page.getByRole("rowheader", { name: area, exact: true }) }).first().locator("td").allTextContents()).map((t) => t.trim());
    expect(await profile.locator("thead th").allTextContents()).toEqual(["Område", "Gäller", "Problemstorlek", "Klientens rang"]);
    // interview-1: housing "viss"/"mattligt", ranked 4th; debts "stor"/"mycket_stort", ranked 1st;
    // physical health "ingen" (does not apply, no size asked).
    expect(await rowOf("Boende")).toEqual(["Ja", "Måttligt problem", "4"]);
    expect(await rowOf("Skulder")).toEqual(["Ja", "Mycket stort problem", "1"]);
    expect(await rowOf("Kroppslig hälsa")).toEqual(["Nej", "–", "–"]);
    expect(await page.locator("[data-summary=rangordning] li").allTextContents()).toEqual(["Skulder", "Psykisk hälsa", "Socialt nätverk", "Boende"]);
    const judgement = (id: string) => page.locator(`tr[data-indication=${id}] td`).allTextContents();
    expect(await judgement("indikationSocialt")).toEqual(["Ja", "Ja"]);
    expect(await judgement("indikationArbete")).toEqual(["Ja", "Ja"]);
    expect(await page.locator("[data-summary=kategori]").textContent()).toContain("Stödbehov i arbete och socialt");
    expect(await page.locator("[data-warning]").count()).toBe(0);

    // The interviewer judges no social support need, although areas have at least moderate problems.
    while ((await progressText(page)) !== "Steg 5 av 7: Sammanlagd bedömning") await previous(page);
    await page.getByRole("radiogroup", { name: "Har klienten behov av socialt stöd?" }).getByLabel("Nej").check();
    for (let i = 5; i <= STEPS.length; i++) await next(page);
    const mismatch =
      "Din bedömning av socialt stödbehov skiljer sig från indikationen (minst ett livsområde med minst måttligt problem). Skriv gärna i motiveringen varför.";
    const row = page.locator("tr[data-indication=indikationSocialt] td");
    expect((await row.nth(0).textContent())?.trim()).toBe("Nej");
    expect(await row.nth(1).textContent()).toBe("Ja" + mismatch);
    expect(await page.locator("[data-warning=indikationSocialt]").textContent()).toBe(mismatch);
    // The judgement is never replaced: the category follows the interviewer (work yes, social no).
    expect(await page.locator("[data-summary=kategori]").textContent()).toContain("Stödbehov i arbete, ej socialt");
    expect(await page.locator("[data-result=kategori]").textContent()).toContain("Stödbehov i arbete, ej socialt");
    expect(await page.locator("[data-result=indikationSocialt]").textContent()).toContain("Ja");
    await done(page);
  });

  it("a failed submit on the summary step goes to the step of the first invalid field and focuses it", async () => {
    const page = await open("instrument=fia@1.0.0&drafts=0");
    await page.getByRole("textbox", { name: "Intervjuare" }).fill("Kim");
    for (let i = 0; i < STEPS.length; i++) await next(page);
    await page.getByRole("button", { name: "Skicka" }).click();
    expect(await progressText(page)).toBe("Steg 1 av 7: Om intervjun");
    expect(await focusedId(page)).toBe("bf_2fintervju_2fdatum");
    const summary = page.getByRole("alert").filter({ hasText: "Det här behöver rättas" });
    expect(await summary.getByRole("link").first().textContent()).toBe("Ange datum för intervjun");
    // A link into another step goes there.
    await summary.getByRole("link", { name: "Svara på frågan ”Vilken är din högsta utbildning?”" }).click();
    expect(await progressText(page)).toBe("Steg 3 av 7: Mål och arbete");
    expect(await focusedId(page)).toBe("bf_2farbete_2futbildning");
    expect(await submitted(page)).toBeNull();
    await done(page);
  });

  it("guided=0 shows every section on one page with Skicka and no step buttons", async () => {
    const page = await open("instrument=fia@1.0.0&guided=0&drafts=0");
    expect(await sectionTitles(page)).toEqual(STEPS);
    expect(await page.locator(".bf-progress").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Nästa" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Skicka" }).count()).toBe(1);
    await done(page);
  });
});
