/** The indicator definition format (schemas/<instrument>/<version>.indicators.json). */
export interface ParameterDefinition {
  title: string;
  default: number;
  minimum?: number;
  maximum?: number;
}

export interface GroupDefinition {
  title: string;
  /** JSON Logic giving the record's group value, or an array of values (a record in several groups). */
  expr: unknown;
  description?: string;
  /** Labels for the group values; values without a label are shown as they are. */
  labels?: Record<string, string>;
  /** Dot path of a choice question in the schema whose option titles label the values. */
  labelsFrom?: string;
  /**
   * Declares that grouping by free text is safe here (its values are known not to point anyone
   * out). Without it, a grouping whose value can come from a free-text field is refused: a row
   * label is published even when every count in its row is hidden (grouping.ts).
   */
  freeTextGroupingSafe?: boolean;
}

interface IndicatorBase {
  id: string;
  title: string;
  /** The follow-up question this indicator answers, in Swedish. */
  question: string;
  description?: string;
}

/** Share of the records meeting `denominator` that also meet `numerator`. */
export interface RateIndicator extends IndicatorBase {
  kind: "rate";
  denominator: unknown;
  numerator: unknown;
}

/** How the records meeting `among` spread over the values `of` gives (several values per record allowed). */
export interface DistributionIndicator extends IndicatorBase {
  kind: "distribution";
  among?: unknown;
  of: unknown;
  labels?: Record<string, string>;
  labelsFrom?: string;
}

export type IndicatorDefinition = RateIndicator | DistributionIndicator;

export interface IndicatorFile {
  schema: string;
  title: string;
  description?: string;
  parameters: Record<string, ParameterDefinition>;
  groups: Record<string, GroupDefinition>;
  indicators: IndicatorDefinition[];
}

/** One published cell: an indicator (and category) for one combination of group values. */
export interface IndicatorCell {
  indicator: string;
  /** Group name → group value code ("__saknas" when the record has none). */
  group: Record<string, string>;
  /** Distribution indicators: the category this row counts. */
  category?: string;
  numerator: number | null;
  denominator: number | null;
  share: number | null;
  /** primary: the cell itself is small; secondary: hidden so a small cell cannot be recovered from totals. */
  suppressed: false | "primary" | "secondary";
}

export interface IndicatorReport {
  schema: string;
  parameters: Record<string, number>;
  groupBy: string[];
  records: number;
  /** Records that did not validate against the schema and were left out (never their contents). */
  invalidRecords: number;
  /** Lines that were not JSON and were left out (never their contents). */
  unparsableRecords?: number;
  /**
   * Groups taken out of an indicator's table before suppression because their own figures are
   * small: merged into one group "Övriga grupper" (code MERGED_GROUP), or left out (their records
   * are in no figure of that indicator's table). Empty when none.
   */
  smallGroups?: SmallGroupNote[];
  cells: IndicatorCell[];
}

export interface SmallGroupNote {
  indicator: string;
  /** The grouping's name. */
  group: string;
  /** The group values taken out. */
  values: string[];
  action: "merged" | "leftOut";
}

export const MISSING_GROUP = "__saknas";
