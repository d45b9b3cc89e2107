import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { ROOT } from "../helpers.ts";
import { launchBrowser } from "../browser/harness.ts";
import { filesUnder, startServer } from "../../examples/embed/serve.ts";

/**
 * The packages as a vendor gets them: every workspace built, packed with `npm pack` into a
 * folder outside the repository, and installed from the tarballs into fresh consumer projects
 * (their other dependencies from the registry). Nothing here resolves to the repository's
 * sources: the consumers live in the system's temporary folder and see only node_modules.
 */

const PACKAGES = ["@blankett/schemas", "@blankett/engine", "@blankett/react", "@blankett/elements"] as const;
type PackageName = (typeof PACKAGES)[number];

interface PackFile {
  path: string;
  size: number;
}
interface PackResult {
  name: string;
  version: string;
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: PackFile[];
}

const VALID = join(ROOT, "tests/fixtures/fia/valid/interview-1.json");
const INVALID = join(ROOT, "tests/fixtures/fia/invalid/saknar-intervjudatum.json");

let work: string;
let tarballs: Record<PackageName, string>;
let dryRun: PackResult[];
/** Engine, schemas and elements: the Node script, the CLI and the plain HTML page. */
let plain: string;
/** Vite + React + TypeScript app with all four packages. */
let app: string;
let browser: Browser | undefined;

/** The environment of the child processes, without what `npm test` and vitest add to ours. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_package_|npm_lifecycle_|npm_config_local_prefix|npm_config_workspace|npm_command|VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|INIT_CWD$)/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, timeout = 300_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: childEnv(), timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function ok(cmd: string, args: string[], cwd: string): Promise<string> {
  const r = await run(cmd, args, cwd);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed with ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function rootVersion(name: string): string {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
  const v = lock.packages[`node_modules/${name}`]?.version;
  if (!v) throw new Error(`${name} is not in package-lock.json`);
  return v;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2) + "\n");
}

const INSTALL = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];

function setUpPlain(dir: string): Promise<string> {
  mkdirSync(dir);
  writeJson(join(dir, "package.json"), { name: "plain-consumer", private: true, type: "module" });
  copyFileSync(VALID, join(dir, "interview-1.json"));
  copyFileSync(INVALID, join(dir, "saknar-intervjudatum.json"));
  // (c) the compiler entry, validating and scoring.
  writeFileSync(
    join(dir, "check.mjs"),
    `import { readFileSync } from "node:fs";
import { validatorFor, rulesFor } from "@blankett/engine/compiler";
import fia from "@blankett/schemas/fia/1.0.0.schema.json" with { type: "json" };
const doc = JSON.parse(readFileSync(new URL("./interview-1.json", import.meta.url), "utf8"));
const result = validatorFor(fia).validate(doc);
const report = rulesFor(fia).run(doc, { explain: false });
console.log(JSON.stringify({ valid: result.valid, errors: result.errors, results: report.results, findings: report.findings }));
`,
  );
  // (c') the main entry (no compiler) with the precompiled validator from @blankett/schemas.
  writeFileSync(
    join(dir, "precompiled.mjs"),
    `import { readFileSync } from "node:fs";
import { registerPrecompiled, validatorFor, rulesFor } from "@blankett/engine";
import { instruments } from "@blankett/schemas";
import validate from "@blankett/schemas/validators/fia-1.0.0";
import fia from "@blankett/schemas/fia/1.0.0.schema.json" with { type: "json" };
registerPrecompiled(fia.$id, validate);
const doc = JSON.parse(readFileSync(new URL("./interview-1.json", import.meta.url), "utf8"));
const bad = JSON.parse(readFileSync(new URL("./saknar-intervjudatum.json", import.meta.url), "utf8"));
const v = validatorFor(fia);
const report = rulesFor(fia).run(doc, { explain: false });
console.log(JSON.stringify({
  instruments: instruments.map((i) => i.ref),
  valid: v.validate(doc).valid,
  invalid: v.validate(bad),
  results: report.results,
}));
`,
  );
  // (a) the plain page: no bundler, no inline script.
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Ärende</title>
<script type="module" src="/node_modules/@blankett/elements/dist/blankett-fia-1.0.0.js"></script>
</head>
<body>
<main>
<h1>Ärende</h1>
<form id="arende" method="post" action="/submit">
<blankett-form instrument="fia@1.0.0" name="svar" no-drafts guided="false"></blankett-form>
<button type="submit" id="spara">Spara ärendet</button>
</form>
</main>
</body>
</html>
`,
  );
  return ok("npm", [...INSTALL, tarballs["@blankett/engine"], tarballs["@blankett/schemas"], tarballs["@blankett/elements"]], dir);
}

function setUpApp(dir: string): Promise<string> {
  mkdirSync(join(dir, "src"), { recursive: true });
  const dev: Record<string, string> = {};
  for (const name of ["vite", "@vitejs/plugin-react", "typescript", "@types/react", "@types/react-dom"]) dev[name] = rootVersion(name);
  writeJson(join(dir, "package.json"), {
    name: "vite-react-consumer",
    private: true,
    type: "module",
    dependencies: {
      "@blankett/engine": `file:${tarballs["@blankett/engine"]}`,
      "@blankett/schemas": `file:${tarballs["@blankett/schemas"]}`,
      "@blankett/react": `file:${tarballs["@blankett/react"]}`,
      "@blankett/elements": `file:${tarballs["@blankett/elements"]}`,
      react: rootVersion("react"),
      "react-dom": rootVersion("react-dom"),
    },
    devDependencies: dev,
  });
  writeJson(join(dir, "tsconfig.json"), {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      module: "ESNext",
      moduleResolution: "bundler",
      jsx: "react-jsx",
      strict: true,
      noEmit: true,
      resolveJsonModule: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      skipLibCheck: false,
      noUnusedLocals: true,
      types: [],
    },
    include: ["src"],
  });
  writeFileSync(join(dir, "vite.config.js"), `import { defineConfig } from "vite";\nimport react from "@vitejs/plugin-react";\nexport default defineConfig({ plugins: [react()] });\n`);
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>Vite-konsument</title></head>
<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`,
  );
  writeFileSync(
    join(dir, "src/main.tsx"),
    `import { StrictMode, useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { BlankettForm, type AnswerDocument } from "@blankett/react";
import { registerPrecompiled } from "@blankett/engine";
import { registerInstrument, type BlankettForm as BlankettFormElement } from "@blankett/elements";
import type {} from "@blankett/elements/react";
import validate from "@blankett/schemas/validators/fia-1.0.0";
import fia from "@blankett/schemas/fia/1.0.0.schema.json";

registerPrecompiled(fia.$id, validate);
registerInstrument(fia, validate);

function App() {
  const element = useRef<BlankettFormElement>(null);
  const [submitted, setSubmitted] = useState<AnswerDocument | null>(null);
  const [elementValid, setElementValid] = useState<string>("");
  useEffect(() => {
    const el = element.current;
    if (el) el.dataset.ready = String(el.localName);
  }, []);
  return (
    <>
      <section id="react-form">
        <BlankettForm schema={fia} guided={false} draftKey={false} onSubmit={setSubmitted} />
        <output id="submitted">{submitted ? JSON.stringify(submitted.meta) : ""}</output>
      </section>
      <section id="element-form">
        <blankett-form
          ref={element}
          instrument="fia@1.0.0"
          guided={false}
          noDrafts
          onblankett-validity={(e) => setElementValid(String(e.detail.valid))}
        />
        <output id="element-valid">{elementValid}</output>
      </section>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`,
  );
  return ok("npm", [...INSTALL], dir);
}

beforeAll(async () => {
  await ok("npm", ["run", "build"], ROOT);
  work = mkdtempSync(join(tmpdir(), "blankett-tarballs-"));
  const packs = join(work, "packs");
  mkdirSync(packs);
  dryRun = JSON.parse(await ok("npm", ["pack", "--workspaces", "--dry-run", "--json", "--loglevel=error"], ROOT)) as PackResult[];
  const packed = JSON.parse(await ok("npm", ["pack", "--workspaces", "--json", "--loglevel=error", "--pack-destination", packs], ROOT)) as PackResult[];
  tarballs = Object.fromEntries(packed.map((p) => [p.name, join(packs, p.filename)])) as Record<PackageName, string>;
  console.log(
    "npm pack --dry-run totals:\n" +
      dryRun.map((p) => `  ${p.name}@${p.version}: package ${(p.size / 1024).toFixed(1)} kB, unpacked ${(p.unpackedSize / 1024).toFixed(1)} kB, ${p.entryCount} files`).join("\n"),
  );
  plain = join(work, "plain");
  app = join(work, "app");
  // Two installs at once: mostly waiting on the (warm) cache and the disk.
  await Promise.all([setUpPlain(plain), setUpApp(app)]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  // Two node_modules trees: removing them takes a while on a busy machine.
  if (work) await rm(work, { recursive: true, force: true, maxRetries: 3 });
}, 120_000);

async function chromium(): Promise<Browser> {
  browser ??= await launchBrowser();
  return browser;
}

describe("the packed tarballs", () => {
  it("hold their builds and no tests, fixtures or TypeScript sources", () => {
    expect(dryRun.map((p) => p.name).sort()).toEqual([...PACKAGES].sort());
    for (const p of dryRun) {
      const paths = p.files.map((f) => f.path);
      expect(paths, p.name).toContain("package.json");
      expect(paths.filter((f) => /(^|\/)(tests?|__tests__|fixtures?)\//.test(f)), p.name).toEqual([]);
      expect(paths.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !/\.d\.(ts|mts|cts)$/.test(f)), p.name).toEqual([]);
      expect(paths.filter((f) => /tsbuildinfo$|\.test\.|(^|\/)\.env/.test(f)), p.name).toEqual([]);
    }
    const files = (name: string) => dryRun.find((p) => p.name === name)!.files.map((f) => f.path);
    expect(files("@blankett/engine")).toEqual(expect.arrayContaining(["dist/runtime.js", "dist/runtime.d.ts", "dist/compiler.js", "dist/cli/bin.js", "dist/validation/standalone-runtime.js"]));
    expect(files("@blankett/schemas")).toEqual(
      expect.arrayContaining(["index.js", "fia/1.0.0.schema.json", "validators/fia-1.0.0.js", "validators/fia-1.0.0.d.ts", "types/index.d.ts", "hints.meta.json"]),
    );
    expect(files("@blankett/react")).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.d.ts"]));
    expect(files("@blankett/elements")).toEqual(
      expect.arrayContaining(["dist/lib/index.js", "dist/lib/react.d.ts", "dist/blankett-fia-1.0.0.js", "custom-elements.json"]),
    );
  });

  it("(c) validate and score in a Node ESM script with the compiler entry", async () => {
    const out = await ok("node", ["check.mjs"], plain);
    const printed = JSON.parse(out) as { valid: boolean; errors: unknown[]; results: Array<{ id: string; kind: string; value: unknown }> };
    expect(printed.valid).toBe(true);
    expect(printed.errors).toEqual([]);
    const profil = printed.results.find((r) => r.id === "profil");
    expect(profil?.kind).toBe("table");
    const rows = profil!.value as Array<Record<string, unknown>>;
    expect(rows.find((r) => r.code === "boende")).toMatchObject({ label: "Boende", galler: true, omfattning: "viss", problemstorlek: "mattligt", rang: 4 });
    expect(rows.find((r) => r.code === "psykisk_halsa")).toMatchObject({ galler: true, rang: 2 });
    // The same results as the repository's sources give.
    const { rulesFor } = await import("@blankett/engine");
    const fia = JSON.parse(readFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), "utf8")) as Record<string, unknown>;
    const doc = JSON.parse(readFileSync(VALID, "utf8")) as unknown;
    expect(printed.results).toEqual(JSON.parse(JSON.stringify(rulesFor(fia).run(doc, { explain: false }).results)));
  });

  it("(c) validate with the main entry and the precompiled validator of @blankett/schemas", async () => {
    const printed = JSON.parse(await ok("node", ["precompiled.mjs"], plain)) as {
      instruments: string[];
      valid: boolean;
      invalid: { valid: boolean; errors: Array<{ pointer: string; message: string }> };
      results: Array<{ id: string }>;
    };
    expect(printed.instruments).toContain("fia@1.0.0");
    expect(printed.valid).toBe(true);
    expect(printed.invalid.valid).toBe(false);
    expect(printed.invalid.errors).toEqual([expect.objectContaining({ pointer: "/intervju/datum", message: "Ange datum för intervjun" })]);
    expect(printed.results.map((r) => r.id)).toContain("profil");
  });

  it("(d) npx blankett validate: a valid document exits 0, in Swedish", async () => {
    const r = await run("npx", ["--no-install", "blankett", "validate", "fia@1.0.0", "interview-1.json"], plain);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("interview-1.json: giltigt");
    expect(r.code).toBe(0);
  });

  it("(d) npx blankett validate: a document without the interview date exits 1 and names /intervju/datum", async () => {
    const r = await run("npx", ["--no-install", "blankett", "validate", "fia@1.0.0", "saknar-intervjudatum.json"], plain);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("saknar-intervjudatum.json: ogiltigt (1 fel)");
    expect(r.stdout).toContain("/intervju/datum: Ange datum för intervjun");
  });

  it("(a) a plain HTML page with the bundle under default-src 'self' posts the answers with its form", async () => {
    const csp = "default-src 'self'";
    const server = await startServer(filesUnder(plain), csp);
    const context = await (await chromium()).newContext();
    try {
      // Init scripts are injected by the browser, whatever the page's CSP says.
      await context.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __csp: string[] }).__csp = seen;
        document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) problems.push(`console csp: ${m.text()}`);
        else if (m.type() === "error" && !/favicon/.test(m.location().url)) problems.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      const response = await page.goto(server.url);
      expect(response?.headers()["content-security-policy"]).toBe(csp);
      await page.getByLabel("Datum för intervjun").waitFor();
      const doc = JSON.parse(readFileSync(VALID, "utf8")) as Record<string, unknown>;
      await page.evaluate((value) => {
        (document.querySelector("blankett-form") as HTMLElement & { value: unknown }).value = value;
      }, doc);
      await expect.poll(() => page.evaluate(() => (document.getElementById("arende") as HTMLFormElement).checkValidity())).toBe(true);
      const before = server.posted.length;
      await Promise.all([page.waitForURL(/\/submit$/), page.locator("#spara").click()]);
      expect(server.posted.length).toBe(before + 1);
      const post = server.posted[before]!;
      expect(post.path).toBe("/submit");
      expect(post.contentType).toBe("application/x-www-form-urlencoded");
      const svar = JSON.parse(new URLSearchParams(post.body).get("svar")!) as { meta: Record<string, unknown> };
      // The element marks a valid submission complete; everything else is the document as set.
      expect(svar).toEqual({ ...doc, meta: { ...(doc.meta as object), status: "complete" } });
      const csps = (await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])) as string[];
      expect([...csps, ...problems]).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it("(b) a Vite + React + TypeScript app type-checks strictly against the published types", async () => {
    const r = await run("npx", ["--no-install", "tsc", "--noEmit", "-p", "tsconfig.json"], app);
    expect(r.stdout + r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("(b) the Vite app builds and renders both forms in Chromium", async () => {
    await ok("npx", ["--no-install", "vite", "build", "--logLevel", "error"], app);
    // Under the strict CSP too: the React renderer adopts its stylesheet (no <style> element).
    const server = await startServer(filesUnder(join(app, "dist")));
    const context = await (await chromium()).newContext();
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && !/favicon/.test(m.location().url)) problems.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      await page.goto(server.url);
      // The React renderer's form and the web component, each with FIA's first question.
      const reactForm = page.locator("#react-form");
      await reactForm.getByLabel("Datum för intervjun").waitFor();
      await expect(reactForm.getByRole("form", { name: "FIA – förutsättningar inför arbete" }).count()).resolves.toBe(1);
      const elementForm = page.locator("#element-form blankett-form");
      await elementForm.getByLabel("Datum för intervjun").waitFor();
      await expect(elementForm.getAttribute("data-ready")).resolves.toBe("blankett-form");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
