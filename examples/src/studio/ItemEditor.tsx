import type { ReactNode } from "react";
import { ConditionEditor } from "./ConditionEditor.tsx";
import {
  addColumn, addOption, columnsOf, KIND_LABELS, kindOf, optionsOf, relabelColumn, relabelOption, setHint, setItemKind, withColumns, withOptions,
  type ColumnDraft, type ColumnKind, type ItemKind, type LocalItemDraft, type OptionDraft,
} from "./operations.ts";
import type { Question } from "./questions.ts";
import type { Explained } from "./check.ts";

export interface ItemActions {
  label(text: string): void;
  schema(change: (s: Record<string, unknown>) => Record<string, unknown>, merge?: string): void;
  required(on: boolean): void;
  key(key: string): void;
  move(by: -1 | 1): void;
  remove(): void;
}

const COLUMN_KINDS: ColumnKind[] = ["text", "number", "date", "yesno"];

/** One local question: its text, help, kind, options or columns, whether it is required, and when it is shown. */
export function ItemEditor({ item, index, place, count, questions, problems, actions }: {
  item: LocalItemDraft;
  /** Its index in addItems: ids and violations use it. */
  index: number;
  /** Its place among the local items as the form shows them (0-based). */
  place: number;
  count: number;
  questions: Question[];
  problems: Explained[];
  actions: ItemActions;
}) {
  const id = `st-item-${index}`;
  const s = item.schema;
  const kind = kindOf(s);
  const ui = (s["x-ui"] as Record<string, unknown> | undefined) ?? {};
  const title = String(s.title ?? "");
  const setOptions = (o: OptionDraft[], merge?: string) => actions.schema((x) => withOptions(x, o), merge);
  const setColumns = (c: ColumnDraft[], merge?: string) => actions.schema((x) => withColumns(x, c), merge);

  return (
    <fieldset className="st-item" id={id} aria-describedby={problems.length ? `${id}-problems` : undefined}>
      <legend>
        Lokal fråga {place + 1}: {title.trim() ? title : "(ingen text än)"}
      </legend>
      {problems.length > 0 && (
        <ul className="st-inline-problems" id={`${id}-problems`}>
          {problems.map((p, i) => <li key={i}>{p.what}</li>)}
        </ul>
      )}
      <div className="st-row">
        <label>
          Frågetext
          <input id={`${id}-label`} type="text" value={title} onChange={(e) => actions.label(e.target.value)} />
        </label>
        <label>
          Typ av svar
          <select id={`${id}-kind`} value={kind ?? ""} onChange={(e) => actions.schema((x) => setItemKind(x, e.target.value as ItemKind))}>
            {!kind && <option value="">(annan)</option>}
            {(Object.keys(KIND_LABELS) as ItemKind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </label>
      </div>
      <label>
        Hjälptext (visas under frågan)
        <textarea
          id={`${id}-help`}
          rows={2}
          value={String(ui.help ?? "")}
          onChange={(e) => actions.schema((x) => setHint(x, "help", e.target.value === "" ? undefined : e.target.value), `${id}-help`)}
        />
      </label>
      <label className="st-check">
        <input id={`${id}-required`} type="checkbox" checked={!!item.required} onChange={(e) => actions.required(e.target.checked)} /> Frågan måste besvaras
      </label>

      {(kind === "single" || kind === "multiple") && <OptionsEditor id={id} options={optionsOf(s)} set={setOptions} />}
      {kind === "table" && <ColumnsEditor id={id} columns={columnsOf(s)} set={setColumns} />}

      <ConditionEditor
        id={`${id}-cond`}
        logic={ui.visibleWhen}
        questions={questions}
        self={`lokalt.${item.key}`}
        onChange={(logic, merge) => actions.schema((x) => setHint(x, "visibleWhen", logic), merge)}
      />

      <label>
        Namn i svarsfilen (lokalt.…)
        <input id={`${id}-key`} type="text" value={item.key} spellCheck={false} onChange={(e) => actions.key(e.target.value)} />
      </label>
      <div className="st-buttons">
        <button type="button" id={`${id}-up`} disabled={place === 0} onClick={() => actions.move(-1)}>Flytta upp</button>
        <button type="button" id={`${id}-down`} disabled={place === count - 1} onClick={() => actions.move(1)}>Flytta ned</button>
        <button type="button" id={`${id}-remove`} onClick={actions.remove}>Ta bort frågan</button>
      </div>
    </fieldset>
  );
}

/**
 * A numbered list of rows (options, columns) with one "Ta bort" per row and one "Lägg till" under
 * it; `fields` draws a row's own fields.
 */
function RowList<T extends { label: string }>({ legend, empty, noun, addId, rows, set, add, fields }: {
  legend: string;
  empty: string;
  /** "alternativ", "kolumn": in the row labels and buttons. */
  noun: string;
  addId: string;
  rows: T[];
  set: (rows: T[], merge?: string) => void;
  add: (rows: T[]) => T[];
  fields: (row: T, i: number) => ReactNode;
}) {
  return (
    <fieldset className="st-options">
      <legend>{legend}</legend>
      {rows.length === 0 && <p>{empty}</p>}
      <ol>
        {rows.map((row, i) => (
          <li key={i} className="st-row">
            {fields(row, i)}
            <button type="button" onClick={() => set(rows.filter((_, j) => j !== i))} aria-label={`Ta bort ${noun} ${i + 1}${row.label ? ` (${row.label})` : ""}`}>
              Ta bort
            </button>
          </li>
        ))}
      </ol>
      <button type="button" id={addId} onClick={() => set(add(rows))}>Lägg till {noun}</button>
    </fieldset>
  );
}

function OptionsEditor({ id, options, set }: { id: string; options: OptionDraft[]; set: (o: OptionDraft[], merge?: string) => void }) {
  const change = (i: number, code: string) => set(options.map((x, j) => (j === i ? { ...x, code } : x)), `${id}-opt-${i}-code`);
  return (
    <RowList legend="Svarsalternativ" empty="Inga alternativ än." noun="alternativ" addId={`${id}-add-option`} rows={options} set={set} add={addOption} fields={(o, i) => (
      <>
        <label>
          Alternativ {i + 1}
          <input id={`${id}-opt-${i}`} type="text" value={o.label} onChange={(e) => set(relabelOption(options, i, e.target.value), `${id}-opt-${i}`)} />
        </label>
        <label>
          Kod i svarsfilen
          <input id={`${id}-opt-${i}-code`} type="text" spellCheck={false} value={o.code} onChange={(e) => change(i, e.target.value)} />
        </label>
      </>
    )} />
  );
}

function ColumnsEditor({ id, columns, set }: { id: string; columns: ColumnDraft[]; set: (c: ColumnDraft[], merge?: string) => void }) {
  const kind = (i: number, k: ColumnKind) => set(columns.map((x, j) => (j === i ? { ...x, kind: k } : x)));
  return (
    <RowList legend="Kolumner i tabellen" empty="Inga kolumner än." noun="kolumn" addId={`${id}-add-column`} rows={columns} set={set} add={addColumn} fields={(c, i) => (
      <>
        <label>
          Kolumn {i + 1}
          <input id={`${id}-col-${i}`} type="text" value={c.label} onChange={(e) => set(relabelColumn(columns, i, e.target.value), `${id}-col-${i}`)} />
        </label>
        <label>
          Typ
          <select id={`${id}-col-${i}-kind`} value={c.kind} onChange={(e) => kind(i, e.target.value as ColumnKind)}>
            {COLUMN_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </label>
      </>
    )} />
  );
}
