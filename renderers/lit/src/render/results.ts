import { html, nothing, type TemplateResult } from "lit";
import {
  getIn,
  guidedSummaryParts,
  isListedResult,
  resultInWords,
  yesNo,
  type Finding,
  type JsonSchema,
  type RuleResult,
} from "@blankett/engine";

/**
 * Computed results. The engine computes them (rules as data); this only puts them in words.
 * `skipWarnings` are rule ids whose warnings are already shown elsewhere (the guided summary).
 */
export function renderResults(results: RuleResult[], warnings: Finding[], skipWarnings: ReadonlySet<string> = new Set()): TemplateResult | typeof nothing {
  const listed = results.filter(isListedResult);
  const shownWarnings = warnings.filter((w) => !skipWarnings.has(w.rule));
  if (!listed.length && !shownWarnings.length) return nothing;
  return html`<section class="results" part="results" aria-labelledby="blankett-results-heading">
    <h2 id="blankett-results-heading">Resultat</h2>
    ${listed.length
      ? html`<dl>
          ${listed.map(
            (r) => html`<div class="result" part="result" data-result=${r.id}>
              <dt>${r.title}</dt>
              <dd>${resultInWords(r)}</dd>
            </div>`,
          )}
        </dl>`
      : nothing}
    ${shownWarnings.length ? html`<h3>Att se över</h3>${renderWarnings(shownWarnings)}` : nothing}
  </section>`;
}

export function renderWarnings(warnings: Finding[]): TemplateResult {
  return html`<ul class="warnings">
    ${warnings.map((w) => html`<li class="warning" part="warning" data-warning=${w.rule}>${w.message}</li>`)}
  </ul>`;
}

/**
 * The summary step of a guided interview: each table result (FIA's profile: per area whether it
 * applies, the problem size and the client's rank), the client's ranking, and each indication
 * beside the professional's own judgement with the warning where they differ. Everything comes
 * from the schema's rules (worked out by the engine's guidedSummaryParts); the judgement is shown,
 * never replaced.
 */
export function renderGuidedSummary(schema: JsonSchema, doc: unknown, results: RuleResult[], warnings: Finding[]): TemplateResult {
  const { tables, ranking, indications, categories, indicationWords } = guidedSummaryParts(schema, results);
  const indicationIds = new Set(indications.map((i) => i.result.id));
  const mismatches = warnings.filter((w) => indicationIds.has(w.rule));
  return html`<section class="section guided-summary" part="section guided-summary" aria-labelledby="blankett-guided-summary-title">
    <h2 id="blankett-guided-summary-title">Sammanfattning</h2>
    ${tables.map(
      (t) => html`<div class="table-scroll">
        <table part="profile-table" data-summary=${t.result.id}>
          <caption>${t.result.title}</caption>
          <thead>
            <tr>
              <th scope="col">${t.rowHeading}</th>
              ${t.columns.map((c) => html`<th scope="col">${c.heading}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${t.rows.map(
              (row) => html`<tr>
                <th scope="row">${row.label}</th>
                ${row.cells.map((cell) => html`<td>${cell}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
    )}
    ${ranking.length
      ? html`<h3>Klientens rangordning</h3>
          <ol class="ranking">
            ${ranking.map((label) => html`<li>${label}</li>`)}
          </ol>`
      : nothing}
    ${indications.length || categories.length
      ? html`<h3>Bedömning och indikation</h3>
          ${categories.map((c) => html`<p class="category"><span class="term">${c.title}:</span> ${resultInWords(c)}</p>`)}
          ${indications.length
            ? html`<div class="table-scroll">
                <table part="judgement-table">
                  <thead>
                    <tr>
                      <th scope="col">Stödbehov</th>
                      <th scope="col">Intervjuarens bedömning</th>
                      <th scope="col">Indikation enligt reglerna</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${indications.map(({ result: r, judgement: path }) => {
                      const judgement = path ? getIn(doc, path) : undefined;
                      return html`<tr>
                        <th scope="row">${r.title}</th>
                        <td>${judgement === undefined ? "Inte besvarad" : yesNo(judgement)}</td>
                        <td>${indicationWords[r.id] ?? yesNo(r.value)}</td>
                      </tr>`;
                    })}
                  </tbody>
                </table>
              </div>`
            : nothing}
          ${mismatches.length ? renderWarnings(mismatches) : nothing}`
      : nothing}
  </section>`;
}
