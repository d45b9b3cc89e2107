/**
 * Calendar arithmetic on ISO dates ("2024-03-01"), in UTC so results never depend on the
 * machine's time zone. Anything that is not a real date gives null, never an exception.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const DAY_MS = 86_400_000;

function parse(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) ? d : null;
}

function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: unknown, to: unknown): number | null {
  const a = parse(from);
  const b = parse(to);
  return a && b ? Math.round((b.getTime() - a.getTime()) / DAY_MS) : null;
}

export function addDays(date: unknown, days: unknown): string | null {
  const d = parse(date);
  if (!d || typeof days !== "number" || !Number.isFinite(days)) return null;
  return format(new Date(d.getTime() + Math.trunc(days) * DAY_MS));
}

/** Adds calendar months; the 31st plus one month is the last day of the next month. */
export function addMonths(date: unknown, months: unknown): string | null {
  const d = parse(date);
  if (!d || typeof months !== "number" || !Number.isFinite(months)) return null;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + Math.trunc(months);
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

export function addYears(date: unknown, years: unknown): string | null {
  return typeof years === "number" ? addMonths(date, years * 12) : null;
}

export function yearOf(date: unknown): number | null {
  const d = parse(date);
  return d ? d.getUTCFullYear() : null;
}
