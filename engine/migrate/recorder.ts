import type { AskedAs, Change, DefaultApplied, NotTransferred, OperationKind, StepReport, Transfer, TransferHow } from "./types.ts";
import { pointerOf, type Location } from "./paths.ts";

const startsWith = (loc: Location, prefix: Location) => prefix.length <= loc.length && prefix.every((s, i) => String(loc[i]) === String(s));

/**
 * What one migration step did, collected while its operations run.
 *
 * Operations run one after another on the same document, so an operation may find a value
 * where an earlier one put it (a row that moved up after the rows above it left). Paths shown to
 * people — a kept value's `path`, a change's `from` — are mapped back through the earlier
 * operations' transfers to where the value was in the step's old document, the version the
 * report names. Transfers themselves keep the places each operation saw, in order, so that they
 * can be followed forward.
 */
export class StepRecorder {
  readonly report: StepReport;
  private op = 0;
  private kind: OperationKind = "move";
  private readonly trail: Array<{ op: number; from: Location; to: Location }> = [];

  constructor(from: string, to: string) {
    this.report = { from, to, changes: [], transfers: [], notTransferred: [], defaults: [] };
  }

  /** The operation that the next records belong to. */
  begin(op: number, kind: OperationKind): void {
    this.op = op;
    this.kind = kind;
  }

  moved(from: Location, to: Location, how: TransferHow, result?: unknown): void {
    const t: Transfer = { op: this.op, kind: this.kind, from: pointerOf(from), to: pointerOf(to), how };
    if (how === "recoded") t.result = result;
    this.report.transfers.push(t);
    // A joined text or a placement holds more than this one value: nothing to map back through.
    if (how === "same" || how === "recoded") this.trail.push({ op: this.op, from, to });
  }

  /** A value with no place: it goes to the report section, never away. */
  kept(path: Location, value: unknown, reason: string): void {
    // A snapshot: later operations must not change what the report says was kept.
    const n: NotTransferred = { op: this.op, kind: this.kind, path: pointerOf(this.origin(path)), value: structuredClone(value), reason };
    this.report.notTransferred.push(n);
  }

  /** A moved value that was given to another question: noted with that question's wording. */
  askedAs(from: Location, to: Location, value: unknown, text: string): void {
    const a: AskedAs = { op: this.op, from: pointerOf(this.origin(from)), to: pointerOf(to), value: structuredClone(value), text };
    (this.report.askedAs ??= []).push(a);
  }

  defaulted(path: Location, value: unknown, reason: string): void {
    const d: DefaultApplied = { op: this.op, path: pointerOf(path), value, reason };
    this.report.defaults.push(d);
  }

  changed(from: Location[], to: Location[]): void {
    const c: Change = { op: this.op, kind: this.kind, from: from.map((l) => pointerOf(this.origin(l))), to: to.map(pointerOf) };
    this.report.changes.push(c);
  }

  /** Where a value found now was in the step's old document: earlier operations undone, latest first, one transfer each. */
  private origin(location: Location): Location {
    let loc = location;
    let i = this.trail.length - 1;
    while (i >= 0) {
      const op = this.trail[i]!.op;
      if (op < this.op) {
        for (let j = i; j >= 0 && this.trail[j]!.op === op; j--) {
          const t = this.trail[j]!;
          if (startsWith(loc, t.to)) {
            loc = [...t.from, ...loc.slice(t.to.length)];
            break;
          }
        }
      }
      while (i >= 0 && this.trail[i]!.op === op) i--;
    }
    return loc;
  }
}
