import { isFullDate } from "../rules/logic/dates.ts";

/**
 * The string formats the precompiled validators check, without ajv-formats: its formats module is
 * CommonJS and comes into a browser bundle whole (every format, the long URI expression) for the
 * two that our schemas use. "time" and "date-time" are ajv-formats' full mode (RFC 3339 with a
 * required time zone, leap seconds at 23:59:60 UTC) line for line, its date check included;
 * ajv-formats is MIT licensed, (c) 2020 Evgeny Poberezkin. No `compare`: that serves only
 * ajv-formats' formatMinimum/formatMaximum keywords, which the engine does not add.
 */
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;

export function isTime(str: string): boolean {
  const matches = TIME.exec(str);
  if (!matches) return false;
  const hr = +matches[1]!;
  const min = +matches[2]!;
  const sec = +matches[3]!;
  const tz = matches[4];
  const tzSign = matches[5] === "-" ? -1 : 1;
  const tzH = +(matches[6] || 0);
  const tzM = +(matches[7] || 0);
  if (tzH > 23 || tzM > 59 || !tz) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  // leap second
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

function isRfc3339Date(str: string): boolean {
  const matches = DATE.exec(str);
  if (!matches) return false;
  const year = +matches[1]!;
  const month = +matches[2]!;
  const day = +matches[3]!;
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]!);
}

const DATE_TIME_SEPARATOR = /t|\s/i;

export function isDateTime(str: string): boolean {
  const dateTime = str.split(DATE_TIME_SEPARATOR);
  return dateTime.length === 2 && isRfc3339Date(dateTime[0]!) && isTime(dateTime[1]!);
}

/** "date" is RFC 3339 full-date checked against the calendar, without a regular expression. */
export const formatDate = { type: "string" as const, validate: isFullDate };
export const formatDateTime = { type: "string" as const, validate: isDateTime };
export const formatTime = { type: "string" as const, validate: isTime };
