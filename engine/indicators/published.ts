import type { IndicatorCell, IndicatorReport } from "./types.ts";

/** A cell as published: hidden or not, never why. */
export type PublishedCell = Omit<IndicatorCell, "suppressed"> & { suppressed: boolean };
export type PublishedReport = Omit<IndicatorReport, "cells"> & { cells: PublishedCell[] };

/**
 * The report as it leaves the engine (the CLI's JSON). Suppression keeps "primary" (the cell
 * itself is small) apart from "secondary" (hidden to protect another cell) because it needs the
 * difference; a reader must not get it: "primary" says the count is under the threshold, which
 * is what hiding the cell was for, and narrows which neighbour is the small one.
 */
export function publishedReport(report: IndicatorReport): PublishedReport {
  return { ...report, cells: report.cells.map((c) => ({ ...c, suppressed: c.suppressed !== false })) };
}
