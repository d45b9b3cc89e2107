/**
 * The vocabulary of a questionnaire diff. A diff compares two versions of an instrument by what
 * they mean for stored answers; every change says where it is (the answer path and the
 * question's label), what it was, what it became, and how it affects answers already saved.
 */

/**
 * How a change affects stored answers.
 * - breaking: an answer valid under the old version may be invalid, or mean something else, under the new;
 * - compatible: every old answer stays valid with the same meaning (the form or the results may change);
 * - wording: only text people read (labels, help, descriptions);
 * - bookkeeping: the version stamp itself (meta.schema's const); answers are re-stamped on migration;
 * - review: the analysis could not prove the direction (a keyword compared as a whole); a person
 *   must decide. The bump check counts it as breaking unless a review file accepts it
 *   (`<instrument>/<version>.review.json`, see schemas/DIFF.md).
 */
export type ChangeClass = "breaking" | "compatible" | "wording" | "bookkeeping" | "review";

export type ChangeKind =
  | "label-changed"
  | "help-changed"
  | "description-changed"
  | "option-added"
  | "option-removed"
  | "option-recoded"
  | "option-relabelled"
  | "option-rescored"
  | "type-changed"
  | "constraint-narrowed"
  | "constraint-widened"
  | "required-added"
  | "required-removed"
  | "item-added"
  | "item-removed"
  | "item-moved"
  | "item-reordered"
  | "condition-changed"
  | "hint-changed"
  | "keyword-changed"
  | "rule-added"
  | "rule-removed"
  | "rule-changed"
  | "rules-reordered"
  | "instrument-changed"
  | "version-stamp";

export interface Change {
  kind: ChangeKind;
  class: ChangeClass;
  /** JSON Pointer of the answer in the old version ("*" stands for every row of an array); "" is the document. */
  pointer: string;
  /** Where the answer is in the new version, when it moved (or was only added there). */
  newPointer?: string;
  /** The question's label (the new one when it exists, else the old one). */
  label: string;
  /** The keyword, hint or option code the change is about (e.g. "maximum", "widget", "stor"). */
  keyword?: string;
  /** Rule changes: the rule's id. */
  rule?: string;
  /** Rule changes: the answers the rule reads (JSON Pointers), old and new together. */
  reads?: string[];
  /** What it was (absent when it did not exist). */
  before?: unknown;
  /** What it became (absent when it no longer exists). */
  after?: unknown;
  /** What happened, in Swedish plain words. */
  summary: string;
  /** Why it has its class, in Swedish plain words. */
  reason: string;
  /**
   * A synthetic answer document valid under the old version and invalid under the new, found by
   * the counter-example search (never a real answer). Present only when the search proved the
   * change breaking.
   */
  witness?: unknown;
  /** The search at this change: candidates tried, and how many of them the old version accepts. */
  searched?: { tried: number; validOld: number };
  /** class "review": a reviewer accepted the change (review file); the bump counts it as compatible. */
  accepted?: { note: string; by?: string };
}

/** What the counter-example search did over the whole diff. */
export interface SearchSummary {
  /** Changes searched (those not already breaking). */
  changes: number;
  tried: number;
  validOld: number;
  /** Changes the search proved breaking (each carries its witness). */
  witnesses: number;
  /** The budget ran out before every change was searched. */
  exhausted: boolean;
}

/** A question or group as a reviewer sees it, for the side-by-side view. */
export interface ItemView {
  pointer: string;
  label: string;
  kind: "group" | "list" | "choice" | "multichoice" | "value";
  type?: string;
  required: boolean;
  options?: Array<{ code: string; label: string }>;
  /** Validation keywords with their values (minimum, maxLength, pattern, format, …). */
  constraints: Record<string, unknown>;
  help?: string;
  description?: string;
  visibleWhen?: unknown;
  /** Other hints (widget, unit, …). */
  hints: Record<string, unknown>;
  /** Groups: the keys of the items inside, in form order. */
  children?: string[];
}

/** All changes of one item, with the item as it was and as it became. */
export interface ItemDiff {
  pointer: string;
  newPointer?: string;
  label: string;
  old?: ItemView;
  new?: ItemView;
  /** Indexes into DiffReport.changes. */
  changes: number[];
}

/** A group of questions (a section, an area) that was removed, added or moved. */
export interface Restructuring {
  action: "removed" | "added" | "moved";
  pointer: string;
  newPointer?: string;
  label: string;
  /** How many questions the group holds (leaves below it). */
  items: number;
  class: ChangeClass;
}

export type Bump = "major" | "minor" | "patch" | "none";

export interface VersionInfo {
  ref: string;
  name: string;
  version: string;
  title: string;
}

export interface BumpVerdict {
  /** What the changes call for. */
  required: Bump;
  /** What the version numbers say (old → new); "downgrade" when the new number is lower. */
  declared: Bump | "downgrade";
  /** Declared equals required, for the same instrument. */
  matches: boolean;
  /** Why it does not match, in Swedish (absent when it matches). */
  problem?: string;
}

export interface DiffReport {
  old: VersionInfo;
  new: VersionInfo;
  changes: Change[];
  items: ItemDiff[];
  restructured: Restructuring[];
  counts: Record<ChangeClass, number>;
  bump: BumpVerdict;
  /** Present when the diff ran with `{ search: true }`. */
  search?: SearchSummary;
}
