import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { CSP } from "../../examples/embed/serve.ts";
import { FIXTURES, ROOT, FIA_1_0_DRAFT } from "../helpers.ts";
import { MOVED_FIA_NOTICE, expectMovedFiaDraft } from "./drafts.ts";
import { axeUnderCsp, setUpLit, watchedPage, type LitSetup } from "./lit-helpers.ts";

/**
 * <blankett-form> on its own: events, form association, errors and focus, tables, guided
 * interview, drafts, the child view. Each test gets a fresh browser context (own localStorage)
 * and a blank page served with the strict CSP that loads the built bundle.
 */
let lit: LitSetup;

beforeAll(async () => {
  lit = await setUpLit(["blankett-form.js", "blankett-sue-1.0.0.js", "blankett-fia-1.0.0.js"]);
}, 120_000);

afterAll(async () => {
  await lit?.close();
});

const fixture = (path: string) => JSON.parse(readFileSync(join(FIXTURES, path), "utf8")) as Record<string, unknown>;

interface Recorded {
  type: string;
  detail: Record<string, unknown> & { value?: Record<string, unknown> };
}

interface Mount {
  attrs?: Record<string, string>;
  value?: unknown;
  /** Put the element in a <form id="host"> with a plain input, as a case system would. */
  inForm?: boolean;
  /** Wait for the form to render (false: the instrument is not there yet). */
  wait?: boolean;
}

/** A blank same-origin page under the strict CSP with the bundle loaded. */
async function blankPage(): Promise<{ page: Page; close: () => Promise<void>; problems: () => Promise<string[]> }> {
  const watched = await watchedPage(lit.browser);
  const { page } = watched;
  const url = lit.server.url + "test.html";
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": CSP },
      body: '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Test</title><script type="module" src="/dist/blankett-form.js"></script></head><body><main></main></body></html>',
    }),
  );
  await page.goto(url);
  await page.evaluate(() => customElements.whenDefined("blankett-form"));
  return { page, close: () => watched.context.close(), problems: watched.problems };
}

/** Creates the element (listeners first, so the first validity event is recorded too). */
async function mount(page: Page, options: Mount): Promise<void> {
  await page.evaluate(({ attrs, value, inForm }) => {
    const w = window as unknown as { events: Array<{ type: string; detail: unknown }> };
    w.events = [];
    const el = document.createElement("blankett-form");
    for (const [k, v] of Object.entries(attrs ?? {})) el.setAttribute(k, v);
    for (const type of ["blankett-change", "blankett-submit", "blankett-validity"]) {
      el.addEventListener(type, (e) => w.events.push({ type, detail: JSON.parse(JSON.stringify((e as CustomEvent).detail)) }));
    }
    if (value !== undefined) (el as unknown as { value: unknown }).value = value;
    const main = document.querySelector("main")!;
    if (inForm) {
      const form = document.createElement("form");
      form.id = "host";
      form.method = "post";
      form.action = "/arende";
      const input = document.createElement("input");
      input.name = "handlaggare";
      input.value = "Kim";
      input.setAttribute("aria-label", "Handläggare");
      form.append(input, el);
      main.append(form);
    } else main.append(el);
  }, options);
  if (options.wait !== false) await page.locator("blankett-form form").waitFor();
}

const events = (page: Page, type?: string): Promise<Recorded[]> =>
  page.evaluate((t) => (window as unknown as { events: Recorded[] }).events.filter((e) => !t || e.type === t), type);

const activeId = (page: Page) => page.evaluate(() => document.querySelector("blankett-form")!.shadowRoot!.activeElement?.id ?? null);

const hostData = (page: Page) =>
  page.evaluate(() => Object.fromEntries([...new FormData(document.getElementById("host") as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)])));

const SUE_REQUIRED_MESSAGES = ["Ange datum när ärendet startade", "Välj kön", "Ange födelseår", "Välj hushållstyp"];

describe("<blankett-form> events", () => {
  it("announces validity first, then each change with the value, and submits a complete document", async () => {
    const { page, close, problems } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0", "no-drafts": "" } });
    const first = await events(page);
    expect(first.map((e) => e.type)).toEqual(["blankett-validity"]);
    expect(first[0]!.detail.valid).toBe(false);
    expect(first[0]!.detail.errorCount).toBe(4);
    expect((first[0]!.detail.errors as Array<{ message: string }>).map((e) => e.message)).toEqual(SUE_REQUIRED_MESSAGES);

    await page.getByLabel("Födelseår").focus();
    await page.keyboard.type("19");
    const changes = await events(page, "blankett-change");
    expect(changes.map((c) => (c.detail.value!.bakgrund as { fodelsear?: number }).fodelsear)).toEqual([1, 19]);
    expect(changes.every((c) => c.detail.valid === false)).toBe(true);
    // "1": the required error becomes a range error (a change); "19": the same error (no event).
    const validity = await events(page, "blankett-validity");
    expect(validity).toHaveLength(2);
    expect((validity[1]!.detail.errors as Array<{ message: string }>).map((e) => e.message)).toEqual([
      "Ange datum när ärendet startade",
      "Välj kön",
      "”Födelseår” får inte vara mindre än 1900",
      "Välj hushållstyp",
    ]);

    await page.evaluate(() => {
      const el = document.querySelector("blankett-form") as unknown as { value: unknown };
      el.value = { meta: { schema: "sue@1.0.0", status: "draft" }, bakgrund: { arendeStart: "2024-03-01", kon: "man", fodelsear: 1985, hushallstyp: "3", stadsdel: "" } };
    });
    await page.getByRole("button", { name: "Skicka" }).click();
    const submitted = await events(page, "blankett-submit");
    expect(submitted).toHaveLength(1);
    // Normalized: the empty text answer is left out; meta says the answers are complete.
    expect(submitted[0]!.detail.value).toEqual({
      meta: { schema: "sue@1.0.0", status: "complete" },
      bakgrund: { arendeStart: "2024-03-01", kon: "man", fodelsear: 1985, hushallstyp: "3" },
    });
    const last = (await events(page, "blankett-validity")).at(-1)!;
    expect(last.detail).toEqual({ valid: true, errorCount: 0, errors: [] });
    expect(await problems()).toEqual([]);
    await close();
  });

  it("emits no submit for invalid answers", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0", "no-drafts": "" } });
    await page.getByRole("button", { name: "Skicka" }).click();
    await page.getByRole("alert").waitFor();
    expect(await events(page, "blankett-submit")).toEqual([]);
    await close();
  });
});

describe("<blankett-form> errors and focus", () => {
  it("shows a field's error only after the person leaves it, linked to the control", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0", "no-drafts": "" } });
    const input = page.getByLabel("Födelseår");
    await input.focus();
    await page.keyboard.type("1");
    await expect(page.locator("#bf_2fbakgrund_2ffodelsear-error").count()).resolves.toBe(0);
    await expect(input.getAttribute("aria-invalid")).resolves.toBeNull();
    await page.keyboard.press("Tab");
    const error = page.locator("#bf_2fbakgrund_2ffodelsear-error");
    await expect(error.textContent()).resolves.toBe("”Födelseår” får inte vara mindre än 1900");
    await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(input.getAttribute("aria-describedby")).resolves.toBe("bf_2fbakgrund_2ffodelsear-help bf_2fbakgrund_2ffodelsear-error");
    await expect(page.locator("#bf_2fbakgrund_2ffodelsear-help").textContent()).resolves.toBe("Bara året, till exempel 1985.");
    // Other questions are still quiet, and no summary appears before a submit attempt.
    await expect(page.locator("#bf_2fbakgrund_2fkon-error").count()).resolves.toBe(0);
    await expect(page.getByRole("alert").count()).resolves.toBe(0);
    // Fixing the answer removes the error at once.
    await input.focus();
    await page.keyboard.type("985");
    await expect(error.count()).resolves.toBe(0);
    await close();
  });

  it("after a failed submit lists every error as a link, focuses the first, and each link its field", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0", "no-drafts": "" } });
    await page.getByRole("button", { name: "Skicka" }).click();
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("heading", { name: "Det här behöver rättas" }).count()).resolves.toBe(1);
    await expect(summary.getByRole("link").allTextContents()).resolves.toEqual(SUE_REQUIRED_MESSAGES);
    await expect.poll(() => activeId(page)).toBe("bf_2fbakgrund_2farendeStart");
    await summary.getByRole("link", { name: "Ange födelseår" }).click();
    await expect.poll(() => activeId(page)).toBe("bf_2fbakgrund_2ffodelsear");
    // The radio group's link leads to its first option.
    await summary.getByRole("link", { name: "Välj kön" }).press("Enter");
    await expect.poll(() => activeId(page)).toBe("bf_2fbakgrund_2fkon");
    await expect(page.getByRole("radio", { name: "Kvinna" }).getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByRole("radio", { name: "Kvinna" }).getAttribute("aria-required")).resolves.toBe("true");
    expect(await axeUnderCsp(page)).toEqual([]);
    await close();
  });
});

describe("<blankett-form> form association", () => {
  const partial = { meta: { schema: "sue@1.0.0", status: "draft" }, bakgrund: { fodelsear: 1970, kon: "kvinna" } };

  it("submits its JSON under its name, follows edits, and resets to the value the page set", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0", name: "svar", "no-drafts": "" }, value: partial, inForm: true });
    expect(await page.evaluate(() => (document.querySelector("blankett-form") as unknown as { form: HTMLFormElement | null }).form?.id)).toBe("host");
    const initial = await hostData(page);
    expect(initial.handlaggare).toBe("Kim");
    expect(JSON.parse(initial.svar!)).toEqual(partial);
    await page.getByLabel("Hushållstyp").selectOption("5");
    expect(JSON.parse((await hostData(page)).svar!).bakgrund).toEqual({ fodelsear: 1970, kon: "kvinna", hushallstyp: "5" });
    await page.evaluate(() => (document.getElementById("host") as HTMLFormElement).reset());
    await expect.poll(async () => (await hostData(page)).svar).toBe(initial.svar);
    await expect(page.getByLabel("Hushållstyp").inputValue()).resolves.toBe("");
    await expect(page.getByLabel("Födelseår").inputValue()).resolves.toBe("1970");
    await close();
  });

  it("blocks the page form with a Swedish message while invalid", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0", name: "svar", "no-drafts": "" }, value: partial, inForm: true });
    const state = await page.evaluate(() => {
      const form = document.getElementById("host") as HTMLFormElement;
      const el = document.querySelector("blankett-form") as unknown as { validity: ValidityState; validationMessage: string; willValidate: boolean };
      return { form: form.checkValidity(), valid: el.validity.valid, custom: el.validity.customError, message: el.validationMessage, willValidate: el.willValidate };
    });
    expect(state).toEqual({
      form: false,
      valid: false,
      custom: true,
      message: "Det här behöver rättas: Ange datum när ärendet startade (och 1 till)",
      willValidate: true,
    });
    // A silent checkValidity() by the page reveals no errors.
    await expect(page.getByRole("alert").count()).resolves.toBe(0);
    await close();
  });

  it("is disabled with a disabled fieldset around it and leaves the form data", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0", name: "svar", "no-drafts": "" }, value: partial, inForm: true });
    await page.evaluate(() => {
      const el = document.querySelector("blankett-form")!;
      const fieldset = document.createElement("fieldset");
      el.before(fieldset);
      fieldset.append(el);
      fieldset.disabled = true;
    });
    await expect.poll(() => page.getByLabel("Födelseår").isDisabled()).toBe(true);
    await expect(page.getByRole("button", { name: "Skicka" }).isDisabled()).resolves.toBe(true);
    expect(Object.keys(await hostData(page))).toEqual(["handlaggare"]);
    await page.evaluate(() => ((document.querySelector("fieldset") as HTMLFieldSetElement).disabled = false));
    await expect.poll(() => page.getByLabel("Födelseår").isDisabled()).toBe(false);
    await close();
  });

  it("submits the page form from its own Skicka unless blankett-submit is cancelled", async () => {
    const { page, close } = await blankPage();
    const complete = { meta: { schema: "sue@1.0.0", status: "draft" }, bakgrund: { arendeStart: "2024-01-02", kon: "kvinna", fodelsear: 1970, hushallstyp: "5" } };
    await mount(page, { attrs: { instrument: "sue@1.0.0", name: "svar", "no-drafts": "" }, value: complete, inForm: true });
    await page.evaluate(() => {
      const w = window as unknown as { hostSubmits: string[] };
      w.hostSubmits = [];
      document.getElementById("host")!.addEventListener("submit", (e) => {
        e.preventDefault();
        w.hostSubmits.push(String(new FormData(e.target as HTMLFormElement).get("svar")));
      });
    });
    await page.getByRole("button", { name: "Skicka" }).click();
    const sent = await page.evaluate(() => (window as unknown as { hostSubmits: string[] }).hostSubmits);
    expect(sent.map((s) => JSON.parse(s))).toEqual([{ ...complete, meta: { schema: "sue@1.0.0", status: "complete" } }]);
    await page.evaluate(() => document.querySelector("blankett-form")!.addEventListener("blankett-submit", (e) => e.preventDefault()));
    await page.getByRole("button", { name: "Skicka" }).click();
    expect(await page.evaluate(() => (window as unknown as { hostSubmits: string[] }).hostSubmits.length)).toBe(1);
    expect(await events(page, "blankett-submit")).toHaveLength(2);
    await close();
  });

  it("keeps a value the page set before the bundle loaded", async () => {
    const watched = await watchedPage(lit.browser);
    const { page } = watched;
    const url = lit.server.url + "early.html";
    const headers = { "Content-Security-Policy": CSP };
    await page.route(url, (route) =>
      route.fulfill({
        headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
        body: '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Test</title></head><body><blankett-form instrument="sue@1.0.0" no-drafts></blankett-form><script src="/early.js"></script><script type="module" src="/dist/blankett-form.js"></script></body></html>',
      }),
    );
    await page.route(lit.server.url + "early.js", (route) =>
      route.fulfill({
        headers: { ...headers, "Content-Type": "text/javascript" },
        body: 'document.querySelector("blankett-form").value = { meta: { schema: "sue@1.0.0", status: "draft" }, bakgrund: { fodelsear: 1961 } };',
      }),
    );
    await page.goto(url);
    await page.locator("blankett-form form").waitFor();
    await expect(page.getByLabel("Födelseår").inputValue()).resolves.toBe("1961");
    expect(await watched.problems()).toEqual([]);
    await watched.context.close();
  });

  it("works with two one-instrument bundles on the same page", async () => {
    const watched = await watchedPage(lit.browser);
    const { page } = watched;
    const url = lit.server.url + "two.html";
    await page.route(url, (route) =>
      route.fulfill({
        headers: { "Content-Security-Policy": CSP, "Content-Type": "text/html; charset=utf-8" },
        body:
          '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Test</title>' +
          '<script type="module" src="/dist/blankett-sue-1.0.0.js"></script><script type="module" src="/dist/blankett-fia-1.0.0.js"></script></head>' +
          '<body><main><blankett-form instrument="sue@1.0.0" no-drafts></blankett-form><blankett-form instrument="fia@1.0.0" guided="false" no-drafts></blankett-form></main></body></html>',
      }),
    );
    await page.goto(url);
    // The FIA form is drawn by the elements the SUE bundle defined, with FIA's validator from the other bundle.
    const fia = page.locator("blankett-form[instrument='fia@1.0.0']");
    await fia.getByLabel("Datum för intervjun").waitFor();
    await fia.getByRole("button", { name: "Skicka" }).click();
    await expect(fia.getByRole("alert").getByRole("link").first().textContent()).resolves.toBe("Ange datum för intervjun");
    await expect(page.locator("blankett-form[instrument='sue@1.0.0']").getByLabel("Födelseår").count()).resolves.toBe(1);
    expect(await watched.problems()).toEqual([]);
    await watched.context.close();
  });

  it("is one group named by the form's title, and focusing it focuses its first field", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0", "no-drafts": "" } });
    await expect(page.getByRole("group", { name: "Uppföljning av ekonomiskt bistånd (SUE)", exact: true }).count()).resolves.toBe(1);
    await page.evaluate(() => (document.querySelector("blankett-form") as HTMLElement).focus());
    await expect.poll(() => activeId(page)).toBe("bf_2fbakgrund_2farendenummer");
    await close();
  });
});

describe("<blankett-form> questions", () => {
  it("adds a row with focus on its first field and removes it with focus on the add button", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0", "no-drafts": "" } });
    await page.getByRole("button", { name: "Lägg till insats" }).click();
    const row = page.getByRole("group", { name: "Insats 1", exact: true });
    await expect(row.count()).resolves.toBe(1);
    await expect.poll(() => activeId(page)).toBe("bf_2finsatser_2f0_2ftyp");
    await expect(row.getByLabel("Typ av insats").count()).resolves.toBe(1);
    expect(await page.evaluate(() => (document.querySelector("blankett-form") as unknown as { value: { insatser: unknown } }).value.insatser)).toEqual([{}]);
    await row.getByRole("button", { name: "Ta bort insats 1" }).click();
    await expect(row.count()).resolves.toBe(0);
    await expect.poll(() => activeId(page)).toBe("bf_2finsatser-add");
    expect(await page.evaluate(() => (document.querySelector("blankett-form") as unknown as { value: { insatser: unknown } }).value.insatser)).toEqual([]);
    await close();
  });

  it("asks a conditional question only while its condition holds, keeping its answer", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0", "no-drafts": "" } });
    const reason = page.getByLabel("Varför ärendet avslutades");
    await expect(reason.count()).resolves.toBe(0);
    await page.getByLabel("Datum när ärendet avslutades").fill("2024-06-30");
    await reason.selectOption("arbete");
    await page.getByLabel("Datum när ärendet avslutades").fill("");
    await expect(reason.count()).resolves.toBe(0);
    const value = await page.evaluate(() => (document.querySelector("blankett-form") as unknown as { value: { avslutning: unknown } }).value.avslutning);
    expect(value).toEqual({ avslutsorsak: "arbete" });
    await close();
  });

  it("shows schema text as text, never as HTML", async () => {
    const { page, close } = await blankPage();
    const hostile = JSON.parse(readFileSync(join(ROOT, "schemas/sue/1.0.0.schema.json"), "utf8"));
    hostile.$defs.bakgrund.properties.fodelsear.title = '<img src=x id=pwned onerror="window.pwned=1">Födelseår';
    // Same $id as SUE 1.0.0, so the bundle's precompiled validator serves it.
    await page.evaluate((schema) => {
      const el = document.createElement("blankett-form") as HTMLElement & { schema: unknown };
      el.setAttribute("no-drafts", "");
      el.schema = schema;
      document.querySelector("main")!.append(el);
    }, hostile);
    await page.locator("blankett-form form").waitFor();
    await expect(page.getByLabel('<img src=x id=pwned onerror="window.pwned=1">Födelseår').count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.querySelector("blankett-form")!.shadowRoot!.querySelectorAll("img").length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await close();
  });
});

describe("<blankett-form> instruments", () => {
  it("waits for an instrument registered after it, and refuses a schema it cannot validate", async () => {
    const { page, close } = await blankPage();
    const sue = JSON.parse(readFileSync(join(ROOT, "schemas/sue/1.0.0.schema.json"), "utf8"));
    await mount(page, { attrs: { instrument: "egen@1.0.0", "no-drafts": "" }, wait: false });
    await expect(page.getByRole("status").textContent()).resolves.toBe("Formuläret ”egen@1.0.0” finns inte på den här sidan.");
    expect(await page.evaluate(() => (document.querySelector("blankett-form") as unknown as { checkValidity(): boolean }).checkValidity())).toBe(false);
    // SUE's questions under another name; its $id keeps SUE's precompiled validator. (A string,
    // so the test runner leaves the page's import() alone.)
    const egen = { ...sue, "x-instrument": { ...sue["x-instrument"], name: "egen" } };
    await page.evaluate(`import("/dist/blankett-form.js").then((m) => m.registerInstrument(${JSON.stringify(egen)}))`);
    await expect(page.getByLabel("Födelseår").count()).resolves.toBe(1);

    await page.evaluate((schema) => {
      const el = document.createElement("blankett-form") as HTMLElement & { schema: unknown };
      el.id = "okand";
      el.setAttribute("no-drafts", "");
      el.schema = { ...schema, $id: "https://blankett.example/schemas/okand/1.0.0", "x-instrument": { ...schema["x-instrument"], name: "okand" } };
      document.querySelector("main")!.append(el);
    }, sue);
    await expect(page.locator("#okand").getByRole("status").textContent()).resolves.toBe("Formuläret kunde inte laddas.");
    expect(await page.evaluate(() => (document.getElementById("okand") as unknown as { validationMessage: string }).validationMessage)).toBe("Formuläret kunde inte laddas");
    await close();
  });
});

describe("<blankett-form> guided interview (FIA)", () => {
  it("shows one section per step with progress, and a summary step with the profile and the judgement", async () => {
    const { page, close, problems } = await blankPage();
    await mount(page, { attrs: { instrument: "fia@1.0.0", "no-drafts": "" }, value: fixture("fia/valid/interview-1.json") });
    await expect(page.getByText("Steg 1 av 7: Om intervjun").count()).resolves.toBe(1);
    await expect(page.locator("blankett-form progress").evaluate((p: HTMLProgressElement) => [p.value, p.max])).resolves.toEqual([1, 7]);
    await expect(page.getByLabel("Datum för intervjun").inputValue()).resolves.toBe("2024-10-08");
    await expect(page.getByLabel("Vad vill du göra i framtiden?").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Föregående" }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Skicka" }).count()).resolves.toBe(0);

    await page.getByRole("button", { name: "Nästa" }).click();
    await expect(page.getByText("Steg 2 av 7: Din sociala livssituation").count()).resolves.toBe(1);
    await expect.poll(() => activeId(page)).toBe("bf_2flivssituation-title");
    for (let i = 0; i < 6; i++) await page.getByRole("button", { name: "Nästa" }).click();
    await expect(page.getByText("Sammanfattning efter steg 7 av 7").count()).resolves.toBe(1);
    await expect.poll(() => activeId(page)).toBe("blankett-guided-summary-title");

    const profile = page.locator("blankett-form table[data-summary='profil']");
    await expect(profile.locator("caption").textContent()).resolves.toBe("Sammanställning per livsområde");
    await expect(profile.locator("thead th").allTextContents()).resolves.toEqual(["Område", "Gäller", "Problemstorlek", "Klientens rang"]);
    const boende = profile.locator("tbody tr").filter({ has: page.locator("th", { hasText: /^Boende$/ }) });
    await expect(boende.locator("td").allTextContents()).resolves.toEqual(["Ja", "Måttligt problem", "4"]);
    await expect(page.locator("blankett-form ol.ranking li").allTextContents()).resolves.toEqual(["Skulder", "Psykisk hälsa", "Socialt nätverk", "Boende"]);
    const judgement = page.locator("blankett-form table[part='judgement-table'] tbody tr");
    await expect(judgement.first().locator("th, td").allTextContents()).resolves.toEqual(["Indikation: socialt stödbehov", "Ja", "Ja"]);
    await expect(page.locator("blankett-form [data-result='kategori'] dd").textContent()).resolves.toBe("Stödbehov i arbete och socialt");
    await expect(page.getByRole("button", { name: "Skicka" }).count()).resolves.toBe(1);
    expect(await axeUnderCsp(page)).toEqual([]);
    expect(await problems()).toEqual([]);
    await close();
  });

  it("shows every section on one page with guided=\"false\"", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "fia@1.0.0", guided: "false", "no-drafts": "" } });
    await expect(page.getByLabel("Datum för intervjun").count()).resolves.toBe(1);
    await expect(page.getByLabel("Vad vill du göra i framtiden?").count()).resolves.toBe(1);
    await expect(page.locator("blankett-form progress").count()).resolves.toBe(0);
    await close();
  });

  it("on a failed submit goes to the step of the first error", async () => {
    const { page, close } = await blankPage();
    const doc = fixture("fia/valid/interview-1.json") as { bedomning: Record<string, unknown> };
    delete doc.bedomning.motivering;
    await mount(page, { attrs: { instrument: "fia@1.0.0", "no-drafts": "" }, value: doc });
    for (let i = 0; i < 7; i++) await page.getByRole("button", { name: "Nästa" }).click();
    await page.getByRole("button", { name: "Skicka" }).click();
    await expect.poll(() => activeId(page)).toBe("bf_2fbedomning_2fmotivering");
    await expect(page.getByText("Steg 5 av 7: Sammanlagd bedömning").count()).resolves.toBe(1);
    await close();
  });
});

describe("<blankett-form> drafts", () => {
  it("saves answers and the step and restores them on the next visit", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "fia@1.0.0" } });
    await page.getByLabel("Intervjuare").fill("Sara");
    await page.getByRole("button", { name: "Nästa" }).click();
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem("blankett:draft:fia@1.0.0") ?? "null")))
      .toMatchObject({ schema: "fia@1.0.0", step: 1, value: { intervju: { intervjuare: "Sara" } } });
    await page.reload();
    await mount(page, { attrs: { instrument: "fia@1.0.0" } });
    await expect(page.getByText("Steg 2 av 7: Din sociala livssituation").count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Föregående" }).click();
    await expect(page.getByLabel("Intervjuare").inputValue()).resolves.toBe("Sara");
    await close();
  });

  it("clears the draft after a successful submit", async () => {
    const { page, close } = await blankPage();
    await mount(page, { attrs: { instrument: "sue@1.0.0" } });
    await page.getByLabel("Datum när ärendet startade").fill("2024-03-01");
    await page.getByRole("radio", { name: "Man" }).check();
    await page.getByLabel("Födelseår").fill("1985");
    await page.getByLabel("Hushållstyp").selectOption("3");
    await expect.poll(() => page.evaluate(() => localStorage.getItem("blankett:draft:sue@1.0.0"))).not.toBeNull();
    await page.getByRole("button", { name: "Skicka" }).click();
    expect(await events(page, "blankett-submit")).toHaveLength(1);
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => localStorage.getItem("blankett:draft:sue@1.0.0"))).toBeNull();
    await close();
  });

  it("does not load a draft from another version silently, and says so", async () => {
    const { page, close } = await blankPage();
    await page.evaluate(() =>
      localStorage.setItem(
        "blankett:draft:fia@0.9.0",
        JSON.stringify({ schema: "fia@0.9.0", savedAt: "2024-01-01T10:00:00.000Z", value: { intervju: { intervjuare: "Gammal" } } }),
      ),
    );
    await mount(page, { attrs: { instrument: "fia@1.0.0" } });
    await expect(page.getByRole("status").filter({ hasText: "Ett utkast från version 0.9.0 finns" }).count()).resolves.toBe(1);
    await expect(page.getByLabel("Intervjuare").inputValue()).resolves.toBe("");
    await close();
  });
});

describe("<blankett-form> drafts from an older version", () => {
  const OLD = FIA_1_0_DRAFT;

  it("offers to open it in the form's version, moves the answers with the migrations, and keeps what has no place", async () => {
    const { page, close, problems } = await blankPage();
    await page.evaluate((old) => localStorage.setItem("blankett:draft:fia@1.0.0", JSON.stringify(old)), OLD);
    await mount(page, { attrs: { instrument: "fia@2.0.0" } });
    const notice = page.getByRole("status").filter({ hasText: "Ett utkast från version 1.0.0 finns" });
    await expect(notice.textContent()).resolves.toContain("Du kan öppna det i version 2.0.0.");
    await expect(page.getByLabel("Intervjuare").inputValue()).resolves.toBe("");
    // By keyboard: the button is an ordinary button in the notice.
    await page.getByRole("button", { name: "Öppna utkastet i version 2.0.0" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByLabel("Intervjuare").inputValue()).toBe("Sara");
    await expect(page.getByRole("status").first().textContent()).resolves.toContain(
      MOVED_FIA_NOTICE,
    );
    await expect.poll(() => activeId(page)).toBe("blankett-notice");
    await expectMovedFiaDraft(page);
    // The next visit opens the moved draft directly, with no notice.
    await page.reload();
    await mount(page, { attrs: { instrument: "fia@2.0.0" } });
    await expect(page.getByLabel("Intervjuare").inputValue()).resolves.toBe("Sara");
    await expect(page.getByRole("button", { name: "Öppna utkastet i version 2.0.0" }).count()).resolves.toBe(0);
    expect(await problems()).toEqual([]);
    await close();
  });

  it("does not offer to open a draft from a newer version", async () => {
    const { page, close } = await blankPage();
    await page.evaluate((old) => localStorage.setItem("blankett:draft:fia@2.0.0", JSON.stringify({ ...old, schema: "fia@2.0.0" })), OLD);
    await mount(page, { attrs: { instrument: "fia@1.0.0" } });
    await expect(page.getByRole("status").filter({ hasText: "Ett utkast från version 2.0.0 finns. Det kan inte öppnas i version 1.0.0" }).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: /Öppna utkastet/ }).count()).resolves.toBe(0);
    await close();
  });
});

describe("<blankett-form view=\"child\">", () => {
  it("shows the child's log as text: title, tables with column headers, no controls", async () => {
    const { page, close, problems } = await blankPage();
    await page.evaluate((value) => {
      const el = document.createElement("blankett-form") as HTMLElement & { value: unknown };
      el.setAttribute("instrument", "barnahuslogg@1.0.0");
      el.setAttribute("view", "child");
      el.setAttribute("no-drafts", "");
      el.value = value;
      document.querySelector("main")!.append(el);
    }, fixture("barnahuslogg/valid/moa.json"));
    await page.getByRole("heading", { level: 1, name: "Moas väg genom barnahus" }).waitFor();
    const people = page.getByRole("table").filter({ has: page.getByRole("cell", { name: "Therese" }) });
    await expect(people.getByRole("columnheader", { name: "Namn" }).getAttribute("scope")).resolves.toBe("col");
    await expect(page.getByRole("textbox").count()).resolves.toBe(0);
    await expect(page.getByRole("button").count()).resolves.toBe(0);
    expect(await axeUnderCsp(page)).toEqual([]);
    expect(await problems()).toEqual([]);
    await close();
  });
});
