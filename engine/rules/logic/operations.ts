import { addDays, addMonths, addYears, daysBetween, yearOf } from "./dates.ts";

/**
 * Operations we add to standard JSON Logic. They are registered code, chosen by name from the
 * schema; a schema cannot define new ones.
 */
export const CUSTOM_OPERATIONS: Record<string, (...args: unknown[]) => unknown> = {
  days_between: (a, b) => daysBetween(a, b),
  add_days: (d, n) => addDays(d, n),
  add_months: (d, n) => addMonths(d, n),
  add_years: (d, n) => addYears(d, n),
  year: (d) => yearOf(d),
  count: (a) => (Array.isArray(a) ? a.length : 0),
  index_of: (a, v) => (Array.isArray(a) ? a.indexOf(v) : -1),
  /** {"band": [value, [18, 25], ["under_18", "18_24", "25_"]]}: the label of the band value falls in. */
  band: (value, limits, labels) => {
    if (typeof value !== "number" || !Number.isFinite(value) || !Array.isArray(limits) || !Array.isArray(labels)) return null;
    let i = 0;
    while (i < limits.length && value >= (limits[i] as number)) i++;
    return labels[i] ?? null;
  },
};
