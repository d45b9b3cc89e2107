import { memo, useMemo } from "react";
import { diffSchemas, formatText, type ChangeClass } from "@blankett/engine/diff";
import type { JsonSchema } from "@blankett/engine";

const CLASS_WORDS: Partial<Record<ChangeClass, string>> = {
  breaking: "Påverkar sparade svar",
  compatible: "Sparade svar gäller fortfarande",
  wording: "Bara text",
  bookkeeping: "Versionsmärkning",
  review: "Behöver granskas",
};

/**
 * "Vad skiljer från den nationella versionen": the effective schema compared with its base by the
 * engine's questionnaire diff — the same summaries and reasons `blankett diff` prints.
 */
export const Differences = memo(function Differences({ base, effective }: { base: JsonSchema | undefined; effective: JsonSchema | undefined }) {
  const report = useMemo(() => (base && effective ? diffSchemas(base, effective) : undefined), [base, effective]);
  return (
    <section className="st-panel st-diff" aria-labelledby="st-diff-title">
      <h3 id="st-diff-title">Vad skiljer från den nationella versionen</h3>
      {!report && <p>Jämförelsen visas när varianten följer reglerna.</p>}
      {report && report.items.length === 0 && report.restructured.length === 0 && <p>Inga skillnader än.</p>}
      {report && (
        <>
          {report.restructured.length > 0 && (
            <ul>
              {report.restructured.map((r, i) => (
                <li key={i}>
                  <strong>{r.label}</strong>: {r.action === "added" ? `tillagt (${r.items} nya frågor)` : r.action === "removed" ? `borttaget (${r.items} frågor)` : "flyttat"}
                </li>
              ))}
            </ul>
          )}
          <ul className="st-diff-items">
            {report.items.map((item, i) => (
              <li key={i}>
                <strong>{item.label || "Formuläret"}</strong>
                <ul>
                  {item.changes.map((n) => {
                    const c = report.changes[n]!;
                    return (
                      <li key={n}>
                        {c.summary} <span className={`st-class st-class-${c.class}`}>{CLASS_WORDS[c.class]}</span>
                        <br />
                        <span className="st-muted">Varför:</span> {c.reason}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          <details>
            <summary>Hela jämförelsen som text (som blankett diff skriver den)</summary>
            <pre className="st-json">{formatText(report)}</pre>
          </details>
        </>
      )}
    </section>
  );
});
