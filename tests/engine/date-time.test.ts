import { describe, expect, it } from "vitest";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { isDateTime, isTime } from "../../engine/validation/date-time.ts";

/** The engine's date-time and time (which the precompiled validators use) are ajv-formats' full mode. */
describe("date-time formats", () => {
  const times = ["12:34:56Z", "12:34:56.789+01:00", "23:59:60Z", "23:59:60+01:00", "00:59:60+01:00", "12:34:56", "24:00:00Z", "12:60:00Z", "12:34:56+24:00", "12:34:56-0130", "12:34:56z", "1:2:3Z", ""];
  const dates = ["2024-02-29", "2023-02-29", "2024-13-01", "0000-01-01", "2024-04-31", "24-01-01"];
  const dateTimes = [...dates.flatMap((d) => times.flatMap((t) => [`${d}T${t}`, `${d}t${t}`, `${d} ${t}`])), "2024-01-01", "2024-01-01T", "2024-01-01T12:00:00ZT", "2024-01-01TT12:00:00Z"];

  it("time agrees with ajv-formats", () => {
    for (const t of times) expect(isTime(t), t).toBe((fullFormats.time as { validate: (s: string) => boolean }).validate(t));
  });
  it("date-time agrees with ajv-formats", () => {
    for (const t of dateTimes) expect(isDateTime(t), t).toBe((fullFormats["date-time"] as { validate: (s: string) => boolean }).validate(t));
  });
});
