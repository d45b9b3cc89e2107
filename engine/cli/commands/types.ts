import { relative } from "node:path";
import { precompileAll } from "../../node/precompile.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, type Output } from "../output.ts";

export async function typesCommand(io: Output, check: boolean): Promise<number> {
  // Types and precompiled validators are both generated from the schemas; one command keeps both current.
  let generateTypes: typeof import("../../node/types.ts").generateTypes;
  try {
    ({ generateTypes } = await import("../../node/types.ts"));
  } catch {
    io.err("Kommandot types behöver paketet json-schema-to-typescript: npm install --save-dev json-schema-to-typescript");
    return EXIT_UNUSABLE;
  }
  const types = await generateTypes(check);
  const validators = precompileAll(check);
  const written = [...types.written, ...validators.written];
  const stale = [...types.stale, ...validators.stale];
  const rel = (p: string) => relative(process.cwd(), p);
  if (check) {
    if (stale.length === 0) {
      io.out("Typerna och de förkompilerade valideringarna är aktuella.");
      return EXIT_OK;
    }
    for (const p of stale) io.err(`Inaktuell genererad fil: ${rel(p)} (kör npm run types)`);
    return EXIT_INVALID;
  }
  for (const p of written) io.out(`Skrev ${rel(p)}`);
  if (written.length === 0) io.out("Typerna var redan aktuella.");
  return EXIT_OK;
}
