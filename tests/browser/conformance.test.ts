/**
 * The renderer conformance suite: the same answers, typed by keyboard only, into the React and the
 * Lit renderer, must show the same questions in the same Tab order, the same Swedish errors, move
 * focus the same way, compute the same results and submit the same document — and pass axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { SOURCE_RESOLVE } from "./react-page.ts";
import react from "@vitejs/plugin-react";
import { join } from "node:path";
import { buildFormModel, computeFormState, fieldId, initialDocument, pointerOf, schemaAt, setIn, validatorFor, type FormNode, type JsonSchema } from "../../engine/compiler.ts";
import { readdirSync } from "node:fs";
import { readJson, ROOT, schema } from "../helpers.ts";
import { launchBrowser } from "./harness.ts";
import { focused, perform, tabOrder, type Step } from "./keyboard.ts";
import { axeViolations } from "./axe.ts";

const RENDERERS = ["react", "lit"] as const;

interface Scenario {
  ref: string;
  steps: Step[];
  /** Checked by hand against the schema: what the answers above must submit. */
  expected: Record<string, unknown>;
  /** data-result id → text the results section must contain. */
  results?: Record<string, string>;
  /** A question that must appear only after an earlier answer. */
  conditional?: { label: string; after: number };
}

const SCENARIOS: Scenario[] = [
  {
    ref: "sue@1.0.0",
    steps: [
      { date: "Datum när ärendet startade", iso: "2023-01-10" },
      { choose: "Kön", option: "Kvinna" },
      { type: "Födelseår", text: "1990" },
      { select: "Hushållstyp", option: "Ensamstående kvinna med barn" },
    ],
    expected: { bakgrund: { arendeStart: "2023-01-10", kon: "kvinna", fodelsear: 1990, hushallstyp: "6" } },
  },
  {
    ref: "fia@1.0.0",
    steps: [
      { date: "Datum för intervjun", iso: "2025-02-03" },
      { choose: "I vilken omfattning har du problem med ditt boende?", option: "I viss omfattning" },
      { choose: "Hur stort problem är det för dig?", option: "Måttligt problem" },
      ...[
        "I vilken omfattning har du problem i din situation hemma?",
        "I vilken omfattning saknar du människor att umgås med eller få stöd av?",
        "I vilken omfattning har du problem med din kroppsliga hälsa?",
        "I vilken omfattning har du problem med din psykiska hälsa?",
        "I vilken omfattning påverkas du av en funktionsnedsättning?",
        "I vilken omfattning har alkohol eller droger ställt till problem för dig?",
        "I vilken omfattning har spel, mat eller internet ställt till problem för dig?",
        "I vilken omfattning påverkar våld eller tvång som du varit med om ditt liv i dag?",
        "I vilken omfattning påverkar brott som du har blivit utsatt för ditt liv i dag?",
        "I vilken omfattning påverkar en rättslig situation ditt liv i dag?",
        "I vilken omfattning har du problem med skulder?",
        "I vilken omfattning påverkas du av problem som någon närstående har?",
      ].map((q): Step => ({ choose: q, option: "Inte alls" })),
      { choose: "Är du förälder?", option: "Nej" },
      { choose: "Har du en tydlig bild av vad du vill göra i framtiden?", option: "Ja" },
      { select: "Vilken är din högsta utbildning?", option: "Gymnasium eller motsvarande" },
      { check: "Vad skulle du vilja göra i en arbetsmarknadsinsats?", option: "Arbetspraktik" },
      { choose: "Vad tycker du om de krav som socialtjänsten ställer på dig?", option: "Lagom" },
      { choose: "Har klienten behov av stöd för att kunna arbeta?", option: "Ja" },
      { choose: "Har klienten behov av socialt stöd?", option: "Ja" },
      { type: "Motivering", text: "Behöver stöd med boendet." },
      // The client's ranking: pick two areas, then put the second first (Tab wraps back to its button).
      { press: "Lägg till Boende" },
      { press: "Lägg till Skulder" },
      { press: "Flytta upp Skulder" },
      { press: "Lägg till mål" },
      { type: "Mål", text: "Få ett eget kontrakt." },
    ],
    conditional: { label: "Hur stort problem är det för dig?", after: 1 },
    expected: {
      intervju: { datum: "2025-02-03" },
      livssituation: {
        boende: { omfattning: "viss", problemstorlek: "mattligt" },
        situationenHemma: { omfattning: "ingen" },
        socialtNatverk: { omfattning: "ingen" },
        halsa: { kroppsligHalsa: { omfattning: "ingen" }, psykiskHalsa: { omfattning: "ingen" }, funktionsnedsattning: { omfattning: "ingen" } },
        alkoholDroger: { omfattning: "ingen" },
        ovrigaBeroenden: { omfattning: "ingen" },
        overgreppTvang: { omfattning: "ingen" },
        utsatthetBrott: { omfattning: "ingen" },
        rattsligSituation: { omfattning: "ingen" },
        skulder: { omfattning: "ingen" },
        narstaendesProblem: { omfattning: "ingen" },
        barnensSituation: { arForalder: false },
      },
      arbete: { tydligBildAvFramtiden: "ja", utbildning: "gymnasium" },
      insatserKrav: { onskadeInsatser: ["arbetspraktik"], synPaKrav: "lagom" },
      bedomning: { stodbehovArbete: true, socialtStodbehov: true, motivering: "Behöver stöd med boendet." },
      sammanstallning: { klientensRangordning: ["skulder", "boende"] },
      plan: { mal: [{ mal: "Få ett eget kontrakt." }] },
    },
    results: { kategori: "Stödbehov i arbete och socialt", indikationSocialt: "Ja", indikationArbete: "Nej" },
  },
  {
    ref: "barnahuslogg@1.0.0",
    steps: [
      { type: "Förnamn", text: "Moa" },
      { type: "Ålder", text: "5" },
      { type: "Bor med", text: "mamma och pappa" },
      { press: "Lägg till person" },
      { type: "Namn", text: "Anna" },
      { select: "Roll", option: "Socialsekreterare" },
      { press: "Lägg till händelse" },
      { select: "Händelse", option: "Anmälan till socialtjänsten" },
      { type: "Beskrivning", text: "Förskolan ringer socialtjänsten." },
      { select: "Uppgiften lämnades av", option: "Socialtjänsten" },
      { choose: "Vem får läsa det här?", option: "Alla inblandade, även vårdnadshavare" },
      { date: "Utredningen inleddes", iso: "2024-03-01" },
      { type: "Till barnet", text: "Du har varit modig." },
      { press: "Lägg till kontakt" },
      { select: "Myndighet", option: "Socialtjänsten" },
      { type: "Telefon eller annan kontakt", text: "08-123 45 67" },
    ],
    expected: {
      barn: { fornamn: "Moa", alder: 5, boende: "mamma och pappa" },
      personer: [{ namn: "Anna", roll: "socialsekreterare" }],
      handelser: [{ handelsetyp: "anmalan_socialtjansten", beskrivning: "Förskolan ringer socialtjänsten.", uppgiftslamnare: "socialtjansten", synlighet: "alla_inblandade" }],
      utredning: { startdatum: "2024-03-01" },
      avslutning: { halsning: "Du har varit modig.", merInformation: [{ myndighet: "socialtjansten", kontakt: "08-123 45 67" }] },
    },
  },
];

let server: ViteDevServer;
let base: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await createServer({
    root: join(ROOT, "tests/browser/pages/conformance"),
    resolve: SOURCE_RESOLVE,
    plugins: [react()],
    server: { host: "127.0.0.1", port: 0, hmr: false },
    logLevel: "error",
  });
  await server.listen();
  const address = server.httpServer!.address() as { port: number };
  base = `http://127.0.0.1:${address.port}/`;
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "sv-SE" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(renderer: string, ref: string): Promise<Page> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${base}?renderer=${renderer}&instrument=${ref}`);
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  await page.getByRole("button", { name: "Skicka" }).waitFor();
  expect(problems).toEqual([]);
  await page.evaluate(() => localStorage.clear());
  return page;
}

const submitted = async (page: Page) => {
  const text = await page.locator("#submitted").textContent();
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
};

describe.each(SCENARIOS)("conformance: $ref", (scenario) => {
  const s = schema(scenario.ref.split("@")[0]!) as JsonSchema;
  const seen: Record<string, Record<string, unknown>> = {};

  it.each(RENDERERS)("%s: no serious or critical axe violations", async (renderer) => {
    const page = await open(renderer, scenario.ref);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("both renderers show the same questions in the same Tab order", async () => {
    const orders: string[][] = [];
    for (const renderer of RENDERERS) {
      const page = await open(renderer, scenario.ref);
      orders.push(await tabOrder(page));
      await page.close();
    }
    expect(orders[0]!.length).toBeGreaterThan(3);
    expect(orders[1]).toEqual(orders[0]);
  });

  it.each(RENDERERS)("%s: an empty submit shows the engine's errors, in Swedish, and focuses the first", async (renderer) => {
    const page = await open(renderer, scenario.ref);
    await page.getByRole("button", { name: "Skicka" }).click();
    const expected = computeFormState(s, initialDocument(s), { submitted: true }).errors;
    const summary = page.getByRole("alert").filter({ hasText: "Det här behöver rättas" });
    await summary.waitFor();
    const links = await summary.getByRole("link").allTextContents();
    expect(links.map((t) => t.trim())).toEqual(expected.map((e) => e.message));
    expect(await submitted(page)).toBeNull();
    // Focus is on the first invalid question (for a list: its add button or first row field).
    const f = await focused(page);
    expect(f?.id ?? "").toContain(fieldId(expected[0]!.pointer));
    await page.close();
  });

  it.each(RENDERERS)("%s: filled by keyboard only, submits the expected document and results", async (renderer) => {
    const page = await open(renderer, scenario.ref);
    for (const [i, step] of scenario.steps.entries()) {
      if (scenario.conditional && i === scenario.conditional.after) {
        expect(await page.getByText(scenario.conditional.label).count()).toBe(0);
      }
      await perform(page, step);
    }
    if (scenario.conditional) expect(await page.getByText(scenario.conditional.label).count()).toBe(1);
    await perform(page, { press: "Skicka" });
    try {
      await page.waitForFunction(() => (document.querySelector("#submitted")?.textContent ?? "") !== "", undefined, { timeout: 5000 });
    } catch {
      // Say why nothing was submitted: the renderer's own error summary.
      const summary = await page.getByRole("alert").allInnerTexts();
      throw new Error(`Nothing was submitted. Shown: ${summary.join(" | ")}`);
    }
    const doc = (await submitted(page))!;
    expect(validatorFor(s).validate(doc).errors).toEqual([]);
    const { meta, ...answers } = doc;
    expect((meta as { schema: string }).schema).toBe(scenario.ref);
    expect(answers).toEqual(scenario.expected);
    for (const [id, text] of Object.entries(scenario.results ?? {})) {
      expect(await page.locator(`[data-result="${id}"]`).first().textContent()).toContain(text);
    }
    seen[renderer] = doc;
    await page.close();
  }, 180_000);

  it("both renderers submitted the same document", () => {
    expect(Object.keys(seen)).toEqual([...RENDERERS]);
    expect(seen.lit).toEqual(seen.react);
  });
});

describe("conformance: the client's ranking (fia@1.0.0)", () => {
  const status = (page: Page) =>
    page.evaluate(() => {
      const find = (root: Document | ShadowRoot): string | null => {
        const el = root.querySelector('[role="status"][id$="-live"]');
        if (el) return el.textContent?.trim() ?? "";
        for (const host of root.querySelectorAll("*")) if (host.shadowRoot) {
          const hit = find(host.shadowRoot);
          if (hit !== null) return hit;
        }
        return null;
      };
      return find(document);
    });

  it.each(RENDERERS)("%s: focus follows the pressed item, every change is announced, axe passes with items chosen", async (renderer) => {
    const page = await open(renderer, "fia@1.0.0");
    await perform(page, { press: "Lägg till Boende" });
    // Focus stays among the options (the next one), so several can be added in a row.
    expect((await focused(page))?.name).toBe("Lägg till Situationen hemma");
    expect(await status(page)).toBe("Boende är nu nummer 1 av 1.");
    await page.keyboard.press("Enter");
    await perform(page, { press: "Lägg till Skulder" });
    expect(await status(page)).toBe("Skulder är nu nummer 3 av 3.");
    await perform(page, { press: "Flytta upp Skulder" });
    expect((await focused(page))?.name).toBe("Flytta upp Skulder");
    expect(await status(page)).toBe("Skulder är nu nummer 2 av 3.");
    await page.keyboard.press("Enter");
    // At the top "Upp" is disabled: focus moves to "Ner" on the same item.
    expect((await focused(page))?.name).toBe("Flytta ner Skulder");
    expect(await status(page)).toBe("Skulder är nu nummer 1 av 3.");
    await perform(page, { press: "Ta bort Boende" });
    expect((await focused(page))?.name).toBe("Ta bort Situationen hemma");
    expect(await status(page)).toBe("Boende är borttagen. 2 kvar i listan.");
    const items = await page.evaluate(() => {
      const find = (root: Document | ShadowRoot): string[] | null => {
        const ol = root.querySelector("ol[class*=ranking-list]");
        // The rank number is the list marker: an item that is not a list item shows none.
        if (ol) return [...ol.querySelectorAll("li")].map((li) => `${getComputedStyle(li).display === "list-item" ? "numbered" : "no number"}: ${li.querySelector("[class*=ranking-label]")?.textContent?.trim() ?? ""}`);
        for (const host of root.querySelectorAll("*")) if (host.shadowRoot) {
          const hit = find(host.shadowRoot);
          if (hit) return hit;
        }
        return null;
      };
      return find(document);
    });
    expect(items).toEqual(["numbered: Skulder", "numbered: Situationen hemma"]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);
});

describe("conformance: guided steps (fia@2.0.0)", () => {
  it.each(RENDERERS)("%s: a new interview has seven steps; the empty 'moved from an older version' section is none of them", async (renderer) => {
    const page = await context.newPage();
    await page.goto(`${base}?renderer=${renderer}&instrument=fia@2.0.0&guided=1`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await page.evaluate(() => localStorage.clear());
    await page.getByText("Steg 1 av 7: Om intervjun").waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 7; i++) {
      seen.push((await page.getByText(/^(Steg \d+ av \d+|Sammanfattning)/).first().textContent())!.trim());
      await page.getByRole("button", { name: "Nästa" }).click();
    }
    await page.getByText("Sammanfattning efter steg 7 av 7").waitFor();
    expect(seen).toEqual([
      "Steg 1 av 7: Om intervjun",
      "Steg 2 av 7: Din sociala livssituation",
      "Steg 3 av 7: Mål och arbete",
      "Steg 4 av 7: Insatser och krav",
      "Steg 5 av 7: Sammanlagd bedömning",
      "Steg 6 av 7: Sammanställning",
      "Steg 7 av 7: Genomförandeplan",
    ]);
    expect(await page.getByText("Flyttat från en äldre version").count()).toBe(0);
    // And back: "Föregående" from the summary goes to the plan, not to the hidden section.
    await page.getByRole("button", { name: "Föregående" }).click();
    await page.getByText("Steg 7 av 7: Genomförandeplan").waitFor();
    await page.close();
  }, 120_000);
});

/**
 * Bad input in every kind of leaf field, in every schema version: the same Swedish message in
 * both renderers, only once the person has left the field (Tab), and the fields are found by
 * walking the engine's form model rather than by one instrument's paths.
 */
interface BadInput {
  pointer: string;
  label: string;
  text: string;
  /** The table whose add button makes the row this field is in. */
  table?: string;
}

const ALL_SCHEMAS = readdirSync(join(ROOT, "schemas"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(ROOT, "schemas", d.name)).filter((f) => f.endsWith(".schema.json")).map((f) => readJson<JsonSchema>(join(ROOT, "schemas", d.name, f))));
const refOfSchema = (s: JsonSchema) => {
  const [, name, version] = /schemas\/([^/]+)\/([^/]+)$/.exec(String(s.$id))!;
  return `${name}@${version}`;
};

/** The leaf fields shown without any earlier answer that can be given bad text, with the text. */
function badInputs(s: JsonSchema): BadInput[] {
  const out: BadInput[] = [];
  const walk = (node: FormNode, base: string[], table: string | undefined) => {
    if (node.visibleWhen !== undefined || node.widget === "hidden" || node.readonly) return;
    const path = [...base, ...node.path];
    const pointer = pointerOf(path);
    if (node.kind === "group") return node.children?.forEach((c) => walk(c, node.inRow ? base : [], table));
    if (node.kind === "table") {
      // One row of the first table of each kind: its fields are answered like any other.
      if (table || node.children?.some((c) => c.kind !== "scalar" && c.kind !== "group")) return;
      return node.children?.forEach((c) => walk(c, [...path, "0"], pointer));
    }
    const field = schemaAt(s, pointer);
    let text: string | undefined;
    if (node.widget === "number") text = "tre";
    else if (node.widget === "date") text = "2024-02-30";
    else if ((node.widget === "text" || node.widget === "textarea") && typeof field?.pattern === "string") text = "fel form!";
    if (text) out.push({ pointer, label: node.label, text, ...(table ? { table } : {}) });
  };
  for (const section of buildFormModel(s).sections) walk(section, [], undefined);
  return out;
}

/** Whatever the field's error element says now (empty when there is none), through shadow roots. */
const errorOf = (page: Page, id: string) =>
  page.evaluate((id) => {
    const find = (root: Document | ShadowRoot): string | null => {
      const el = root.getElementById(`${id}-error`);
      if (el) return el.textContent?.replace(/\s+/g, " ").trim() ?? "";
      for (const host of root.querySelectorAll("*")) if (host.shadowRoot) {
        const hit = find(host.shadowRoot);
        if (hit !== null) return hit;
      }
      return null;
    };
    return find(document) ?? "";
  }, id);

/** `step` attributes other than numbers or "any" (a boolean flag leaking into the DOM). */
const badSteps = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll("*")) {
        const step = el.getAttribute("step");
        if (step !== null && (step === "true" || step === "false")) found.push(`${el.id}: step="${step}"`);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  });

/** Types into a date field part by part (the browser picks the order of the parts). */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split("-") as [string, string, string];
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  const order = await page.evaluate(() => new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2024, 0, 2)).filter((p) => p.type !== "literal").map((p) => p.type));
  const parts: Record<string, string> = { year, month, day };
  for (const part of order) await page.keyboard.type(parts[part]!);
}

describe("conformance: bad input in leaf fields, every schema version", () => {
  const expectedMessage = (s: JsonSchema, c: BadInput) => {
    let doc = initialDocument(s);
    if (c.table) doc = setIn(doc, c.table.split("/").filter(Boolean), [{}]) as typeof doc;
    doc = setIn(doc, c.pointer.split("/").filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p)), c.text) as typeof doc;
    return computeFormState(s, doc, { submitted: true }).errors.find((e) => e.pointer === c.pointer)?.message;
  };

  it("the sweep covers integer, number and patterned text fields", () => {
    const all = ALL_SCHEMAS.flatMap((s) => badInputs(s).map((c) => ({ s, c })));
    expect(ALL_SCHEMAS.length).toBeGreaterThanOrEqual(6);
    expect(all.some(({ s, c }) => c.text === "tre" && schemaAt(s, c.pointer)?.type === "integer")).toBe(true);
    expect(all.some(({ c }) => c.text === "fel form!")).toBe(true);
    expect(all.some(({ c }) => c.table)).toBe(true);
  });

  it.each(ALL_SCHEMAS.map((s) => [refOfSchema(s), s] as const))("%s: the same message in both renderers, after leaving the field", async (ref, s) => {
    const cases = badInputs(s);
    const shown: Record<string, Record<string, string>> = {};
    const before: Record<string, Record<string, string>> = {};
    const invalid: Record<string, Record<string, boolean>> = {};
    for (const renderer of RENDERERS) {
      const page = await open(renderer, ref);
      expect(await badSteps(page)).toEqual([]);
      shown[renderer] = {};
      before[renderer] = {};
      invalid[renderer] = {};
      // One row in each table first, before any field is touched.
      for (const table of new Set(cases.flatMap((c) => (c.table ? [c.table] : [])))) {
        await page.locator(`[id="${fieldId(table)}-add"]`).click();
        await page.locator(`[id="${fieldId(cases.find((c) => c.table === table)!.pointer)}"]`).waitFor();
      }
      for (const c of cases) {
        const id = fieldId(c.pointer);
        const control = page.locator(`[id="${id}"]`);
        await control.focus();
        if (c.text === "2024-02-30" && (await control.getAttribute("type")) === "date") await typeDate(page, c.text);
        else await page.keyboard.type(c.text);
        before[renderer]![c.pointer] = await errorOf(page, id);
        await page.keyboard.press("Tab");
        await page.waitForTimeout(50);
        shown[renderer]![c.pointer] = await errorOf(page, id);
        // The form is invalid while the bad text is there.
        invalid[renderer]![c.pointer] = (await control.getAttribute("aria-invalid")) === "true";
      }
      expect(await badSteps(page)).toEqual([]);
      await page.close();
    }
    for (const c of cases) {
      const message = expectedMessage(s, c);
      if (c.text === "2024-02-30") {
        // A browser date field (type="date") cannot hold an impossible date: its value stays ""
        // (validity.badInput). Not every renderer reports that yet (a date field's change event
        // also fires while its parts are typed); whatever one says must be the engine's message.
        for (const renderer of RENDERERS) {
          if (shown[renderer]![c.pointer]) expect(shown[renderer]![c.pointer], `${renderer}: ${ref} ${c.pointer} given an impossible date`).toContain(message);
        }
        continue;
      }
      const where = `${ref} ${c.pointer} (${c.label}) given "${c.text}"`;
      expect(message, where).toBeTruthy();
      for (const renderer of RENDERERS) {
        expect(before[renderer]![c.pointer], `${renderer}: ${where}, before leaving`).not.toContain(message);
        expect(shown[renderer]![c.pointer], `${renderer}: ${where}, after leaving`).toContain(message);
        expect(invalid[renderer]![c.pointer], `${renderer}: ${where}, marked invalid`).toBe(true);
      }
      expect(shown.lit![c.pointer], where).toBe(shown.react![c.pointer]);
    }
  }, 300_000);
});

/**
 * The choice kinds of leaf field (single choice as radio or select, multiple choice, a yes/no box,
 * ranking) and table rows: the same action gives the same Swedish message in both renderers at
 * the same time — a choice counts as complete at once, a row's empty fields show on a submit.
 */
interface ChoiceCase {
  pointer: string;
  widget: string;
  /** Option indices pressed in order (a box or ranking item pressed twice is taken back). */
  presses: number[];
  /** The answer those presses leave, for the engine's expected message. */
  value: unknown;
}

function choiceCases(s: JsonSchema): ChoiceCase[] {
  const out: ChoiceCase[] = [];
  const walk = (node: FormNode, base: string[]) => {
    if (node.visibleWhen !== undefined || node.widget === "hidden" || node.readonly || node.kind === "table") return;
    const path = [...base, ...node.path];
    if (node.kind === "group") return node.children?.forEach((c) => walk(c, node.inRow ? base : []));
    const pointer = pointerOf(path);
    const options = node.options ?? [];
    const last = options.length - 1;
    const code = (i: number) => {
      const raw = options[i]!.code;
      return node.type === "integer" || node.type === "number" ? Number(raw) : node.type === "boolean" ? raw === "true" : raw;
    };
    if ((node.widget === "radio" || node.widget === "select") && last >= 0) out.push({ pointer, widget: node.widget, presses: [last], value: code(last) });
    // Chosen and taken back: the answer is an empty list (or false for a yes/no box).
    else if (node.widget === "checkboxes" && last >= 0) out.push({ pointer, widget: node.widget, presses: [0, 0], value: [] });
    else if (node.widget === "ranking" && last >= 0) out.push({ pointer, widget: node.widget, presses: [0, 0], value: [] });
    else if (node.widget === "checkbox") out.push({ pointer, widget: node.widget, presses: [0, 0], value: false });
  };
  for (const section of buildFormModel(s).sections) walk(section, []);
  return out;
}

/** The first table of each schema whose rows are plain fields and groups: a row added and submitted empty. */
function firstTable(s: JsonSchema): { pointer: string; fields: string[]; row: unknown } | undefined {
  for (const section of buildFormModel(s).sections) {
    const tables = section.kind === "table" ? [section] : (section.children ?? []).filter((c) => c.kind === "table" && c.visibleWhen === undefined);
    if (section.visibleWhen !== undefined) continue;
    for (const table of tables) {
      const pointer = pointerOf(table.path);
      const fields: string[] = [];
      const walk = (node: FormNode, base: string[]) => {
        if (node.visibleWhen !== undefined || node.widget === "hidden") return;
        if (node.kind === "group") return node.children?.forEach((c) => walk(c, node.inRow ? base : []));
        if (node.kind === "scalar") fields.push(pointerOf([...base, ...node.path]));
      };
      table.children?.forEach((c) => walk(c, [...pointer.split("/").filter(Boolean), "0"]));
      // A plain list's new row is an empty text, a table's an empty object (as both renderers add them).
      const plain = table.children?.length === 1 && table.children[0]!.path.length === 0;
      if (fields.length) return { pointer, fields, row: plain ? "" : {} };
    }
  }
  return undefined;
}

describe("conformance: choices and table rows, every schema version", () => {
  const pressId = (c: ChoiceCase, i: number, pressNo: number) => {
    const id = fieldId(c.pointer);
    if (c.widget === "ranking") return pressNo === 0 ? `${id}-add-${i}` : `${id}-remove-${i}`;
    return i === 0 ? id : `${id}-${i}`;
  };

  it("the sweep covers every choice widget and a table in each instrument", () => {
    const widgets = new Set(ALL_SCHEMAS.flatMap((s) => choiceCases(s).map((c) => c.widget)));
    expect([...widgets].sort()).toEqual(["checkbox", "checkboxes", "radio", "ranking", "select"].filter((w) => widgets.has(w)));
    for (const w of ["radio", "select", "checkboxes", "ranking"]) expect(widgets.has(w), w).toBe(true);
    expect(ALL_SCHEMAS.filter((s) => firstTable(s)).length).toBeGreaterThanOrEqual(3);
  });

  it.each(ALL_SCHEMAS.map((s) => [refOfSchema(s), s] as const))("%s: the same message in both renderers, at once after a choice and on a submit for an empty row", async (ref, s) => {
    const cases = choiceCases(s);
    const table = firstTable(s);
    const shown: Record<string, Record<string, string>> = {};
    const values: Record<string, unknown> = {};
    for (const renderer of RENDERERS) {
      const page = await open(renderer, ref);
      shown[renderer] = {};
      for (const c of cases) {
        const id = fieldId(c.pointer);
        for (const [n, i] of c.presses.entries()) {
          if (c.widget === "select") await page.locator(`[id="${id}"]`).selectOption({ index: i + 1 });
          else await page.locator(`[id="${pressId(c, i, n)}"]`).click();
        }
        await page.waitForTimeout(30);
        shown[renderer]![c.pointer] = await errorOf(page, id);
      }
      if (table) {
        await page.locator(`[id="${fieldId(table.pointer)}-add"]`).click();
        await page.getByRole("button", { name: "Skicka" }).last().click();
        await page.waitForTimeout(50);
        for (const f of table.fields) shown[renderer]![f] = await errorOf(page, fieldId(f));
      }
      if (renderer === "lit") values.lit = await page.evaluate(() => (document.querySelector("blankett-form") as unknown as { value: unknown }).value);
      await page.close();
    }
    // What the engine says for the answers those presses leave (and for one empty row).
    let doc = initialDocument(s);
    for (const c of cases) doc = setIn(doc, c.pointer.split("/").filter(Boolean), c.value) as typeof doc;
    const touched = computeFormState(s, doc, { touched: new Set(cases.map((c) => c.pointer)) });
    for (const c of cases) {
      const expected = touched.errors.filter((e) => e.pointer === c.pointer).map((e) => e.message);
      for (const renderer of RENDERERS) {
        const where = `${renderer}: ${ref} ${c.pointer} (${c.widget}) after pressing ${c.presses.join(", ")}`;
        if (expected.length === 0) expect(shown[renderer]![c.pointer], where).toBe("");
        else for (const m of expected) expect(shown[renderer]![c.pointer], where).toContain(m);
      }
      expect(shown.lit![c.pointer], `${ref} ${c.pointer}`).toBe(shown.react![c.pointer]);
    }
    if (table) {
      const rowDoc = setIn(doc, table.pointer.split("/").filter(Boolean), [table.row]);
      const all = computeFormState(s, rowDoc, { submitted: true });
      let messages = 0;
      for (const f of table.fields) {
        const expected = all.errors.filter((e) => e.pointer === f).map((e) => e.message);
        messages += expected.length;
        for (const renderer of RENDERERS) for (const m of expected) expect(shown[renderer]![f], `${renderer}: ${ref} ${f} in an empty row`).toContain(m);
        expect(shown.lit![f], `${ref} ${f} in an empty row`).toBe(shown.react![f]);
      }
      // An empty row has something to say, or this part of the sweep checks nothing.
      expect(messages, `${ref} ${table.pointer}`).toBeGreaterThan(0);
    }
  }, 300_000);
});
