import type { DefaultOp } from "../types.ts";
import type { StepRecorder } from "../recorder.ts";
import { EACH, copy, expand, getAt, parsePath, place, type JsonObject } from "../paths.ts";

/**
 * `default`: a value for a new required item where the document has none. With `[]` the value
 * is set in every existing row; without, at the path from the root, creating the groups on the
 * way (a draft that has not reached the section gets the section with just this item, which a
 * draft may have). An answer already there is never replaced.
 */
export function applyDefault(doc: JsonObject, op: DefaultOp, rec: StepRecorder): void {
  const path = parsePath(op.path);
  const last = path.lastIndexOf(EACH);
  const rows = last < 0 ? [{ location: [], value: doc }] : expand(doc, path.slice(0, last + 1));
  const rest = path.slice(last + 1) as string[];
  for (const row of rows) {
    if (getAt(row.value, rest) !== undefined) continue;
    const target = [...row.location, ...rest];
    if (place(doc, target, copy(op.value)).length === 0) rec.defaulted(target, op.value, op.reason);
  }
}
