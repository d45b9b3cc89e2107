import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStudio, type Studio } from "../../engine/node/studio/server.ts";
import { ROOT } from "../helpers.ts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { launchBrowser, startExampleServer } from "./harness.ts";
import { axeViolations } from "./axe.ts";
import { arrowTo, downloadJson, scrollsSideways, selectedText, tabToId } from "./studio-keys.ts";

/**
 * The variant studio (issue 12) in the static example app: a variant of fia@1.0.0 built by
 * keyboard only, its refusal of a scored question, undo/redo, axe and a phone-sized screen.
 */

let browser: Browser;
let server: ViteDevServer;
let url: string;
let context: BrowserContext;
const problems: string[] = [];

beforeAll(async () => {
  const started = await startExampleServer();
  server = started.server;
  url = started.url;
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "sv-SE", acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openStudio(): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${url}?view=studio&instrument=fia&version=1.0.0`);
  await page.getByRole("heading", { name: "Variantstudio" }).waitFor({ timeout: 60_000 });
  await page.locator("#st-national").waitFor({ timeout: 60_000 });
  return page;
}

const PETS = "Har du husdjur?";
const CARE = "Behöver djuren tillsyn när du är borta?";

const EXPECTED = {
  $schema: "https://blankett.example/schemas/overlay.meta.json",
  name: "testby",
  title: "Testby kommun",
  base: "fia@1.0.0",
  addItems: [
    { key: "harDuHusdjur", schema: { type: "boolean", title: PETS, "x-ui": { widget: "radio" } } },
    {
      key: "behoverDjurenTillsynNarDuArBorta",
      schema: { type: "boolean", title: CARE, "x-ui": { widget: "radio", visibleWhen: { "==": [{ var: "lokalt.harDuHusdjur" }, true] } } },
    },
  ],
  relabel: { "intervju.arendereferens": "Diarienummer" },
  hide: ["intervju.intervjuare"],
};

describe("variant studio, static example app", () => {
  let page: Page;

  it("builds a variant of fia@1.0.0 by keyboard only, and refuses to hide a scored question in plain words", async () => {
    page = await openStudio();
    const started = performance.now();

    await tabToId(page, "st-title");
    await page.keyboard.type("Testby kommun");
    await tabToId(page, "st-name");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("testby");

    // A local yes/no question, then one shown only when the first is answered "Ja".
    await tabToId(page, "st-add-kind");
    await arrowTo(page, "Ja eller nej");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("st-item-0-label");
    await page.keyboard.type(PETS);
    await tabToId(page, "st-add");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("st-item-1-label");
    await page.keyboard.type(CARE);
    await tabToId(page, "st-item-1-cond-on");
    await page.keyboard.press("Space");
    await tabToId(page, "st-item-1-cond-question");
    await arrowTo(page, PETS);
    await tabToId(page, "st-item-1-cond-op");
    expect(await selectedText(page)).toBe("är");
    await tabToId(page, "st-item-1-cond-value");
    await arrowTo(page, "Nej");
    await arrowTo(page, "Ja");

    // A national question relabelled, an optional one hidden.
    await tabToId(page, "st-national");
    await arrowTo(page, "Ärendereferens");
    await tabToId(page, "st-national-label");
    await page.keyboard.type("Diarienummer");
    await tabToId(page, "st-national", { back: true });
    await arrowTo(page, "Intervjuare");
    await tabToId(page, "st-national-hide");
    await page.keyboard.press("Space");

    // A scored question (FIA's profile reads every arbete.svarighetJobbsokande answer) is refused.
    await tabToId(page, "st-national", { back: true });
    await arrowTo(page, "Hur svårt är det att söka jobb? › Att hitta lediga jobb");
    await tabToId(page, "st-national-hide");
    await page.keyboard.press("Space");
    const refusal = page.locator("#st-national-problems");
    await refusal.waitFor();
    const text = (await refusal.innerText()).trim();
    const listed = await page.locator(".st-violations").innerText();
    console.log(`studio refusal: ${text}`);
    expect(text).toMatch(/Att hitta lediga jobb/);
    expect(text).toMatch(/går inte att dölja|får inte döljas/);
    expect(text).toMatch(/Svaret används av den nationella (regeln|indikatorn)/);
    for (const shown of [text, listed]) {
      expect(shown).not.toMatch(/dolj-poangsatt|\[[a-z-]+:|\/hide\/|arbete\.svarighetJobbsokande/);
    }
    await page.keyboard.press("Space"); // take the refused change back the ordinary way: untick it
    await expect.poll(() => page.locator(".st-violations [role=status]").innerText()).toBe("Varianten följer reglerna.");
    const ms = Math.round(performance.now() - started);
    console.log(`studio: variant built by keyboard in ${ms} ms`);

    await tabToId(page, "st-save", { back: true });
    const saved = await downloadJson(page);
    expect(saved).toEqual(EXPECTED);

    // The preview draws the local question; the differences name it in the diff's words.
    await expect(page.locator(".st-preview").getByText(PETS).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator(".st-diff").innerText()).resolves.toMatch(/Diarienummer/);
  }, 900_000);

  it("moves focus to the item a violation is about", async () => {
    await page.locator("#st-national").focus();
    await arrowTo(page, "Datum för intervjun");
    await tabToId(page, "st-national-hide");
    await page.keyboard.press("Space");
    const go = page.locator(".st-violations button", { hasText: "Datum för intervjun" }).first();
    await go.waitFor();
    await go.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("st-national-hide");
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator(".st-violations [role=status]").innerText()).toBe("Varianten följer reglerna.");
  }, 300_000);

  it("has no serious or critical axe violations", async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it("does not scroll sideways on a 390×844 screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    expect(await scrollsSideways(page)).toBe(false);
    await page.close();
  });

  it("undoes and redoes: three edits, undo twice, redo once", async () => {
    const p = await openStudio();
    await tabToId(p, "st-title");
    await p.keyboard.type("Ångra-test");
    await tabToId(p, "st-add");
    await p.keyboard.press("Enter");
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe("st-item-0-label");
    await p.keyboard.type("Första frågan");
    await p.keyboard.press("Control+Z");
    await p.keyboard.press("Control+Z");
    await p.keyboard.press("Control+Shift+Z");
    await p.locator("#st-save").focus();
    const saved = await downloadJson(p);
    expect(saved).toEqual({
      $schema: "https://blankett.example/schemas/overlay.meta.json",
      name: "ny-variant",
      title: "Ångra-test",
      base: "fia@1.0.0",
      addItems: [{ key: "fraga", schema: { type: "boolean", title: "", "x-ui": { widget: "radio" } } }],
    });
    // The buttons do the same.
    await p.locator("#st-undo").focus();
    await p.keyboard.press("Enter");
    await p.locator("#st-save").focus();
    expect(await downloadJson(p)).toEqual({ $schema: "https://blankett.example/schemas/overlay.meta.json", name: "ny-variant", title: "Ångra-test", base: "fia@1.0.0" });
    await p.close();
    expect(problems).toEqual([]);
  }, 120_000);
});

describe("variant studio, served by blankett studio", () => {
  let tmp: string;
  let studio: Studio | undefined;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "blankett-studio-"));
    cpSync(join(ROOT, "schemas"), join(tmp, "root/schemas"), { recursive: true });
    execFileSync("npx", ["vite", "build", "examples", "--outDir", join(tmp, "app"), "--emptyOutDir", "--logLevel", "error"], { cwd: ROOT, stdio: "inherit" });
  }, 600_000);

  afterAll(async () => {
    await studio?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("saves a variant into the folder, and a document filled in its preview validates with the CLI", async () => {
    studio = await startStudio({ root: join(tmp, "root"), port: 0, appDir: join(tmp, "app") });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${studio.url}/?view=studio&instrument=fia&version=1.0.0`);
    await page.locator("#st-national").waitFor({ timeout: 120_000 });
    // The variants already in the folder are offered for opening.
    await expect(page.locator("#st-open-choice option").allTextContents()).resolves.toContainEqual(expect.stringContaining("exempelby"));

    await page.locator("#st-title").fill("Serverby kommun");
    await page.locator("#st-name").fill("serverby");
    await page.locator("#st-add-kind").selectOption("yesno");
    await page.locator("#st-add").click();
    await page.locator("#st-item-0-label").fill(PETS);
    await page.locator("#st-item-0-required").check();
    await expect.poll(() => page.locator(".st-violations [role=status]").innerText(), { timeout: 120_000 }).toBe("Varianten följer reglerna.");
    await page.locator("#st-save").click();
    await expect.poll(() => page.locator(".st-status").innerText(), { timeout: 60_000 }).toBe("Sparad i schemas/fia/variants/serverby.overlay.json.");
    const file = join(tmp, "root/schemas/fia/variants/serverby.overlay.json");
    const written = JSON.parse(readFileSync(file, "utf8")) as unknown;
    expect(written).toEqual({
      $schema: "https://blankett.example/schemas/overlay.meta.json",
      name: "serverby",
      title: "Serverby kommun",
      base: "fia@1.0.0",
      addItems: [{ key: "harDuHusdjur", required: true, schema: { type: "boolean", title: PETS, "x-ui": { widget: "radio" } } }],
    });

    // Fill the preview: made-up national answers, then the local question by hand.
    const preview = page.locator(".st-preview");
    await preview.getByText(PETS).first().waitFor({ timeout: 120_000 });
    await preview.getByRole("button", { name: "Fyll i påhittade svar" }).click();
    const question = preview.getByRole("radiogroup", { name: new RegExp(PETS.replace("?", "\\?")) }).or(preview.getByRole("group", { name: new RegExp(PETS.replace("?", "\\?")) }));
    await question.first().getByRole("radio", { name: "Nej" }).check();
    await question.first().getByRole("radio", { name: "Ja" }).check();
    await preview.getByText("Svaren som JSON").click();
    await expect.poll(async () => (JSON.parse(await preview.locator("[data-testid=st-sample]").innerText()) as { lokalt?: unknown }).lokalt).toEqual({ harDuHusdjur: true });
    const doc = JSON.parse(await preview.locator("[data-testid=st-sample]").innerText()) as { meta: Record<string, unknown> };
    expect(doc.meta).toMatchObject({ schema: "fia@1.0.0", variant: "serverby" });
    const docFile = join(tmp, "answers.json");
    writeFileSync(docFile, JSON.stringify(doc, null, 2));

    // The CLI resolves fia@1.0.0+<name> from the repository's schemas/, not this copy: it validates
    // against the effective schema the CLI itself makes from the file the studio wrote.
    const effective = join(tmp, "serverby.schema.json");
    const apply = spawnSync("node", ["bin/blankett.js", "overlay", "apply", file, "--out", effective, "--force"], { cwd: ROOT, encoding: "utf8" });
    expect(apply.status, apply.stdout + apply.stderr).toBe(0);
    const validate = spawnSync("node", ["bin/blankett.js", "validate", effective, docFile], { cwd: ROOT, encoding: "utf8" });
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);
    await page.close();
    expect(problems).toEqual([]);
  }, 600_000);
});
