import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { readJson, ROOT } from "../helpers.ts";
import { startStudio, type Studio } from "../../engine/node/studio/server.ts";
import { studioCommand } from "../../engine/cli/commands/studio.ts";
import { InputError } from "../../engine/node/files.ts";

/**
 * The variant studio's local server: bound to 127.0.0.1, the API only for the page it served
 * (token, origin, host), static files only from the app folder, and exactly one kind of file
 * written. Requests are made with node:http so that raw paths and any header can be sent.
 */

const tmp = mkdtempSync(join(tmpdir(), "blankett-studio-"));
const root = join(tmp, "root");
const appDir = join(tmp, "app");
const SECRET = "HEMLIGT-UTANFOR-APPEN";
let studio: Studio;
let port: number;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: { ...(body !== undefined ? { "Content-Length": String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const auth = () => ({ "X-Blankett-Token": studio.token });
const writeHeaders = () => ({ ...auth(), Origin: studio.url, "Content-Type": "application/json" });
const json = (r: Reply) => JSON.parse(r.body) as any;

/** Every file under the root, with its size and modification time: what a refused write must leave alone. */
function snapshot(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out.push(`${relative(root, p)} ${s.size} ${s.mtimeMs}`);
      }
    }
  };
  walk(tmp);
  return out.sort();
}

beforeAll(async () => {
  mkdirSync(root);
  cpSync(join(ROOT, "schemas"), join(root, "schemas"), {
    recursive: true,
    filter: (src) => !/[/\\](types|validators|node_modules|dist)$/.test(src),
  });
  mkdirSync(join(appDir, "assets"), { recursive: true });
  writeFileSync(join(appDir, "index.html"), "<!doctype html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Blankett</title></head><body><div id=\"root\"></div></body></html>\n");
  writeFileSync(join(appDir, "assets", "app.js"), "console.log('app');\n");
  writeFileSync(join(appDir, "assets", "app.css"), "body{}\n");
  writeFileSync(join(tmp, "secret.txt"), SECRET);
  symlinkSync(join(tmp, "secret.txt"), join(appDir, "assets", "link.txt"));
  studio = await startStudio({ root, appDir, port: 0 });
  port = Number(new URL(studio.url).port);
});

afterAll(async () => {
  await studio?.close();
});

describe("where it listens", () => {
  it("binds 127.0.0.1 only, on the port it was given (0: any free one)", async () => {
    expect(studio.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(port).toBeGreaterThan(0);
    expect(studio.token).toMatch(/^[0-9a-f]{64}$/);
    const refused = (host: string) =>
      new Promise<boolean>((resolve) => {
        const s = connect({ host, port });
        s.on("connect", () => (s.destroy(), resolve(false)));
        s.on("error", () => resolve(true));
      });
    expect(await refused("::1")).toBe(true);
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
    if (external) expect(await refused(external.address)).toBe(true);
  });

  it("a new token on every start", async () => {
    const other = await startStudio({ root, appDir });
    try {
      expect(other.token).not.toBe(studio.token);
      expect(other.url).not.toBe(studio.url);
    } finally {
      await other.close();
    }
  });
});

describe("the app's files", () => {
  it("index.html carries the token, for / and for any unknown path", async () => {
    for (const path of ["/", "/index.html", "/?view=studio", "/studio/fia", "/assets/", "/assets"]) {
      const r = await send("GET", path);
      expect(r.status, path).toBe(200);
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(r.body).toContain(`<head><meta name="blankett-studio-token" content="${studio.token}">`);
      expect(r.body).toContain('<div id="root">');
    }
  });

  it("files with their content types, never a directory listing", async () => {
    const js = await send("GET", "/assets/app.js");
    expect(js).toMatchObject({ status: 200, body: "console.log('app');\n" });
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(js.headers["x-content-type-options"]).toBe("nosniff");
    expect((await send("GET", "/assets/app.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
    expect((await send("GET", "/assets/")).body).not.toContain("app.js");
  });

  it("nothing outside the app folder, however the path is written", async () => {
    const paths = [
      "/../../etc/passwd",
      "/../secret.txt",
      "/..%2fsecret.txt",
      "/%2e%2e/secret.txt",
      "/%2e%2e%2fsecret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
      "/..%5csecret.txt",
      "/%252e%252e%252fsecret.txt",
      "/assets/link.txt",
      "/%00",
      "/%",
      "//etc/passwd",
      `/${"..%2f".repeat(20)}etc%2fpasswd`,
    ];
    for (const path of paths) {
      const r = await send("GET", path);
      expect(r.body, path).not.toContain(SECRET);
      expect(r.body, path).not.toContain("root:x:");
      expect([200, 400, 403, 404]).toContain(r.status);
    }
  });

  it("only GET and HEAD", async () => {
    expect((await send("POST", "/", {}, "x")).status).toBe(405);
    const head = await send("HEAD", "/");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it("another Host (a DNS-rebinding page) gets nothing, not even index.html with the token", async () => {
    for (const path of ["/", "/api/studio"]) {
      const r = await send("GET", path, { Host: `evil.example:${port}`, ...auth() });
      expect(r.status).toBe(403);
      expect(r.body).not.toContain(studio.token);
      expect(json(r).error).toMatch(/^Åtkomst nekad/);
    }
  });
});

describe("who may use the API", () => {
  it("no token, a wrong one or one of another length: 403 with a Swedish message", async () => {
    const wrong: Array<Record<string, string>> = [{}, { "X-Blankett-Token": "0".repeat(64) }, { "X-Blankett-Token": studio.token.slice(1) }, { "X-Blankett-Token": studio.token + "0" }];
    for (const headers of wrong) {
      const r = await send("GET", "/api/studio", headers);
      expect(r.status).toBe(403);
      expect(json(r).error).toMatch(/^Åtkomst nekad: studions nyckel/);
    }
  });

  it("an Origin other than its own: 403, also with the right token", async () => {
    for (const origin of ["http://evil.example", `http://localhost:${port}`, "null", `${studio.url}/`]) {
      const r = await send("GET", "/api/studio", { ...auth(), Origin: origin });
      expect(r.status, origin).toBe(403);
      expect(json(r).error).toMatch(/^Åtkomst nekad: förfrågan kommer inte från studions egen sida/);
    }
    expect((await send("GET", "/api/studio", { ...auth(), Origin: studio.url })).status).toBe(200);
  });

  it("a write without an Origin: 403", async () => {
    const r = await send("PUT", "/api/variants/fia/ny", { ...auth(), "Content-Type": "application/json" }, JSON.stringify({ name: "ny", title: "Ny", base: "fia@1.0.0" }));
    expect(r.status).toBe(403);
    expect(existsSync(join(root, "schemas/fia/variants/ny.overlay.json"))).toBe(false);
  });

  it("no CORS headers, not even on a preflight", async () => {
    const replies = [
      await send("OPTIONS", "/api/studio", { Origin: "http://evil.example", "Access-Control-Request-Method": "PUT" }),
      await send("GET", "/api/studio", auth()),
      await send("GET", "/"),
    ];
    for (const r of replies) expect(Object.keys(r.headers).filter((h) => h.startsWith("access-control-"))).toEqual([]);
    expect(replies[0]!.status).toBe(403);
  });
});

describe("reading", () => {
  it("GET /api/studio: the folder, instruments with versions, variants", async () => {
    const r = json(await send("GET", "/api/studio", auth()));
    expect(r.folder).toBe(root);
    expect(r.instruments).toEqual([
      { name: "barnahuslogg", versions: ["1.0.0", "2.0.0", "2.1.0"] },
      { name: "fia", versions: ["1.0.0", "1.1.0", "2.0.0", "2.1.0"] },
      { name: "sue", versions: ["1.0.0", "2.0.0"] },
    ]);
    expect(r.variants).toEqual(
      expect.arrayContaining([
        { instrument: "fia", name: "exempelby", base: "fia@1.0.0", title: "Exempelby kommun" },
        { instrument: "sue", name: "provkommun", base: "sue@1.0.0", title: "Provkommun" },
      ]),
    );
  });

  it("schemas, indicators (or 404), migrations and variants", async () => {
    expect(json(await send("GET", "/api/schemas/fia/1.0.0", auth()))).toEqual(readJson(join(ROOT, "schemas/fia/1.0.0.schema.json")));
    expect(json(await send("GET", "/api/indicators/sue/1.0.0", auth()))).toEqual(readJson(join(ROOT, "schemas/sue/1.0.0.indicators.json")));
    expect((await send("GET", "/api/indicators/fia/1.0.0", auth())).status).toBe(404);
    const migrations = json(await send("GET", "/api/migrations/fia", auth()));
    expect(Array.isArray(migrations) && migrations.length).toBeGreaterThan(0);
    expect((json(await send("GET", "/api/migrations/sue", auth())) as Array<{ from: string; to: string }>).map((m) => `${m.from}-${m.to}`)).toEqual(["1.0.0-2.0.0"]);
    expect(json(await send("GET", "/api/variants/fia/exempelby", auth()))).toEqual(readJson(join(ROOT, "schemas/fia/variants/exempelby.overlay.json")));
    expect((await send("GET", "/api/variants/fia/finnsinte", auth())).status).toBe(404);
    expect((await send("GET", "/api/schemas/fia/9.9.9", auth())).status).toBe(404);
    expect((await send("GET", "/api/schemas/..%2f..%2fetc/passwd", auth())).status).toBe(400);
    expect((await send("GET", "/api/okand", auth())).status).toBe(404);
  });
});

describe("saving a variant", () => {
  const overlay = (name: string, extra: Record<string, unknown> = {}) => ({ name, title: "Testkommun", base: "fia@1.0.0", hide: ["intervju.intervjuare"], ...extra });

  it("PUT writes exactly schemas/<instrument>/variants/<name>.overlay.json and nothing else", async () => {
    const before = snapshot();
    const r = await send("PUT", "/api/variants/fia/testkommun", writeHeaders(), JSON.stringify(overlay("testkommun")));
    expect(r.status).toBe(200);
    expect(json(r)).toEqual({ saved: true, file: "schemas/fia/variants/testkommun.overlay.json", violations: [] });
    const file = join(root, "schemas/fia/variants/testkommun.overlay.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(overlay("testkommun"));
    const after = snapshot();
    expect(after.filter((l) => !before.includes(l)).map((l) => l.split(" ")[0])).toEqual(["root/schemas/fia/variants/testkommun.overlay.json"].map((p) => relative(root, join(tmp, p))));
    expect(before.filter((l) => !after.includes(l))).toEqual([]);
    // Saved again: replaced, still one file, no temporary file left behind.
    await send("PUT", "/api/variants/fia/testkommun", writeHeaders(), JSON.stringify(overlay("testkommun", { title: "Ändrad" })));
    expect(readdirSync(join(root, "schemas/fia/variants")).sort()).toEqual(["exempelby.overlay.json", "testkommun.overlay.json"]);
    expect(json(await send("GET", "/api/variants/fia/testkommun", auth())).title).toBe("Ändrad");
  });

  it("a variant with violations is saved, and its violations are the lines of blankett overlay check (indicators included)", async () => {
    const broken = { ...readJson<Record<string, unknown>>(join(ROOT, "schemas/sue/variants/provkommun.overlay.json")), name: "provtest" };
    const r = json(await send("PUT", "/api/variants/sue/provtest", writeHeaders(), JSON.stringify(broken)));
    expect(r.saved).toBe(true);
    expect(r.violations).toHaveLength(7);
    expect(r.violations).toContain(
      "/hide/1: ”brukaruppfoljning.nojdhet” läses av indikatorn nojda (brukaruppfoljning.nojdhet) och får inte döljas [dolj-poangsatt: Frågor som regler eller indikatorer läser får inte döljas]",
    );
  });

  it("creates variants/ for an instrument that has none yet", async () => {
    expect(existsSync(join(root, "schemas/barnahuslogg/variants"))).toBe(false);
    const r = await send("PUT", "/api/variants/barnahuslogg/lokal", writeHeaders(), JSON.stringify({ name: "lokal", title: "Lokal", base: "barnahuslogg@1.0.0" }));
    expect(json(r)).toMatchObject({ saved: true, file: "schemas/barnahuslogg/variants/lokal.overlay.json" });
    expect(readdirSync(join(root, "schemas/barnahuslogg/variants"))).toEqual(["lokal.overlay.json"]);
  });

  it("refuses every other target, a mismatched name and bad bodies, writing nothing", async () => {
    const before = snapshot();
    const body = (name: string) => JSON.stringify(overlay(name));
    const cases: Array<[string, string | Buffer, Record<string, string>?]> = [
      ["/api/variants/fia/..%2f..%2f..%2fx", body("x")],
      ["/api/variants/fia/..", body("..")],
      ["/api/variants/fia/a%2fb", body("a/b")],
      ["/api/variants/fia/a%5cb", body("a\\b")],
      ["/api/variants/..%2ffia/x", body("x")],
      ["/api/variants/fia/x/y", body("x")],
      ["/api/variants/okand/x", JSON.stringify({ name: "x", title: "X", base: "okand@1.0.0" })],
      ["/api/variants/types/x", body("x")],
      ["/api/variants/fia/Stor", body("Stor")],
      ["/api/variants/fia/-x", body("-x")],
      ["/api/variants/fia/" + "a".repeat(65), body("a".repeat(65))],
      ["/api/variants/fia/annan", body("testkommun")],
      ["/api/variants/fia/utannamn", JSON.stringify({ title: "X", base: "fia@1.0.0" })],
      ["/api/variants/fia/lista", "[]"],
      ["/api/variants/fia/trasig", "{ name: "],
      ["/api/variants/fia/djup", `{"name":"djup","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`],
      ["/api/variants/fia/stor", JSON.stringify({ ...overlay("stor"), description: "x".repeat(1024 * 1024) })],
      ["/api/variants/fia/latin1", Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe5, 0x22, 0x7d])],
      ["/api/variants/fia/text", body("text"), { ...writeHeaders(), "Content-Type": "text/plain" }],
      ["/api/schemas/fia/1.0.0", JSON.stringify({})],
      ["/api/studio", JSON.stringify({})],
    ];
    for (const [path, payload, headers] of cases) {
      const r = await send("PUT", path, headers ?? writeHeaders(), payload);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
      expect(typeof json(r).error, path).toBe("string");
    }
    expect(snapshot()).toEqual(before);
  });
});

describe("blankett studio", () => {
  const io = { out: () => undefined, err: () => undefined };

  it("needs a folder with schemas/ and a valid port", async () => {
    await expect(studioCommand(io, ["--dir", tmp])).rejects.toThrow(InputError);
    await expect(studioCommand(io, ["--dir", tmp])).rejects.toThrow(/har ingen undermapp schemas/);
    await expect(studioCommand(io, ["--port", "abc", "--dir", root])).rejects.toThrow(/--port/);
    await expect(studioCommand(io, ["--port", "70000", "--dir", root])).rejects.toThrow(/--port/);
    await expect(studioCommand(io, ["--okand"])).rejects.toThrow(/Okänd flagga/);
  });

  it("--help says how to use it", async () => {
    const out: string[] = [];
    expect(await studioCommand({ out: (l) => out.push(l), err: () => undefined }, ["--help"])).toBe(0);
    expect(out.join("\n")).toContain("blankett studio [--port N] [--dir mapp]");
  });

  it("starts on the given port and prints the address with the studio view, or says how to build the app", async () => {
    const out: string[] = [];
    const stop = new AbortController();
    const running = studioCommand({ out: (l) => out.push(l), err: () => undefined }, ["--port", "0", "--dir", root], stop.signal);
    const built = existsSync(join(ROOT, "examples/dist/index.html"));
    if (!built) {
      await expect(running).rejects.toThrow(/npm run build:examples/);
      return;
    }
    for (let i = 0; i < 100 && out.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(out[0]).toMatch(/^Variantstudion är igång: http:\/\/127\.0\.0\.1:\d+\/\?view=studio$/);
    stop.abort();
    expect(await running).toBe(0);
  });
});
