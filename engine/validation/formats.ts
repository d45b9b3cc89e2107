import { fullFormats } from "ajv-formats/dist/formats.js";
import { isFullDate } from "../rules/logic/dates.ts";

/**
 * The string formats our schemas may use, in one place: the runtime compiler and the precompiled
 * (standalone) validators import the same functions. "date" is RFC 3339 full-date checked
 * against the calendar, as ajv-formats' full mode does, without a regular expression.
 */
export const formats = {
  date: { type: "string" as const, validate: isFullDate },
  "date-time": fullFormats["date-time"],
  time: fullFormats.time,
  email: fullFormats.email,
  uri: fullFormats.uri,
  uuid: fullFormats.uuid,
};
