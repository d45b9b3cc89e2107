/**
 * The variant being edited (an overlay, schemas/OVERLAYS.md) and the edits the studio makes to it.
 * Every edit is a pure function from one overlay to the next, so the undo history can keep each
 * step as it is. Empty operation maps are left out, so the saved file holds only what the
 * municipality changed.
 */
import type { LocalItem, Overlay } from "@blankett/engine/overlay";

/** The overlay as the engine reads it (engine/overlay/types.ts); local defaults included. */
export type VariantDraft = Overlay;
export type LocalItemDraft = LocalItem;

export const OVERLAY_SCHEMA = "https://blankett.example/schemas/overlay.meta.json";

export function newVariant(base: string, name = "ny-variant"): VariantDraft {
  return { $schema: OVERLAY_SCHEMA, name, title: "", base };
}

type MapOp = "relabel" | "help" | "restrictOptions" | "defaults";

/** Sets (or, with undefined, removes) one entry of an operation map; an empty map goes. */
export function setEntry<K extends MapOp>(draft: VariantDraft, op: K, path: string, value: NonNullable<VariantDraft[K]>[string] | undefined): VariantDraft {
  const map = { ...(draft[op] ?? {}) } as Record<string, unknown>;
  if (value === undefined) delete map[path];
  else map[path] = value;
  const next = { ...draft, [op]: map };
  if (Object.keys(map).length === 0) delete next[op];
  return next;
}

export function setHidden(draft: VariantDraft, path: string, hidden: boolean): VariantDraft {
  const list = (draft.hide ?? []).filter((p) => p !== path);
  if (hidden) list.push(path);
  const next: VariantDraft = { ...draft, hide: list };
  if (list.length === 0) delete next.hide;
  return next;
}

export function setField(draft: VariantDraft, field: "name" | "title" | "description" | "base", value: string): VariantDraft {
  const next = { ...draft, [field]: value };
  if (field === "description" && value === "") delete next.description;
  return next;
}

// --- local items ---------------------------------------------------------------------------

export type ItemKind = "text" | "number" | "date" | "yesno" | "single" | "multiple" | "table";
export type ColumnKind = "text" | "number" | "date" | "yesno";

export const KIND_LABELS: Record<ItemKind, string> = {
  text: "Text",
  number: "Tal",
  date: "Datum",
  yesno: "Ja eller nej",
  single: "Ett val bland alternativ",
  multiple: "Flera val bland alternativ",
  table: "Tabell med rader",
};

export interface OptionDraft {
  code: string;
  label: string;
}

const LETTERS: Record<string, string> = { å: "a", ä: "a", ö: "o", é: "e", ü: "u", æ: "ae", ø: "o", ß: "ss" };

/** Words of a label in plain ASCII letters and digits. */
function words(label: string): string[] {
  return label
    .toLowerCase()
    .replace(/[åäöéüæøß]/g, (c) => LETTERS[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A local item's key from its label: "Har du husdjur?" → "harDuHusdjur" (a valid lokalt.<key>). */
export function keyFromLabel(label: string): string {
  const w = words(label);
  const key = w.map((x, i) => (i === 0 ? x : x[0]!.toUpperCase() + x.slice(1))).join("").slice(0, 40);
  return /^[a-z]/.test(key) ? key : "fraga" + (key ? key[0]!.toUpperCase() + key.slice(1) : "");
}

/** An option's code from its label: "Varje vecka" → "varje_vecka". */
export function codeFromLabel(label: string): string {
  return words(label).join("_").slice(0, 40);
}

function unique(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

function column(kind: ColumnKind, title: string): Record<string, unknown> {
  const s = scalarSchema(kind);
  return { ...s, title };
}

function scalarSchema(kind: ColumnKind): Record<string, unknown> {
  switch (kind) {
    case "text":
      return { type: "string", maxLength: 500 };
    case "number":
      return { type: "number" };
    case "date":
      return { type: "string", format: "date" };
    case "yesno":
      return { type: "boolean", "x-ui": { widget: "radio" } };
  }
}

/** The schema of a new local item of a kind (with two options to start from for choices). */
export function itemSchema(kind: ItemKind, title: string): Record<string, unknown> {
  switch (kind) {
    case "text":
    case "number":
    case "date":
    case "yesno":
      return { ...scalarSchema(kind), title };
    case "single":
      return { type: "string", title, oneOf: [], "x-ui": { widget: "radio" } };
    case "multiple":
      return { type: "array", title, uniqueItems: true, items: { type: "string", oneOf: [] }, "x-ui": { widget: "checkboxes" } };
    case "table":
      return { type: "array", title, items: { type: "object", additionalProperties: false, properties: {} }, "x-ui": { widget: "table" } };
  }
}

/** What kind of item a local schema is (the studio's own kinds; undefined for anything else). */
export function kindOf(schema: Record<string, unknown>): ItemKind | undefined {
  const items = schema.items as Record<string, unknown> | undefined;
  if (schema.type === "array" && items?.type === "object") return "table";
  if (schema.type === "array") return "multiple";
  if (Array.isArray(schema.oneOf)) return "single";
  if (schema.type === "boolean") return "yesno";
  if (schema.type === "number" || schema.type === "integer") return "number";
  if (schema.type === "string" && schema.format === "date") return "date";
  if (schema.type === "string") return "text";
  return undefined;
}

export function columnKindOf(schema: Record<string, unknown>): ColumnKind {
  const k = kindOf(schema);
  return k === "number" || k === "date" || k === "yesno" ? k : "text";
}

const items = (draft: VariantDraft) => draft.addItems ?? [];

function withItems(draft: VariantDraft, list: LocalItemDraft[]): VariantDraft {
  const next: VariantDraft = { ...draft, addItems: list };
  if (list.length === 0) delete next.addItems;
  return next;
}

/** Adds a local item of a kind at the end of the local items; returns the new draft and its key. */
export function addItem(draft: VariantDraft, kind: ItemKind): { draft: VariantDraft; key: string } {
  const taken = new Set(items(draft).map((i) => i.key));
  const key = unique("fraga", taken);
  return { draft: withItems(draft, [...items(draft), { key, schema: itemSchema(kind, "") }]), key };
}

export function removeItem(draft: VariantDraft, key: string): VariantDraft {
  const list = items(draft)
    .filter((i) => i.key !== key)
    .map((i) => (i.position && ("after" in i.position ? i.position.after : i.position.before) === key ? withoutPosition(i) : i));
  return renameReferences(withItems(draft, list), `lokalt.${key}`, undefined);
}

function withoutPosition(item: LocalItemDraft): LocalItemDraft {
  const { position: _drop, ...rest } = item;
  return rest;
}

export function updateItem(draft: VariantDraft, key: string, change: (item: LocalItemDraft) => LocalItemDraft): VariantDraft {
  return withItems(draft, items(draft).map((i) => (i.key === key ? change(i) : i)));
}

export function setItemSchema(draft: VariantDraft, key: string, change: (schema: Record<string, unknown>) => Record<string, unknown>): VariantDraft {
  return updateItem(draft, key, (i) => ({ ...i, schema: change(i.schema) }));
}

/** A hint of x-ui set (or removed with undefined); an empty x-ui goes. */
export function setHint(schema: Record<string, unknown>, hint: string, value: unknown): Record<string, unknown> {
  const ui = { ...((schema["x-ui"] as Record<string, unknown> | undefined) ?? {}) };
  if (value === undefined) delete ui[hint];
  else ui[hint] = value;
  const next: Record<string, unknown> = { ...schema, "x-ui": ui };
  if (Object.keys(ui).length === 0) delete next["x-ui"];
  return next;
}

/**
 * A new label. The key follows the label while it is still the one made from the old label (or
 * the placeholder "fraga…"), so a name typed by hand is never overwritten.
 */
export function setItemLabel(draft: VariantDraft, key: string, label: string): { draft: VariantDraft; key: string } {
  const item = items(draft).find((i) => i.key === key);
  if (!item) return { draft, key };
  const old = String(item.schema.title ?? "");
  let next = setItemSchema(draft, key, (s) => ({ ...s, title: label }));
  if ((key === keyFromLabel(old) || /^fraga\d*$/.test(key)) && label.trim() !== "") {
    const wanted = keyFromLabel(label);
    const taken = new Set(items(draft).map((i) => i.key).filter((k) => k !== key));
    const newKey = unique(wanted, taken);
    if (newKey !== key) return { draft: renameItem(next, key, newKey), key: newKey };
  }
  return { draft: next, key };
}

/** Renames a local item and everything that names it: positions, conditions, texts. */
export function renameItem(draft: VariantDraft, from: string, to: string): VariantDraft {
  const list = items(draft).map((i) => {
    let item = i.key === from ? { ...i, key: to } : i;
    if (item.position) {
      const p = item.position;
      if ("after" in p && p.after === from) item = { ...item, position: { after: to } };
      if ("before" in p && p.before === from) item = { ...item, position: { before: to } };
    }
    return item;
  });
  return renameReferences(withItems(draft, list), `lokalt.${from}`, `lokalt.${to}`);
}

/** Conditions, texts and defaults naming a local path follow its rename (or go, with undefined). */
function renameReferences(draft: VariantDraft, from: string, to: string | undefined): VariantDraft {
  let next = draft;
  const list = items(next).map((i) => {
    const vw = (i.schema["x-ui"] as Record<string, unknown> | undefined)?.visibleWhen;
    if (vw === undefined || !JSON.stringify(vw).includes(JSON.stringify(from))) return i;
    const replaced = to === undefined ? undefined : JSON.parse(JSON.stringify(vw).split(JSON.stringify(from)).join(JSON.stringify(to)));
    return { ...i, schema: setHint(i.schema, "visibleWhen", replaced) };
  });
  next = withItems(next, list);
  for (const op of ["relabel", "help", "defaults"] as const) {
    const map = next[op];
    if (map && from in map) {
      const value = map[from];
      next = setEntry(next, op, from, undefined);
      if (to !== undefined) next = setEntry(next, op, to, value as never);
    }
  }
  return next;
}

/** The local items in the order the form shows them (positions applied, as the engine does). */
export function orderedItems(draft: VariantDraft): LocalItemDraft[] {
  const list = items(draft);
  const keys = new Set(list.map((i) => i.key));
  const order = list.map((i) => i.key);
  for (const item of list) {
    if (!item.position) continue;
    const [where, target] = "after" in item.position ? ["after", item.position.after] : ["before", item.position.before];
    if (target === item.key || !keys.has(target)) continue;
    order.splice(order.indexOf(item.key), 1);
    order.splice(order.indexOf(target) + (where === "after" ? 1 : 0), 0, item.key);
  }
  return order.map((k) => list.find((i) => i.key === k)!);
}

/** Moves a local item one place up (-1) or down (+1) among the local items, as the form shows them. */
export function moveItem(draft: VariantDraft, key: string, by: -1 | 1): VariantDraft {
  const order = orderedItems(draft);
  const at = order.findIndex((i) => i.key === key);
  const to = at + by;
  if (at < 0 || to < 0 || to >= order.length) return draft;
  const list = order.map(withoutPosition);
  const [moved] = list.splice(at, 1);
  list.splice(to, 0, moved!);
  return withItems(draft, list);
}

// --- options and columns -------------------------------------------------------------------

/** The option list of a single or multiple choice item (where it lives in its schema). */
export function optionsOf(schema: Record<string, unknown>): OptionDraft[] {
  const holder = schema.type === "array" ? (schema.items as Record<string, unknown>) : schema;
  const list = Array.isArray(holder?.oneOf) ? (holder.oneOf as Array<Record<string, unknown>>) : [];
  return list.map((o) => ({ code: String(o.const ?? ""), label: String(o.title ?? "") }));
}

export function withOptions(schema: Record<string, unknown>, options: OptionDraft[]): Record<string, unknown> {
  const oneOf = options.map((o) => ({ const: o.code, title: o.label }));
  if (schema.type === "array") return { ...schema, items: { ...(schema.items as Record<string, unknown>), oneOf } };
  return { ...schema, oneOf };
}

/** A new label for option i; its code follows while it is still the one made from the old label. */
export function relabelOption(options: OptionDraft[], i: number, label: string): OptionDraft[] {
  return options.map((o, j) => {
    if (j !== i) return o;
    const follows = o.code === "" || o.code === codeFromLabel(o.label);
    if (!follows) return { ...o, label };
    const taken = new Set(options.filter((_, k) => k !== i).map((x) => x.code));
    return { label, code: unique(codeFromLabel(label) || "alternativ", taken) };
  });
}

export function addOption(options: OptionDraft[]): OptionDraft[] {
  const taken = new Set(options.map((o) => o.code));
  return [...options, { code: unique("alternativ", taken), label: "" }];
}

export interface ColumnDraft {
  key: string;
  label: string;
  kind: ColumnKind;
}

export function columnsOf(schema: Record<string, unknown>): ColumnDraft[] {
  const props = ((schema.items as Record<string, unknown> | undefined)?.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(props).map(([key, s]) => ({ key, label: String(s.title ?? ""), kind: columnKindOf(s) }));
}

export function withColumns(schema: Record<string, unknown>, columns: ColumnDraft[]): Record<string, unknown> {
  const properties = Object.fromEntries(columns.map((c) => [c.key, column(c.kind, c.label)]));
  return { ...schema, items: { ...(schema.items as Record<string, unknown>), properties } };
}

/** A column's new label; its key follows while it is still the one made from the old label. */
export function relabelColumn(columns: ColumnDraft[], i: number, label: string): ColumnDraft[] {
  return columns.map((c, j) => {
    if (j !== i) return c;
    if (c.key !== keyFromLabel(c.label) && !/^kolumn\d*$/.test(c.key)) return { ...c, label };
    const taken = new Set(columns.filter((_, k) => k !== i).map((x) => x.key));
    return { ...c, label, key: unique(label.trim() ? keyFromLabel(label) : "kolumn", taken) };
  });
}

export function addColumn(columns: ColumnDraft[]): ColumnDraft[] {
  const taken = new Set(columns.map((c) => c.key));
  return [...columns, { key: unique("kolumn", taken), label: "", kind: "text" }];
}

/** Changes a local item's kind, keeping its label, help text and condition. */
export function setItemKind(schema: Record<string, unknown>, kind: ItemKind): Record<string, unknown> {
  const fresh = itemSchema(kind, String(schema.title ?? ""));
  const ui = { ...((fresh["x-ui"] as Record<string, unknown> | undefined) ?? {}) };
  const old = (schema["x-ui"] as Record<string, unknown> | undefined) ?? {};
  if (old.help !== undefined) ui.help = old.help;
  if (old.visibleWhen !== undefined) ui.visibleWhen = old.visibleWhen;
  let next: Record<string, unknown> = { ...fresh, "x-ui": ui };
  if (Object.keys(ui).length === 0) delete next["x-ui"];
  if ((kind === "single" || kind === "multiple") && optionsOf(schema).length > 0) next = withOptions(next, optionsOf(schema));
  return next;
}
