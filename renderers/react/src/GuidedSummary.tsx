import { choiceOptions, getIn, isSchemaObject, schemaAt, type Finding, type FormModel, type FormNode, type JsonSchema, type RuleDefinition, type RuleResult } from "../../../engine/index.ts";
import { valueInWords } from "./words.ts";

/**
 * The last step of a guided interview (DOM contract 9): the profile table the rules compute, the
 * client's ranking, and the interviewer's judgement beside the rules' indication, with the
 * warning where they differ. Everything here is the engine's result; nothing is decided here.
 */

/** Column keys of a profile row the summary shows, with their headings. */
const PROFILE_COLUMNS: Array<[string, string]> = [
  ["galler", "Gäller"],
  ["problemstorlek", "Problemstorlek"],
  ["rang", "Klientens rang"],
];

function findNode(nodes: FormNode[], test: (n: FormNode) => boolean): FormNode | undefined {
  for (const n of nodes) {
    if (test(n)) return n;
    const hit = n.children ? findNode(n.children, test) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** A coded answer in words: the option label of the question at `path` (dot path). */
function answerInWords(schema: JsonSchema, path: string[], value: unknown): string {
  if (typeof value === "string" || typeof value === "boolean") {
    const option = choiceOptions(schema, schemaAt(schema, path))?.find((o) => o.code === String(value));
    if (option) return option.label;
  }
  return valueInWords(value);
}

type Row = Record<string, unknown>;

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
  const rules = (Array.isArray(schema["x-rules"]) ? schema["x-rules"] : []).filter(isSchemaObject) as unknown as RuleDefinition[];
  const tables = results.filter((r) => r.kind === "table" && Array.isArray(r.value));
  const indications = results.filter((r) => r.kind === "indication");
  const categories = results.filter((r) => r.kind === "category");
  const ranked = tables
    .flatMap((t) => t.value as Row[])
    .filter((row) => typeof row.rang === "number")
    .sort((a, b) => (a.rang as number) - (b.rang as number));

  return (
    <section className="bf-section bf-guided-summary" aria-labelledby="bf-guided-summary-title">
      <h2 className="bf-section-title" id="bf-guided-summary-title" tabIndex={-1}>
        Sammanfattning
      </h2>
      {tables.map((t) => {
        const rule = rules.find((d) => d.id === t.id);
        const rows = t.value as Row[];
        const columns = PROFILE_COLUMNS.filter(([key]) => rows.some((r) => key in r));
        return (
          <div className="bf-table-scroll" key={t.id}>
            <table className="bf-profile" data-summary={t.id}>
              <caption>{t.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Område</th>
                  {columns.map(([key, heading]) => (
                    <th scope="col" key={key}>
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => {
                  // Each row comes from one item of the rule's `each`; its answers sit under that path.
                  const item = rule?.each?.find((e) => e.code === row.code);
                  const base = item ? item.path.split(".") : [];
                  return (
                    <tr key={String(row.code ?? i)}>
                      <th scope="row">{valueInWords(row.label ?? row.code)}</th>
                      {columns.map(([key]) => (
                        <td key={key}>{item ? answerInWords(schema, [...base, key], row[key]) : valueInWords(row[key])}</td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}

      <h3>Klientens rangordning</h3>
      {ranked.length > 0 ? (
        <ol className="bf-ranking" data-summary="rangordning">
          {ranked.map((row) => (
            <li key={String(row.code)}>{valueInWords(row.label ?? row.code)}</li>
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
                {indications.map((r) => {
                  const def = rules.find((d) => d.id === r.id);
                  const path = def?.judgement?.split(".") ?? [];
                  const node = path.length ? findNode(model.sections, (n) => !n.inRow && n.path.join(".") === path.join(".")) : undefined;
                  const judged = path.length ? getIn(doc, path) : undefined;
                  const mismatch = warnings.filter((w) => w.rule === r.id);
                  return (
                    <tr key={r.id} data-indication={r.id} className={mismatch.length ? "bf-mismatch" : undefined}>
                      <th scope="row">{node?.label ?? r.title}</th>
                      <td>{judged === undefined ? "Inte besvarad" : answerInWords(schema, path, judged)}</td>
                      <td>
                        {r.value === true ? "Ja" : r.value === false ? "Nej" : "–"}
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
              {c.title}: <strong>{valueInWords(c.value)}</strong>
            </p>
          ))}
        </>
      )}
    </section>
  );
}
