/**
 * A tiny static server for the embedding example and its browser test: serves examples/embed/
 * at / and the built bundles at /dist/, every response with a strict Content-Security-Policy,
 * and records the page form's POSTs (the test reads what the form sent).
 *
 *   npm run build:lit && npx tsx examples/embed/serve.ts      → http://127.0.0.1:<port>/
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

const EMBED_DIR = import.meta.dirname;
const DEFAULT_DIST = resolve(EMBED_DIR, "../../renderers/lit/dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

export interface Posted {
  path: string;
  contentType: string;
  body: string;
}

export interface EmbedServer {
  url: string;
  server: Server;
  posted: Posted[];
  close(): Promise<void>;
}

/** The file under `dir` for a URL path, or undefined (never anything outside `dir`). */
function fileIn(dir: string, urlPath: string): string | undefined {
  const file = resolve(dir, "." + urlPath);
  if (file !== dir && !file.startsWith(dir + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 5_000_000) req.destroy(new Error("för stor"));
      else chunks.push(c);
    });
    req.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

/** A request's path, percent-decoded; undefined when it cannot be (a malformed URL). */
function pathOf(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
  } catch {
    return undefined;
  }
}

/** The file under `dir` for a URL path ("/" is index.html), or undefined; for startServer. */
export function filesUnder(dir: string): (urlPath: string) => string | undefined {
  return (urlPath) => fileIn(dir, urlPath === "/" ? "/index.html" : urlPath);
}

/**
 * A loopback server on a free port: GET answers with the file `fileFor` names (never a .ts
 * source), POST is recorded and answered "Ärendet är sparat"; every response carries `csp` (null: none).
 */
export async function startServer(fileFor: (urlPath: string) => string | undefined, csp: string | null = CSP): Promise<EmbedServer> {
  const posted: Posted[] = [];
  const server = createServer((req, res) => {
    if (csp) res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    const path = pathOf(req.url);
    if (path === undefined || path.includes("\0")) {
      // A malformed URL is the client's mistake: answer it, and keep serving.
      req.resume();
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Felaktig adress");
      return;
    }
    if (req.method === "POST") {
      readBody(req).then(
        (body) => {
          posted.push({ path, contentType: String(req.headers["content-type"] ?? ""), body });
          res.writeHead(200, { "Content-Type": TYPES[".html"] });
          res.end('<!doctype html><html lang="sv"><meta charset="utf-8"><title>Sparat</title><h1>Ärendet är sparat</h1></html>');
        },
        () => {
          res.writeHead(400).end();
        },
      );
      return;
    }
    const file = fileFor(path);
    if (!file || file.endsWith(".ts") || req.method !== "GET") {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Finns inte");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    const stream = createReadStream(file);
    // A file that goes away while it is read ends that answer, not the server.
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  });
  // Neither a client that hangs up nor a broken request may end the server.
  server.on("clientError", (_e, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    posted,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** The embed example: its page at /, the built bundles at /dist/, under the strict CSP. */
export function startEmbedServer(distDir = DEFAULT_DIST): Promise<EmbedServer> {
  const page = filesUnder(EMBED_DIR);
  return startServer((path) => (path.startsWith("/dist/") ? fileIn(distDir, path.slice("/dist".length)) : page(path)));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { url } = await startEmbedServer(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_DIST);
  console.log(`Inbäddningsexemplet: ${url}`);
}
