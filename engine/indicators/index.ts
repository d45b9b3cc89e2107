/** Follow-up indicators over answer documents (`@blankett/engine/indicators`). */
export { IndicatorAccumulator, resolveParameters, PARAM_KEY, type AccumulatorOptions } from "./accumulate.ts";
export { parseIndicatorFile, labelsFor } from "./definition.ts";
export { checkGroupings, freeTextGroupings, type FreeTextGrouping } from "./grouping.ts";
export { SUPPRESSED, csvField, durationNote, durationText, smallGroupNote, toCsv, toTable } from "./format.ts";
export { Histogram, MAX_HISTOGRAM_RANGE, quantilesOf } from "./histogram.ts";
export { DEFAULT_SUPPRESS_BELOW, MERGED_GROUP, SUPPRESSION_FLOOR, assertSuppressionThreshold } from "./suppress.ts";
export { MISSING_GROUP, type DurationIndicator, type DurationLeftOut, type IndicatorCell, type IndicatorDefinition, type IndicatorFile, type IndicatorReport, type SmallGroupNote } from "./types.ts";
export { publishedReport, type PublishedCell, type PublishedReport } from "./published.ts";
