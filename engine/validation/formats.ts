import { fullFormats } from "ajv-formats/dist/formats.js";
import { formatDate, formatDateTime, formatTime } from "./date-time.ts";

/**
 * The string formats our schemas may use, in one place: the runtime compiler and the precompiled
 * (standalone) validators use the same functions. "date", "date-time" and "time" are the
 * engine's own (date-time.ts; the precompiled validators import them by name, so a bundle needs
 * no ajv-formats for them); "date" is RFC 3339 full-date checked against the calendar, as
 * ajv-formats' full mode does, without a regular expression.
 */
export const formats = {
  date: formatDate,
  "date-time": formatDateTime,
  time: formatTime,
  email: fullFormats.email,
  uri: fullFormats.uri,
  uuid: fullFormats.uuid,
};
