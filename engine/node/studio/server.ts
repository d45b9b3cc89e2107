import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import type { JsonSchema } from "../../schema/types.ts";
import { shapeViolations } from "../../overlay/check.ts";
import { checkVariant, formatViolation } from "../../overlay/overlay.ts";
import type { Violation } from "../../overlay/types.ts";
import { readJsonFile } from "../files.ts";
import { decodeUtf8, describeJsonFailure, parseJson } from "../limits.ts";

/**
 * The local server of the variant studio (`blankett studio`): serves the built example app and a
 * small JSON API over one folder (`<root>/schemas/...`), so a municipality can edit its variants
 * in the browser and save them as overlay files.
 *
 * Only this machine can reach it, and only the page it served: it binds 127.0.0.1; every request
 * must name this server as its Host (a DNS-rebinding page names its own); the API needs the
 * token injected into the served index.html (a new one on every start, compared in constant
 * time), and a request with an Origin, and every write, must come from the server's own origin.
 * No CORS headers are ever sent. It writes exactly one kind of file,
 * `<root>/schemas/<instrument>/variants/<name>.overlay.json` (atomically), and never deletes one.
 * Nothing is logged: answers and overlays stay out of the console.
 */

export interface StudioOptions {
  /** The folder with `schemas/` (the repository, or a municipality's copy). */
  root: string;
  /** 0 (the default) picks any free port. */
  port?: number;
  /** The built example app (its index.html and assets). */
  appDir: string;
}

export interface Studio {
  /** `http://127.0.0.1:<port>` (no path). */
  url: string;
  token: string;
  close(): Promise<void>;
}

/** Instrument and variant names in API paths and file names. */
export const STUDIO_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const VERSION = /^\d+\.\d+\.\d+$/;
/** A PUT body larger than this is refused before it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const FORBIDDEN_TOKEN = "Åtkomst nekad: studions nyckel saknas eller stämmer inte. Öppna studion från adressen som blankett studio skrev ut.";
const FORBIDDEN_ORIGIN = "Åtkomst nekad: förfrågan kommer inte från studions egen sida.";
const FORBIDDEN_HOST = "Åtkomst nekad: studion svarar bara på sin egen adress (127.0.0.1).";

const inside = (dir: string, path: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(token, "utf8");
  // Lengths differ: compare b with itself so the time taken does not depend on the given value.
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}

export async function startStudio(options: StudioOptions): Promise<Studio> {
  const root = realpathSync(resolve(options.root));
  const schemasDir = join(root, "schemas");
  if (!existsSync(schemasDir) || !statSync(schemasDir).isDirectory()) throw new Error(`Mappen ${root} har ingen undermapp schemas`);
  const appDir = realpathSync(resolve(options.appDir));
  const token = randomBytes(32).toString("hex");
  let origin = "";
  let host = "";

  // --- files under <root>/schemas --------------------------------------------------------------

  const instrumentDir = (instrument: string): string => {
    if (!STUDIO_NAME.test(instrument)) throw new HttpError(400, "Ogiltigt namn på formuläret");
    const dir = join(schemasDir, instrument);
    if (!existsSync(dir) || !statSync(dir).isDirectory() || versionsOf(dir).length === 0) throw new HttpError(404, `Formuläret ${instrument} finns inte i mappen`);
    if (!inside(schemasDir, realpathSync(dir))) throw new HttpError(403, "Formulärets mapp ligger utanför studions mapp");
    return dir;
  };
  const versionsOf = (dir: string): string[] =>
    readdirSync(dir)
      .map((f) => /^(\d+\.\d+\.\d+)\.schema\.json$/.exec(f)?.[1])
      .filter((v): v is string => v !== undefined)
      .sort(compareVersions);
  const readInside = (file: string, maxBytes?: number): unknown => {
    if (!existsSync(file)) throw new HttpError(404, "Filen finns inte");
    if (!inside(schemasDir, realpathSync(file))) throw new HttpError(403, "Filen ligger utanför studions mapp");
    try {
      return readJsonFile(file, maxBytes);
    } catch (e) {
      throw new HttpError(422, e instanceof Error ? e.message : "Filen går inte att läsa");
    }
  };
  const schemaFile = (instrument: string, version: string, kind: string): string => {
    if (!VERSION.test(version)) throw new HttpError(400, "Ogiltig version");
    return join(instrumentDir(instrument), `${version}.${kind}.json`);
  };
  const variantFile = (instrument: string, name: string): string => {
    if (!STUDIO_NAME.test(name)) throw new HttpError(400, "Ogiltigt namn på varianten: små bokstäver a–z, siffror och bindestreck");
    return join(instrumentDir(instrument), "variants", `${name}.overlay.json`);
  };

  const overview = () => {
    const instruments: Array<{ name: string; versions: string[] }> = [];
    const variants: Array<{ instrument: string; name: string; base: string; title?: string }> = [];
    for (const entry of readdirSync(schemasDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !STUDIO_NAME.test(entry.name)) continue;
      const dir = join(schemasDir, entry.name);
      const versions = versionsOf(dir);
      if (versions.length === 0) continue;
      instruments.push({ name: entry.name, versions });
      const vdir = join(dir, "variants");
      if (!existsSync(vdir)) continue;
      for (const f of readdirSync(vdir).sort()) {
        const name = /^(.+)\.overlay\.json$/.exec(f)?.[1];
        if (name === undefined || !STUDIO_NAME.test(name)) continue;
        let overlay: unknown;
        try {
          overlay = readInside(join(vdir, f), MAX_BODY_BYTES);
        } catch {
          overlay = undefined;
        }
        const o = (overlay !== null && typeof overlay === "object" ? overlay : {}) as { base?: unknown; title?: unknown };
        variants.push({ instrument: entry.name, name, base: typeof o.base === "string" ? o.base : "", ...(typeof o.title === "string" ? { title: o.title } : {}) });
      }
    }
    instruments.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { folder: root, instruments, variants };
  };

  const migrations = (instrument: string): unknown[] => {
    const dir = join(instrumentDir(instrument), "migrations");
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => readInside(join(dir, f)));
  };

  /** The lines `blankett overlay check` would print for this overlay, from the files in this folder. */
  const violationsOf = (overlay: unknown, file: string): string[] => {
    const shape = shapeViolations(overlay);
    if (shape.length > 0) return shape.map(formatViolation);
    const ref = String((overlay as { base: string }).base);
    const [name, version] = ref.split("@") as [string, string];
    const baseFile = join(schemasDir, name, `${version}.schema.json`);
    if (!STUDIO_NAME.test(name) || !existsSync(baseFile)) {
      const v: Violation = { pointer: "/base", rule: "grundversion", message: `grundversionen ${ref} finns inte i mappen` };
      return [formatViolation(v)];
    }
    const base = readInside(baseFile) as JsonSchema;
    const indicatorFile = join(schemasDir, name, `${version}.indicators.json`);
    const indicators = existsSync(indicatorFile) ? readInside(indicatorFile) : undefined;
    return checkVariant(overlay, base, { ...(indicators !== undefined ? { indicators } : {}), fileName: file }).violations.map(formatViolation);
  };

  const save = async (req: IncomingMessage, instrument: string, name: string) => {
    const file = variantFile(instrument, name);
    const type = String(req.headers["content-type"] ?? "");
    if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, "Skicka varianten som JSON (Content-Type: application/json)");
    const bytes = await readBody(req);
    const decoded = decodeUtf8(bytes);
    if ("invalidAt" in decoded) throw new HttpError(400, "Varianten är inte giltig UTF-8");
    const parsed = parseJson(decoded.text);
    if (!("value" in parsed)) throw new HttpError(400, `Varianten är ${describeJsonFailure(parsed.failure, decoded.text, true)}`);
    const overlay = parsed.value;
    if (overlay === null || typeof overlay !== "object" || Array.isArray(overlay)) throw new HttpError(400, "Varianten ska vara ett JSON-objekt");
    if ((overlay as { name?: unknown }).name !== name) throw new HttpError(400, `Variantens namn (”name”) ska vara ${name}, som filen`);
    const dir = join(instrumentDir(instrument), "variants");
    const relative = `schemas/${instrument}/variants/${name}.overlay.json`;
    const violations = violationsOf(overlay, relative);
    if (!existsSync(dir)) mkdirSync(dir);
    if (!inside(schemasDir, realpathSync(dir))) throw new HttpError(403, "Mappen variants ligger utanför studions mapp");
    const tmp = join(dir, `.${name}.overlay.json.${randomBytes(6).toString("hex")}.tmp`);
    try {
      writeFileSync(tmp, JSON.stringify(overlay, null, 2) + "\n", { flag: "wx", mode: 0o644 });
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
      throw new HttpError(500, "Varianten gick inte att spara");
    }
    return { saved: true, file: relative, violations };
  };

  // --- the API ----------------------------------------------------------------------------------

  const api = async (req: IncomingMessage, path: string[]): Promise<unknown> => {
    const method = req.method ?? "GET";
    const get = method === "GET" || method === "HEAD";
    const [what, a, b, ...rest] = path;
    if (rest.length > 0) throw new HttpError(404, "Okänd adress");
    if (what === "studio" && a === undefined) {
      if (!get) throw new HttpError(405, "Metoden stöds inte");
      return overview();
    }
    if (what === "schemas" && a !== undefined && b !== undefined) {
      if (!get) throw new HttpError(405, "Metoden stöds inte");
      return readInside(schemaFile(a, b, "schema"));
    }
    if (what === "indicators" && a !== undefined && b !== undefined) {
      if (!get) throw new HttpError(405, "Metoden stöds inte");
      const file = schemaFile(a, b, "indicators");
      if (!existsSync(file)) throw new HttpError(404, `Versionen ${a}@${b} har inga indikatorer`);
      return readInside(file);
    }
    if (what === "migrations" && a !== undefined && b === undefined) {
      if (!get) throw new HttpError(405, "Metoden stöds inte");
      return migrations(a);
    }
    if (what === "variants" && a !== undefined && b !== undefined) {
      if (get) return readInside(variantFile(a, b), MAX_BODY_BYTES);
      if (method === "PUT") return save(req, a, b);
      throw new HttpError(405, "Metoden stöds inte");
    }
    throw new HttpError(404, "Okänd adress");
  };

  // --- static files -------------------------------------------------------------------------------

  const indexHtml = (): string => {
    const html = readFileSync(join(appDir, "index.html"), "utf8");
    const meta = `<meta name="blankett-studio-token" content="${token}">`;
    const head = /<head[^>]*>/i.exec(html);
    return head ? html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length) : meta + html;
  };

  const serveStatic = (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      decoded = "";
    }
    let file: string | undefined;
    if (decoded !== "" && !decoded.includes("\0") && decoded !== "/" && decoded !== "/index.html") {
      const candidate = resolve(appDir, "." + (decoded.startsWith("/") ? decoded : "/" + decoded));
      if (inside(appDir, candidate) && existsSync(candidate)) {
        const real = realpathSync(candidate);
        if (inside(appDir, real) && statSync(real).isFile()) file = real;
      }
    }
    const head = req.method === "HEAD";
    if (!file) {
      // Anything unknown (a route of the app, a directory, a path outside the app) is the app itself.
      send(res, 200, "text/html; charset=utf-8", indexHtml(), head);
      return;
    }
    send(res, 200, TYPES[extname(file).toLowerCase()] ?? "application/octet-stream", readFileSync(file), head);
  };

  // --- requests ---------------------------------------------------------------------------------------

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.headers.host !== host) return sendJson(res, 403, { error: FORBIDDEN_HOST });
    const url = new URL(req.url ?? "/", origin);
    const isApi = url.pathname === "/api" || url.pathname.startsWith("/api/");
    if (!isApi) {
      if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "Metoden stöds inte" });
      return serveStatic(req, res, url.pathname);
    }
    const write = req.method !== "GET" && req.method !== "HEAD";
    if ((write || req.headers.origin !== undefined) && req.headers.origin !== origin) return sendJson(res, 403, { error: FORBIDDEN_ORIGIN });
    if (!sameToken(req.headers["x-blankett-token"], token)) return sendJson(res, 403, { error: FORBIDDEN_TOKEN });
    let segments: string[];
    try {
      segments = url.pathname.split("/").slice(2).map((s) => decodeURIComponent(s));
    } catch {
      return sendJson(res, 400, { error: "Ogiltig adress" });
    }
    try {
      sendJson(res, 200, await api(req, segments), req.method === "HEAD");
    } catch (e) {
      if (e instanceof HttpError) sendJson(res, e.status, { error: e.message });
      else sendJson(res, 500, { error: "Något gick fel i studion" });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: "Något gick fel i studion" });
      else res.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port ?? 0, host: "127.0.0.1", exclusive: true }, () => {
      server.off("error", reject);
      resolvePromise();
    });
  });
  const port = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return {
    url: origin,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** The request body, refused (413) as soon as it passes MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      reject(new HttpError(413, `Varianten är för stor (högst ${MAX_BODY_BYTES} byte)`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      total += chunk.length;
      if (total > MAX_BODY_BYTES) {
        done = true;
        reject(new HttpError(413, `Varianten är för stor (högst ${MAX_BODY_BYTES} byte)`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!done) resolvePromise(Buffer.concat(chunks, total));
    });
    req.on("error", () => {
      if (!done) reject(new HttpError(400, "Förfrågan avbröts"));
      done = true;
    });
  });
}

const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Content-Security-Policy": "frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head = false): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, { ...COMMON_HEADERS, "Content-Type": type, "Content-Length": String(bytes.length) });
  res.end(head ? undefined : bytes);
}

function sendJson(res: ServerResponse, status: number, value: unknown, head = false): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value), head);
}
