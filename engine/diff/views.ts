import { choiceOptions, uiOf } from "../schema/walk.ts";
import type { JsonSchema } from "../schema/types.ts";
import { effectiveOrder, facetsOf, type FieldNode } from "./fields.ts";
import type { MigrationAwareness } from "./migration-aware.ts";
import type { Change, DiffReport, ItemView, Restructuring } from "./types.ts";

/** What every report format may show besides the diff itself. */
export interface FormatOptions {
  /** The migrations between the two versions, read against the report (engine/diff/migration-aware.ts). */
  migration?: MigrationAwareness;
}

/** An item view with the reviewers' own note (`x-review`), when the schema has one. */
export type ReviewedItemView = ItemView & { review?: string };

/** The reviewers' note of an item: the new version's, else the old one's. */
export function reviewOf(...views: Array<ItemView | undefined>): string | undefined {
  for (const v of views) {
    const r = (v as ReviewedItemView | undefined)?.review;
    if (typeof r === "string" && r.trim()) return r;
  }
  return undefined;
}

/** The reviewers' note of a rule change (`x-review` on the rule): the new rule's, else the old one's. */
export function ruleReviewOf(c: Change): string | undefined {
  for (const v of [c.after, c.before]) {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const r = (v as Record<string, unknown>)["x-review"];
      if (typeof r === "string" && r.trim()) return r;
    }
  }
  return undefined;
}

/**
 * A value from a schema as a reviewer may see it: `description` (English developer notes, which
 * may name internal sources) and `x-review` (shown on its own) are left out at every depth.
 */
export function forReview(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forReview);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if ((k === "description" || k === "x-review") && typeof v === "string") continue;
    out[k] = forReview(v);
  }
  return out;
}

/** Changes whose values are developer notes: reported (they are changes), never shown. */
export function hidesValues(c: Change): boolean {
  return c.kind === "description-changed";
}

/** An item as a reviewer sees it: label, options, constraints, help, condition, other hints. */
export function itemView(root: JsonSchema, node: FieldNode): ReviewedItemView {
  const facets = facetsOf(root, node);
  const ui = { ...(uiOf(node.schema) as Record<string, unknown>) };
  const view: ReviewedItemView = {
    pointer: node.pointer,
    label: node.label,
    kind: node.kind,
    required: node.required,
    constraints: { ...facets.constraints },
    hints: {},
  };
  if (facets.type) view.type = facets.type.join(" | ");
  if (facets.hasConst) view.constraints.const = facets.const;
  for (const [k, v] of Object.entries(facets.other)) view.constraints[k] = v;
  const options = facets.options ?? (node.kind === "multichoice" ? choiceOptions(root, node.schema.items as JsonSchema) : undefined);
  if (options) view.options = options.map((o) => ({ code: o.code, label: o.label }));
  if (typeof ui.help === "string") view.help = ui.help;
  // `description` is for developers and never shown to reviewers; `x-review` is theirs.
  const review = node.schema["x-review"];
  if (typeof review === "string" && review.trim()) view.review = review;
  if (ui.visibleWhen !== undefined) view.visibleWhen = ui.visibleWhen;
  for (const [k, v] of Object.entries(ui)) if (k !== "help" && k !== "visibleWhen" && k !== "order") view.hints[k] = v;
  if (node.children.length) view.children = effectiveOrder(node);
  return view;
}

/** What a report says about one change: summary and reason, read together with the migrations. */
export interface ChangeTexts {
  summary: string;
  reason: string;
  /** What the migrations do with the answers (removed and moved items only). */
  migration?: string;
  /** The migrations leave some of the answers without a place. */
  lost?: boolean;
  /** A "review" change a reviewer accepted (review file): who and why, in one line. */
  accepted?: string;
}

/** The line for an accepted review change. */
function acceptedLine(c: Change): string | undefined {
  return c.accepted ? `Godkänd vid granskning${c.accepted.by ? ` av ${c.accepted.by}` : ""}: ${c.accepted.note}` : undefined;
}

export function changeTexts(report: DiffReport, index: number, options: FormatOptions = {}): ChangeTexts {
  const c = report.changes[index]!;
  const accepted = acceptedLine(c);
  const t = textsOf(report, index, options);
  return accepted ? { ...t, accepted } : t;
}

/** An example answer document the counter-example search found: valid under the old version, invalid under the new. */
export const WITNESS_TITLE = "Exempel (påhittat svar): giltigt i den gamla versionen, ogiltigt i den nya";

function textsOf(report: DiffReport, index: number, options: FormatOptions): ChangeTexts {
  const c = report.changes[index]!;
  if (hidesValues(c)) {
    return { summary: "Utvecklarnoten (description) ändras. Den visas inte i granskningen.", reason: c.reason };
  }
  const note = options.migration?.notes.find((n) => n.change === index);
  if (!note) return { summary: c.summary, reason: c.reason };
  if (!note.placed) return { summary: c.summary, reason: c.reason, migration: note.text, lost: true };
  const lead = c.kind === "item-removed" ? "Finns inte kvar på den gamla platsen. " : "";
  return {
    summary: lead + note.text,
    reason: "Migreringen mellan versionerna flyttar svaren; ändringen är ändå brytande för den som läser sparade svar utan att migrera dem.",
    migration: note.text,
  };
}

/** Classes a reviewer must act on: the filter "bara det som bryter eller behöver granskas" keeps these. */
export function needsAction(cls: string): boolean {
  return cls === "breaking" || cls === "review";
}

/**
 * What the migrations do with a restructured group's answers, in a few words (the restructured
 * table's "Frågor" column): undefined when no migration speaks to it.
 */
export function restructuredNote(report: DiffReport, r: Restructuring, options: FormatOptions = {}): string | undefined {
  const notes = options.migration?.notes ?? [];
  const note = notes.find((n) => {
    const c = report.changes[n.change]!;
    return c.pointer === r.pointer && (c.kind === "item-removed" || c.kind === "item-moved");
  });
  if (!note) return undefined;
  return note.placed ? "migreringen placerar svaren" : "migreringen placerar inte alla svar";
}
