import { joinPointer } from "../schema/pointer.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { deref, uiOf } from "../schema/walk.ts";

/**
 * `x-ui.childWith` on a column of a table names another field of the same row, whose texts the
 * child's log shows in that column's cell (engine/form/childView.ts). A name that is not a field
 * of the row would silently show nothing, so it is an error; so is a hint on a field that is not
 * a column, which the child's log never reads. `at` is the table's pointer.
 */
export function childWithIssues(root: JsonSchema, rowProps: Record<string, unknown>, columns: readonly unknown[], at: string): Array<{ at: string; message: string }> {
  const issues: Array<{ at: string; message: string }> = [];
  for (const [key, raw] of Object.entries(rowProps)) {
    if (!isSchemaObject(raw)) continue;
    const name = uiOf(deref(root, raw)).childWith;
    if (name === undefined) continue;
    // The row's schema may sit behind a $ref; the table's columns are where the hint is read.
    const where = joinPointer(at, "x-ui", "columns");
    if (!columns.includes(key)) issues.push({ at: where, message: `x-ui.childWith på ”${key}” används bara på en kolumn i tabellen (x-ui.columns)` });
    else if (!(name in rowProps) || name === key) issues.push({ at: where, message: `x-ui.childWith nämner ”${name}”, som inte är ett annat fält i raderna` });
  }
  return issues;
}
