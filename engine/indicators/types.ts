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

/**
 * A number per record (days, via `days_between`) among the records meeting `among`: per group its
 * count n, median and quartiles. Values are counted in a histogram over the declared `range`
 * (whole numbers), so memory does not grow with the records; a value outside the range (or not a
 * whole number) is counted apart as "utanför intervallet", and a record meeting `among` whose
 * value is missing as "värde saknas": both are said with the table, never dropped silently.
 */
export interface DurationIndicator extends IndicatorBase {
  kind: "duration";
  among?: unknown;
  /** The record's value: a whole number, null when it cannot be computed. */
  of: unknown;
  range: { minimum: number; maximum: number };
  /** The unit in Swedish, plural ("dagar"). */
  unit: string;
}

export type IndicatorDefinition = RateIndicator | DistributionIndicator | DurationIndicator;

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
  /**
   * Duration indicators: the number of values the median is taken over (numerator, denominator
   * and share are then null), and the median and quartiles (Histogram.quantile). All null when
   * the cell is hidden: a small group publishes no median.
   */
  n?: number | null;
  median?: number | null;
  p25?: number | null;
  p75?: number | null;
}

/**
 * Duration indicators: the records meeting `among` that gave no value in the median, over the
 * whole data set (every group, those merged or left out included). A count from 1 to
 * suppressBelow − 1 is published as null (shown as "färre än N").
 */
export interface DurationLeftOut {
  indicator: string;
  /** Values outside the declared range or not whole numbers. */
  outsideRange: number | null;
  /** Records whose value could not be computed (a date missing). */
  missing: number | null;
  range: { minimum: number; maximum: number };
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
  /** Duration indicators: the values not in any median, per indicator (absent when there is none). */
  durationLeftOut?: DurationLeftOut[];
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
