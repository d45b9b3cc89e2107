import type { DropOp } from "../types.ts";
import type { StepRecorder } from "../recorder.ts";
import { expand, isObject, parsePath, prune, removeAt, type JsonObject } from "../paths.ts";

/**
 * `drop`: an answer with no place in the new version leaves the answers and is kept in the
 * report section with the declared reason. Never a silent delete: only an empty group (which
 * holds no answer) goes without a report line.
 */
export function applyDrop(doc: JsonObject, op: DropOp, rec: StepRecorder): void {
  for (const { location, value } of expand(doc, parsePath(op.path))) {
    if (!(isObject(value) && Object.keys(value).length === 0)) {
      rec.kept(location, value, op.reason);
      rec.changed([location], []);
    }
    removeAt(doc, location);
    prune(doc, location);
  }
}
