import type { MoveRowsOp } from "../types.ts";
import type { StepRecorder } from "../recorder.ts";
import { REASONS } from "../reasons.ts";
import { evaluateCondition } from "../../rules/condition.ts";
import { copy, expand, fill, getAt, leaves, parsePath, place, type JsonObject, type Location } from "../paths.ts";

const startsWith = (a: Location, prefix: Location) => prefix.length <= a.length && prefix.every((s, i) => a[i] === s);

/**
 * `moveRows`: the rows of a list that match `where` leave it and become rows of another list (or
 * one object), field by field. A row field outside `fields` and `implied` is reported, as is a
 * whole row that cannot be placed. The rows that stay keep their order.
 */
export function applyMoveRows(doc: JsonObject, op: MoveRowsOp, rec: StepRecorder): void {
  const to = parsePath(op.to);
  const fields = Object.entries(op.fields).map(([from, dest]) => ({ from: parsePath(from) as string[], to: parsePath(dest) as string[] }));
  const implied = (op.implied ?? []).map((p) => parsePath(p) as string[]);
  for (const { location, indices, value } of expand(doc, parsePath(op.from))) {
    if (!Array.isArray(value)) continue;
    const kept: Array<{ row: unknown; index: number }> = [];
    value.forEach((row, index) => {
      if (!matches(op.where, doc, row)) kept.push({ row, index });
      else moveRow(doc, op, rec, [...location, index], row, fill(to, indices), fields, implied);
    });
    if (kept.length === value.length) continue;
    value.splice(0, value.length, ...kept.map((k) => k.row));
    kept.forEach((k, i) => {
      if (k.index !== i) rec.moved([...location, k.index], [...location, i], "same");
    });
  }
}

function matches(where: unknown, doc: JsonObject, row: unknown): boolean {
  try {
    return evaluateCondition(where, doc, row);
  } catch {
    return false; // a row the condition cannot read stays where it is: nothing is lost
  }
}

function moveRow(
  doc: JsonObject,
  op: MoveRowsOp,
  rec: StepRecorder,
  from: Location,
  row: unknown,
  target: { location: Location; append: boolean },
  fields: Array<{ from: string[]; to: string[] }>,
  implied: string[][],
): void {
  // Build the new row first; where it goes is decided after.
  const next: JsonObject = {};
  const transfers: Array<{ from: Location; to: Location; how: "same" | "placement" }> = [];
  const report: Array<{ at: Location; value: unknown; reason: string }> = [];
  for (const f of fields) {
    const v = getAt(row, f.from);
    if (v === undefined) continue;
    const conflicts = place(next, f.to, copy(v));
    if (conflicts.length === 0) transfers.push({ from: f.from, to: f.to, how: "same" });
    else report.push({ at: f.from, value: v, reason: REASONS.occupied });
  }
  for (const p of implied) if (getAt(row, p) !== undefined) transfers.push({ from: p, to: [], how: "placement" });
  const covered = [...fields.map((f) => f.from), ...implied];
  for (const leaf of leaves(row)) {
    if (covered.some((c) => startsWith(leaf.location, c))) continue;
    report.push({ at: leaf.location, value: leaf.value, reason: op.reason ?? REASONS.rowField });
  }

  let at: Location | undefined;
  if (target.append) {
    const list = getAt(doc, target.location);
    if (list === undefined && place(doc, target.location, []).length === 0) at = [...target.location, 0];
    else if (Array.isArray(list)) at = [...target.location, list.length];
    if (at) (getAt(doc, target.location) as unknown[]).push(next);
  } else if (getAt(doc, target.location) === undefined && place(doc, target.location, next).length === 0) {
    at = target.location;
  }
  if (!at) {
    rec.kept(from, row, REASONS.rowUnplaceable);
    return;
  }
  for (const t of transfers) rec.moved([...from, ...t.from], [...at, ...t.to], t.how);
  for (const r of report) rec.kept([...from, ...r.at], r.value, r.reason);
  rec.changed([from], [at]);
}

