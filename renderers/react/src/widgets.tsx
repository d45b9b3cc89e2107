import type { RegistryWidgetsType, WidgetProps } from "@rjsf/utils";
import { useEffect, useRef, useState, useSyncExternalStore, type ChangeEvent } from "react";
import { applyRanking, getIn, rankingIds, rankingView, rankingWords, type RankingAction } from "@blankett/engine";
import { useBlankett, useField } from "./context.ts";

/**
 * rjsf widgets that follow the DOM contract: the control's id is fieldId(pointer) (not rjsf's),
 * it is described by the help, unit and error of its field, and it tells the store when it was
 * changed and left, which decides when its errors appear. Values come and go through rjsf.
 */

type Props = WidgetProps;

function common(props: Props) {
  const f = useField();
  return {
    f,
    attrs: {
      id: f.id,
      name: f.id,
      "aria-describedby": f.describedBy,
      "aria-invalid": f.invalid ? (true as const) : undefined,
      "aria-required": f.node.required ? (true as const) : undefined,
      readOnly: props.readonly || f.node.readonly || undefined,
      disabled: props.disabled || undefined,
      placeholder: f.node.placeholder,
      onBlur: () => {
        f.left();
        props.onBlur(props.id, props.value);
      },
      onFocus: () => props.onFocus(props.id, props.value),
    },
  };
}

/** An empty text box is no answer (the key goes), not an empty string. */
const text = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => (e.target.value === "" ? undefined : e.target.value);

export function BfText(props: Props) {
  const { f, attrs } = common(props);
  return (
    <input
      {...attrs}
      type="text"
      className="bf-input"
      value={props.value ?? ""}
      onChange={(e) => {
        f.changed();
        props.onChange(text(e));
      }}
    />
  );
}

/**
 * Numbers are typed as text (inputmode shows a number pad): a type="number" box silently turns
 * "12a" into nothing, while here the engine gets what was typed and says what is wrong, in Swedish.
 * rjsf's NumberField turns the text into a number.
 */
export function BfNumber(props: Props) {
  const { f, attrs } = common(props);
  const integer = f.node.type === "integer";
  return (
    <input
      {...attrs}
      type="text"
      inputMode={integer ? "numeric" : "decimal"}
      className="bf-input bf-number"
      value={props.value ?? ""}
      onChange={(e) => {
        f.changed();
        props.onChange(text(e));
      }}
    />
  );
}

/**
 * A readonly field's answer as the session has it. The session may fill such a field in from a
 * rule (x-ui.computedFrom, engine/form/computed.ts), which rjsf's own copy of the answers never
 * sees; nobody types into it, so the session's answer is the one to show.
 */
function useSessionAnswer(pointer: string): unknown {
  const { store } = useBlankett();
  const path = pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  return useSyncExternalStore(store.subscribe, () => getIn(store.get().doc, path));
}

function BfReadonlyDate({ attrs, pointer }: { attrs: ReturnType<typeof common>["attrs"]; pointer: string }) {
  const value = useSessionAnswer(pointer);
  return <input {...attrs} type="date" className="bf-input bf-date" value={typeof value === "string" ? value : ""} />;
}

export function BfDate(props: Props) {
  const { f, attrs } = common(props);
  if (attrs.readOnly) return <BfReadonlyDate attrs={attrs} pointer={f.pointer} />;
  return (
    <input
      {...attrs}
      type="date"
      className="bf-input bf-date"
      value={props.value ?? ""}
      onChange={(e) => {
        f.changed();
        props.onChange(text(e));
      }}
    />
  );
}

export function BfTextarea(props: Props) {
  const { f, attrs } = common(props);
  return (
    <textarea
      {...attrs}
      className="bf-input bf-textarea"
      rows={f.node.rows ?? 4}
      value={props.value ?? ""}
      onChange={(e) => {
        f.changed();
        props.onChange(text(e));
      }}
    />
  );
}

type EnumOption = { value: unknown; label: string };
const optionsOf = (props: Props): EnumOption[] => (props.options.enumOptions ?? []) as EnumOption[];

export function BfSelect(props: Props) {
  const { f, attrs } = common(props);
  const { placeholder, ...rest } = attrs;
  const options = optionsOf(props);
  const selected = options.findIndex((o) => o.value === props.value);
  return (
    <select
      {...rest}
      className="bf-select"
      value={selected === -1 ? "" : String(selected)}
      onChange={(e) => {
        const i = e.target.value === "" ? -1 : Number(e.target.value);
        f.chosen();
        props.onChange(i === -1 ? undefined : options[i]?.value);
      }}
    >
      <option value="">{placeholder ?? "Välj"}</option>
      {options.map((o, i) => (
        <option key={i} value={String(i)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Option ids: the first option carries the field's id, so links and labels reach the group. */
const optionId = (id: string, i: number) => (i === 0 ? id : `${id}-${i}`);

export function BfRadio(props: Props) {
  const { f, attrs } = common(props);
  const options = optionsOf(props);
  const { id, name, placeholder, "aria-required": _required, ...rest } = attrs;
  void placeholder;
  void _required;
  return (
    <div className="bf-options">
      {options.map((o, i) => (
        <div className="bf-option" key={i}>
          <input
            {...rest}
            type="radio"
            id={optionId(id, i)}
            name={name}
            checked={props.value === o.value}
            disabled={attrs.disabled || attrs.readOnly}
            onChange={() => {
              f.chosen();
              props.onChange(o.value);
            }}
          />
          <label htmlFor={optionId(id, i)}>{o.label}</label>
        </div>
      ))}
    </div>
  );
}

export function BfCheckboxes(props: Props) {
  const { f, attrs } = common(props);
  const options = optionsOf(props);
  const value: unknown[] = Array.isArray(props.value) ? props.value : [];
  const { id, name, placeholder, "aria-required": _required, ...rest } = attrs;
  void placeholder;
  void _required;
  return (
    <div className="bf-options">
      {options.map((o, i) => (
        <div className="bf-option" key={i}>
          <input
            {...rest}
            type="checkbox"
            id={optionId(id, i)}
            name={name}
            checked={value.includes(o.value)}
            disabled={attrs.disabled || attrs.readOnly}
            onChange={(e) => {
              // Kept in the order chosen: for a ranking ("put the most important first") the order
              // is the answer.
              const rest = value.filter((v) => v !== o.value);
              f.chosen();
              props.onChange(e.target.checked ? [...rest, o.value] : rest);
            }}
          />
          <label htmlFor={optionId(id, i)}>{o.label}</label>
        </div>
      ))}
    </div>
  );
}

/**
 * A ranking (DOM contract 11): the chosen options as a numbered list with Upp / Ner / Ta bort, then
 * a "Lägg till" button per option still to choose. What a press does, where focus goes and what
 * is announced come from the engine (applyRanking), as in the Lit renderer.
 */
export function BfRanking(props: Props) {
  const f = useField();
  const id = f.id;
  const root = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const [said, setSaid] = useState("");
  // Focus moves once the new order is drawn: the pressed button may have moved or gone.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    root.current?.querySelector<HTMLElement>(`[id="${target}"]`)?.focus();
  });
  const options = f.node.options ?? [];
  const { chosen, rest, full } = rankingView(options, props.value, f.node.maxItems);
  const off = !!(props.disabled || props.readonly || f.node.readonly);
  const press = (action: RankingAction, code: string) => () => {
    const outcome = applyRanking(id, options, props.value, action, code, f.node.maxItems);
    if (!outcome) return;
    pendingFocus.current = outcome.focus;
    setSaid(outcome.announce);
    f.chosen();
    props.onChange(outcome.value);
  };
  return (
    <div className="bf-ranking" ref={root}>
      <p className="bf-ranking-caption" id={id} tabIndex={-1}>
        {rankingWords.caption(chosen.length)}
      </p>
      {chosen.length > 0 && (
        <ol className="bf-ranking-list" aria-labelledby={id}>
          {chosen.map((item, i) => (
            <li key={item.code}>
              <div className="bf-ranking-row">
                <span className="bf-ranking-label">{item.label}</span>
                <span className="bf-ranking-buttons">
                  <button type="button" className="bf-small" id={rankingIds.up(id, item.index)} aria-label={rankingWords.upName(item.label)} disabled={off || i === 0} onClick={press("up", item.code)}>
                    {rankingWords.up}
                  </button>
                  <button type="button" className="bf-small" id={rankingIds.down(id, item.index)} aria-label={rankingWords.downName(item.label)} disabled={off || i === chosen.length - 1} onClick={press("down", item.code)}>
                    {rankingWords.down}
                  </button>
                  <button type="button" className="bf-small" id={rankingIds.remove(id, item.index)} aria-label={rankingWords.removeName(item.label)} disabled={off} onClick={press("remove", item.code)}>
                    {rankingWords.remove}
                  </button>
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
      {rest.length > 0 && !full && (
        <>
          <p className="bf-ranking-add-title" id={`${id}-add-title`}>
            {rankingWords.addTitle(chosen.length)}
          </p>
          <ul className="bf-ranking-add" aria-labelledby={`${id}-add-title`}>
            {rest.map((item) => (
              <li key={item.code}>
                <button type="button" className="bf-small" id={rankingIds.add(id, item.index)} aria-label={rankingWords.addName(item.label)} disabled={off} onClick={press("add", item.code)}>
                  <span aria-hidden="true">+</span> {item.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="bf-visually-hidden" role="status" id={rankingIds.live(id)}>
        {said}
      </p>
    </div>
  );
}

export function BfCheckbox(props: Props) {
  const { f, attrs } = common(props);
  const { placeholder, ...rest } = attrs;
  void placeholder;
  return (
    <input
      {...rest}
      type="checkbox"
      className="bf-checkbox"
      checked={props.value === true}
      disabled={attrs.disabled || attrs.readOnly}
      onChange={(e) => {
        f.chosen();
        props.onChange(e.target.checked);
      }}
    />
  );
}

export function BfHidden(): null {
  return null;
}

export const widgets = {
  BfText,
  BfNumber,
  BfDate,
  BfTextarea,
  BfSelect,
  BfRadio,
  BfCheckboxes,
  BfRanking,
  BfCheckbox,
  BfHidden,
} satisfies RegistryWidgetsType;
