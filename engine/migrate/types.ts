/**
 * Answer migrations as data (schemas/MIGRATIONS.md). A migration moves answer documents from one
 * version of an instrument to the next; `migrate` runs a chain of them. Paths are dot paths from
 * the document root, with `[]` for "every item of this array" (the same notation as synthetic
 * profiles): `livssituation.halsa.kommentar`, `sammanstallning.klientensRangordning[]`.
 */

export type Path = string;

interface OperationBase {
  /** For reviewers (English): why this operation exists. */
  description?: string;
}

/** Moves a value (a leaf or a whole subtree) to another path; objects merge into an existing target. */
export interface MoveOp extends OperationBase {
  op: "move";
  from: Path;
  to: Path;
  /**
   * Swedish: how the question was asked in the old version, where the new place asks something
   * else (FIA 1.x "Övergrepp och tvång", violence by anyone → 2.0 "Våld i nära relation"). The
   * answer still moves; a copy of it is kept in `migrering` with this text, so the form shows what
   * the client was actually asked.
   */
  askedAs?: string;
}

/** Replaces codes at a path (a single answer, or every item of a list with `[]`). `null` = no new code: reported. */
export interface RecodeOp extends OperationBase {
  op: "recode";
  path: Path;
  map: Record<string, string | null>;
  /** For lists that must not repeat a code: an item equal to an earlier one after recoding is reported, not kept twice. */
  unique?: boolean;
  /** Swedish: why a code mapped to null (or a repeated one) could not be kept. */
  reason?: string;
}

export interface SplitTarget {
  path: Path;
  /** Old value → this target's value. Without a map the value is copied as it is. */
  map?: Record<string, unknown>;
}

/** One old answer to several new places. */
export interface SplitOp extends OperationBase {
  op: "split";
  from: Path;
  to: Array<Path | SplitTarget>;
  /** Swedish: why the answer could not go to any target (no target's map had it). */
  reason?: string;
}

export type MergeRule = "max" | "min" | "first" | "any" | "all" | "join";

/** Several old answers into one, by a declared rule. Sources whose value is not the result are reported. */
export interface MergeOp extends OperationBase {
  op: "merge";
  from: Path[];
  to: Path;
  rule: MergeRule;
  /** max/min over codes: the codes from lowest to highest. Without it, numbers compare as numbers. */
  order?: string[];
  /** join: one label per source, written before its text ("Alkohol och droger: …"). */
  labels?: string[];
  /** join: between the texts (default a blank line). */
  separator?: string;
  /** Swedish: why a source that did not win could not be kept. */
  reason?: string;
}

/** A value for a new required item, where the document has none. */
export interface DefaultOp extends OperationBase {
  op: "default";
  path: Path;
  value: unknown;
  /** Swedish: why this value is right for moved answers (shown in the report). */
  reason: string;
}

/** An answer with no place in the new version: removed from the answers, kept in the report section. */
export interface DropOp extends OperationBase {
  op: "drop";
  path: Path;
  /** Swedish: why it has no place (kept beside the value). */
  reason: string;
}

/** Rows of one list that match a condition become rows (or one object) somewhere else, field by field. */
export interface MoveRowsOp extends OperationBase {
  op: "moveRows";
  /** The list (no `[]` at the end). */
  from: Path;
  /** JSON Logic; `{"var": "row.x"}` reads the row, other paths the document. */
  where: unknown;
  /** Where each row goes: a list path ending in `[]` (appended) or an object path (one row only). */
  to: Path;
  /** Old row path → new row path. */
  fields: Record<string, Path>;
  /** Old row paths whose value the new place itself records (the row's type, once it has a section of its own). */
  implied?: Path[];
  /** Swedish: why a row field outside `fields` and `implied` could not be kept. */
  reason?: string;
}

export type Operation = MoveOp | RecodeOp | SplitOp | MergeOp | DefaultOp | DropOp | MoveRowsOp;
export type OperationKind = Operation["op"];

/** One migration file: `schemas/<instrument>/migrations/<from>-<to>.json`. */
export interface Migration {
  instrument: string;
  from: string;
  to: string;
  title?: string;
  description?: string | string[];
  operations: Operation[];
}

/** How a source leaf can be found after an operation (for the never-lose-anything check). */
export type TransferHow =
  /** the same value, at `to` */
  | "same"
  /** a new code (`result`) at `to` */
  | "recoded"
  /** inside the text at `to` */
  | "joined"
  /** recorded by the existence of `to` (a row's type, once the row has its own section) */
  | "placement";

/** A value (or subtree) that changed place or code. JSON Pointers: `from` in the step's old document, `to` in its new one. */
export interface Transfer {
  /** Index of the operation in its migration. */
  op: number;
  kind: OperationKind;
  from: string;
  to: string;
  how: TransferHow;
  /** The new value, for `recoded`. */
  result?: unknown;
}

/** A value kept in the report section because it has no place in the new version. */
export interface NotTransferred {
  op: number;
  kind: OperationKind;
  /** JSON Pointer in the step's old document. */
  path: string;
  value: unknown;
  /** Swedish, for the people who read the migrated document. */
  reason: string;
}

export interface DefaultApplied {
  op: number;
  path: string;
  value: unknown;
  reason: string;
}

/** A change as a person reads it: one line of the report (no answer values, only places). */
export interface Change {
  op: number;
  kind: OperationKind;
  from: string[];
  to: string[];
}

export interface StepReport {
  /** "fia@1.1.0" */
  from: string;
  to: string;
  changes: Change[];
  transfers: Transfer[];
  notTransferred: NotTransferred[];
  defaults: DefaultApplied[];
  /** Moved answers whose old question was not the new one (`move` with `askedAs`). */
  askedAs?: AskedAs[];
}

/** A moved answer given to another question: where it was and is, the value, and the old question. */
export interface AskedAs {
  op: number;
  /** JSON Pointer in the step's old document. */
  from: string;
  /** JSON Pointer in the new document. */
  to: string;
  value: unknown;
  /** The `askedAs` text of the operation. */
  text: string;
}

export interface MigrationReport {
  from: string;
  to: string;
  steps: StepReport[];
}

export interface MigrationResult {
  document: Record<string, unknown>;
  report: MigrationReport;
}

export interface MigrateOptions {
  /** ISO date written as `migrering.datum`; left out when not given (the engine reads no clock). */
  date?: string;
}

/** A migration that cannot run (unknown version, no chain, not an answer document): Swedish, one line. */
export class MigrationError extends Error {}
