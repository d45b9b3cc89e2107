import type { Violation } from "./check.ts";
import type { VariantDraft } from "./operations.ts";

/**
 * Moving a variant to a newer national version: the engine's rebase lists the conflicts; the
 * person decides each one — keep the local change (adapted where it has to be) or drop it — and
 * the studio then sets `base`, which is the reviewer's confirmation (schemas/OVERLAYS.md).
 */
export type Choice = "keep" | "drop";

export const isConflict = (v: Violation) => v.rule.startsWith("konflikt-");

function segments(pointer: string): string[] {
  return pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The choices a conflict allows: a hidden item that became required or scored can only be dropped. */
export function choicesFor(v: Violation): Choice[] {
  const [op, , index] = segments(v.pointer);
  if (v.rule === "konflikt-text") return ["keep", "drop"];
  if (v.rule === "konflikt-koder" && op === "restrictOptions") return index === undefined ? ["keep", "drop"] : ["keep", "drop"];
  return ["drop"];
}

/** What "keep" does to the variant, in words. */
export function keepWords(v: Violation): string {
  const [, , index] = segments(v.pointer);
  if (v.rule === "konflikt-text") return "Behåll den lokala texten";
  if (v.rule === "konflikt-koder" && index !== undefined) return "Behåll begränsningen utan den borttagna koden";
  if (v.rule === "konflikt-koder") return "Behåll begränsningen (de nya alternativen visas inte)";
  return "Behåll";
}

/** Removes the operation (or the one entry of it) that a pointer into the overlay names. */
export function dropAt(draft: VariantDraft, pointer: string): VariantDraft {
  const [op, key, index] = segments(pointer);
  const next: VariantDraft = { ...draft };
  if (op === "hide" && key !== undefined) {
    next.hide = (draft.hide ?? []).filter((_, i) => String(i) !== key);
    if (next.hide.length === 0) delete next.hide;
  } else if ((op === "relabel" || op === "help" || op === "restrictOptions" || op === "reorder" || op === "defaults") && key !== undefined) {
    const map = { ...((draft[op] ?? {}) as Record<string, unknown>) };
    if (index !== undefined && Array.isArray(map[key])) {
      map[key] = (map[key] as unknown[]).filter((_, i) => String(i) !== index);
      if ((map[key] as unknown[]).length === 0) delete map[key];
    } else delete map[key];
    (next as unknown as Record<string, unknown>)[op] = map;
    if (Object.keys(map).length === 0) delete (next as unknown as Record<string, unknown>)[op];
  } else if (op === "addItems" && key !== undefined) {
    next.addItems = (draft.addItems ?? []).filter((_, i) => String(i) !== key);
    if (next.addItems.length === 0) delete next.addItems;
  }
  return next;
}

/**
 * Applies the decisions: "keep" of a removed code drops that code only; other "keep"s leave the
 * operation as it is; "drop" removes it. Pointers are applied from the last to the first, so an
 * index removed earlier never shifts one still to come.
 */
export function resolve(draft: VariantDraft, decisions: Array<{ violation: Violation; choice: Choice }>, newBase: string): VariantDraft {
  const removals = decisions
    .flatMap(({ violation, choice }) => {
      const s = segments(violation.pointer);
      if (choice === "drop") return [s[0] === "restrictOptions" || s[0] === "reorder" ? "/" + s.slice(0, 2).map(esc).join("/") : violation.pointer];
      if (violation.rule === "konflikt-koder" && s[2] !== undefined) return [violation.pointer];
      return [];
    })
    .sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
  let next = draft;
  for (const p of new Set(removals)) next = dropAt(next, p);
  return { ...next, base: newBase };
}

const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
