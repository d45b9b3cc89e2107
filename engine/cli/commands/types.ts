import { relative } from "node:path";
import { generateTypes } from "../../node/types.ts";
import { EXIT_INVALID, EXIT_OK, type Output } from "../output.ts";

export async function typesCommand(io: Output, check: boolean): Promise<number> {
  const { written, stale } = await generateTypes(check);
  const rel = (p: string) => relative(process.cwd(), p);
  if (check) {
    if (stale.length === 0) {
      io.out("Typerna är aktuella.");
      return EXIT_OK;
    }
    for (const p of stale) io.err(`Inaktuell typfil: ${rel(p)} (kör npm run types)`);
    return EXIT_INVALID;
  }
  for (const p of written) io.out(`Skrev ${rel(p)}`);
  if (written.length === 0) io.out("Typerna var redan aktuella.");
  return EXIT_OK;
}
