import type { JsonSchema } from "../schema/types.ts";
import { uiOf } from "../schema/walk.ts";
import { buildFormModel, type FormNode } from "./model.ts";
import { getIn } from "./paths.ts";

/**
 * A read-only view of the answers addressed to the person the form is about (the barnahuslogg's
 * child's log), derived from hints only: `childView: "exclude"` leaves a field or section out,
 * an option's `childText` replaces its label, a section's `childText` its heading, and the root's
 * `childTitle` is the page title. `{a.b}` in these texts is replaced by the answer at that path
 * (`{row.x}` by the row's). Everything is returned as plain text; renderers must not treat it as HTML.
 */
export type ChildBlock =
  | { kind: "text"; heading?: string; text: string }
  | { kind: "fields"; heading: string; items: Array<{ label: string; value: string }> }
  | { kind: "table"; heading: string; columns: string[]; rows: string[][] };

export interface ChildView {
  title: string;
  blocks: ChildBlock[];
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** "2024-03-01" → "1 mars 2024". */
export function swedishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export function fillTemplate(template: string, doc: unknown, row?: unknown): string {
  return template.replace(/\{([a-zA-Z0-9_.]+)\}/g, (_, path: string) => {
    const parts = path.split(".");
    const v = parts[0] === "row" ? getIn(row, parts.slice(1)) : getIn(doc, parts);
    return v === undefined || v === null ? "" : String(v);
  });
}

function display(node: FormNode, value: unknown, doc: unknown, row?: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  if (node.options) {
    const pick = (v: unknown) => {
      const o = node.options!.find((x) => x.code === String(v));
      return o ? fillTemplate(o.ui?.childText ?? o.label, doc, row) : String(v);
    };
    return Array.isArray(value) ? value.map(pick).join(", ") : pick(value);
  }
  if (node.type === "boolean") return value ? "Ja" : "Nej";
  if (node.widget === "date" && typeof value === "string") return swedishDate(value);
  return typeof value === "object" ? "" : String(value);
}

const included = (n: FormNode) => n.childView !== "exclude";
const heading = (n: FormNode, doc: unknown) => fillTemplate(n.childText ?? n.label, doc);

export function buildChildView(schema: JsonSchema, doc: unknown): ChildView {
  const model = buildFormModel(schema);
  const title = uiOf(schema).childTitle;
  const blocks: ChildBlock[] = [];
  for (const section of model.sections.filter(included)) {
    const value = getIn(doc, section.path);
    if (section.kind === "table") {
      const columns = (section.columns ?? []).map((k) => section.children!.find((c) => c.key === k)!).filter((c) => c && included(c));
      const rows = (Array.isArray(value) ? value : []).map((r) => columns.map((c) => display(c, getIn(r, c.path), doc, r)));
      blocks.push({ kind: "table", heading: heading(section, doc), columns: columns.map((c) => c.childText ?? c.label), rows });
      continue;
    }
    const fields: Array<{ label: string; value: string }> = [];
    for (const child of (section.children ?? []).filter(included)) {
      const v = getIn(doc, child.path);
      if (child.kind === "table") {
        const columns = (child.columns ?? []).map((k) => child.children!.find((c) => c.key === k)!).filter((c) => c && included(c));
        const rows = (Array.isArray(v) ? v : []).map((r) => columns.map((c) => display(c, getIn(r, c.path), doc, r)));
        if (rows.length) blocks.push({ kind: "table", heading: heading(child, doc), columns: columns.map((c) => c.childText ?? c.label), rows });
      } else if (child.audience === "child" && typeof v === "string" && v !== "") {
        // Text written to the reader is shown as a paragraph, not as "label: value".
        blocks.push({ kind: "text", text: v });
      } else {
        const shown = display(child, v, doc);
        if (shown) fields.push({ label: child.childText ?? child.label, value: shown });
      }
    }
    if (fields.length) blocks.push({ kind: "fields", heading: heading(section, doc), items: fields });
  }
  return { title: title ? fillTemplate(title, doc) : model.title, blocks };
}
