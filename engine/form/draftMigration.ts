import { migrate, REPORT_KEY } from "../migrate/migrate.ts";
import { planSteps } from "../migrate/plan.ts";
import type { Migration } from "../migrate/types.ts";
import { versionOf, type Draft } from "./drafts.ts";
import type { FormModel } from "./model.ts";

/**
 * A draft saved against an older version of the form, moved to the form's version by the same
 * migrations (data, schemas/<name>/migrations/) that `blankett migrate` runs on stored answers.
 * Nothing is lost: answers with no place in the new version are kept in the document's
 * `migrering` section, and `kept` says how many, so the renderer can tell the person.
 */
export interface MigratedDraft {
  draft: Draft;
  /** The version the draft was saved against ("fia@1.0.0"). */
  from: string;
  /** Answers that could not be placed and are kept in `migrering.ejOverforda`. */
  kept: number;
}

/** Whether these migrations lead from the draft's version to `ref` (older to newer, same form). */
export function canMigrateDraft(draft: Draft, ref: string, migrations: readonly Migration[]): boolean {
  try {
    return planSteps(migrations, draft.schema, ref).length > 0;
  } catch {
    return false;
  }
}

/**
 * The draft in version `ref`, or null when no chain of migrations leads there or the draft is no
 * answer document. `now` is an ISO timestamp (the engine reads no clock); its date is written as
 * `migrering.datum`. A guided interview starts again at its first step: the old step numbers
 * belong to the old sections.
 */
export function migrateDraft(draft: Draft, ref: string, migrations: readonly Migration[], now: string): MigratedDraft | null {
  if (!canMigrateDraft(draft, ref, migrations)) return null;
  try {
    const { document, report } = migrate(draft.value, draft.schema, ref, migrations, { date: now.slice(0, 10) });
    const kept = report.steps.reduce((n, step) => n + step.notTransferred.length, 0);
    return { draft: { schema: ref, savedAt: now, value: document }, from: draft.schema, kept };
  } catch {
    // A draft whose shape the migration cannot read stays where it is, untouched.
    return null;
  }
}

/** What both renderers say about a draft from another version (plain Swedish, shown as text). */
export const otherDraftWords = {
  /** A draft from `from` exists; `canOpen`: the form can move it to `to`. */
  found: (from: string, to: string, canOpen: boolean): string =>
    `Ett utkast från version ${from} finns. ` +
    (canOpen ? `Du kan öppna det i version ${to}. Svaren flyttas då till rätt frågor i den nya versionen.` : `Det kan inte öppnas i version ${to}, som formuläret har nu.`),
  /** The button that moves the draft into this version. */
  open: (to: string): string => `Öppna utkastet i version ${to}`,
  /** After the move: how many answers had no place, and under which heading they are kept. */
  opened: (from: string, to: string, kept: number, where: string): string =>
    `Utkastet från version ${from} är öppnat i version ${to}.` +
    (kept === 0 ? " Alla svar fick plats." : ` ${kept === 1 ? "1 svar" : `${kept} svar`} fick ingen plats i den nya versionen. ${kept === 1 ? "Det finns" : "De finns"} kvar under ”${where}”.`),
};

/** What the form says once an older draft is open: how many answers had no place, and under which section's heading they are kept. */
export function openedDraftNotice(model: FormModel, moved: MigratedDraft, ref: string): string {
  const where = model.sections.find((s) => s.key === REPORT_KEY)?.label ?? REPORT_KEY;
  return otherDraftWords.opened(versionOf(moved.from), versionOf(ref), moved.kept, where);
}
