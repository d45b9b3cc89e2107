import { escapeSegment, parsePointer } from "../schema/pointer.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { localAbout, planOverlay, type CheckOptions, type Plan } from "./check.ts";
import { buildEffective } from "./effective.ts";
import { effectiveSchemaIssues } from "./identity.ts";
import { LOCAL_NAMESPACE } from "./local.ts";
import { RULES, type Violation } from "./types.ts";

export { explainViolation, type Explanation } from "./explain.ts";
export { RULES, type LocalItem, type Overlay, type Reader, type RuleId, type Violation } from "./types.ts";
export { rebaseOverlay, type RebaseOptions } from "./rebase.ts";
export { toNational } from "./national.ts";

export interface ApplyResult {
  /** The effective schema; only when there are no violations. */
  schema?: JsonSchema;
  violations: Violation[];
}

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

export function build(plan: Plan, base: JsonSchema): ApplyResult {
  let schema: JsonSchema;
  try {
    schema = buildEffective(plan, base);
  } catch (e) {
    return { violations: [{ pointer: "", rule: "lint", message: `det effektiva schemat gick inte att bygga: ${(e as Error).message}` }] };
  }
  const issues = effectiveSchemaIssues(schema, base, plan.overlay.name);
  if (issues.length === 0) return { schema, violations: [] };
  return {
    violations: issues.map((i) => {
      const pointer = overlayPointer(schema, plan, i.at);
      const index = /^\/addItems\/(\d+)/.exec(pointer)?.[1];
      const item = index === undefined ? undefined : plan.overlay.addItems?.[Number(index)];
      return {
        pointer,
        rule: "lint" as const,
        message: pointer ? i.message : `${i.message} (i det effektiva schemat vid ${i.at || "/"})`,
        ...(item ? localAbout(item) : {}),
      };
    }),
  };
}

/** A lint issue inside a local item points at that item in the overlay; others name the effective schema's place. */
function overlayPointer(schema: JsonSchema, plan: Plan, at: string): string {
  const props = schema.properties as Record<string, unknown>;
  const local = isSchemaObject(props[LOCAL_NAMESPACE]) ? (props[LOCAL_NAMESPACE] as JsonSchema).$ref : undefined;
  if (typeof local === "string") {
    const prefix = local.slice(1) + "/properties/";
    if (at.startsWith(prefix)) {
      const [key, ...rest] = parsePointer("/" + at.slice(prefix.length));
      const index = (plan.overlay.addItems ?? []).findIndex((item) => item.key === key);
      if (index >= 0) return `/addItems/${index}/schema` + rest.map((s) => "/" + escapeSegment(s)).join("");
    }
  }
  return "";
}
