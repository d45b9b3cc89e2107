import type { BrowserContext, Page } from "playwright-core";
import { build, createServer, defaultClientConditions, preview, type ViteDevServer } from "vite";

/** The workspace packages as their TypeScript sources (each package.json's exports). */
export const SOURCE_RESOLVE = { conditions: ["@blankett/source", ...defaultClientConditions] };
import react from "@vitejs/plugin-react";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers.ts";

/** The React renderer's test page (tests/browser/pages/react), see its main.tsx for the parameters. */
export const REACT_PAGE = join(ROOT, "tests/browser/pages/react");

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** The page on Vite's dev server, on a free loopback port. */
export async function serveReactPage(): Promise<Served> {
  const server: ViteDevServer = await createServer({
    root: REACT_PAGE,
    configFile: false,
    resolve: SOURCE_RESOLVE,
    plugins: [react()],
    server: { host: "127.0.0.1", port: 0, hmr: false },
    logLevel: "error",
  });
  await server.listen();
  const address = server.httpServer!.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/** The page built for production (React's production build), for timing. */
export async function serveReactPageBuilt(headers: Record<string, string> = {}): Promise<Served> {
  const outDir = mkdtempSync(join(tmpdir(), "blankett-react-page-"));
  // Under vitest NODE_ENV is "test", which gives React's development build and JSX transform.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root: REACT_PAGE, configFile: false, resolve: SOURCE_RESOLVE, mode: "production", base: "./", plugins: [react()], logLevel: "error", build: { outDir, emptyOutDir: true, target: "es2022" } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({ root: REACT_PAGE, configFile: false, build: { outDir }, preview: { host: "127.0.0.1", port: 0, headers }, logLevel: "error" });
  const address = server.httpServer.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Opens the page with these parameters; fails on any page error. */
export async function openPage(context: BrowserContext, base: string, query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${base}?${query}`);
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  await page.locator(".bf-root, .bf-child-log, .rjsf").first().waitFor();
  return { page, problems };
}

/** The document the page shows as submitted, or null. */
export async function submitted(page: Page): Promise<Record<string, unknown> | null> {
  const text = await page.locator("#submitted").textContent();
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

/** The id of the focused element. */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? "");
}
