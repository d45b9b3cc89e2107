import type { MouseEvent } from "react";
import { isListedResult, resultInWords, type Finding, type RuleResult, type ShownError } from "@blankett/engine";

/**
 * The error summary (DOM contract 5): after a failed submit, at the top of the form, every error
 * as a link to its field. `onFollow` moves focus (and, in a guided interview, the step) there.
 */
export function ErrorSummary({
  errors,
  targetOf,
  onFollow,
}: {
  errors: ShownError[];
  targetOf: (pointer: string) => string | undefined;
  onFollow: (pointer: string) => void;
}) {
  if (errors.length === 0) return null;
  return (
    <div className="bf-summary" role="alert" aria-labelledby="bf-summary-title">
      <h2 className="bf-summary-title" id="bf-summary-title">
        Det här behöver rättas
      </h2>
      <ul>
        {errors.map((e, i) => (
          <li key={e.pointer + "\u0000" + i}>
            <a
              href={"#" + (targetOf(e.pointer) ?? "")}
              onClick={(ev: MouseEvent) => {
                ev.preventDefault();
                onFollow(e.pointer);
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Computed results and rule warnings (DOM contract 7), recomputed on every change. */
export function Results({ results, warnings }: { results: RuleResult[]; warnings: Finding[] }) {
  const listed = results.filter(isListedResult);
  if (listed.length === 0 && warnings.length === 0) return null;
  return (
    <section className="bf-results" aria-labelledby="bf-results-title">
      <h2 id="bf-results-title">Resultat</h2>
      {listed.length > 0 && (
        <dl className="bf-result-list">
          {listed.map((r) => (
            <div className="bf-result" data-result={r.id} key={r.id}>
              <dt>{r.title}</dt>
              <dd>{resultInWords(r)}</dd>
            </div>
          ))}
        </dl>
      )}
      {warnings.length > 0 && (
        <>
          <h3>Att se över</h3>
          <ul className="bf-warnings">
            {warnings.map((w, i) => (
              <li data-warning={w.rule} key={w.rule + "\u0000" + w.pointer + "\u0000" + i}>
                {w.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
