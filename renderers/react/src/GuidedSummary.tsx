import { answerInWords, getIn, guidedSummaryParts, resultInWords, yesNo, type Finding, type FormModel, type FormNode, type JsonSchema, type RuleResult } from "@blankett/engine";

/**
 * The last step of a guided interview (DOM contract 9): the profile table the rules compute, the
 * client's ranking, and the interviewer's judgement beside the rules' indication, with the
 * warning where they differ. What is shown, in words, comes from the engine (guidedSummaryParts);
 * this only lays it out. Nothing is decided here.
 */

function findNode(nodes: FormNode[], test: (n: FormNode) => boolean): FormNode | undefined {
  for (const n of nodes) {
    if (test(n)) return n;
    const hit = n.children ? findNode(n.children, test) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

export function GuidedSummary({
  schema,
  model,
  doc,
  results,
  warnings,
}: {
  schema: JsonSchema;
  model: FormModel;
  doc: unknown;
  results: RuleResult[];
  warnings: Finding[];
}) {
  const { tables, ranking, indications, categories, indicationWords } = guidedSummaryParts(schema, results);

  return (
    <section className="bf-section bf-guided-summary" aria-labelledby="bf-guided-summary-title">
      <h2 className="bf-section-title" id="bf-guided-summary-title" tabIndex={-1}>
        Sammanfattning
      </h2>
      {tables.map((t) => (
        <div className="bf-table-scroll" key={t.result.id}>
          <table className="bf-profile" data-summary={t.result.id}>
            <caption>{t.result.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.rowHeading}</th>
                {t.columns.map((c) => (
                  <th scope="col" key={c.field}>
                    {c.heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, i) => (
                    <td key={t.columns[i]?.field ?? i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}

      <h3>Klientens rangordning</h3>
      {ranking.length > 0 ? (
        <ol className="bf-ranking" data-summary="rangordning">
          {ranking.map((label, i) => (
            <li key={i}>{label}</li>
          ))}
        </ol>
      ) : (
        <p data-summary="rangordning">Klienten har inte valt några områden att förändra.</p>
      )}

      {(indications.length > 0 || categories.length > 0) && (
        <>
          <h3>Bedömning och indikation</h3>
          {indications.length > 0 && (
            <table className="bf-judgement" data-summary="bedomning">
              <thead>
                <tr>
                  <th scope="col">Fråga</th>
                  <th scope="col">Intervjuarens bedömning</th>
                  <th scope="col">Indikation enligt reglerna</th>
                </tr>
              </thead>
              <tbody>
                {indications.map(({ result: r, judgement }) => {
                  const path = judgement ?? [];
                  const node = path.length ? findNode(model.sections, (n) => !n.inRow && n.path.join(".") === path.join(".")) : undefined;
                  const judged = path.length ? getIn(doc, path) : undefined;
                  const mismatch = warnings.filter((w) => w.rule === r.id);
                  return (
                    <tr key={r.id} data-indication={r.id} className={mismatch.length ? "bf-mismatch" : undefined}>
                      <th scope="row">{node?.label ?? r.title}</th>
                      <td>{judged === undefined ? "Inte besvarad" : answerInWords(schema, path, judged)}</td>
                      <td>
                        {indicationWords[r.id] ?? yesNo(r.value)}
                        {mismatch.map((w, i) => (
                          <p className="bf-mismatch-text" key={i}>
                            {w.message}
                          </p>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {categories.map((c) => (
            <p key={c.id} data-summary={c.id}>
              {c.title}: <strong>{resultInWords(c)}</strong>
            </p>
          ))}
        </>
      )}
    </section>
  );
}
