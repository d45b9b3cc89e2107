import { html, nothing, type TemplateResult } from "lit";
import {
  choiceOptions,
  getIn,
  schemaAt,
  type Finding,
  type JsonSchema,
  type RuleDefinition,
  type RuleResult,
} from "../../../../engine/runtime.ts";
import { LISTED_KINDS, resultInWords, valueInWords, yesNo } from "../words.ts";

/**
 * Computed results. The engine computes them (rules as data); this only puts them in words.
 * `skipWarnings` are rule ids whose warnings are already shown elsewhere (the guided summary).
 */
export function renderResults(results: RuleResult[], warnings: Finding[], skipWarnings: ReadonlySet<string> = new Set()): TemplateResult | typeof nothing {
  const listed = results.filter((r) => LISTED_KINDS.has(r.kind));
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

function rulesOf(schema: JsonSchema): RuleDefinition[] {
  const rules = schema["x-rules"];
  return Array.isArray(rules) ? (rules as RuleDefinition[]) : [];
}

/** Column headings of the profile table's fields, as the FIA summary names them. */
const PROFILE_COLUMNS: Array<[field: string, heading: string]> = [
  ["galler", "Gäller"],
  ["problemstorlek", "Problemstorlek"],
  ["rang", "Klientens rang"],
];

/** A coded value of a profile row in words: the option label of the question it came from. */
function cellInWords(schema: JsonSchema, itemPath: string | undefined, field: string, value: unknown): string {
  if (typeof value === "string" && itemPath) {
    const question = schemaAt(schema, [...itemPath.split("."), field]);
    const option = choiceOptions(schema, question)?.find((o) => o.code === value);
    if (option) return option.label;
  }
  return valueInWords(value);
}

/**
 * The summary step of a guided interview: each table result (FIA's profile: per area whether it
 * applies, the problem size and the client's rank), the client's ranking, and each indication
 * beside the professional's own judgement with the warning where they differ. Everything comes
 * from the schema's rules; the judgement is shown, never replaced.
 */
export function renderGuidedSummary(schema: JsonSchema, doc: unknown, results: RuleResult[], warnings: Finding[]): TemplateResult {
  const rules = rulesOf(schema);
  const tables = results.filter((r) => r.kind === "table" && Array.isArray(r.value));
  const indications = results.filter((r) => r.kind === "indication");
  const categories = results.filter((r) => r.kind === "category");
  const ranked = tables
    .flatMap((t) => t.value as Array<Record<string, unknown>>)
    .filter((row) => typeof row.rang === "number")
    .sort((a, b) => (a.rang as number) - (b.rang as number));
  const indicationIds = new Set(indications.map((r) => r.id));
  const mismatches = warnings.filter((w) => indicationIds.has(w.rule));
  return html`<section class="section guided-summary" part="section guided-summary" aria-labelledby="blankett-guided-summary-title">
    <h2 id="blankett-guided-summary-title">Sammanfattning</h2>
    ${tables.map((r) => {
      const rule = rules.find((x) => x.id === r.id);
      const rows = r.value as Array<Record<string, unknown>>;
      const columns = PROFILE_COLUMNS.filter(([f]) => rows.some((row) => f in row));
      return html`<div class="table-scroll">
        <table part="profile-table" data-summary=${r.id}>
          <caption>${r.title}</caption>
          <thead>
            <tr>
              <th scope="col">Område</th>
              ${columns.map(([, heading]) => html`<th scope="col">${heading}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => {
              const item = rule?.each?.find((e) => e.code === row.code);
              return html`<tr>
                <th scope="row">${valueInWords(row.label)}</th>
                ${columns.map(([field]) => html`<td>${cellInWords(schema, item?.path, field, row[field])}</td>`)}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
    })}
    ${ranked.length
      ? html`<h3>Klientens rangordning</h3>
          <ol class="ranking">
            ${ranked.map((row) => html`<li>${valueInWords(row.label)}</li>`)}
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
                    ${indications.map((r) => {
                      const rule = rules.find((x) => x.id === r.id);
                      const judgement = rule?.judgement ? getIn(doc, rule.judgement.split(".")) : undefined;
                      return html`<tr>
                        <th scope="row">${r.title}</th>
                        <td>${yesNo(judgement)}</td>
                        <td>${yesNo(r.value)}</td>
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
