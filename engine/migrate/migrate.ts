import { StepRecorder } from "./recorder.ts";
import { REASONS } from "./reasons.ts";
import { isObject, setOwn, type JsonObject } from "./paths.ts";
import { planSteps } from "./plan.ts";
import { applyMove } from "./ops/move.ts";
import { applyRecode } from "./ops/recode.ts";
import { applySplit } from "./ops/split.ts";
import { applyMerge } from "./ops/merge.ts";
import { applyDefault } from "./ops/defaults.ts";
import { applyDrop } from "./ops/drop.ts";
import { applyMoveRows } from "./ops/rows.ts";
import { shapeIssue } from "../validation/limits.ts";
import { MigrationError, type MigrateOptions, type Migration, type MigrationResult, type Operation, type StepReport } from "./types.ts";

/** Where a migrated document keeps what could not be placed (schemas/MIGRATIONS.md). */
export const REPORT_KEY = "migrering";

/**
 * Moves an answer document from one version to another by running the declared migrations in
 * order (1.0.0 → 1.1.0 → 2.0.0). Pure: the input is not changed, nothing is read or written
 * outside the arguments. Works on drafts too: an operation whose source is missing does nothing.
 *
 * Nothing is dropped silently: every value either lands in the new document (its place is in
 * `report.steps[].transfers`, or it did not move) or is kept in the document's `migrering`
 * section and listed in `report.steps[].notTransferred`. `meta.schema` names the new version.
 */
export function migrate(doc: unknown, fromRef: string, toRef: string, migrations: readonly Migration[], options: MigrateOptions = {}): MigrationResult {
  if (!isObject(doc)) throw new MigrationError("Svarsdokumentet är inget JSON-objekt");
  if (doc.meta !== undefined && !isObject(doc.meta)) throw new MigrationError("Svarsdokumentets meta är inget JSON-objekt");
  // The same limits as validation (depth, list and object sizes): refused here with the limit
  // named, before structuredClone or an operation could overflow the stack on a deep document.
  const issue = shapeIssue(doc);
  if (issue) throw new MigrationError(`Svarsdokumentet kan inte flyttas: ${issue.message}${issue.pointer ? ` (vid ${issue.pointer})` : ""}`);
  const steps = planSteps(migrations, fromRef, toRef);
  const document = structuredClone(doc);
  const reports: StepReport[] = [];
  for (const step of steps) {
    const from = `${step.instrument}@${step.from}`;
    const to = `${step.instrument}@${step.to}`;
    const rec = new StepRecorder(from, to);
    step.operations.forEach((op, i) => {
      rec.begin(i, op.op);
      apply(document, op, rec);
    });
    setVersion(document, to);
    reports.push(rec.report);
  }
  if (reports.length > 0) writeRecord(document, fromRef, toRef, reports, options);
  return { document, report: { from: fromRef, to: toRef, steps: reports } };
}

function apply(doc: JsonObject, op: Operation, rec: StepRecorder): void {
  switch (op.op) {
    case "move":
      return applyMove(doc, op, rec);
    case "recode":
      return applyRecode(doc, op, rec);
    case "split":
      return applySplit(doc, op, rec);
    case "merge":
      return applyMerge(doc, op, rec);
    case "default":
      return applyDefault(doc, op, rec);
    case "drop":
      return applyDrop(doc, op, rec);
    case "moveRows":
      return applyMoveRows(doc, op, rec);
  }
}

function setVersion(doc: JsonObject, ref: string): void {
  if (!isObject(doc.meta)) setOwn(doc, "meta", {});
  (doc.meta as JsonObject).schema = ref;
}

/**
 * The `migrering` section: where the answers were first given (kept from an earlier migration),
 * where they are now, and every value that could not be placed, with its reason, as JSON text.
 */
function writeRecord(doc: JsonObject, fromRef: string, toRef: string, steps: StepReport[], options: MigrateOptions): void {
  const previous = doc[REPORT_KEY];
  const earlier = isObject(previous) && Array.isArray(previous.ejOverforda) ? previous.ejOverforda : [];
  const first = isObject(previous) && typeof previous.fran === "string" ? previous.fran : fromRef;
  const entries = steps.flatMap((s) =>
    s.notTransferred
      .map((n) => ({ sokvag: n.path, version: s.from, varde: JSON.stringify(n.value), skal: n.reason }))
      // A moved answer given to another question: a copy with the question it was given to.
      .concat((s.askedAs ?? []).map((a) => ({ sokvag: a.from, version: s.from, varde: JSON.stringify(a.value), skal: a.text }))),
  );
  if (previous !== undefined && !(isObject(previous) && Array.isArray(previous.ejOverforda))) {
    entries.unshift({ sokvag: `/${REPORT_KEY}`, version: fromRef, varde: JSON.stringify(previous), skal: REASONS.previousRecord });
  }
  const record: JsonObject = { fran: first, till: toRef };
  if (options.date) record.datum = options.date;
  record.ejOverforda = [...earlier, ...entries];
  setOwn(doc, REPORT_KEY, record);
}
