import { AnswerInput } from "./AnswerInput.tsx";
import type { Explained } from "./check.ts";
import type { VariantDraft } from "./operations.ts";
import { sameAnswer as same, type Question } from "./questions.ts";

export interface NationalActions {
  /** Shows another question; `focus`: move focus to the question list (from a link elsewhere). */
  select(path: string, focus?: boolean): void;
  relabel(path: string, text: string): void;
  help(path: string, text: string): void;
  hide(path: string, hidden: boolean): void;
  restrict(path: string, keep: unknown[] | undefined): void;
  setDefault(path: string, value: unknown): void;
}


/** What the variant changed about a national question, in words (for the list of changed questions). */
function changesOf(draft: VariantDraft, path: string): string[] {
  const out: string[] = [];
  if (draft.hide?.includes(path)) out.push("dold");
  if (draft.relabel?.[path] !== undefined) out.push("egen text");
  if (draft.help?.[path] !== undefined) out.push("egen hjälptext");
  if (draft.restrictOptions?.[path] !== undefined) out.push("färre alternativ");
  if (draft.defaults?.[path] !== undefined) out.push("förvalt svar");
  return out;
}

/**
 * The national questions: pick one (by its label, grouped by section) and change what a variant may
 * change — its text, its help text, whether it is asked, which options are kept, a local default.
 */
export function NationalEditor({ draft, questions, selected, problems, actions }: {
  draft: VariantDraft;
  questions: Question[];
  selected: string;
  /** Violations about the selected question. */
  problems: Explained[];
  actions: NationalActions;
}) {
  const q = questions.find((x) => x.path === selected) ?? questions[0];
  const sections = questions.filter((x) => x.trail.length === 0);
  const changed = questions.filter((x) => changesOf(draft, x.path).length > 0);
  if (!q) return null;
  const hidden = !!draft.hide?.includes(q.path);
  const keep = draft.restrictOptions?.[q.path];
  const def = draft.defaults?.[q.path];
  const canHide = !q.required;

  return (
    <section className="st-panel" aria-labelledby="st-national-title">
      <h3 id="st-national-title">Nationella frågor</h3>
      <p className="st-hint">Välj en fråga för att ge den en egen text eller hjälptext, låta bli att ställa den eller begränsa svarsalternativen.</p>
      <label>
        Fråga
        <select id="st-national" value={q.path} onChange={(e) => actions.select(e.target.value)}>
          {sections.map((section) => (
            <optgroup key={section.path} label={section.label}>
              {questions
                .filter((x) => x.path === section.path || x.path.startsWith(section.path + "."))
                .map((x) => (
                  <option key={x.path} value={x.path}>
                    {[...x.trail.slice(1), x.label].join(" › ") || x.label}
                    {changesOf(draft, x.path).length > 0 ? " (ändrad)" : ""}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>

      <div className="st-national-item" id="st-national-item">
        <p className="st-national-text">
          <span className="st-muted">Nationell text:</span> {q.label}
          {q.required && <span className="st-tag">obligatorisk</span>}
        </p>
        {problems.length > 0 && (
          <div className="st-inline-problems" role="note" id="st-national-problems">
            {problems.map((p, i) => (
              <p key={i}>
                <strong>{p.what}</strong> {p.why}
              </p>
            ))}
          </div>
        )}
        <label>
          Egen frågetext (tom: den nationella texten)
          <input id="st-national-label" type="text" value={draft.relabel?.[q.path] ?? ""} placeholder={q.label} onChange={(e) => actions.relabel(q.path, e.target.value)} />
        </label>
        <label>
          Egen hjälptext
          <textarea id="st-national-help" rows={2} value={draft.help?.[q.path] ?? ""} placeholder={q.help ?? ""} onChange={(e) => actions.help(q.path, e.target.value)} />
        </label>
        <label className="st-check">
          <input id="st-national-hide" type="checkbox" checked={hidden} aria-describedby="st-national-hide-hint" onChange={(e) => actions.hide(q.path, e.target.checked)} /> Ställ inte frågan i varianten (dölj den)
        </label>
        <p className="st-hint" id="st-national-hide-hint">
          {canHide ? "Bara frågor som inga nationella regler eller indikatorer läser kan döljas." : "Frågan är obligatorisk nationellt och kan inte döljas."}
        </p>

        {q.options && q.kind !== "yesno" && (
          <fieldset className="st-options" id="st-national-options">
            <legend>Svarsalternativ som varianten behåller</legend>
            {q.options.map((o, i) => {
              const kept = keep === undefined || keep.some((c) => same(c, o.code));
              return (
                <label key={i} className="st-check">
                  <input
                    id={`st-national-option-${i}`}
                    type="checkbox"
                    checked={kept}
                    onChange={(e) => {
                      const now = keep ?? q.options!.map((x) => x.code);
                      const next = e.target.checked ? q.options!.map((x) => x.code).filter((c) => now.some((k) => same(k, c)) || same(c, o.code)) : now.filter((c) => !same(c, o.code));
                      actions.restrict(q.path, next.length === q.options!.length ? undefined : next);
                    }}
                  />{" "}
                  {o.label}
                </label>
              );
            })}
          </fieldset>
        )}

        {(q.options || q.kind === "text" || q.kind === "number" || q.kind === "date") && q.kind !== "multiple" && (
          <AnswerInput id="st-national-default" label="Förvalt svar i varianten" q={q} value={def} none="(inget förval)" onChange={(v) => actions.setDefault(q.path, v)} />
        )}
      </div>

      {changed.length > 0 && (
        <>
          <h4>Ändrade nationella frågor</h4>
          <ul className="st-changed">
            {changed.map((x) => (
              <li key={x.path}>
                <button type="button" className="st-link" onClick={() => actions.select(x.path, true)}>
                  {x.label}
                </button>{" "}
                <span className="st-muted">({changesOf(draft, x.path).join(", ")})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
