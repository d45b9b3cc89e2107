import { rulesFor } from "../rules/evaluate.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { schemaAt, uiOf } from "../schema/walk.ts";
import { applyComputed, computedFields } from "./computed.ts";
import { buildFormModel, type FormNode } from "./model.ts";
import { getIn } from "./paths.ts";
import { CHILD_AUDIENCE_LABELS, CHILD_VISIBILITY_HEADING } from "./words.ts";

/**
 * A read-only view of the answers addressed to the person the form is about (the barnahuslogg's
 * child's log), derived from hints only: `childView: "exclude"` leaves a field or section out
 * (a field marked `childView: "include"` is shown even in a section left out),
 * an option's `childText` replaces its label, a section's `childText` its heading, and the root's
 * `childTitle` is the page title. `{a.b}` in these texts is replaced by the answer at that path
 * (`{row.x}` by the row's). Everything is returned as plain text; renderers must not treat it as HTML.
 *
 * Audiences. The view is drawn for one of two readers:
 * - `"barn"` (the default, the restrictive one): the child and the child's guardians. A table row
 *   is left out when one of its coded fields holds an option marked `x-ui.childView: "exclude"`
 *   (in the barnahuslogg from 2.1.0: the `synlighet` codes "ej_vardnadshavare" and
 *   "endast_socialtjansten"), and also when such a field is not answered — a row is shown only
 *   when it is known to be meant for this reader.
 * - `"personal"`: social services' staff, who keep the log. Every row is shown, and a column
 *   names who may read each row (the option's label), so nothing is passed on by mistake.
 * A host shows the staff version only by asking for it.
 *
 * Dates are shown as written in the answers, `åååå-mm-dd`, whatever the reader's locale.
 *
 * A column whose field has `x-ui.childWith: "<field>"` also shows, in the same cell, the texts of
 * that field of the row (a barnahuslogg row's other events): one list, "A och b" or "A, b och c",
 * so that a row holding two events reads as one sentence and no column of codes is added.
 */
export type ChildBlock =
  | { kind: "text"; heading?: string; text: string }
  | { kind: "fields"; heading: string; items: Array<{ label: string; value: string }> }
  | { kind: "table"; heading: string; columns: string[]; rows: string[][] };

/** Who the child's log is drawn for: the child and guardians (default) or social services' staff. */
export type ChildAudience = "barn" | "personal";

export interface ChildViewOptions {
  /** Default `"barn"`: only rows meant for the child and the guardians. */
  audience?: ChildAudience;
}

export interface ChildView {
  title: string;
  /** The reader this view was drawn for. */
  audience: ChildAudience;
  /** The version's name in plain words, shown (and printed) on the page. */
  audienceLabel: string;
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
  // A date is shown as stored (åååå-mm-dd): the same on every screen and on paper.
  if (node.widget === "date" && typeof value === "string") return value;
  return typeof value === "object" ? "" : String(value);
}

interface Gate {
  node: FormNode;
  /** Codes whose rows the child and guardians may read. */
  readable: ReadonlySet<string>;
}

/** The coded fields of a table row that decide who may read the row. */
function gatesOf(table: FormNode): Gate[] {
  const fields = (table.children ?? []).filter((c) => c.kind === "scalar" && c.options && c.widget !== "checkboxes" && c.widget !== "ranking");
  const marked = fields.filter((c) => c.options!.some((o) => o.ui?.childView === "exclude"));
  if (marked.length) {
    return marked.map((node) => ({ node, readable: new Set(node.options!.filter((o) => o.ui?.childView !== "exclude").map((o) => o.code)) }));
  }
  return [];
}

const included = (n: FormNode) => n.childView !== "exclude";
const heading = (n: FormNode, doc: unknown) => fillTemplate(n.childText ?? n.label, doc);

/**
 * Texts as one Swedish list: "A", "A och b", "A, b och c". Items after the first start with a
 * small letter when they begin with a capital followed by a small one ("Samtal med…" → "samtal
 * med…"); an abbreviation ("BUP") keeps its capitals.
 */
export function swedishList(texts: readonly string[]): string {
  const items = texts.filter((t) => t !== "").map((t, i) => (i > 0 && /^\p{Lu}\p{Ll}/u.test(t) ? t[0]!.toLocaleLowerCase("sv") + t.slice(1) : t));
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} och ${items.at(-1)}`;
}

/** The texts of a field's answer, one per chosen option (a multiple choice) or one for the value. */
function texts(node: FormNode, value: unknown, doc: unknown, row: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => display(node, v, doc, row)) : [display(node, value, doc, row)];
}

/** For each column, the row field named by its `x-ui.childWith`, if any (read from the schema: the form model does not carry it). */
function companions(schema: JsonSchema, table: FormNode, columns: FormNode[]): Array<FormNode | undefined> {
  return columns.map((c) => {
    const name = uiOf(schemaAt(schema, [...table.path, "0", c.key])).childWith;
    return name === undefined ? undefined : table.children!.find((x) => x.key === name && included(x));
  });
}

function tableBlock(schema: JsonSchema, table: FormNode, value: unknown, doc: unknown, audience: ChildAudience): ChildBlock | undefined {
  const columns = (table.columns ?? []).map((k) => table.children!.find((c) => c.key === k)!).filter((c) => c && included(c));
  const withs = companions(schema, table, columns);
  const gates = gatesOf(table);
  const all = Array.isArray(value) ? value : [];
  const shown = audience === "barn" ? all.filter((r) => gates.every((g) => g.readable.has(String(getIn(r, g.node.path))))) : all;
  const rows = shown.map((r) => {
    const cells = columns.map((c, i) => {
      const own = display(c, getIn(r, c.path), doc, r);
      const other = withs[i];
      return other ? swedishList([own, ...texts(other, getIn(r, other.path), doc, r)]) : own;
    });
    // Staff see who may read each row, in the words of the form.
    if (audience === "personal") for (const g of gates) cells.push(answerLabel(g.node, getIn(r, g.node.path)));
    return cells;
  });
  // An empty section is left out rather than shown as a heading over an empty table.
  if (!rows.length) return undefined;
  const headings = columns.map((c) => c.childText ?? c.label);
  if (audience === "personal") for (let i = 0; i < gates.length; i++) headings.push(CHILD_VISIBILITY_HEADING);
  return { kind: "table", heading: heading(table, doc), columns: headings, rows };
}

function answerLabel(node: FormNode, value: unknown): string {
  if (value === undefined || value === null || value === "") return "–";
  return node.options?.find((o) => o.code === String(value))?.label ?? String(value);
}

export function buildChildView(schema: JsonSchema, doc: unknown, options: ChildViewOptions = {}): ChildView {
  // Anything but an explicit "personal" is the restrictive version.
  const audience: ChildAudience = options.audience === "personal" ? "personal" : "barn";
  const model = buildFormModel(schema);
  // Computed fields (x-ui.computedFrom) as the form would fill them in, also for answers saved
  // before the form did so (Gallringsdatum of a migrated log).
  const computed = computedFields(schema, model);
  if (computed.length > 0 && isSchemaObject(doc)) doc = applyComputed(doc, computed, rulesFor(schema).run(doc, { explain: false }).results);
  const title = uiOf(schema).childTitle;
  const blocks: ChildBlock[] = [];
  for (const section of model.sections) {
    if (!included(section)) {
      // A section left out may still hold a field the reader is meant to see, marked
      // `childView: "include"` (the barnahuslogg's Gallringsdatum in social services' section).
      const items = (section.children ?? [])
        .filter((c) => c.childView === "include" && c.kind === "scalar")
        .map((c) => ({ label: c.childText ?? c.label, value: display(c, getIn(doc, c.path), doc) }))
        .filter((i) => i.value !== "");
      if (items.length) blocks.push({ kind: "fields", heading: heading(section, doc), items });
      continue;
    }
    const value = getIn(doc, section.path);
    if (section.kind === "table") {
      const block = tableBlock(schema, section, value, doc, audience);
      if (block) blocks.push(block);
      continue;
    }
    const fields: Array<{ label: string; value: string }> = [];
    for (const child of (section.children ?? []).filter(included)) {
      const v = getIn(doc, child.path);
      if (child.kind === "table") {
        const block = tableBlock(schema, child, v, doc, audience);
        if (block) blocks.push(block);
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
  return { title: title ? fillTemplate(title, doc) : model.title, audience, audienceLabel: CHILD_AUDIENCE_LABELS[audience], blocks };
}
