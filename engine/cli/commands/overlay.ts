import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { InputError, baseIndicators, loadSchemaRef, readOverlayFile } from "../../node/files.ts";
import { writeOutFile } from "../../node/writeGuard.ts";
import { parseInstrumentRef, refOf } from "../../schema/registry.ts";
import { shapeViolations } from "../../overlay/check.ts";
import { checkVariant, formatViolation } from "../../overlay/overlay.ts";
import { rebaseOverlay } from "../../overlay/rebase.ts";
import type { Violation } from "../../overlay/types.ts";
import { EXIT_INVALID, EXIT_OK, type Output } from "../output.ts";

export interface OverlayCommandOptions {
  /** apply: write the effective schema here instead of stdout. */
  out?: string;
  /** apply: the version to apply the overlay to, when not its own `base` (a rebase). */
  base?: string;
  /** apply: replace an existing --out file. */
  force?: boolean;
}


function print(write: (line: string) => void, file: string, violations: Violation[], what: string): void {
  write(`${file}: ${violations.length} ${what}`);
  for (const v of violations) write("  " + formatViolation(v));
}

/**
 * `blankett overlay check <overlay.json>`: every rule the overlay breaks, one line each with the
 * overlay's JSON Pointer and the rule (exit 1 if any). `blankett overlay apply <overlay.json>
 * [--out file] [--base formulär@version]`: the effective schema, to stdout or a file; with
 * `--base` another version than the overlay's own, conflicts are reported instead (exit 1) and
 * nothing is written.
 */
export async function overlayCommand(io: Output, action: string, file: string, opts: OverlayCommandOptions = {}): Promise<number> {
  if (action !== "check" && action !== "apply") throw new InputError(`Okänd overlay-åtgärd ”${action}”: välj check eller apply`);
  if (action === "check" && (opts.out !== undefined || opts.base !== undefined || opts.force)) throw new InputError("--out, --force och --base hör till overlay apply");
  const overlay = readOverlayFile(file);
  const write = action === "check" ? io.out : io.err;

  // Without a readable `base` there is nothing to check against: report the overlay's shape.
  const shape = shapeViolations(overlay);
  if (shape.length > 0) {
    print(write, file, shape, "regelbrott");
    return EXIT_INVALID;
  }
  const o = overlay as { base: string; name: string };
  const base = loadSchemaRef(o.base);

  if (action === "check") {
    const { violations } = checkVariant(overlay, base, { indicators: baseIndicators(base), fileName: file });
    if (violations.length === 0) {
      io.out(`${file}: inga regelbrott (variant ${o.name} av ${refOf(base)})`);
      return EXIT_OK;
    }
    print(io.out, file, violations, "regelbrott");
    return EXIT_INVALID;
  }

  const named = opts.base === undefined ? undefined : parseInstrumentRef(opts.base);
  if (opts.base !== undefined && !(named?.version && !named.variant) && !opts.base.endsWith(".json")) {
    throw new InputError(`--base ska vara formulär@version, till exempel fia@1.1.0`);
  }
  const target = opts.base === undefined ? base : loadSchemaRef(opts.base);
  const rebase = refOf(target) !== refOf(base);
  const result = rebase
    ? rebaseOverlay(overlay, base, target, { fromIndicators: baseIndicators(base), toIndicators: baseIndicators(target), fileName: file })
    : checkVariant(overlay, base, { indicators: baseIndicators(base), fileName: file });
  if (!result.schema) {
    const n = result.violations.length;
    print(io.err, file, result.violations, rebase ? `${n === 1 ? "konflikt" : "konflikter"} mot ${refOf(target)}, inget skrevs` : "regelbrott, inget skrevs");
    return EXIT_INVALID;
  }
  const text = JSON.stringify(result.schema, null, 2) + "\n";
  if (opts.out === undefined) io.out(text.trimEnd());
  else {
    if (realPath(opts.out) === realPath(file)) throw new InputError("--out får inte vara overlayfilen själv");
    writeOutFile(opts.out, text, { force: !!opts.force, inputs: [file] });
    io.err(`Skrev det effektiva schemat för varianten ${o.name} av ${refOf(target)} till ${opts.out}`);
  }
  if (rebase) io.err(`Inga konflikter mot ${refOf(target)}. Ändra ”base” i overlayn till ${refOf(target)} när ändringen är granskad.`);
  return EXIT_OK;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
