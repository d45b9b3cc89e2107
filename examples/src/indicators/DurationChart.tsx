import { Bar, Line } from "@visx/shape";
import type { IndicatorCell } from "@blankett/engine/indicators";
import "./charts.css";

export interface DurationRow {
  /** The group the bar stands for. */
  label: string;
  cell: IndicatorCell;
}

const ROW = 28;
const LABEL_W = 150;
const BAR_W = 170;
// Room for "112,5 dagar".
const VALUE_W = 84;
const WIDTH = LABEL_W + BAR_W + VALUE_W;

const sv = (x: number) => String(Math.round(x * 10) / 10).replace(".", ",");
/** Long labels shortened in the chart; the table beside it has them in full. */
const short = (s: string) => (s.length > 24 ? s.slice(0, 23) + "…" : s);

/** The scale's end: the largest upper quartile shown, rounded up to a whole ten (at least 10). */
function scaleEnd(rows: DurationRow[]): number {
  let max = 0;
  for (const r of rows) if (!r.cell.suppressed && r.cell.p75 != null) max = Math.max(max, r.cell.p75);
  return Math.max(10, Math.ceil(max / 10) * 10);
}

/**
 * A duration per group: a bar to the median, and a line over the quartiles (the middle half of
 * the values), on one scale from 0 to the largest upper quartile. A hidden cell gets no bar and
 * is labelled "dolt, färre än N" — never drawn as zero. The SVG is a picture for the eye; the
 * table beside it is the accessible version with the same figures.
 */
export function DurationChart({ rows, threshold, title, unit }: { rows: DurationRow[]; threshold: number; title: string; unit: string }) {
  const height = rows.length * ROW + 22;
  const end = scaleEnd(rows);
  const x = (v: number) => LABEL_W + (Math.max(0, Math.min(v, end)) / end) * BAR_W;
  return (
    <svg
      className="indicator-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={`Diagram: ${title}. Stapeln går till medianen, strecket visar kvartilerna. Samma siffror finns i tabellen.`}
      data-testid="indicator-chart"
      data-kind="duration"
    >
      {rows.map((r, i) => {
        const y = 4 + i * ROW;
        const hidden = r.cell.suppressed !== false;
        const median = r.cell.median;
        return (
          <g key={i} data-suppressed={hidden ? "true" : "false"} data-label={r.label}>
            <text x={LABEL_W - 6} y={y + ROW / 2 + 4} textAnchor="end" className="chart-label">
              {short(r.label)}
            </text>
            <rect x={LABEL_W} y={y + 4} width={BAR_W} height={ROW - 8} className="chart-track" />
            {hidden ? (
              <text x={LABEL_W + 6} y={y + ROW / 2 + 4} className="chart-hidden" data-testid="chart-hidden">
                dolt, färre än {threshold}
              </text>
            ) : median == null ? (
              <text x={LABEL_W + 6} y={y + ROW / 2 + 4} className="chart-hidden">
                inga värden
              </text>
            ) : (
              <>
                <Bar x={LABEL_W} y={y + 8} width={x(median) - LABEL_W} height={ROW - 16} className="chart-bar" data-median={String(median)} />
                <Line from={{ x: x(r.cell.p25!), y: y + ROW / 2 }} to={{ x: x(r.cell.p75!), y: y + ROW / 2 }} className="chart-quartiles" data-p25={String(r.cell.p25)} data-p75={String(r.cell.p75)} />
                <Line from={{ x: x(r.cell.p25!), y: y + 7 }} to={{ x: x(r.cell.p25!), y: y + ROW - 7 }} className="chart-quartiles" />
                <Line from={{ x: x(r.cell.p75!), y: y + 7 }} to={{ x: x(r.cell.p75!), y: y + ROW - 7 }} className="chart-quartiles" />
                <text x={LABEL_W + BAR_W + 6} y={y + ROW / 2 + 4} className="chart-value">
                  {sv(median)} {unit}
                </text>
              </>
            )}
          </g>
        );
      })}
      <text x={LABEL_W} y={height - 4} className="chart-axis">
        0
      </text>
      <text x={LABEL_W + BAR_W} y={height - 4} textAnchor="end" className="chart-axis">
        {end} {unit}
      </text>
    </svg>
  );
}
