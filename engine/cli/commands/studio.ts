import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { InputError } from "../../node/files.ts";
import { startStudio } from "../../node/studio/server.ts";
import { EXIT_OK, type Output } from "../output.ts";

export const DEFAULT_STUDIO_PORT = 5174;

const USAGE = `Användning: blankett studio [--port N] [--dir mapp]

  Startar variantstudion: en lokal webbsida där en kommun anpassar ett nationellt formulär.
  Studion läser formulären i <mapp>/schemas och sparar varianterna som
  <mapp>/schemas/<formulär>/variants/<namn>.overlay.json. Bara den här datorn når den (127.0.0.1).

  --port N     porten (standard ${DEFAULT_STUDIO_PORT}; 0 väljer en ledig port)
  --dir mapp   mappen med schemas/ (standard: den aktuella mappen)

  Avsluta med Ctrl+C.`;

/**
 * The built example app: `examples/dist` of the repository this engine sits in (found by walking
 * up from this file, so it works from the sources and from engine/dist). Undefined when the engine
 * is not inside the repository.
 */
export function exampleAppDirs(): { examples: string; dist: string } | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const examples = join(dir, "examples");
    if (existsSync(join(examples, "index.html")) && existsSync(join(examples, "vite.config.ts"))) return { examples, dist: join(examples, "dist") };
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

function parseStudioArgs(argv: string[]): { port: number; dir: string; help: boolean } {
  let values: { port?: string; dir?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, allowPositionals: false, strict: true, options: { port: { type: "string" }, dir: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch {
    throw new InputError("Okänd flagga eller argument. Skriv blankett studio --help för hjälp.");
  }
  const port = values.port === undefined ? DEFAULT_STUDIO_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (values.port !== undefined && !/^\d+$/.test(values.port))) {
    throw new InputError("--port ska vara ett heltal mellan 0 och 65535");
  }
  return { port, dir: resolve(values.dir ?? process.cwd()), help: !!values.help };
}

/**
 * `blankett studio [--port N] [--dir <folder>]`: starts the variant studio's local server and
 * prints its address; runs until Ctrl+C (or `signal` aborts, in tests). The example app must be
 * built (`npm run build:examples`): the command says so instead of building it, so it never runs
 * anything but the server.
 */
export async function studioCommand(io: Output, argv: string[], signal?: AbortSignal): Promise<number> {
  const opts = parseStudioArgs(argv);
  if (opts.help) {
    for (const line of USAGE.split("\n")) io.out(line);
    return EXIT_OK;
  }
  if (!existsSync(join(opts.dir, "schemas")) || !statSync(join(opts.dir, "schemas")).isDirectory()) {
    throw new InputError(`Mappen ${opts.dir} har ingen undermapp schemas. Ange mappen med formulären med --dir.`);
  }
  const app = exampleAppDirs();
  if (!app) throw new InputError("Variantstudion är exempelappen i Blanketts källkod, och den finns inte här. Kör blankett studio i en klon av Blankett-förrådet.");
  if (!existsSync(join(app.dist, "index.html"))) {
    throw new InputError(`Exempelappen är inte byggd. Kör npm run build:examples i ${dirname(app.examples)} och starta studion igen.`);
  }
  let studio;
  try {
    studio = await startStudio({ root: opts.dir, port: opts.port, appDir: app.dist });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new InputError(`Porten ${opts.port} används redan. Välj en annan med --port, till exempel --port 0 för vilken ledig port som helst.`);
    if (code === "EACCES") throw new InputError(`Porten ${opts.port} får inte användas. Välj en annan med --port.`);
    throw new InputError(e instanceof Error && !(e as NodeJS.ErrnoException).code ? e.message : "Studion gick inte att starta");
  }
  io.out(`Variantstudion är igång: ${studio.url}/?view=studio`);
  io.out(`Mapp: ${opts.dir}`);
  io.out("Bara den här datorn når studion. Avsluta med Ctrl+C.");
  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      signal?.removeEventListener("abort", stop);
      done();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener("abort", stop);
  });
  await studio.close();
  io.out("Variantstudion är avslutad.");
  return EXIT_OK;
}
