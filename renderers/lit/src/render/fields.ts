import { html, nothing, type TemplateResult } from "lit";
import { guard } from "lit/directives/guard.js";
import { live } from "lit/directives/live.js";
import { fieldId, getIn, pointerOf, rankingIds, rankingView, rankingWords, type FormNode, type LeafWidget, type RankingAction, type ShownError } from "@blankett/engine";
import { nodePath } from "../locate.ts";
import { lower } from "../words.ts";

/**
 * Templates for the questions of a form. Every control, its label, help and error live in the
 * same shadow root, so `for`/`aria-describedby` references resolve and screen readers hear the
 * label, the help and the error of the field they are on. Schema strings are only ever
 * interpolated as text (Lit escapes them); nothing here builds HTML from strings.
 */
export interface FieldContext {
  doc: unknown;
  hidden: ReadonlySet<string>;
  /** Errors shown now, by pointer. */
  errors: ReadonlyMap<string, readonly ShownError[]>;
  disabled: boolean;
  /**
   * An edit: the answer at `path` becomes `value` (undefined removes it). `touch`: the field is
   * complete (a choice made, a text field left after a change), so its errors show from now on.
   */
  set(path: (string | number)[], value: unknown, touch?: boolean): void;
  addRow(node: FormNode, path: (string | number)[]): void;
  removeRow(node: FormNode, path: (string | number)[], index: number): void;
  /** A ranking button: the element applies it, announces it and moves focus (engine/form/ranking.ts). */
  rank(node: FormNode, path: (string | number)[], action: RankingAction, code: string): void;
  /** The last announcement of each ranking, by its field id. */
  announced: ReadonlyMap<string, string>;
}

type Path = (string | number)[];

/**
 * Where a node is drawn: its answer path, pointer and DOM id. Outside table rows they are fixed
 * per node, so they are derived once and kept (a render per keystroke would otherwise escape every
 * pointer and id again).
 */
interface Place {
  path: Path;
  pointer: string;
  id: string;
}

const places = new WeakMap<FormNode, Place>();

/** Where a node is drawn, or undefined while it is hidden (no id is made for a hidden row field). */
function shownPlace(ctx: FieldContext, node: FormNode, base: Path): Place | undefined {
  if (node.inRow) {
    const path = nodePath(node, base);
    const pointer = pointerOf(path);
    return ctx.hidden.has(pointer) ? undefined : { path, pointer, id: fieldId(pointer) };
  }
  let found = places.get(node);
  if (!found) {
    const pointer = pointerOf(node.path);
    found = { path: node.path, pointer, id: fieldId(pointer) };
    places.set(node, found);
  }
  return ctx.hidden.has(found.pointer) ? undefined : found;
}

/** What a question's error text shows, as a value guard can compare (the lists are new each pass). */
function errorKey(errors: readonly ShownError[] | undefined): string {
  return errors ? errors.map((e) => e.message).join("\n") : "";
}

const requiredMark = html`<span class="required" aria-hidden="true">*</span>`;

function describedBy(id: string, parts: { help?: boolean; unit?: boolean; error?: boolean }): string | typeof nothing {
  const ids = [parts.help && `${id}-help`, parts.unit && `${id}-unit`, parts.error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(" ") : nothing;
}

function helpText(id: string, node: FormNode): TemplateResult | typeof nothing {
  return node.help ? html`<p class="help" part="help" id="${id}-help">${node.help}</p>` : nothing;
}

function errorText(id: string, errors: readonly ShownError[] | undefined): TemplateResult | typeof nothing {
  if (!errors?.length) return nothing;
  return html`<p class="error" part="error" id="${id}-error">${errors.map((e, i) => html`${i ? " " : ""}<span>${e.message}</span>`)}</p>`;
}

/** The answer value for an option code, typed as the schema types it. */
function fromCode(node: FormNode, code: string): unknown {
  if (node.type === "boolean") return code === "true";
  if (node.type === "integer" || node.type === "number") return Number(code);
  return code;
}

/** Values of a plain-value list row stay strings (an empty row is "", not a hole in the array). */
const isListValue = (node: FormNode) => node.inRow && node.path.length === 0;

function textValue(node: FormNode, raw: string): unknown {
  if (raw === "") return isListValue(node) ? "" : undefined;
  return raw;
}

/**
 * What was typed in a number field. Text that is no number ("tre", "12,5") is kept as text, so
 * the engine's validation says what is wrong in the same words as in the React renderer, instead
 * of the answer silently disappearing.
 */
function numberValue(raw: string): unknown {
  const trimmed = raw.trim();
  if (trimmed === "") return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : raw;
}

/**
 * Numbers are typed as text (inputmode shows a number pad), as in the React renderer: a
 * type="number" box reports "" for text such as "tre" (validity.badInput), so the answer would
 * vanish without a word. The engine checks what was typed instead.
 */
function inputType(node: FormNode): "number" | "date" | "text" {
  if (node.widget === "number") return "number";
  if (node.widget === "date") return "date";
  return "text";
}

function renderInput(ctx: FieldContext, node: FormNode, at: Place): TemplateResult {
  const { path, pointer, id } = at;
  const errors = ctx.errors.get(pointer);
  const current = getIn(ctx.doc, path);
  const text = current === undefined || current === null ? "" : String(current);
  const type = inputType(node);
  const valueOf = (e: Event) => {
    const raw = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    return type === "number" ? numberValue(raw) : textValue(node, raw);
  };
  const onInput = (e: Event) => ctx.set(path, valueOf(e));
  // The native change event: the field was left after a change, so it is touched.
  const onChange = (e: Event) => ctx.set(path, valueOf(e), true);
  const described = describedBy(id, { help: !!node.help, unit: !!node.unit, error: !!errors });
  const control =
    node.widget === "textarea"
      ? html`<textarea
          id=${id}
          part="control"
          rows=${node.rows ?? 4}
          maxlength=${node.maxLength ?? nothing}
          placeholder=${node.placeholder ?? nothing}
          aria-describedby=${described}
          aria-invalid=${errors ? "true" : nothing}
          aria-required=${node.required ? "true" : nothing}
          ?readonly=${node.readonly || nothing}
          ?disabled=${ctx.disabled || nothing}
          .value=${live(text)}
          @input=${onInput}
          @change=${onChange}
        ></textarea>`
      : html`<input
          id=${id}
          part="control"
          type=${type === "number" ? "text" : type}
          inputmode=${type === "number" ? (node.type === "integer" ? "numeric" : "decimal") : nothing}
          maxlength=${type === "text" ? (node.maxLength ?? nothing) : nothing}
          placeholder=${node.placeholder ?? nothing}
          aria-describedby=${described}
          aria-invalid=${errors ? "true" : nothing}
          aria-required=${node.required ? "true" : nothing}
          ?readonly=${node.readonly || nothing}
          ?disabled=${ctx.disabled || nothing}
          .value=${live(text)}
          @input=${onInput}
          @change=${onChange}
        />`;
  return html`<div class="field" part="field" data-pointer=${pointer}>
    <label for=${id} part="label">${node.label}${node.required ? requiredMark : nothing}</label>
    ${helpText(id, node)}
    <div class="control-row">${control}${node.unit ? html`<span class="unit" id="${id}-unit">${node.unit}</span>` : nothing}</div>
    ${errorText(id, errors)}
  </div>`;
}

function renderSelect(ctx: FieldContext, node: FormNode, at: Place): TemplateResult {
  const { path, pointer, id } = at;
  const errors = ctx.errors.get(pointer);
  const current = getIn(ctx.doc, path);
  const code = current === undefined || current === null ? "" : String(current);
  const onChange = (e: Event) => {
    const raw = (e.target as HTMLSelectElement).value;
    ctx.set(path, raw === "" ? undefined : fromCode(node, raw), true);
  };
  return html`<div class="field" part="field" data-pointer=${pointer}>
    <label for=${id} part="label">${node.label}${node.required ? requiredMark : nothing}</label>
    ${helpText(id, node)}
    <select
      id=${id}
      part="control"
      aria-describedby=${describedBy(id, { help: !!node.help, error: !!errors })}
      aria-invalid=${errors ? "true" : nothing}
      aria-required=${node.required ? "true" : nothing}
      ?disabled=${ctx.disabled || node.readonly || nothing}
      @change=${onChange}
    >
      <option value="" .selected=${code === ""}>Välj</option>
      ${(node.options ?? []).map((o) => html`<option value=${o.code} .selected=${o.code === code}>${o.label}</option>`)}
    </select>
    ${errorText(id, errors)}
  </div>`;
}

/**
 * Radio and checkbox groups: a fieldset named by its legend; the first option carries the field's
 * id. One `change` listener on the options (the event bubbles from the option that changed), not
 * one per option; the input's type is in the template's text, not a binding; a control that is not
 * disabled gets `nothing`, so drawing it writes no attribute at all. The full FIA form has 177
 * options: each binding less is 177 DOM calls less on the first render.
 */
function renderChoices(ctx: FieldContext, node: FormNode, at: Place, multiple: boolean): TemplateResult {
  const { path, pointer, id } = at;
  const errors = ctx.errors.get(pointer);
  const current = getIn(ctx.doc, path);
  const chosen = multiple ? (Array.isArray(current) ? current.map(String) : []) : current === undefined || current === null ? [] : [String(current)];
  const described = describedBy(id, { help: !!node.help, error: !!errors });
  const invalid = errors ? "true" : nothing;
  const off = ctx.disabled || node.readonly || nothing;
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.localName !== "input") return;
    const code = input.value;
    if (multiple) {
      // Kept in the order chosen: for a ranking ("put the most important first") order is the answer.
      const list = Array.isArray(current) ? current.filter((v) => String(v) !== code) : [];
      ctx.set(path, input.checked ? [...list, fromCode(node, code)] : list, true);
    } else if (input.checked) {
      ctx.set(path, fromCode(node, code), true);
    }
  };
  const required = node.required ? "true" : nothing;
  const option = (o: { code: string; label: string }, i: number) => {
    const optionId = i === 0 ? id : `${id}-${i}`;
    const checked = live(chosen.includes(o.code));
    return multiple
      ? html`<div class="option" part="option">
          <input id=${optionId} type="checkbox" name=${id} value=${o.code} aria-describedby=${described} aria-invalid=${invalid} ?disabled=${off} .checked=${checked} /><label for=${optionId}>${o.label}</label>
        </div>`
      : html`<div class="option" part="option">
          <input id=${optionId} type="radio" name=${id} value=${o.code} aria-describedby=${described} aria-invalid=${invalid} aria-required=${required} ?disabled=${off} .checked=${checked} /><label for=${optionId}>${o.label}</label>
        </div>`;
  };
  return html`<fieldset class="field choices" part="field choices" id="${id}-group" data-pointer=${pointer}>
    <legend part="label legend">${node.label}${node.required ? requiredMark : nothing}</legend>
    ${helpText(id, node)}
    <div class="options" @change=${onChange}>${(node.options ?? []).map(option)}</div>
    ${errorText(id, errors)}
  </fieldset>`;
}

/**
 * A ranking (DOM contract 11): the chosen options as a numbered list with Upp / Ner / Ta bort, then
 * a "Lägg till" button per option still to choose. Buttons only, so Tab and Enter do everything;
 * what a press does, where focus goes and what is announced come from the engine.
 */
function renderRanking(ctx: FieldContext, node: FormNode, at: Place): TemplateResult {
  const { path, pointer, id } = at;
  const errors = ctx.errors.get(pointer);
  const { chosen, rest, full } = rankingView(node.options ?? [], getIn(ctx.doc, path), node.maxItems);
  const off = ctx.disabled || node.readonly;
  const press = (action: RankingAction, code: string) => () => ctx.rank(node, path, action, code);
  return html`<fieldset class="field ranking-field" part="field ranking" id="${id}-group" aria-describedby=${describedBy(id, { help: !!node.help, error: !!errors })} data-pointer=${pointer}>
    <legend part="label legend">${node.label}${node.required ? requiredMark : nothing}</legend>
    ${helpText(id, node)}
    <p class="ranking-caption" id=${id} tabindex="-1">${rankingWords.caption(chosen.length)}</p>
    ${chosen.length
      ? html`<ol class="ranking-list" part="ranking-list" aria-labelledby=${id}>
          ${chosen.map(
            (item, i) => html`<li part="ranking-item"><div class="ranking-row">
              <span class="ranking-label">${item.label}</span>
              <span class="ranking-buttons">
                <button type="button" class="secondary small" part="button rank-up" id=${rankingIds.up(id, item.index)} aria-label=${rankingWords.upName(item.label)} ?disabled=${off || i === 0} @click=${press("up", item.code)}>${rankingWords.up}</button>
                <button type="button" class="secondary small" part="button rank-down" id=${rankingIds.down(id, item.index)} aria-label=${rankingWords.downName(item.label)} ?disabled=${off || i === chosen.length - 1} @click=${press("down", item.code)}>${rankingWords.down}</button>
                <button type="button" class="secondary small" part="button rank-remove" id=${rankingIds.remove(id, item.index)} aria-label=${rankingWords.removeName(item.label)} ?disabled=${off} @click=${press("remove", item.code)}>${rankingWords.remove}</button>
              </span>
            </div></li>`,
          )}
        </ol>`
      : nothing}
    ${rest.length && !full
      ? html`<p class="ranking-add-title" id="${id}-add-title">${rankingWords.addTitle(chosen.length)}</p>
          <ul class="ranking-add" part="ranking-add" aria-labelledby="${id}-add-title">
            ${rest.map(
              (item) => html`<li>
                <button type="button" class="secondary" part="button rank-add" id=${rankingIds.add(id, item.index)} aria-label=${rankingWords.addName(item.label)} ?disabled=${off} @click=${press("add", item.code)}>
                  <span aria-hidden="true">+</span> ${item.label}
                </button>
              </li>`,
            )}
          </ul>`
      : nothing}
    <p class="visually-hidden" role="status" id=${rankingIds.live(id)}>${ctx.announced.get(id) ?? ""}</p>
    ${errorText(id, errors)}
  </fieldset>`;
}

function renderCheckbox(ctx: FieldContext, node: FormNode, at: Place): TemplateResult {
  const { path, pointer, id } = at;
  const errors = ctx.errors.get(pointer);
  const onChange = (e: Event) => {
    ctx.set(path, (e.target as HTMLInputElement).checked, true);
  };
  return html`<div class="field checkbox" part="field" data-pointer=${pointer}>
    <div class="option">
      <input
        id=${id}
        type="checkbox"
        aria-describedby=${describedBy(id, { help: !!node.help, error: !!errors })}
        aria-invalid=${errors ? "true" : nothing}
        aria-required=${node.required ? "true" : nothing}
        ?disabled=${ctx.disabled || node.readonly || nothing}
        .checked=${live(getIn(ctx.doc, path) === true)}
        @change=${onChange}
      /><label for=${id} part="label">${node.label}${node.required ? requiredMark : nothing}</label>
    </div>
    ${helpText(id, node)} ${errorText(id, errors)}
  </div>`;
}

/**
 * A group of questions. A top-level section is a <section> named by its <h2> (the heading is
 * focusable, so a guided step can move focus to it); a sub-group or table row a <fieldset>
 * named by its <legend>.
 */
function container(ctx: FieldContext, node: FormNode, at: Place, level: number, kind: "group" | "table", body: unknown): TemplateResult {
  const { pointer, id } = at;
  const table = kind === "table" ? " table" : "";
  const errors = ctx.errors.get(pointer);
  const described = describedBy(id, { help: !!node.help, error: !!errors });
  if (level === 0) {
    return html`<section class="section${table}" part="section${table}" id="${id}-group" aria-labelledby="${id}-title" aria-describedby=${described} data-pointer=${pointer}>
      <h2 id="${id}-title">${node.label}</h2>
      ${helpText(id, node)} ${errorText(id, errors)} ${body}
    </section>`;
  }
  return html`<fieldset class="group${table}" part="group${table}" id="${id}-group" aria-describedby=${described} data-pointer=${pointer}>
    <legend part="legend">${node.label}</legend>
    ${helpText(id, node)} ${errorText(id, errors)} ${body}
  </fieldset>`;
}

function renderGroup(ctx: FieldContext, node: FormNode, at: Place, base: Path, level: number): TemplateResult | typeof nothing {
  const children = node.children ?? [];
  const childBase = node.inRow ? base : [];
  // A group whose every question is hidden now (a row's details for another kind of event) is left out.
  if (children.length && children.every((c) => c.widget === "hidden" || !shownPlace(ctx, c, childBase))) return nothing;
  return container(ctx, node, at, level, "group", children.map((child) => renderNode(ctx, child, childBase, level + 1)));
}

function renderTable(ctx: FieldContext, node: FormNode, at: Place, level: number): TemplateResult {
  const { path, id } = at;
  const value = getIn(ctx.doc, path);
  const rows = Array.isArray(value) ? value : [];
  const rowLabel = node.rowLabel ?? "Rad";
  const full = node.maxItems !== undefined && rows.length >= node.maxItems;
  const body = html`<div class="rows">
    ${rows.map((_, index) => {
      const rowPath = [...path, index];
      const rowId = fieldId(pointerOf(rowPath));
      return html`<fieldset class="row" part="row" id="${rowId}-row">
        <legend part="legend">${rowLabel} ${index + 1}</legend>
        ${(node.children ?? []).map((child) => renderNode(ctx, child, rowPath, level + 1))}
        <button type="button" class="secondary" part="button remove" ?disabled=${ctx.disabled} @click=${() => ctx.removeRow(node, path, index)}>
          Ta bort ${lower(rowLabel)} ${index + 1}
        </button>
      </fieldset>`;
    })}
    ${full
      ? nothing
      : html`<button type="button" class="secondary" part="button add" id="${id}-add" ?disabled=${ctx.disabled} @click=${() => ctx.addRow(node, path)}>
          Lägg till ${lower(rowLabel)}
        </button>`}
  </div>`;
  return container(ctx, node, at, level, "table", body);
}

type Leaf = (ctx: FieldContext, node: FormNode, at: Place) => TemplateResult | typeof nothing;

/**
 * How each leaf widget is drawn. `satisfies Record<LeafWidget, …>`: a widget added to the
 * vocabulary (schemas/hints.meta.json, whose types the engine generates) fails to compile here
 * until this renderer draws it — the React renderer has the same check (uiSchema.ts).
 * A choice widget on a question without options (a hint on a free-text answer) is a plain input.
 */
const leafRenderers = {
  text: renderInput,
  textarea: renderInput,
  number: renderInput,
  date: renderInput,
  radio: (ctx, node, at) => (node.options ? renderChoices(ctx, node, at, false) : renderInput(ctx, node, at)),
  select: (ctx, node, at) => (node.options ? renderSelect(ctx, node, at) : renderInput(ctx, node, at)),
  checkboxes: (ctx, node, at) => renderChoices(ctx, node, at, true),
  ranking: (ctx, node, at) => (node.options ? renderRanking(ctx, node, at) : renderInput(ctx, node, at)),
  checkbox: renderCheckbox,
  hidden: () => nothing,
} satisfies Record<LeafWidget, Leaf>;

/** One question, group or table; `base` is the enclosing table row's path (empty outside rows). */
export function renderNode(ctx: FieldContext, node: FormNode, base: Path, level = 0): unknown {
  // A hidden question costs a lookup and nothing else: no template, no derived data.
  if (node.widget === "hidden") return nothing;
  const at = shownPlace(ctx, node, base);
  if (!at) return nothing;
  if (node.kind === "group") return renderGroup(ctx, node, at, base, level);
  if (node.kind === "table") return renderTable(ctx, node, at, level);
  // A question is drawn again only when something it shows changed: its answer, its errors, the
  // form's disabled state, a ranking's announcement. A keystroke redraws the field typed into,
  // not all of them (every value the template reads is among these; its handlers call the
  // context's functions, which stay the same for the element's life).
  const announced = node.widget === "ranking" ? ctx.announced.get(at.id) : undefined;
  const deps = [node, at.pointer, getIn(ctx.doc, at.path), errorKey(ctx.errors.get(at.pointer)), ctx.disabled, announced];
  return guard(deps, () => leafRenderers[node.widget as LeafWidget](ctx, node, at));
}
