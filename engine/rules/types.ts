/** The rule vocabulary of `x-rules` (see schemas/README.md, "Rules"). */
export type RuleKind = "value" | "table" | "category" | "indication" | "check";

export interface RuleDefinition {
  id: string;
  kind: RuleKind;
  title: string;
  description?: string;
  /** A helper result: not shown in the forms, still in `score --json` and readable as @.<id>. */
  internal?: boolean;
  expr?: unknown;
  each?: Array<{ code: string; label: string; path: string }>;
  fields?: Record<string, unknown>;
  /** table: how the guided summary shows it (headings are the schema's words, not the code's). */
  summary?: { rowHeading: string; columns: Array<{ field: string; heading: string }>; rankedBy?: string };
  cases?: Array<{ when: unknown; value: string; label: string }>;
  judgement?: string;
  mismatchMessage?: string;
  severity?: "error" | "warning";
  forEach?: string;
  when?: unknown;
  assert?: unknown;
  message?: string;
  pointer?: string;
  values?: Record<string, unknown>;
}

/** Which rule produced a result, and the inputs it read, with their values. */
export interface Explanation {
  rule: string;
  title: string;
  inputs: Array<{ path: string; value: unknown }>;
}

export interface RuleResult {
  id: string;
  kind: Exclude<RuleKind, "check">;
  title: string;
  value: unknown;
  /** From a rule marked internal: for tools (`score --json`), not for the person filling in the form. */
  internal?: true;
  explanation?: Explanation;
}

export interface Finding {
  rule: string;
  severity: "error" | "warning";
  pointer: string;
  message: string;
  explanation?: Explanation;
}

export interface RulesReport {
  results: RuleResult[];
  findings: Finding[];
}
