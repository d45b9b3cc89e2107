/** Follow-up indicators over answer documents (`@blankett/engine/indicators`). */
export { IndicatorAccumulator, resolveParameters, PARAM_KEY, type AccumulatorOptions } from "./accumulate.ts";
export { parseIndicatorFile, labelsFor } from "./definition.ts";
export { checkGroupings, freeTextGroupings, type FreeTextGrouping } from "./grouping.ts";
export { SUPPRESSED, csvField, toCsv, toTable } from "./format.ts";
export { DEFAULT_SUPPRESS_BELOW, SUPPRESSION_FLOOR, assertSuppressionThreshold } from "./suppress.ts";
export { MISSING_GROUP, type IndicatorCell, type IndicatorDefinition, type IndicatorFile, type IndicatorReport } from "./types.ts";
