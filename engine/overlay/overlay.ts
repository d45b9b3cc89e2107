import type { JsonSchema } from "../schema/types.ts";
import { planOverlay, type CheckOptions } from "./check.ts";
import { build, type ApplyResult } from "./build.ts";
import { RULES, type Violation } from "./types.ts";

export { explainViolation, type Explanation } from "./explain.ts";
export { RULES, type LocalItem, type Overlay, type Reader, type RuleId, type Violation } from "./types.ts";
export { rebaseOverlay, type RebaseOptions } from "./rebase.ts";
export { toNational } from "./national.ts";
export { build, type ApplyResult } from "./build.ts";

/** One line per violation: where in the overlay, what is wrong, and the rule (its id and name). */
export function formatViolation(v: Violation): string {
  return `${v.pointer || "/"}: ${v.message} [${v.rule}: ${RULES[v.rule]}]`;
}

/**
 * The effective schema of an overlay on its base version, or every rule it breaks. The result is
 * linted like any schema (with the variant's identity rules): a local item with an unknown hint
 * or keyword is a violation too.
 */
export function applyOverlay(overlay: unknown, base: JsonSchema, options: CheckOptions = {}): ApplyResult {
  const { violations, plan } = planOverlay(overlay, base, options);
  if (!plan) return { violations };
  return build(plan, base);
}

/** What the variant studio and `blankett overlay check`/`apply` pass: nothing else changes the result. */
export interface VariantOptions {
  /** The base version's indicator definitions (`<instrument>/<version>.indicators.json`), parsed JSON. */
  indicators?: unknown;
  /** The overlay's file name (`<name>.overlay.json`, under `<instrument>/variants/` when it is there). */
  fileName?: string;
}

/**
 * THE check of a variant on its own base version: the one function the CLI (`blankett overlay
 * check` and `apply`) and the variant studio in the browser call, so both show the same
 * violations. Give it the base's indicator definitions when the base has any: without them,
 * items that only indicators read are not known to be scored. Browser-safe (no Node imports).
 */
export function checkVariant(overlay: unknown, base: JsonSchema, options: VariantOptions = {}): ApplyResult {
  return applyOverlay(overlay, base, {
    ...(options.indicators !== undefined ? { indicators: options.indicators } : {}),
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
  });
}

/** Only the violations (what `blankett overlay check` prints). */
export function checkOverlay(overlay: unknown, base: JsonSchema, options: CheckOptions = {}): Violation[] {
  return applyOverlay(overlay, base, options).violations;
}

