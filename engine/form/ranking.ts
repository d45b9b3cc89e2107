import type { ChoiceOption } from "../schema/types.ts";

/**
 * The ranking widget (`x-ui.widget: "ranking"`, DOM contract 11): the person picks options and puts
 * them in order; the answer is the list of codes, most important first. Both renderers draw it the
 * same way and call `applyRanking` for every button, so the new value, where focus goes next and
 * what a screen reader hears are decided once, here. Words are plain Swedish: FIA clients read them.
 *
 * Controls, by element id (`id` is the field's fieldId; `k` is the option's index in the schema,
 * so a control keeps its id when its item moves and focus can follow it):
 *   `id`            the list's caption, focusable (tabindex -1): error links and focus on submit land here
 *   `id-up-k`       "Upp"      named "Flytta upp <label>"   (disabled on the first item)
 *   `id-down-k`     "Ner"      named "Flytta ner <label>"   (disabled on the last item)
 *   `id-remove-k`   "Ta bort"  named "Ta bort <label>"
 *   `id-add-k`      "+ <label>" named "Lägg till <label>"   (one per option not chosen; none when full)
 *   `id-live`       a polite live region with the last announcement
 */

export type RankingAction = "add" | "remove" | "up" | "down";

export interface RankingOutcome {
  /** The new answer. */
  value: string[];
  /** The element id to focus once the change is drawn. */
  focus: string;
  /** What a screen reader is told (the live region's new text). */
  announce: string;
}

/** The chosen codes in order; anything that is not a list of strings reads as nothing chosen. */
export function rankedCodes(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export const rankingWords = {
  caption: (count: number): string => (count === 0 ? "Du har inte valt något än." : "Din lista, det viktigaste först:"),
  addTitle: (count: number): string => (count === 0 ? "Välj:" : "Lägg till fler:"),
  up: "Upp",
  down: "Ner",
  remove: "Ta bort",
  upName: (label: string): string => `Flytta upp ${label}`,
  downName: (label: string): string => `Flytta ner ${label}`,
  removeName: (label: string): string => `Ta bort ${label}`,
  addName: (label: string): string => `Lägg till ${label}`,
  placed: (label: string, position: number, count: number): string => `${label} är nu nummer ${position} av ${count}.`,
  removed: (label: string, left: number): string => `${label} är borttagen. ${left === 0 ? "Listan är tom." : `${left} kvar i listan.`}`,
};

export const rankingIds = {
  up: (id: string, k: number): string => `${id}-up-${k}`,
  down: (id: string, k: number): string => `${id}-down-${k}`,
  remove: (id: string, k: number): string => `${id}-remove-${k}`,
  add: (id: string, k: number): string => `${id}-add-${k}`,
  live: (id: string): string => `${id}-live`,
};

/** A chosen item as the widget shows it: its code, label and option index (for ids). */
export interface RankedItem {
  code: string;
  label: string;
  index: number;
}

/**
 * The chosen items in order and the options still to choose, as the widget draws them. A code
 * that is no option (an answer from another version) is still shown, by its code, so it can be
 * seen and removed rather than silently kept or dropped; its index is past the options'.
 */
export function rankingView(options: readonly ChoiceOption[], value: unknown, maxItems?: number): { chosen: RankedItem[]; rest: RankedItem[]; full: boolean } {
  const codes = rankedCodes(value);
  const byCode = new Map(options.map((o, index) => [o.code, { code: o.code, label: o.label, index }]));
  let extra = options.length;
  const chosen = codes.map((code) => byCode.get(code) ?? { code, label: code, index: extra++ });
  const taken = new Set(codes);
  const rest = options.flatMap((o, index) => (taken.has(o.code) ? [] : [{ code: o.code, label: o.label, index }]));
  // A full list (the schema's maxItems) offers nothing more to add.
  return { chosen, rest, full: maxItems !== undefined && chosen.length >= maxItems };
}

/**
 * One button press: `code` is the item's code. Returns null when the press changes nothing (an
 * "Upp" on the first item, a code already chosen, a full list): renderers then do nothing.
 */
export function applyRanking(
  id: string,
  options: readonly ChoiceOption[],
  value: unknown,
  action: RankingAction,
  code: string,
  maxItems?: number,
): RankingOutcome | null {
  const { chosen, rest, full } = rankingView(options, value, maxItems);
  const at = chosen.findIndex((c) => c.code === code);
  const list = chosen.map((c) => c.code);
  switch (action) {
    case "add": {
      const k = rest.findIndex((r) => r.code === code);
      if (k < 0 || at >= 0 || full) return null;
      const item = rest[k]!;
      const next = [...list, code];
      // Stay in the list of options, so several can be added in a row; when none are left, go to the item.
      const neighbour = rest[k + 1] ?? rest[k - 1];
      const fullNow = maxItems !== undefined && next.length >= maxItems;
      return {
        value: next,
        focus: neighbour && !fullNow ? rankingIds.add(id, neighbour.index) : rankingIds.remove(id, item.index),
        announce: rankingWords.placed(item.label, next.length, next.length),
      };
    }
    case "remove": {
      if (at < 0) return null;
      const item = chosen[at]!;
      const left = chosen.filter((_, i) => i !== at);
      const neighbour = left[at] ?? left[at - 1];
      return {
        value: left.map((c) => c.code),
        // The item's own add button comes back (unless it was not an option): focus it when the list is empty.
        focus: neighbour ? rankingIds.remove(id, neighbour.index) : item.index < options.length ? rankingIds.add(id, item.index) : id,
        announce: rankingWords.removed(item.label, left.length),
      };
    }
    case "up":
    case "down": {
      const to = action === "up" ? at - 1 : at + 1;
      if (at < 0 || to < 0 || to >= chosen.length) return null;
      const item = chosen[at]!;
      const next = [...list];
      next.splice(at, 1);
      next.splice(to, 0, code);
      // Keep pressing the same button to keep moving; at the end of the list that button is disabled.
      const atEnd = action === "up" ? to === 0 : to === next.length - 1;
      const focus = !atEnd ? (action === "up" ? rankingIds.up : rankingIds.down)(id, item.index) : (action === "up" ? rankingIds.down : rankingIds.up)(id, item.index);
      return { value: next, focus, announce: rankingWords.placed(item.label, to + 1, next.length) };
    }
  }
}
