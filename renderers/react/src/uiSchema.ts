import type { UiSchema } from "@rjsf/utils";
import { deref, evaluateCondition, isSchemaObject, uiOf, type JsonSchema, type UiHints } from "../../../engine/index.ts";

const WIDGETS: Partial<Record<NonNullable<UiHints["widget"]>, string>> = {
  text: "text",
  textarea: "textarea",
  radio: "radio",
  select: "select",
  checkboxes: "checkboxes",
  checkbox: "checkbox",
  date: "date",
  number: "updown",
  hidden: "hidden",
};

/** Renders nothing: used for fields the hints hide (rjsf's hidden widget only covers scalars). */
export function NothingField(): null {
  return null;
}

/**
 * Translates our `x-ui` hints into an rjsf uiSchema for the current answers. Visibility depends
 * on the answers, so the uiSchema is recomputed when they change; row-relative conditions
 * (`row.…`) cannot vary per row in a uiSchema and are left visible here.
 */
export function toUiSchema(root: JsonSchema, doc: unknown, node: JsonSchema = root, depth = 0): UiSchema {
  const schema = deref(root, node);
  const ui = uiOf(schema);
  const out: UiSchema = {};
  if (depth > 40) return out;
  if (ui.visibleWhen !== undefined && !usesRow(ui.visibleWhen) && !evaluateCondition(ui.visibleWhen, doc)) {
    // "hidden" makes rjsf's field template drop the label; the field itself renders nothing.
    return { "ui:widget": "hidden", "ui:field": NothingField };
  }
  if (ui.widget && WIDGETS[ui.widget]) out["ui:widget"] = WIDGETS[ui.widget];
  if (ui.help) out["ui:help"] = ui.help;
  if (ui.placeholder) out["ui:placeholder"] = ui.placeholder;
  if (ui.readonly) out["ui:readonly"] = true;
  if (ui.rows) out["ui:options"] = { rows: ui.rows };
  // Descriptions are notes for reviewers, not help for the person filling in the form.
  if (typeof schema.description === "string") out["ui:description"] = " ";
  if (ui.order) out["ui:order"] = [...ui.order, "*"];
  if (isSchemaObject(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) {
      if (isSchemaObject(sub)) out[name] = toUiSchema(root, doc, sub, depth + 1);
    }
  }
  // The document's meta block (schema version, status) is bookkeeping, not a question.
  if (depth === 0 && "meta" in out) out.meta = { "ui:widget": "hidden", "ui:field": NothingField };
  if (isSchemaObject(schema.items)) {
    out.items = toUiSchema(root, doc, schema.items, depth + 1);
    if (ui.rowLabel) out["ui:options"] = { ...(out["ui:options"] as object), addButtonText: ui.rowLabel };
  }
  return out;
}

function usesRow(condition: unknown): boolean {
  return JSON.stringify(condition).includes('"row.');
}
