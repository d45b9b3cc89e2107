import { evaluateCondition } from "../rules/condition.ts";
import { checkDocument } from "../rules/check.ts";
import type { Finding, RuleResult } from "../rules/types.ts";
import type { JsonSchema } from "../schema/types.ts";
import type { FieldError, ValidationMode } from "../validation/validator.ts";
import { buildFormModel, type FormNode } from "./model.ts";
import { getIn, pointerOf } from "./paths.ts";

export interface FormStateOptions {
  /** Pointers of fields the person has left (blurred) after editing. */
  touched?: ReadonlySet<string>;
  /** After a submit attempt every error is shown. */
  submitted?: boolean;
  mode?: ValidationMode;
}

export interface ShownError {
  pointer: string;
  label: string;
  message: string;
}

export interface FormState {
  /** Pointers of questions not shown now (their answers are kept, never dropped). */
  hidden: ReadonlySet<string>;
  /** Errors to show now, in form order: touched fields, or all after a submit attempt. */
  errors: ShownError[];
  /** Every error, shown or not (a submit is refused while there are any). */
  errorCount: number;
  warnings: Finding[];
  results: RuleResult[];
  unanswered: FieldError[];
}

/** Walks the model over the answers and collects the pointers whose condition is false. */
export function hiddenPointers(schema: JsonSchema, doc: unknown): Set<string> {
  const hidden = new Set<string>();
  const visit = (nodes: FormNode[], base: (string | number)[], row: unknown) => {
    for (const node of nodes) {
      const path = [...base, ...node.path];
      const pointer = pointerOf(path);
      if (node.visibleWhen !== undefined && !evaluateCondition(node.visibleWhen, doc, node.inRow ? row : undefined)) {
        hidden.add(pointer);
        continue;
      }
      if (node.kind === "group" && node.children) visit(node.children, node.inRow ? base : [], row);
      if (node.kind === "table" && node.children) {
        const rows = getIn(doc, path);
        if (Array.isArray(rows)) rows.forEach((r, i) => visit(node.children!, [...path, i], r));
      }
    }
  };
  visit(buildFormModel(schema).sections, [], undefined);
  return hidden;
}

function under(pointer: string, hidden: ReadonlySet<string>): boolean {
  for (const h of hidden) if (pointer === h || pointer.startsWith(h + "/")) return true;
  return false;
}

/**
 * What a renderer shows for the current answers. Validation and rules come from the engine; the
 * only presentational policy here is when an error becomes visible: after the field is touched
 * or on a submit attempt, never while someone types their first character.
 */
export function computeFormState(schema: JsonSchema, doc: unknown, options: FormStateOptions = {}): FormState {
  const hidden = hiddenPointers(schema, doc);
  const report = checkDocument(schema, doc, options.mode ?? "complete");
  const all = report.errors.filter((e) => !under(e.pointer, hidden));
  const shown = (p: string) => {
    if (options.submitted) return true;
    for (const t of options.touched ?? []) if (p === t || p.startsWith(t + "/")) return true;
    return false;
  };
  return {
    hidden,
    errors: all.filter((e) => shown(e.pointer)).map((e) => ({ pointer: e.pointer, label: "label" in e ? e.label : "", message: e.message })),
    errorCount: all.length,
    warnings: report.warnings,
    results: report.results,
    unanswered: report.unanswered,
  };
}
