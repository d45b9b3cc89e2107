import { loadRegistry } from "../../node/files.ts";
import { EXIT_OK, type Output } from "../output.ts";

export function listCommand(io: Output): number {
  for (const e of loadRegistry().list()) io.out(`${e.name.padEnd(14)} ${e.versions.join(", ").padEnd(20)} ${e.title}`);
  return EXIT_OK;
}
