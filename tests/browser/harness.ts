import { chromium, type Browser } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { join } from "node:path";
import { ROOT } from "../helpers.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=sv-SE"],
  });
}

/** The example app's Vite dev server on a free loopback port. */
export async function startExampleServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    root: join(ROOT, "examples"),
    configFile: join(ROOT, "examples/vite.config.ts"),
    server: { host: "127.0.0.1", port: 0, strictPort: false, hmr: false },
    logLevel: "error",
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === "string") throw new Error("no server address");
  return { server, url: `http://127.0.0.1:${address.port}/` };
}
