import type { MoveOp } from "../types.ts";
import type { StepRecorder } from "../recorder.ts";
import { REASONS } from "../reasons.ts";
import { expand, fill, parsePath, place, prune, removeAt, type JsonObject } from "../paths.ts";

/**
 * `move`: the value at `from` (a leaf or a whole group) goes to `to`. With `[]` in both paths,
 * each row's value moves within the same row. Parts that collide with a different answer
 * already at the target are reported at their old place; the answer at the target is kept.
 */
export function applyMove(doc: JsonObject, op: MoveOp, rec: StepRecorder): void {
  const to = parsePath(op.to);
  // A move never removes list items, so the locations found first stay valid.
  for (const { location, indices, value } of expand(doc, parsePath(op.from))) {
    const target = fill(to, indices).location;
    removeAt(doc, location);
    const conflicts = place(doc, target, value);
    for (const c of conflicts) {
      rec.kept([...location, ...c.relative], c.value, c.why === "occupied" ? REASONS.occupied : REASONS.unplaceable);
    }
    if (!conflicts.some((c) => c.relative.length === 0)) {
      rec.moved(location, target, "same");
      rec.changed([location], [target]);
      if (op.askedAs) rec.askedAs(location, target, value, op.askedAs);
    }
    prune(doc, location);
  }
}
