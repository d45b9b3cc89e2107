import { evaluateCondition } from "../rules/condition.ts";
import { checkDocument } from "../rules/check.ts";
import type { Finding, RuleResult } from "../rules/types.ts";
import type { JsonSchema } from "../schema/types.ts";
import type { FieldError, ValidationMode } from "../validation/validator.ts";
import { buildFormModel, nodePointer, type FormNode } from "./model.ts";
import { getIn } from "./paths.ts";

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
  /**
   * Every error, shown or not, in form order (a submit is refused while there are any): what
   * validity and the page's events report. The same pass yields both lists.
   */
  allErrors: ShownError[];
  errorCount: number;
  warnings: Finding[];
  results: RuleResult[];
  unanswered: FieldError[];
}

/**
 * Walks the model over the answers and collects the pointers whose condition is false. Pointers
 * are the nodes' own, computed once (nodePointer), with a row's pointer in front inside tables.
 */
export function hiddenPointers(schema: JsonSchema, doc: unknown): Set<string> {
  const hidden = new Set<string>();
  const visit = (nodes: FormNode[], base: (string | number)[], basePointer: string, row: unknown) => {
    for (const node of nodes) {
      const pointer = node.inRow ? basePointer + nodePointer(node) : nodePointer(node);
      if (node.visibleWhen !== undefined && !evaluateCondition(node.visibleWhen, doc, node.inRow ? row : undefined)) {
        hidden.add(pointer);
        continue;
      }
      if (node.kind === "group" && node.children) visit(node.children, node.inRow ? base : [], node.inRow ? basePointer : "", row);
      if (node.kind === "table" && node.children) {
        const path = node.inRow ? [...base, ...node.path] : node.path;
        const rows = getIn(doc, path);
        if (Array.isArray(rows)) rows.forEach((r, i) => visit(node.children!, [...path, i], `${pointer}/${i}`, r));
      }
    }
  };
  visit(buildFormModel(schema).sections, [], "", undefined);
  return hidden;
}

/**
 * Required sections and groups as empty objects (and required lists as empty lists) where the
 * answers have none yet, so that an empty form reports "Ange datum för intervjun" for each
 * question rather than one "Fyll i ”Om intervjun”" for the whole section.
 */
export function scaffold(schema: JsonSchema, doc: unknown): unknown {
  const fill = (nodes: FormNode[], value: unknown): unknown => {
    if (value !== undefined && (value === null || typeof value !== "object" || Array.isArray(value))) return value;
    let out = value as Record<string, unknown> | undefined;
    for (const node of nodes) {
      const key = node.path[node.path.length - 1]!;
      const current = out?.[key];
      if (node.required && current === undefined && (node.kind === "table" || node.widget === "checkboxes" || node.widget === "ranking")) {
        out = { ...(out ?? {}), [key]: [] };
        continue;
      }
      if (node.kind !== "group" || !node.children) continue;
      if (current === undefined && !node.required) continue;
      const filled = fill(node.children, current ?? {});
      if (filled !== current) out = { ...(out ?? {}), [key]: filled };
    }
    return out ?? {};
  };
  return fill(buildFormModel(schema).sections, doc);
}

/** The document a new, empty form starts from. */
export function initialDocument(schema: JsonSchema): Record<string, unknown> {
  return scaffold(schema, { meta: { schema: buildFormModel(schema).ref, status: "draft" } }) as Record<string, unknown>;
}

/** Every answer pointer in form order (rows expanded), to sort messages the way the form reads. */
export function formOrder(schema: JsonSchema, doc: unknown): string[] {
  const out: string[] = [];
  const visit = (nodes: FormNode[], base: (string | number)[], basePointer: string) => {
    for (const node of nodes) {
      const pointer = node.inRow ? basePointer + nodePointer(node) : nodePointer(node);
      out.push(pointer);
      if (node.kind === "group" && node.children) visit(node.children, node.inRow ? base : [], node.inRow ? basePointer : "");
      if (node.kind === "table" && node.children) {
        const path = node.inRow ? [...base, ...node.path] : node.path;
        const rows = getIn(doc, path);
        if (Array.isArray(rows)) rows.forEach((_, i) => visit(node.children!, [...path, i], `${pointer}/${i}`));
      }
    }
  };
  visit(buildFormModel(schema).sections, [], "");
  return out;
}

/** Whether `pointer` is a hidden question or inside one: its own pointer and each parent's, looked up. */
function under(pointer: string, hidden: ReadonlySet<string>): boolean {
  if (hidden.size === 0) return false;
  for (let end = pointer.length; end > 0; end = pointer.lastIndexOf("/", end - 1)) {
    if (hidden.has(pointer.slice(0, end))) return true;
  }
  return false;
}

/**
 * What a renderer shows for the current answers. Validation and rules come from the engine; the
 * only presentational policy here is when an error becomes visible: after the field is touched
 * or on a submit attempt, never while someone types their first character.
 */
export function computeFormState(schema: JsonSchema, doc: unknown, options: FormStateOptions = {}): FormState {
  const hidden = hiddenPointers(schema, doc);
  const report = checkDocument(schema, scaffold(schema, doc), options.mode ?? "complete");
  const order = formOrder(schema, doc);
  // Looked up once per error, not searched: an empty form has an error for most of its questions.
  const position = new Map<string, number>();
  order.forEach((p, i) => {
    if (!position.has(p)) position.set(p, i);
  });
  const rank = (p: string) => {
    const exact = position.get(p);
    if (exact !== undefined) return exact;
    const inside = order.findIndex((o) => o.startsWith(p + "/"));
    return inside >= 0 ? inside : order.length;
  };
  const all = report.errors
    .filter((e) => !under(e.pointer, hidden))
    .map((e, i) => ({ e, i, r: rank(e.pointer) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
  const shown = (p: string) => {
    if (options.submitted) return true;
    for (const t of options.touched ?? []) if (p === t || p.startsWith(t + "/")) return true;
    return false;
  };
  const allErrors = all.map((e) => ({ pointer: e.pointer, label: "label" in e ? e.label : "", message: e.message }));
  return {
    hidden,
    errors: options.submitted ? allErrors : allErrors.filter((e) => shown(e.pointer)),
    allErrors,
    errorCount: all.length,
    warnings: report.warnings,
    results: report.results,
    unanswered: report.unanswered,
  };
}
