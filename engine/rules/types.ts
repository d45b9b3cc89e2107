/** The rule vocabulary of `x-rules` (see schemas/README.md, "Rules"; one module per kind in kinds/). */
export type RuleKind = "value" | "table" | "category" | "indication" | "check";

/** What every rule has, whatever its kind. */
export interface RuleCommon {
  id: string;
  kind: RuleKind;
  title: string;
  description?: string;
  /** A helper result: not shown in the forms, still in `score --json` and readable as @.<id>. */
  internal?: boolean;
}

/** The fields that belong to one kind or another. */
type KindField =
  | "expr"
  | "judgement"
  | "mismatchMessage"
  | "cases"
  | "each"
  | "fields"
  | "summary"
  | "assert"
  | "when"
  | "forEach"
  | "values"
  | "severity"
  | "pointer"
  | "message";

/**
 * The other kinds' fields, absent: a rule whose kind is not narrowed can still be asked for any
 * of them (`rule.summary` is undefined unless the rule is a table), as before the union.
 */
type Without<Own extends KindField> = { [K in Exclude<KindField, Own>]?: undefined };

/** `value`: the expression's value (a number of days, a date, a list of codes). */
export interface ValueRule extends RuleCommon, Without<"expr"> {
  kind: "value";
  expr: unknown;
}

/** `indication`: true/false; a warning where the professional's judgement (a dot path) differs. */
export interface IndicationRule extends RuleCommon, Without<"expr" | "judgement" | "mismatchMessage"> {
  kind: "indication";
  expr: unknown;
  judgement?: string;
  mismatchMessage?: string;
}

export interface CategoryCase {
  when: unknown;
  value: string;
  label: string;
}

/** `category`: `{code, label}` of the first case that holds, or null. */
export interface CategoryRule extends RuleCommon, Without<"cases"> {
  kind: "category";
  cases: CategoryCase[];
}

export interface TableItem {
  code: string;
  label: string;
  path: string;
}

/** How the guided summary shows a table (headings are the schema's words, not the code's). */
export interface TableSummary {
  rowHeading: string;
  columns: Array<{ field: string; heading: string }>;
  rankedBy?: string;
}

/** `table`: one row per item of `each`, with `fields` computed with `item` in scope. */
export interface TableRule extends RuleCommon, Without<"each" | "fields" | "summary"> {
  kind: "table";
  each: TableItem[];
  fields: Record<string, unknown>;
  summary?: TableSummary;
}

/** `check`: a finding where `assert` fails; per row of `forEach` with `row`, `prev`, `index`. */
export interface CheckRule extends RuleCommon, Without<"assert" | "when" | "forEach" | "values" | "severity" | "pointer" | "message"> {
  kind: "check";
  assert: unknown;
  when?: unknown;
  forEach?: string;
  values?: Record<string, unknown>;
  severity?: "error" | "warning";
  pointer?: string;
  message?: string;
}

/** One rule of `x-rules`, discriminated by its kind. */
export type RuleDefinition = ValueRule | IndicationRule | CategoryRule | TableRule | CheckRule;

/** The rule definition of one kind. */
export type RuleOf<K extends RuleKind> = Extract<RuleDefinition, { kind: K }>;

/**
 * Every kind's fields optional, as `RuleDefinition` was before it became a union: for code that
 * reads rules without caring which kind they are.
 */
export type AnyRuleDefinition = RuleCommon & { [K in KindField]?: RuleDefinition[K] };

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
