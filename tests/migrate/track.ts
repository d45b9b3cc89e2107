import { getAt, joinPointer, parsePointer } from "../../engine/schema/pointer.ts";
import type { MigrationResult } from "../../engine/migrate/types.ts";

/**
 * The never-lose-anything check, written apart from the engine: every leaf of the source
 * document (a text, number, yes/no, null or empty list) is followed through the migration
 * steps using only the report's claims — "this moved from A to B", "this was kept in the
 * report" — and each claim is then checked against the migrated document itself. A leaf ends
 * as one of:
 * - unchanged: the same value at the same place;
 * - moved: found at the place the report says (the same value; for a recode, the new code the
 *   report names; for a joined text, inside the new text; for a row type, the new row exists);
 * - reported: in a step's notTransferred AND, word for word, in the document's
 *   /migrering/ejOverforda;
 * - lost: anything else (including a claim the document does not bear out).
 * `/meta/schema` is left out: it names the version and is replaced by design (the old version
 * stays as /migrering/fran, which the tests check).
 */

export interface LeafOutcome {
  pointer: string;
  value: unknown;
  outcome: "unchanged" | "moved" | "reported" | "lost";
  detail?: string;
}

export interface Tally {
  total: number;
  unchanged: number;
  moved: number;
  reported: number;
  lost: LeafOutcome[];
}

type Mode = "equal" | "included" | "exists";

function leafPointers(value: unknown, base: string[] = [], out: Array<{ segments: string[]; value: unknown }> = []) {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push({ segments: base, value });
    value.forEach((v, i) => leafPointers(v, [...base, String(i)], out));
  } else if (value !== null && typeof value === "object") {
    for (const k of Object.keys(value)) leafPointers((value as Record<string, unknown>)[k], [...base, k], out);
  } else out.push({ segments: base, value });
  return out;
}

const isPrefix = (prefix: string[], of: string[]) => prefix.length <= of.length && prefix.every((s, i) => of[i] === s);

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function holds(found: unknown, expected: unknown, mode: Mode): boolean {
  if (mode === "exists") return found !== undefined;
  if (mode === "included") return typeof found === "string" && typeof expected === "string" && found.includes(expected);
  return found !== undefined && equal(found, expected);
}

export function track(source: unknown, result: MigrationResult): Tally {
  const doc = result.document;
  const kept = new Set<string>();
  const record = doc.migrering as { ejOverforda?: Array<{ sokvag: string; version: string; varde: string }> } | undefined;
  for (const e of record?.ejOverforda ?? []) kept.add(`${e.sokvag}\u0000${e.version}\u0000${JSON.stringify(JSON.parse(e.varde))}`);

  const tally: Tally = { total: 0, unchanged: 0, moved: 0, reported: 0, lost: [] };
  for (const leaf of leafPointers(source)) {
    const pointer = joinPointer("", ...leaf.segments);
    if (pointer === "/meta/schema") continue;
    tally.total++;
    let at = leaf.segments;
    let value = leaf.value;
    let mode: Mode = "equal";
    let moved = false;
    let outcome: LeafOutcome | undefined;

    steps: for (const step of result.report.steps) {
      // A kept value's path names its place in the step's old document; transfers name the
      // places each operation saw, in order.
      const startAt = at;
      const ops = [...new Set([...step.transfers.map((t) => t.op), ...step.notTransferred.map((n) => n.op)])].sort((a, b) => a - b);
      for (const op of ops) {
        const rep = step.notTransferred.find(
          (n) => n.op === op && isPrefix(parsePointer(n.path), startAt) && holds(getAt(n.value, startAt.slice(parsePointer(n.path).length)), value, mode),
        );
        if (rep) {
          const inDoc = kept.has(`${rep.path}\u0000${step.from}\u0000${JSON.stringify(rep.value)}`);
          outcome = inDoc
            ? { pointer, value: leaf.value, outcome: "reported" }
            : { pointer, value: leaf.value, outcome: "lost", detail: `report ${rep.path} is not in /migrering/ejOverforda` };
          break steps;
        }
        const tr = step.transfers.find((t) => t.op === op && isPrefix(parsePointer(t.from), at));
        if (tr) {
          at = [...parsePointer(tr.to), ...at.slice(parsePointer(tr.from).length)];
          if (tr.how === "recoded") value = tr.result;
          else if (tr.how === "joined") mode = "included";
          else if (tr.how === "placement") mode = "exists";
          moved = true;
        }
      }
    }
    if (!outcome) {
      const found = getAt(doc, at);
      if (holds(found, value, mode)) outcome = { pointer, value: leaf.value, outcome: moved ? "moved" : "unchanged" };
      else outcome = { pointer, value: leaf.value, outcome: "lost", detail: `expected at ${joinPointer("", ...at)} (${mode})` };
    }
    if (outcome.outcome === "lost") tally.lost.push(outcome);
    else tally[outcome.outcome]++;
  }
  return tally;
}

/** Sums tallies (for the counts a test reports). */
export function add(a: Tally, b: Tally): Tally {
  return {
    total: a.total + b.total,
    unchanged: a.unchanged + b.unchanged,
    moved: a.moved + b.moved,
    reported: a.reported + b.reported,
    lost: [...a.lost, ...b.lost],
  };
}

export const EMPTY: Tally = { total: 0, unchanged: 0, moved: 0, reported: 0, lost: [] };
