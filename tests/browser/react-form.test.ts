/**
 * React renderer behaviour beyond the shared conformance suite: when errors appear, the error
 * summary, focus after a failed submit, adding and removing rows, per-row visibility in the
 * barnahuslogg events table, drafts, the submitted document and HTML in schema strings.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { join } from "node:path";
import { FIXTURES, readJson, FIA_1_0_DRAFT } from "../helpers.ts";
import { MOVED_FIA_NOTICE, expectMovedFiaDraft } from "./drafts.ts";
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

const LOG = "instrument=barnahuslogg@1.0.0&guided=0";

const problemsOf = new WeakMap<Page, string[]>();

async function open(query: string): Promise<Page> {
  const { page, problems } = await openPage(context, served.url, query);
  problemsOf.set(page, problems);
  return page;
}

/** Closes the page; it must not have thrown anything. */
async function done(page: Page): Promise<void> {
  expect(problemsOf.get(page)).toEqual([]);
  await page.close();
}

async function clearStorage() {
  const { page } = await openPage(context, served.url, LOG);
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

beforeEach(clearStorage);

// Ids worked out by hand from fieldId: every character other than a letter or digit is written
// as _ and its code in hex ("/" → _2f).
const ID = {
  fornamn: "bf_2fbarn_2ffornamn",
  alder: "bf_2fbarn_2falder",
  boende: "bf_2fbarn_2fboende",
  personerAdd: "bf_2fpersoner-add",
  handelse0Datum: "bf_2fhandelser_2f0_2fdatum",
  handelserAdd: "bf_2fhandelser-add",
};

describe("errors", () => {
  it("appear when the field is left, not while typing the first character", async () => {
    const page = await open(LOG);
    const alder = page.locator(`#${ID.alder}`);
    await alder.focus();
    await page.keyboard.type("x");
    // Invalid already (not a whole number), but the person is still typing.
    expect(await page.locator(`#${ID.alder}-error`).count()).toBe(0);
    expect(await alder.getAttribute("aria-invalid")).toBeNull();
    await page.keyboard.press("Tab");
    const error = page.locator(`#${ID.alder}-error`);
    await error.waitFor();
    expect(await error.textContent()).toMatch(/heltal/);
    expect(await alder.getAttribute("aria-invalid")).toBe("true");
    expect((await alder.getAttribute("aria-describedby"))?.split(" ")).toContain(`${ID.alder}-error`);
    // Mended: the error goes at once, while the field still has focus.
    await alder.focus();
    await page.keyboard.press("Backspace");
    await page.keyboard.type("5");
    await expect.poll(() => page.locator(`#${ID.alder}-error`).count()).toBe(0);
    await done(page);
  });

  it("for a choice appear as soon as it is made (choosing is complete at once)", async () => {
    const page = await open(LOG);
    await page.getByRole("button", { name: "Lägg till händelse" }).click();
    const type = page.getByRole("combobox", { name: "Händelse", exact: true });
    await type.focus();
    await type.selectOption({ label: "Samrådsmöte" });
    await type.selectOption({ label: "Välj" });
    // Still focused on the list, and told at once that an event must be chosen.
    expect(await focusedId(page)).toBe("bf_2fhandelser_2f0_2fhandelsetyp");
    await page.locator("#bf_2fhandelser_2f0_2fhandelsetyp-error").waitFor();
    expect(await type.getAttribute("aria-invalid")).toBe("true");
    // The row's other questions were never touched: no errors there yet.
    expect(await page.locator("#bf_2fhandelser_2f0_2fbeskrivning-error").count()).toBe(0);
    await done(page);
  });

  it("do not appear for fields merely passed through", async () => {
    const page = await open(LOG);
    await page.locator(`#${ID.fornamn}`).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.locator(".bf-error").count()).toBe(0);
    await done(page);
  });

  it("after a failed submit: summary at the top with a link per error; a link focuses its field", async () => {
    const page = await open(LOG);
    await page.locator(`#${ID.fornamn}`).fill("Moa");
    await page.getByRole("button", { name: "Skicka" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Det här behöver rättas" });
    await summary.waitFor();
    expect(await summary.getByRole("heading", { name: "Det här behöver rättas" }).count()).toBe(1);
    const links = summary.getByRole("link");
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    // In form order: the child's age first; the empty list of adults links to its add button.
    expect(hrefs[0]).toBe(`#${ID.alder}`);
    expect(hrefs[1]).toBe(`#${ID.boende}`);
    expect(hrefs).toContain(`#${ID.personerAdd}`);
    // The summary sits above the first question.
    const above = await page.evaluate(
      ([a, b]) => !!(document.querySelector(a!)!.compareDocumentPosition(document.getElementById(b!)!) & Node.DOCUMENT_POSITION_FOLLOWING),
      [".bf-summary", ID.fornamn],
    );
    expect(above).toBe(true);
    await links.nth(1).click();
    expect(await focusedId(page)).toBe(ID.boende);
    await summary.getByRole("link").filter({ hasText: "Vuxna som barnet träffat" }).click();
    expect(await focusedId(page)).toBe(ID.personerAdd);
    // Every link text is a message shown under its field too.
    const first = (await links.first().textContent())!.trim();
    expect(await page.locator(`#${ID.alder}-error`).textContent()).toBe(first);
    await done(page);
  });

  it("a failed submit moves focus to the first invalid field and submits nothing", async () => {
    const page = await open(LOG);
    await page.locator(`#${ID.fornamn}`).fill("Moa");
    await page.locator(`#${ID.alder}`).fill("5");
    await page.getByRole("button", { name: "Skicka" }).click();
    await page.getByRole("alert").waitFor();
    expect(await focusedId(page)).toBe(ID.boende);
    expect(await submitted(page)).toBeNull();
    await done(page);
  });
});

describe("tables (barnahuslogg events)", () => {
  const row = (page: Page, n: number) => page.getByRole("group", { name: `Händelse ${n}`, exact: true });
  const eventType = (page: Page, n: number) => row(page, n).getByRole("combobox", { name: "Händelse", exact: true });

  it("Lägg till händelse adds a row named Händelse n and moves focus to its first field", async () => {
    const page = await open(LOG);
    await page.getByRole("button", { name: "Lägg till händelse" }).click();
    expect(await focusedId(page)).toBe(ID.handelse0Datum);
    await page.getByRole("button", { name: "Lägg till händelse" }).click();
    expect(await focusedId(page)).toBe("bf_2fhandelser_2f1_2fdatum");
    expect(await row(page, 1).count()).toBe(1);
    expect(await row(page, 2).count()).toBe(1);
    expect(await row(page, 2).getByRole("button", { name: "Ta bort händelse 2" }).count()).toBe(1);
    await done(page);
  });

  it("shows each row the detail questions of its own event type", async () => {
    const page = await open(LOG);
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Lägg till händelse" }).click();
    await eventType(page, 1).selectOption({ label: "Barnförhör hos polisen" });
    await eventType(page, 2).selectOption({ label: "Samrådsmöte" });
    await eventType(page, 3).selectOption({ label: "Barnsamtal socialtjänsten" });
    const has = async (n: number, label: string) => (await row(page, n).getByLabel(label, { exact: false }).count()) > 0;
    // The catalogue (5.5.1): a child interview records who listened in and the pick-up; a
    // consultation meeting its participants and purpose; a talk with the child nothing more.
    expect(await has(1, "Deltagare i medhörning")).toBe(true);
    expect(await has(1, "Hur hämtades och lämnades barnet?")).toBe(true);
    expect(await has(1, "Syfte med mötet")).toBe(false);
    expect(await has(2, "Syfte med mötet")).toBe(true);
    expect(await has(2, "Deltagare i medhörning")).toBe(false);
    expect(await has(3, "Deltagare i medhörning")).toBe(false);
    expect(await has(3, "Syfte med mötet")).toBe(false);
    // No detail question applies to row 3, so its details group is not drawn at all.
    expect(await row(page, 3).getByRole("group", { name: "Uppgifter för yrkesverksamma" }).count()).toBe(0);
    expect(await row(page, 1).getByRole("group", { name: "Uppgifter för yrkesverksamma" }).count()).toBe(1);
    // "Annan händelse" asks which, in that row only.
    await eventType(page, 3).selectOption({ label: "Annan händelse" });
    expect(await has(3, "Vilken händelse?")).toBe(true);
    expect(await has(1, "Vilken händelse?")).toBe(false);
    await done(page);
  });

  it("keeps the answer of a question hidden by another event type", async () => {
    const page = await open(LOG);
    await page.getByRole("button", { name: "Lägg till händelse" }).click();
    await eventType(page, 1).selectOption({ label: "Barnförhör hos polisen" });
    await row(page, 1).getByLabel("Deltagare i medhörning").fill("Anna, socialtjänsten");
    await eventType(page, 1).selectOption({ label: "Samrådsmöte" });
    expect(await row(page, 1).getByLabel("Deltagare i medhörning").count()).toBe(0);
    await eventType(page, 1).selectOption({ label: "Barnförhör hos polisen" });
    expect(await row(page, 1).getByLabel("Deltagare i medhörning").inputValue()).toBe("Anna, socialtjänsten");
    await done(page);
  });

  it("Ta bort händelse n removes that row and moves focus to the add button", async () => {
    const page = await open(LOG);
    await page.getByRole("button", { name: "Lägg till händelse" }).click();
    await page.getByRole("button", { name: "Lägg till händelse" }).click();
    await row(page, 1).getByRole("textbox", { name: "Beskrivning" }).fill("Första");
    await row(page, 2).getByRole("textbox", { name: "Beskrivning" }).fill("Andra");
    await page.getByRole("button", { name: "Ta bort händelse 1" }).click();
    expect(await row(page, 2).count()).toBe(0);
    expect(await row(page, 1).getByRole("textbox", { name: "Beskrivning" }).inputValue()).toBe("Andra");
    expect(await focusedId(page)).toBe(ID.handelserAdd);
    await done(page);
  });
  it("after Ta bort händelse 1, the row that moved up shows no errors earned by the removed row", async () => {
    const page = await open(LOG);
    await page.getByRole("button", { name: "Lägg till händelse" }).click();
    await page.getByRole("button", { name: "Lägg till händelse" }).click();
    // Row 1: a choice made and taken back, so its error shows. Row 2: never touched.
    await eventType(page, 1).selectOption({ label: "Samrådsmöte" });
    await eventType(page, 1).selectOption({ label: "Välj" });
    await page.locator("#bf_2fhandelser_2f0_2fhandelsetyp-error").waitFor();
    expect(await page.locator("#bf_2fhandelser_2f1_2fhandelsetyp-error").count()).toBe(0);
    await page.getByRole("button", { name: "Ta bort händelse 1" }).click();
    await expect.poll(() => row(page, 2).count()).toBe(0);
    // The old row 2 is row 1 now; it was never touched, so it shows no error yet.
    expect(await page.locator("#bf_2fhandelser_2f0_2fhandelsetyp").count()).toBe(1);
    expect(await page.locator("#bf_2fhandelser_2f0_2fhandelsetyp-error").count()).toBe(0);
    expect(await eventType(page, 1).getAttribute("aria-invalid")).toBeNull();
    await done(page);
  });
});

describe("other tables", () => {
  const docOf = (page: Page) => page.evaluate(() => (window as unknown as { __doc: Record<string, unknown> }).__doc);

  it("a list of plain values (SUE goals) has a row per value; a table inside a row (FIA sub-goals) has its own rows", async () => {
    const sue = await open("instrument=sue@1.0.0&guided=0&drafts=0");
    await sue.getByRole("button", { name: "Lägg till mål" }).click();
    // The new row's only field is the value itself, labelled by the list's item title.
    expect(await focusedId(sue)).toBe("bf_2fforeInsats_2fmalSatta_2f0");
    await sue.keyboard.type("Eget boende");
    expect(await sue.getByRole("group", { name: "Mål 1", exact: true }).getByRole("textbox", { name: "Mål" }).inputValue()).toBe("Eget boende");
    expect((await docOf(sue)).foreInsats).toEqual({ malSatta: ["Eget boende"] });
    await done(sue);

    const fia = await open("instrument=fia@1.0.0&guided=0&drafts=0");
    await fia.getByRole("button", { name: "Lägg till mål" }).click();
    await fia.keyboard.type("Eget kontrakt");
    const goal = fia.getByRole("group", { name: "Mål 1", exact: true });
    await goal.getByRole("button", { name: "Lägg till delmål" }).click();
    expect(await focusedId(fia)).toBe("bf_2fplan_2fmal_2f0_2fdelmal_2f0_2fbeskrivning");
    await fia.keyboard.type("Ringa hyresvärden");
    expect(await goal.getByRole("group", { name: "Delmål 1", exact: true }).getByRole("button", { name: "Ta bort delmål 1" }).count()).toBe(1);
    expect((await docOf(fia)).plan).toEqual({ mal: [{ mal: "Eget kontrakt", delmal: [{ beskrivning: "Ringa hyresvärden" }] }] });
    await done(fia);
  });
});

describe("drafts", () => {
  const KEY = "blankett:draft:barnahuslogg@1.0.0";
  const draftOf = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);

  it("autosave under blankett:draft:<ref> and come back after a reload", async () => {
    const page = await open(LOG);
    await page.locator(`#${ID.fornamn}`).fill("Moa");
    await page.getByRole("button", { name: "Lägg till händelse" }).click();
    await page.getByRole("combobox", { name: "Händelse", exact: true }).selectOption({ label: "Samrådsmöte" });
    await expect.poll(async () => JSON.parse((await draftOf(page)) ?? "null")?.value?.handelser?.[0]?.handelsetyp, { timeout: 3000 }).toBe("samradsmote");
    const draft = JSON.parse((await draftOf(page))!) as { schema: string; savedAt: string; value: { barn: { fornamn: string } } };
    expect(draft.schema).toBe("barnahuslogg@1.0.0");
    expect(Number.isNaN(Date.parse(draft.savedAt))).toBe(false);
    expect(draft.value.barn.fornamn).toBe("Moa");
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await page.locator(`#${ID.fornamn}`).waitFor();
    expect(await page.locator(`#${ID.fornamn}`).inputValue()).toBe("Moa");
    expect(await page.getByRole("combobox", { name: "Händelse", exact: true }).inputValue()).not.toBe("");
    expect(await page.getByRole("group", { name: "Händelse 1" }).getByLabel("Syfte med mötet").count()).toBe(1);
    expect(await page.getByRole("status").filter({ hasText: "utkast" }).count()).toBe(1);
    await done(page);
  });

  it("are cleared by a successful submit, which sends the complete document", async () => {
    const page = await open(LOG + "&value=moa");
    const moa = readJson<Record<string, unknown>>(join(FIXTURES, "barnahuslogg/valid/moa.json"));
    await page.locator(`#${ID.boende}`).fill("mamma och pappa i Malmö");
    await expect.poll(() => draftOf(page), { timeout: 3000 }).not.toBeNull();
    await page.getByRole("button", { name: "Skicka" }).click();
    await expect.poll(() => submitted(page)).not.toBeNull();
    const doc = (await submitted(page))!;
    expect(doc).toEqual({ ...moa, meta: { schema: "barnahuslogg@1.0.0", status: "complete" }, barn: { ...(moa.barn as object), boende: "mamma och pappa i Malmö" } });
    expect(await draftOf(page)).toBeNull();
    await page.waitForTimeout(500);
    expect(await draftOf(page)).toBeNull();
    await done(page);
  });

  it("from another version are not loaded; the form says one exists", async () => {
    const page = await open(LOG);
    await page.evaluate(() =>
      localStorage.setItem(
        "blankett:draft:barnahuslogg@0.9.0",
        JSON.stringify({ schema: "barnahuslogg@0.9.0", savedAt: "2024-05-01T10:00:00.000Z", value: { barn: { fornamn: "Gammal" } } }),
      ),
    );
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    const notice = page.getByRole("status").filter({ hasText: "Ett utkast från version 0.9.0 finns" });
    await notice.waitFor();
    expect(await page.locator(`#${ID.fornamn}`).inputValue()).toBe("");
    await done(page);
  });
});

describe("drafts from an older version", () => {
  const OLD = FIA_1_0_DRAFT;

  it("are offered in the form's version, moved with the migrations, and keep what has no place", async () => {
    const page = await open("instrument=fia@2.0.0");
    await page.evaluate((old) => localStorage.setItem("blankett:draft:fia@1.0.0", JSON.stringify(old)), OLD);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    const notice = page.getByRole("status").filter({ hasText: "Ett utkast från version 1.0.0 finns" });
    await expect(notice.textContent()).resolves.toContain("Du kan öppna det i version 2.0.0.");
    expect(await page.getByLabel("Intervjuare").inputValue()).toBe("");
    await page.getByRole("button", { name: "Öppna utkastet i version 2.0.0" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByLabel("Intervjuare").inputValue()).toBe("Sara");
    await expect(page.locator("#bf-notice").textContent()).resolves.toContain(
      MOVED_FIA_NOTICE,
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("bf-notice");
    await expectMovedFiaDraft(page);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await expect.poll(() => page.getByLabel("Intervjuare").inputValue()).toBe("Sara");
    expect(await page.getByRole("button", { name: /Öppna utkastet/ }).count()).toBe(0);
    await done(page);
  });
});

describe("schema strings are text", () => {
  it("labels, help and options carrying HTML are shown as text and never run", async () => {
    const page = await open("instrument=hostile@1.0.0&guided=0");
    const root = page.locator(".bf-root");
    expect(await root.locator("img, script, a[href^='javascript']").count()).toBe(0);
    expect(await root.innerText()).toContain('<img src="x" onerror="window.__pwned = 2">Namn');
    expect(await root.innerText()).toContain("<a href='javascript:alert(1)'>hjälp</a>");
    await page.getByRole("button", { name: "Skicka" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await done(page);
  });
});
