import { Bar } from "@visx/shape";
import type { IndicatorCell } from "@blankett/engine/indicators";
import "./charts.css";

export interface ChartRow {
  /** What the bar stands for: the group, and for a distribution its category. */
  label: string;
  cell: IndicatorCell;
}

const ROW = 28;
const LABEL_W = 150;
const BAR_W = 170;
const VALUE_W = 60;
const WIDTH = LABEL_W + BAR_W + VALUE_W;

const percent = (share: number) => `${(share * 100).toFixed(1).replace(".", ",")} %`;
/** Long labels shortened in the chart; the table beside it has them in full. */
const short = (s: string) => (s.length > 24 ? s.slice(0, 23) + "…" : s);

/**
 * Bars per group: the share of each cell, 0–100 %. A hidden cell gets no bar and is labelled
 * "dolt, färre än N" — never drawn as zero. The SVG is a picture for the eye (aria-hidden); the
 * table beside it is the accessible version with the same figures.
 */
export function IndicatorChart({ rows, threshold, title }: { rows: ChartRow[]; threshold: number; title: string }) {
  const height = rows.length * ROW + 8;
  return (
    <svg className="indicator-chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`Diagram: ${title}. Samma siffror finns i tabellen.`} data-testid="indicator-chart">
      {rows.map((r, i) => {
        const y = 4 + i * ROW;
        const hidden = r.cell.suppressed !== false;
        const share = r.cell.share ?? 0;
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
            ) : (
              <>
                <Bar x={LABEL_W} y={y + 4} width={Math.max(0, share * BAR_W)} height={ROW - 8} className="chart-bar" data-share={String(share)} />
                <text x={LABEL_W + BAR_W + 6} y={y + ROW / 2 + 4} className="chart-value">
                  {r.cell.share === null ? "–" : percent(share)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
