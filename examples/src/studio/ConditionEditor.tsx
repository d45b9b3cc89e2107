import { COMPARISON_LABELS, comparisonsFor, conditionSources, firstValue, fromLogic, toLogic, type Comparison, type Condition } from "./conditions.ts";
import { fullLabel, sameAnswer as same, type Question } from "./questions.ts";
import { AnswerInput } from "./AnswerInput.tsx";

/**
 * "Visas bara när": a question (national or local, by its label), a comparison and a value, each
 * picked from a list. Writes JSON Logic through `onChange` (undefined: always shown).
 */
export function ConditionEditor({ id, logic, questions, self, onChange }: {
  id: string;
  logic: unknown;
  questions: Question[];
  /** The item's own path: it cannot depend on itself. */
  self: string;
  onChange: (logic: unknown, merge?: string) => void;
}) {
  const sources = conditionSources(questions, self);
  const condition = logic === undefined ? undefined : fromLogic(logic);
  const on = logic !== undefined;
  const first = sources[0];

  const toggle = (checked: boolean) => {
    if (!checked) return onChange(undefined);
    if (!first) return;
    const op = comparisonsFor(first)[0]!;
    onChange(toLogic({ path: first.path, op, value: firstValue(first, op) }));
  };

  if (on && !condition) {
    return (
      <div className="st-condition">
        <p>Frågan har ett villkor som studion inte kan visa som val i listor.</p>
        <button type="button" onClick={() => onChange(undefined)}>Ta bort villkoret (visa alltid)</button>
      </div>
    );
  }
  const q = condition ? questions.find((x) => x.path === condition.path) : undefined;
  const set = (c: Condition, merge?: string) => onChange(toLogic(c), merge);
  const local = sources.filter((s) => s.local);
  const national = sources.filter((s) => !s.local);

  return (
    <div className="st-condition">
      <label className="st-check">
        <input id={`${id}-on`} type="checkbox" checked={on} disabled={!first && !on} onChange={(e) => toggle(e.target.checked)} /> Visa frågan bara när ett annat svar är något visst
      </label>
      {condition && (
        <fieldset className="st-condition-parts">
          <legend>Visas bara när</legend>
          <label>
            Frågan
            <select
              id={`${id}-question`}
              value={condition.path}
              onChange={(e) => {
                const next = sources.find((s) => s.path === e.target.value);
                if (!next) return;
                const op = comparisonsFor(next).includes(condition.op) ? condition.op : comparisonsFor(next)[0]!;
                set({ path: next.path, op, value: firstValue(next, op) });
              }}
            >
              {!q && <option value={condition.path}>{condition.path} (finns inte)</option>}
              {local.length > 0 && (
                <optgroup label="Lokala frågor">
                  {local.map((s) => <option key={s.path} value={s.path}>{s.label}</option>)}
                </optgroup>
              )}
              <optgroup label="Nationella frågor">
                {national.map((s) => <option key={s.path} value={s.path}>{fullLabel(s)}</option>)}
              </optgroup>
            </select>
          </label>
          {q && (
            <label>
              Jämförelse
              <select
                id={`${id}-op`}
                value={condition.op}
                onChange={(e) => {
                  const op = e.target.value as Comparison;
                  const keep = (op === "in") === (condition.op === "in");
                  set({ ...condition, op, value: keep ? condition.value : firstValue(q, op) });
                }}
              >
                {comparisonsFor(q).map((op) => <option key={op} value={op}>{COMPARISON_LABELS[op]}</option>)}
              </select>
            </label>
          )}
          {q && <ValueInput id={`${id}-value`} q={q} condition={condition} set={set} />}
        </fieldset>
      )}
    </div>
  );
}

function ValueInput({ id, q, condition, set }: { id: string; q: Question; condition: Condition; set: (c: Condition, merge?: string) => void }) {
  if (q.options && condition.op === "in") {
    const chosen = Array.isArray(condition.value) ? condition.value : [];
    return (
      <fieldset className="st-values">
        <legend>Svaren</legend>
        {q.options.map((o, i) => (
          <label key={i} className="st-check">
            <input
              id={`${id}-${i}`}
              type="checkbox"
              checked={chosen.some((c) => same(c, o.code))}
              onChange={(e) => set({ ...condition, value: e.target.checked ? [...chosen, o.code] : chosen.filter((c) => !same(c, o.code)) })}
            />{" "}
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  return <AnswerInput id={id} label="Svaret" q={q} value={condition.value} none="(välj)" onChange={(value, merge) => value !== undefined && set({ ...condition, value }, merge)} />;
}
