import type { SplitOp } from "../types.ts";
import type { StepRecorder } from "../recorder.ts";
import { REASONS } from "../reasons.ts";
import { copy, expand, fill, parsePath, place, prune, removeAt, type JsonObject, type Location } from "../paths.ts";

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * `split`: one old answer goes to several new places — copied as it is, or through a map per
 * target (old value → that target's value; a target whose map lacks the value gets nothing).
 * If no target could take it, the answer is reported.
 */
export function applySplit(doc: JsonObject, op: SplitOp, rec: StepRecorder): void {
  const targets = op.to.map((t) => (typeof t === "string" ? { path: parsePath(t), map: undefined } : { path: parsePath(t.path), map: t.map }));
  for (const { location, indices, value } of expand(doc, parsePath(op.from))) {
    removeAt(doc, location);
    const placed: Location[] = [];
    let occupied = false;
    for (const t of targets) {
      let v: unknown = value;
      if (t.map) {
        if (typeof value !== "string" || !hasOwn(t.map, value)) continue;
        v = t.map[value];
      }
      const to = fill(t.path, indices).location;
      const conflicts = place(doc, to, copy(v));
      if (conflicts.length > 0) {
        occupied ||= conflicts.some((c) => c.why === "occupied");
        continue;
      }
      placed.push(to);
      rec.moved(location, to, t.map ? "recoded" : "same", v);
    }
    if (placed.length === 0) rec.kept(location, value, occupied ? REASONS.occupied : (op.reason ?? REASONS.noTarget));
    else rec.changed([location], placed);
    prune(doc, location);
  }
}
