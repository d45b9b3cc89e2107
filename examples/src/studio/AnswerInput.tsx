import { sameAnswer as same, type Question } from "./questions.ts";

/**
 * One answer to a question, as its own form would take it: a list of its options when it has
 * them, else a text, number or date field. Used for a condition's value and for a local default.
 * `undefined` is "no answer" (the empty choice, or an emptied field).
 */
export function AnswerInput({ id, label, q, value, none, onChange }: {
  id: string;
  label: string;
  q: Question;
  value: unknown;
  /** The empty choice's text ("(välj)", "(inget förval)"). */
  none: string;
  onChange: (value: unknown, merge?: string) => void;
}) {
  if (q.options) {
    const index = value === undefined ? -1 : q.options.findIndex((o) => same(o.code, value));
    return (
      <label>
        {label}
        <select id={id} value={String(index)} onChange={(e) => onChange(e.target.value === "-1" ? undefined : q.options![Number(e.target.value)]!.code)}>
          <option value="-1">{none}</option>
          {q.options.map((o, i) => <option key={i} value={String(i)}>{o.label}</option>)}
        </select>
      </label>
    );
  }
  const type = q.kind === "number" ? "number" : q.kind === "date" ? "date" : "text";
  return (
    <label>
      {label}
      <input
        id={id}
        type={type}
        value={value === undefined || value === null ? "" : String(value)}
        onChange={(e) => onChange(e.target.value === "" ? undefined : type === "number" ? Number(e.target.value) : e.target.value, id)}
      />
    </label>
  );
}
