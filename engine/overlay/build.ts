import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { escapeSegment, parsePointer } from "../schema/pointer.ts";
import { localAbout, type Plan } from "./check.ts";
import { buildEffective } from "./effective.ts";
import { effectiveSchemaIssues } from "./identity.ts";
import { LOCAL_NAMESPACE } from "./local.ts";
import type { Violation } from "./types.ts";

/** The effective schema of a checked plan (overlay.ts applies, rebase.ts rebases), linted as any schema. */
export interface ApplyResult {
  /** The effective schema; only when there are no violations. */
  schema?: JsonSchema;
  violations: Violation[];
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
