/**
 * Calendar arithmetic on ISO dates ("2024-03-01"), done on numbers (no Date objects, no time
 * zone): indicators call these once or more per record, a million records at a time. Anything
 * that is not a real calendar date gives null, never an exception.
 */
interface Ymd {
  y: number;
  m: number;
  d: number;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** "YYYY-MM-DD", optionally followed by a time ("2024-03-01T10:00:00Z"). */
function parse(value: unknown): Ymd | null {
  if (typeof value !== "string" || value.length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  if (value.length > 10 && value[10] !== "T" && value[10] !== " ") return null;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

// By hand rather than padStart: indicators format a date per record (add_months).
const two = (n: number) => (n < 10 ? "0" + n : String(n));
const format = ({ y, m, d }: Ymd) => (y >= 1000 ? String(y) : String(y).padStart(4, "0")) + "-" + two(m) + "-" + two(d);

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
function dayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(z: number): Ymd {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function daysBetween(from: unknown, to: unknown): number | null {
  const a = parse(from);
  const b = parse(to);
  return a && b ? dayNumber(b) - dayNumber(a) : null;
}

export function addDays(date: unknown, days: unknown): string | null {
  const d = parse(date);
  if (!d || typeof days !== "number" || !Number.isFinite(days)) return null;
  return format(fromDayNumber(dayNumber(d) + Math.trunc(days)));
}

/** Adds calendar months; the 31st plus one month is the last day of the next month. */
export function addMonths(date: unknown, months: unknown): string | null {
  const d = parse(date);
  if (!d || typeof months !== "number" || !Number.isFinite(months)) return null;
  const total = d.y * 12 + (d.m - 1) + Math.trunc(months);
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  if (y < 0 || y > 9999) return null;
  return format({ y, m, d: Math.min(d.d, daysInMonth(y, m)) });
}

export function addYears(date: unknown, years: unknown): string | null {
  return typeof years === "number" ? addMonths(date, years * 12) : null;
}

export function yearOf(date: unknown): number | null {
  const d = parse(date);
  return d ? d.y : null;
}

/** RFC 3339 full-date ("2024-02-29"), checked against the calendar: the `date` format. */
export function isFullDate(value: string): boolean {
  return value.length === 10 && parse(value) !== null;
}

/** Days since 1970-01-01 of an ISO date (a date-time's date part), or null if it is not one. */
export function isoToDayNumber(value: unknown): number | null {
  const d = parse(value);
  return d ? dayNumber(d) : null;
}

/** The ISO date (YYYY-MM-DD) of a day number (days since 1970-01-01). */
export function dayNumberToIso(day: number): string {
  return format(fromDayNumber(day));
}
