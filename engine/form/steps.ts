import type { FormModel } from "./model.ts";
import { pointerOf } from "./paths.ts";

/**
 * The steps of a guided interview: one per top-level section, then the summary (index
 * `sections.length`). A section hidden now (by its `visibleWhen`, like the "moved from an older
 * version" section of a form that was never migrated) is no step: it is skipped going forward and
 * back and not counted in the progress. Step numbers stay the sections' indices, so a saved step
 * means the same section whatever is hidden.
 */

const shown = (model: FormModel, hidden: ReadonlySet<string>, index: number): boolean => {
  const section = model.sections[index];
  return !!section && !hidden.has(pointerOf(section.path));
};

/** The step a press of "Nästa" (+1) or "Föregående" (-1) leads to; the same step when there is none. */
export function stepAfter(model: FormModel, hidden: ReadonlySet<string>, from: number, direction: 1 | -1): number {
  const summary = model.sections.length;
  for (let i = from + direction; i >= 0 && i <= summary; i += direction) {
    if (i === summary || shown(model, hidden, i)) return i;
  }
  return from;
}

/** A step to show: `step` itself when it is shown (or the summary), else the next shown one. */
export function settleStep(model: FormModel, hidden: ReadonlySet<string>, step: number): number {
  const summary = model.sections.length;
  const at = Math.max(0, Math.min(Math.trunc(step) || 0, summary));
  return at === summary || shown(model, hidden, at) ? at : stepAfter(model, hidden, at, 1);
}

/** Whether a step has one before it (the "Föregående" button). */
export function hasStepBefore(model: FormModel, hidden: ReadonlySet<string>, step: number): boolean {
  return stepAfter(model, hidden, step, -1) !== step;
}

/** The progress line and bar: "Steg 2 av 7: Arbete", or "Sammanfattning efter steg 7 av 7". */
export function stepProgress(model: FormModel, hidden: ReadonlySet<string>, step: number): { text: string; value: number; total: number } {
  const indices = model.sections.map((_, i) => i).filter((i) => shown(model, hidden, i));
  const total = indices.length;
  const position = indices.indexOf(step);
  const section = model.sections[step];
  if (position >= 0 && section) return { text: `Steg ${position + 1} av ${total}: ${section.label}`, value: position + 1, total };
  return { text: `Sammanfattning efter steg ${total} av ${total}`, value: total, total };
}
