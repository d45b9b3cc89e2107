import { useMemo, useState } from "react";
import { generateDocuments } from "@blankett/engine/generate";
import { IndicatorAccumulator } from "@blankett/engine/indicators";
import { labelsFor, parseIndicatorFile } from "@blankett/engine/indicators";
import { SUPPRESSED } from "@blankett/engine/indicators";
import { MISSING_GROUP } from "@blankett/engine/indicators";
import { validatorFor, type JsonSchema } from "@blankett/engine/compiler";
import { besideSchema, indicatorFiles, profiles } from "./schemas.ts";

/** Indicators over a synthetic data set generated in the browser (no real person's data). */
export function IndicatorsView({ schema, schemaRef }: { schema: JsonSchema; schemaRef: string }) {
  const raw = besideSchema(indicatorFiles, schemaRef, "indicators");
  const profile = besideSchema(profiles, schemaRef, "synthetic");
  const [count, setCount] = useState(2000);
  const [group, setGroup] = useState("kon");
  const def = useMemo(() => (raw ? parseIndicatorFile(raw) : undefined), [raw]);
  const report = useMemo(() => {
    if (!def || !profile) return undefined;
    const acc = new IndicatorAccumulator(def, { groupBy: group ? [group] : [] });
    const v = validatorFor(schema);
    for (const doc of generateDocuments(schema, profile, { count, seed: 1 })) (v.isValid(doc) ? acc.add(doc) : acc.skipInvalid());
    return acc.report(acc.parameters.suppressBelow!);
  }, [def, profile, schema, count, group]);
  if (!def || !report) return <p>Det finns inga indikatorer för {schemaRef}.</p>;
  const groupLabels = group ? labelsFor(schema, def.groups[group]!) : {};
  const label = (code: string, labels: Record<string, string>) => (code === MISSING_GROUP ? "Uppgift saknas" : (labels[code] ?? code));
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
      {def.indicators.map((ind) => {
        const cells = report.cells.filter((c) => c.indicator === ind.id);
        const cats = ind.kind === "distribution" ? labelsFor(schema, ind) : {};
        return (
          <div key={ind.id} className="table-scroll" role="region" aria-labelledby={`ind-${ind.id}`} tabIndex={0}>
          <table className="indicators">
            <caption id={`ind-${ind.id}`}>
              {ind.title} <span className="question">({ind.question})</span>
            </caption>
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
                <tr key={i}>
                  {group && <td>{label(c.group[group]!, groupLabels)}</td>}
                  {ind.kind === "distribution" && <td>{label(c.category!, cats)}</td>}
                  <td>{c.suppressed ? SUPPRESSED : c.share === null ? "–" : `${(c.share * 100).toFixed(1).replace(".", ",")} %`}</td>
                  <td>{c.suppressed ? SUPPRESSED : `${c.numerator} av ${c.denominator}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        );
      })}
    </section>
  );
}
