import type { RecodeOp } from "../types.ts";
import type { StepRecorder } from "../recorder.ts";
import { REASONS } from "../reasons.ts";
import { EACH, deepEqual, expand, getAt, parsePath, prune, removeAt, type JsonObject, type Location } from "../paths.ts";

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * `recode`: old code → new code. On a list (`path` ends in `[]`) every item is recoded, and with
 * `unique` an item that now repeats an earlier one is reported instead of kept twice (a ranking
 * where two old areas became one keeps the better rank). A code mapped to `null` has no new
 * code: reported. Values that are not listed in the map (or are not text) stay as they are.
 */
export function applyRecode(doc: JsonObject, op: RecodeOp, rec: StepRecorder): void {
  const path = parsePath(op.path);
  const mapped = (v: unknown): { code?: unknown; listed: boolean } =>
    typeof v === "string" && hasOwn(op.map, v) ? { code: op.map[v], listed: true } : { listed: false };

  if (path[path.length - 1] === EACH) {
    for (const { location, value } of expand(doc, path.slice(0, -1))) {
      if (Array.isArray(value)) recodeList(value, location, op, rec, mapped);
    }
    return;
  }
  for (const { location, value } of expand(doc, path)) {
    const m = mapped(value);
    if (!m.listed) continue;
    if (m.code === null) {
      rec.kept(location, value, op.reason ?? REASONS.noCode);
      removeAt(doc, location);
      prune(doc, location);
      continue;
    }
    const parent = getAt(doc, location.slice(0, -1)) as JsonObject;
    parent[location[location.length - 1] as string] = m.code;
    rec.moved(location, location, "recoded", m.code);
    rec.changed([location], [location]);
  }
}

function recodeList(
  list: unknown[],
  location: Location,
  op: RecodeOp,
  rec: StepRecorder,
  mapped: (v: unknown) => { code?: unknown; listed: boolean },
): void {
  const next: unknown[] = [];
  let changed = false;
  list.forEach((item, i) => {
    const m = mapped(item);
    const from = [...location, i];
    if (m.listed && m.code === null) {
      rec.kept(from, item, op.reason ?? REASONS.noCode);
      changed = true;
      return;
    }
    const value = m.listed ? m.code : item;
    if (op.unique && next.some((n) => deepEqual(n, value))) {
      rec.kept(from, item, op.reason ?? REASONS.repeated);
      changed = true;
      return;
    }
    next.push(value);
    const to = [...location, next.length - 1];
    if (m.listed) rec.moved(from, to, "recoded", value);
    else if (i !== next.length - 1) rec.moved(from, to, "same");
    if (m.listed) changed = true;
  });
  list.splice(0, list.length, ...next);
  if (changed) rec.changed([location], [location]);
}
