import { loadRegistry, variantsOf } from "../../node/files.ts";
import { EXIT_OK, type Output } from "../output.ts";

/**
 * `blankett list`: each instrument with its versions and title; under it, the local variants
 * shipped for it, each under the version it is written for, as the reference that names it.
 */
export function listCommand(io: Output): number {
  for (const e of loadRegistry().list()) {
    io.out(`${e.name.padEnd(14)} ${e.versions.join(", ").padEnd(20)} ${e.title}`);
    const variants = variantsOf(e.name);
    for (const version of e.versions) {
      const ref = `${e.name}@${version}`;
      for (const v of variants.filter((x) => x.base === ref)) io.out(`  ${`${ref}+${v.name}`.padEnd(33)} ${v.title || v.name}`);
    }
  }
  return EXIT_OK;
}
