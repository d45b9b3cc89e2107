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
};
