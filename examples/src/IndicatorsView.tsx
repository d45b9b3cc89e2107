import { useMemo, useState } from "react";
import { generateDocuments } from "@blankett/engine/generate";
import { IndicatorAccumulator } from "@blankett/engine/indicators";
import { labelsFor, parseIndicatorFile } from "@blankett/engine/indicators";
import { SUPPRESSED, durationNote, smallGroupNote, toCsv } from "@blankett/engine/indicators";
import { MERGED_GROUP, MISSING_GROUP } from "@blankett/engine/indicators";
import { validatorFor, type JsonSchema } from "@blankett/engine/compiler";
import { besideSchema, indicatorFiles, profiles } from "./schemas.ts";
import { IndicatorChart } from "./indicators/IndicatorChart.tsx";
import { DurationChart } from "./indicators/DurationChart.tsx";
import { DurationTable } from "./indicators/DurationTable.tsx";
import { downloadText } from "./indicators/csv.ts";

/** The grouping shown first: sex where the instrument has it (SUE), else the definition's first. */
function firstGroup(groups: Record<string, unknown>): string {
  return Object.hasOwn(groups, "kon") ? "kon" : (Object.keys(groups)[0] ?? "");
}

/** Indicators over a synthetic data set generated in the browser (no real person's data), for any instrument version with indicators. */
export function IndicatorsView({ schema, schemaRef }: { schema: JsonSchema; schemaRef: string }) {
  const raw = besideSchema(indicatorFiles, schemaRef, "indicators");
  const profile = besideSchema(profiles, schemaRef, "synthetic");
  const [count, setCount] = useState(2000);
  const [chosen, setGroup] = useState<string | undefined>(undefined);
  const def = useMemo(() => (raw ? parseIndicatorFile(raw) : undefined), [raw]);
  // A choice made for another instrument (a grouping this one lacks) falls back to the first.
  const group = def && chosen !== undefined && (chosen === "" || Object.hasOwn(def.groups, chosen)) ? chosen : def ? firstGroup(def.groups) : "";
  const report = useMemo(() => {
    if (!def || !profile) return undefined;
    const acc = new IndicatorAccumulator(def, { groupBy: group ? [group] : [] });
    const v = validatorFor(schema);
    for (const doc of generateDocuments(schema, profile, { count, seed: 1 })) (v.isValid(doc) ? acc.add(doc) : acc.skipInvalid());
    return acc.report(acc.parameters.suppressBelow!);
  }, [def, profile, schema, count, group]);
  if (!def || !report) return <p>Det finns inga indikatorer för {schemaRef}.</p>;
  const groupLabels = group ? labelsFor(schema, def.groups[group]!) : {};
  const label = (code: string, labels: Record<string, string>) => (code === MISSING_GROUP ? "Uppgift saknas" : code === MERGED_GROUP ? "Övriga grupper" : (labels[code] ?? code));
  return (
    <section aria-labelledby="ind-title">
      <h3 id="ind-title">Indikatorer</h3>
      <p>
        Räknat på {report.records} <strong>syntetiska</strong> poster som skapas i webbläsaren – inga riktiga personer. Celler med färre än{" "}
        {report.parameters.suppressBelow} personer visas som {SUPPRESSED}, liksom celler som annars kunde räknas fram.
      </p>
      <p className="controls">
        <label>
          Antal poster <input type="number" min={10} max={50000} value={count} onChange={(e) => setCount(Math.max(10, Math.min(50000, Number(e.target.value) || 10)))} />
        </label>{" "}
        <label>
          Gruppera efter{" "}
          <select value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">Ingen gruppering</option>
            {Object.entries(def.groups).map(([k, g]) => <option key={k} value={k}>{g.title}</option>)}
          </select>
        </label>
      </p>
      <p>
        <button type="button" onClick={() => downloadText(`indikatorer-${schemaRef.replace("@", "-")}.csv`, toCsv(report, def, schema))}>
          Ladda ned alla som CSV
        </button>
      </p>
      {def.indicators.map((ind) => {
        const cells = report.cells.filter((c) => c.indicator === ind.id);
        const cats = ind.kind === "distribution" ? labelsFor(schema, ind) : {};
        const rowLabel = (c: (typeof cells)[number]) =>
          [group ? label(c.group[group]!, groupLabels) : "Alla", ind.kind === "distribution" ? label(c.category!, cats) : ""].filter(Boolean).join(": ");
        const note = smallGroupNote(report, def, schema, ind.id);
        if (ind.kind === "duration") {
          const left = durationNote(report, def, ind.id);
          return (
            <div key={ind.id} className="indicator-block" data-indicator={ind.id} data-kind="duration">
              <h4 id={`ind-h-${ind.id}`}>{ind.title}</h4>
              <p className="question">{ind.question}</p>
              <p className="note">Medianen är mittvärdet: i hälften av fallen gick det fortare, i hälften tog det längre tid. Kvartilerna visar var den mittersta hälften av fallen ligger.</p>
              {note && <p className="note">Obs: {note}</p>}
              {left && <p className="note" data-testid="duration-left-out">Obs: {left}</p>}
              <div className="chart-and-table">
                <DurationChart rows={cells.map((c) => ({ label: rowLabel(c), cell: c }))} threshold={report.parameters.suppressBelow!} title={ind.title} unit={ind.unit} />
                <DurationTable
                  id={ind.id}
                  title={ind.title}
                  unit={ind.unit}
                  cells={cells}
                  groupTitle={group ? def.groups[group]!.title : undefined}
                  groupCode={(c) => (group ? c.group[group]! : "")}
                  groupLabel={(c) => label(c.group[group]!, groupLabels)}
                  threshold={report.parameters.suppressBelow!}
                />
              </div>
              <p>
                <button type="button" onClick={() => downloadText(`${ind.id}.csv`, toCsv({ ...report, cells }, def, schema))}>
                  Ladda ned {ind.title.toLowerCase()} som CSV
                </button>
              </p>
            </div>
          );
        }
        return (
          <div key={ind.id} className="indicator-block" data-indicator={ind.id}>
            <h4 id={`ind-h-${ind.id}`}>{ind.title}</h4>
            <p className="question">{ind.question}</p>
            {note && <p className="note">Obs: {note}</p>}
            <div className="chart-and-table">
              <IndicatorChart rows={cells.map((c) => ({ label: rowLabel(c), cell: c }))} threshold={report.parameters.suppressBelow!} title={ind.title} />
              <div className="table-scroll" role="region" aria-labelledby={`ind-${ind.id}`} tabIndex={0}>
                <table className="indicators">
                  <caption id={`ind-${ind.id}`}>Tabell: {ind.title}</caption>
                  <thead>
                    <tr>
                      {group && <th scope="col">{def.groups[group]!.title}</th>}
                      {ind.kind === "distribution" && <th scope="col">Kategori</th>}
                      <th scope="col">Andel</th>
                      <th scope="col">Antal</th>
                    </tr>
                  </thead>
                  <tbody>
                    {cells.map((c, i) => (
                      <tr key={i} data-group={group ? c.group[group] : ""} data-category={c.category ?? ""}>
                        {group && <td>{label(c.group[group]!, groupLabels)}</td>}
                        {ind.kind === "distribution" && <td>{label(c.category!, cats)}</td>}
                        <td>{c.suppressed ? `${SUPPRESSED} (dolt, färre än ${report.parameters.suppressBelow})` : c.share === null ? "–" : `${(c.share * 100).toFixed(1).replace(".", ",")} %`}</td>
                        <td>{c.suppressed ? SUPPRESSED : `${c.numerator} av ${c.denominator}`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
            <p>
              <button type="button" onClick={() => downloadText(`${ind.id}.csv`, toCsv({ ...report, cells }, def, schema))}>
                Ladda ned {ind.title.toLowerCase()} som CSV
              </button>
            </p>
          </div>
        );
      })}
    </section>
  );
}
