import { SUPPRESSED, type IndicatorCell } from "@blankett/engine/indicators";

const sv = (x: number) => String(x).replace(".", ",");

/**
 * The figures of a duration indicator, one row per group: median, the quartiles (the middle half
 * of the values) and the number of values. A hidden row says why, with no figure.
 */
export function DurationTable({
  id,
  title,
  unit,
  cells,
  groupTitle,
  groupCode,
  groupLabel,
  threshold,
}: {
  id: string;
  title: string;
  unit: string;
  cells: IndicatorCell[];
  groupTitle: string | undefined;
  groupCode: (c: IndicatorCell) => string;
  groupLabel: (c: IndicatorCell) => string;
  threshold: number;
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={`ind-${id}`} tabIndex={0}>
      <table className="indicators">
        <caption id={`ind-${id}`}>Tabell: {title}</caption>
        <thead>
          <tr>
            {groupTitle && <th scope="col">{groupTitle}</th>}
            <th scope="col">Median</th>
            <th scope="col">Kvartiler</th>
            <th scope="col">Antal</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c, i) => (
            <tr key={i} data-group={groupCode(c)}>
              {groupTitle && <td>{groupLabel(c)}</td>}
              <td>{c.suppressed ? `${SUPPRESSED} (dolt, färre än ${threshold})` : c.median == null ? "–" : `${sv(c.median)} ${unit}`}</td>
              <td>{c.suppressed ? SUPPRESSED : c.p25 == null ? "–" : `${sv(c.p25)}–${sv(c.p75!)} ${unit}`}</td>
              <td>{c.suppressed ? SUPPRESSED : String(c.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
