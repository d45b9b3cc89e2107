import type { RuleResult } from "../rules/types.ts";
import type { JsonSchema } from "../schema/types.ts";
import { schemaAt, uiOf } from "../schema/walk.ts";
import type { FormModel, FormNode } from "./model.ts";
import { getIn, setIn } from "./paths.ts";

/**
 * Fields filled in by the form from a value rule (`x-ui.computedFrom: "<rule id>"`), such as the
 * barnahuslogg's Gallringsdatum from the rule `gallringsdatum`: the person never types them (lint
 * requires them readonly), and what is saved and submitted carries the value the rules gave.
 * Only fields outside table rows (a rule has one result per document, not one per row).
 */
export interface ComputedField {
  /** Answer path from the document root. */
  path: readonly string[];
  /** The value rule whose result is written there. */
  rule: string;
}

const found = new WeakMap<FormModel, ComputedField[]>();

/** The computed fields of a form, in form order; found once per model. */
export function computedFields(schema: JsonSchema, model: FormModel): ComputedField[] {
  let fields = found.get(model);
  if (fields) return fields;
  fields = [];
  const visit = (nodes: readonly FormNode[]): void => {
    for (const node of nodes) {
      // Table rows are left out: their fields are per row, a rule's result is per document.
      if (node.kind === "table" || node.inRow) continue;
      if (node.kind === "group") visit(node.children ?? []);
      else {
        const rule = uiOf(schemaAt(schema, node.path)).computedFrom;
        if (rule !== undefined) fields!.push({ path: node.path, rule });
      }
    }
  };
  visit(model.sections);
  found.set(model, fields);
  return fields;
}

/**
 * The answers with every computed field set to its rule's result, or removed when the rule gives
 * nothing (null, or no such result); the same object when nothing changed, so a caller can tell
 * whether another pass is needed by identity.
 */
export function applyComputed(doc: Record<string, unknown>, fields: readonly ComputedField[], results: readonly RuleResult[]): Record<string, unknown> {
  let out = doc;
  for (const field of fields) {
    const value = results.find((r) => r.id === field.rule)?.value ?? null;
    const current = getIn(out, field.path);
    if (value === null) {
      if (current !== undefined) out = setIn(out, field.path, undefined) as Record<string, unknown>;
    } else if (!sameValue(current, value)) {
      out = setIn(out, field.path, value) as Record<string, unknown>;
    }
  }
  return out;
}

/** Results are JSON (a date, a number, a code, at most a small list): compared as JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "object" && a !== null && typeof b === "object" && b !== null && JSON.stringify(a) === JSON.stringify(b));
}
