import type { ChoiceOption } from "../schema/types.ts";

/**
 * Options are compared by code, because the code is what is stored. A code's label is what the
 * stored code means, so:
 * - a code that disappears while another code appears with the same label is a recode (the
 *   answer's meaning survives under another code: old answers need migrating);
 * - a code that keeps its place but gets another label is a recode too (the stored code now means
 *   something else), unless only case, spacing or punctuation changed — then it is a relabel.
 */
export interface OptionChange {
  kind: "option-added" | "option-removed" | "option-recoded" | "option-relabelled";
  code: string;
  label: string;
  newCode?: string;
  newLabel?: string;
}

/** Label text without what does not change its meaning: case, spacing, punctuation. */
export function normaliseLabel(label: string): string {
  return label
    .normalize("NFC")
    .toLocaleLowerCase("sv")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function diffOptions(before: ChoiceOption[], after: ChoiceOption[]): OptionChange[] {
  const out: OptionChange[] = [];
  const newByCode = new Map(after.map((o) => [o.code, o]));
  const oldCodes = new Set(before.map((o) => o.code));
  const fresh = after.filter((o) => !oldCodes.has(o.code));
  const used = new Set<string>();
  for (const o of before) {
    const same = newByCode.get(o.code);
    if (same) {
      if (same.label === o.label) continue;
      const kind = normaliseLabel(same.label) === normaliseLabel(o.label) ? "option-relabelled" : "option-recoded";
      out.push({ kind, code: o.code, label: o.label, newCode: o.code, newLabel: same.label });
      continue;
    }
    const moved = fresh.find((n) => !used.has(n.code) && normaliseLabel(n.label) === normaliseLabel(o.label));
    if (moved) {
      used.add(moved.code);
      out.push({ kind: "option-recoded", code: o.code, label: o.label, newCode: moved.code, newLabel: moved.label });
    } else out.push({ kind: "option-removed", code: o.code, label: o.label });
  }
  for (const n of fresh) if (!used.has(n.code)) out.push({ kind: "option-added", code: n.code, label: n.label });
  return out;
}
