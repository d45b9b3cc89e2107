import { escapeSegment } from "../schema/pointer.ts";
import { FORBIDDEN_KEYS } from "./paths.ts";
import type { Violation } from "./types.ts";

/** Deeper than this, an overlay is not a hand-written file; later steps may then recurse safely. */
export const MAX_OVERLAY_DEPTH = 40;
/** Values (objects, arrays and scalars) in one overlay; about a megabyte of JSON. */
export const MAX_OVERLAY_NODES = 200_000;
const MAX_FORBIDDEN_REPORTED = 20;

/**
 * A first pass over untrusted overlay JSON, before anything else reads it: iterative (a deeply
 * nested file cannot overflow the stack here), bounded in depth and size, and it refuses keys that
 * reach an object's prototype (`__proto__`, `constructor`, `prototype`) wherever they appear.
 * `fatal` means the rest of the checks must not run: they walk the overlay recursively.
 */
export function scanOverlay(overlay: unknown): { violations: Violation[]; fatal: boolean } {
  const violations: Violation[] = [];
  const stack: Array<[unknown, string, number]> = [[overlay, "", 0]];
  let nodes = 0;
  let forbidden = 0;
  while (stack.length > 0) {
    const [value, pointer, depth] = stack.pop()!;
    if (++nodes > MAX_OVERLAY_NODES) {
      violations.push({ pointer: "", rule: "format", message: `overlayn är för stor (mer än ${MAX_OVERLAY_NODES} värden)` });
      return { violations, fatal: true };
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_OVERLAY_DEPTH) {
      violations.push({ pointer, rule: "format", message: `overlayn är nästlad djupare än ${MAX_OVERLAY_DEPTH} nivåer` });
      return { violations, fatal: true };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], pointer + "/" + i, depth + 1]);
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const at = pointer + "/" + escapeSegment(key);
      if (FORBIDDEN_KEYS.has(key)) {
        if (forbidden++ < MAX_FORBIDDEN_REPORTED) violations.push({ pointer: at, rule: "otillaten-nyckel", message: `nyckeln ”${key}” är inte tillåten` });
        continue;
      }
      stack.push([(value as Record<string, unknown>)[key], at, depth + 1]);
    }
  }
  return { violations, fatal: forbidden > 0 };
}
