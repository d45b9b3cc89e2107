import { relative } from "node:path";
import { precompileAll } from "../../node/precompile.ts";
import { InputError, loadSchemaRef } from "../../node/files.ts";
import { EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, printLines, type Output } from "../output.ts";

/**
 * `blankett types [--check]`: the answer types and precompiled validators of every national
 * version, written into the schemas package. `blankett types <formulär@version[+variant]>`: the
 * answer types of one version or local variant, printed (a variant's types are not kept in the
 * package: its effective schema is made from the overlay when needed).
 */
export async function typesCommand(io: Output, check: boolean, ref?: string): Promise<number> {
  // Types and precompiled validators are both generated from the schemas; one command keeps both current.
  let generateTypes: typeof import("../../node/types.ts").generateTypes;
  let typesFor: typeof import("../../node/types.ts").typesFor;
  try {
    ({ generateTypes, typesFor } = await import("../../node/types.ts"));
  } catch {
    io.err("Kommandot types behöver paketet json-schema-to-typescript: npm install --save-dev json-schema-to-typescript");
    return EXIT_UNUSABLE;
  }
  if (ref !== undefined) {
    if (check) throw new InputError("--check gäller alla versioner: skriv blankett types --check utan formulär");
    printLines(io.out, (await typesFor(loadSchemaRef(ref))).source);
    return EXIT_OK;
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
