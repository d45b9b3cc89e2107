import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import {
  applyRanking,
  browserDraftStorage,
  buildChildView,
  buildFormModel,
  draftKey,
  fieldId,
  findDraft,
  variantOf,
  firstControlId,
  FormSession,
  getIn,
  hasStepBefore,
  initialDocument,
  isSchemaObject as isObject,
  openedDraftNotice,
  otherDraftWords,
  pointerOf,
  refOf,
  replaceDraft,
  stepAfter,
  stepProgress,
  versionOf,
  type DraftTarget,
  type MigratedDraft,
  type FormModel,
  type FormNode,
  type RankingAction,
  type FormState,
  type JsonSchema,
  type SessionSnapshot,
} from "@blankett/engine";
import { emit, type AnswerDocument, type BlankettValidityDetail } from "./events.ts";
import { nodePath, targetId } from "./locate.ts";
import { draftMigration, ensureValidator, instrumentSchema, onInstrumentRegistered } from "./registry.ts";
import { renderChildView } from "./render/child.ts";
import { renderNode, type FieldContext } from "./render/fields.ts";
import { renderGuidedSummary, renderResults } from "./render/results.ts";
import { renderErrorSummary, type SummaryLink } from "./render/summary.ts";
import { SessionController } from "./session-controller.ts";
import { formStyles } from "./styles.ts";

type Path = (string | number)[];

/** `guided` absent → the schema decides; `guided` or `guided="true"` → on; `guided="false"` → off. */
const guidedConverter = {
  fromAttribute: (value: string | null): boolean | undefined => (value === null ? undefined : value !== "false"),
  toAttribute: (value: boolean | undefined): string | null => (value === undefined ? null : String(value)),
};

/**
 * Moves focus to a heading or container for a moment. It is made focusable only then: a
 * permanent tabindex would make it the element's first focusable area, where delegatesFocus
 * sends focus when the page focuses the element.
 */
function focusStatic(el: HTMLElement | null | undefined): void {
  if (!el) return;
  el.setAttribute("tabindex", "-1");
  el.addEventListener("blur", () => el.removeAttribute("tabindex"), { once: true });
  el.focus();
}

/**
 * A whole form generated from a Blankett instrument schema: questions, help, errors in Swedish,
 * an error summary, computed results and, for guided instruments (FIA), one step per section.
 * It is a form-associated custom element: inside a page's `<form>` its answer document is
 * submitted as JSON under `name`, `form.reset()` restores the initial answers, and the page's
 * form cannot be submitted while the answers have errors.
 *
 * Inside a page's `<form>`, the element's own "Skicka" button submits that form
 * (`form.requestSubmit()`) once the answers are valid, after `blankett-submit`; calling
 * `preventDefault()` on `blankett-submit` stops that.
 *
 * Answers are saved as a draft in localStorage ("blankett:draft:<name@version>") while typing
 * and restored on the next visit, unless the page set `value` or the `no-drafts` attribute.
 *
 * Its state can be read at any time, so a script that loads after the element has rendered
 * (and so missed the first `blankett-validity`) loses nothing: `await el.updateComplete` (Lit's
 * promise, resolved once the element has rendered its current state), then read `validityDetail`
 * (the same detail `blankett-validity` carries), `checkValidity()`, `validationMessage` or `value`.
 *
 * @summary A form-associated web component that renders a Blankett instrument.
 * @tag blankett-form
 *
 * @fires {CustomEvent<BlankettChangeDetail>} blankett-change - After every edit: `{ value, valid }`.
 * @fires {CustomEvent<BlankettSubmitDetail>} blankett-submit - "Skicka" with valid answers: `{ value }` (meta.status "complete"). Cancelable.
 * @fires {CustomEvent<BlankettValidityDetail>} blankett-validity - When the errors change (and after the first render): `{ valid, errorCount, errors }`.
 *
 * @cssprop [--blankett-font=system-ui, sans-serif] - Font family.
 * @cssprop [--blankett-font-size=1rem] - Base font size.
 * @cssprop [--blankett-color=#1b1b1b] - Text colour.
 * @cssprop [--blankett-background=transparent] - Background of the form.
 * @cssprop [--blankett-muted=#4a4a4a] - Help text colour.
 * @cssprop [--blankett-accent=#1d4f91] - Buttons, checked controls, focus ring.
 * @cssprop [--blankett-accent-contrast=#fff] - Text on accent-coloured buttons.
 * @cssprop [--blankett-focus=var(--blankett-accent)] - Focus outline colour.
 * @cssprop [--blankett-error=#b3261e] - Error texts, error borders, the required marker.
 * @cssprop [--blankett-warning=#6b4100] - Rule warnings in the results.
 * @cssprop [--blankett-border=#8a8a8a] - Borders of inputs and groups.
 * @cssprop [--blankett-input-background=#fff] - Background of inputs and secondary buttons.
 * @cssprop [--blankett-notice-background=#eef3fa] - Background of notices (draft from another version).
 * @cssprop [--blankett-radius=4px] - Corner radius.
 * @cssprop [--blankett-gap=1rem] - Space between questions and inside groups.
 *
 * @csspart form - The inner form element.
 * @csspart title - The child log's title (view="child").
 * @csspart field - One question: label, help, control and error.
 * @csspart choices - A radio or checkbox group (also has part "field").
 * @csspart option - One option of a radio or checkbox group.
 * @csspart ranking - A ranking question (`widget: "ranking"`; also has part "field").
 * @csspart ranking-list - The ranked items, most important first (an ol).
 * @csspart ranking-item - One ranked item with its buttons.
 * @csspart ranking-add - The list of options still to choose.
 * @csspart label - A question's label (or a choice group's legend).
 * @csspart legend - The legend of a group, section or table row.
 * @csspart control - Every text, number, date input, textarea and select.
 * @csspart help - Help text under a label.
 * @csspart error - Error text of a question or group.
 * @csspart section - A top-level section (a section element with an h2).
 * @csspart group - A group of questions inside a section (fieldset).
 * @csspart table - A repeating group (rows with add and remove buttons); also has part "section" or "group".
 * @csspart row - One row of a repeating group.
 * @csspart button - Every button other than "Skicka"; each also has one of the parts below.
 * @csspart add - "Lägg till …" of a repeating group.
 * @csspart remove - "Ta bort …" of a row.
 * @csspart rank-up - "Upp" of a ranked item.
 * @csspart rank-down - "Ner" of a ranked item.
 * @csspart rank-remove - "Ta bort" of a ranked item.
 * @csspart rank-add - "+ <option>" that adds an option to a ranking.
 * @csspart previous - "Föregående" of a guided interview.
 * @csspart next - "Nästa" of a guided interview.
 * @csspart summary - The error summary shown after a failed submit.
 * @csspart summary-heading - Heading of the error summary.
 * @csspart summary-link - One link of the error summary.
 * @csspart submit - The "Skicka" button.
 * @csspart nav - Previous/next buttons of a guided interview.
 * @csspart progress - Step heading and progress bar of a guided interview.
 * @csspart notice - Notices (unknown instrument, draft from another version).
 * @csspart open-draft - "Öppna utkastet i version …": moves a draft from an older version into this one.
 * @csspart results - The computed results section.
 * @csspart result - One computed result (has `data-result="<rule id>"`).
 * @csspart warning - One rule warning (has `data-warning="<rule id>"`).
 * @csspart guided-summary - The summary step of a guided interview (also has part "section").
 * @csspart profile-table - The profile table of the guided summary.
 * @csspart judgement-table - The judgement beside the indications in the guided summary.
 * @csspart child-log - The child's log (view="child").
 */
export class BlankettForm extends LitElement {
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = formStyles;

  static override properties = {
    schema: { attribute: false },
    instrument: { type: String },
    guided: { converter: guidedConverter },
    name: { type: String, reflect: true },
    view: { type: String, reflect: true },
    variant: { type: String },
    noDrafts: { type: Boolean, attribute: "no-drafts" },
  };

  /** The instrument schema to render; takes precedence over `instrument`. */
  declare schema: JsonSchema | undefined;
  /** "name@version" (or "name" for the newest) of an instrument registered with `registerInstrument`. */
  declare instrument: string | undefined;
  /** One step per section; unset follows the schema (FIA is guided), `guided="false"` shows one page. */
  declare guided: boolean | undefined;
  /** The form field name the answer document (JSON) is submitted under. */
  declare name: string | undefined;
  /** "form" (default) or "child": the read-only child's log (barnahuslogg). */
  declare view: "form" | "child" | undefined;
  /** Local variant: part of the draft key. */
  declare variant: string | undefined;
  /** Do not keep drafts in localStorage. */
  declare noDrafts: boolean;

  readonly #internals: ElementInternals;
  #schemaUsed: JsonSchema | undefined;
  #model: FormModel | undefined;
  #ref = "";
  /**
   * The answers, touched fields, submit attempt, step and draft live in the engine's form session
   * (engine/form/session.ts), the same one the React renderer drives; this element draws it.
   */
  readonly #session = new SessionController(this, (now, before) => this.#sessionChanged(now, before));
  /** Answers given before a form is loaded (a page's value, a restored form state). */
  #early: AnswerDocument | undefined;
  /** The value the page gave (restored by form reset); undefined: an empty form. */
  #initial: AnswerDocument | undefined;
  #hostValue = false;
  /** The last thing each ranking told screen readers, by field id (cleared with the answers). */
  #announced = new Map<string, string>();
  #disabled = false;
  #notice = "";
  /** A draft from an older version that the registered migrations can bring to this one. */
  #otherDraft: { key: string; open(now: string): MigratedDraft | null } | undefined;
  #unsubscribe: (() => void) | undefined;
  /** The aria-label is ours (the page set none), so it follows the schema's title. */
  #labelled = false;
  #loadFailed = false;
  /** The schema (or its absence) has been looked at once: validity reflects it. */
  #resolved = false;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.noDrafts = false;
    // A page may set `value` before the bundle has loaded: that own property would hide the accessor.
    if (Object.prototype.hasOwnProperty.call(this, "value")) {
      const early = (this as { value?: AnswerDocument }).value;
      delete (this as { value?: AnswerDocument }).value;
      this.value = early;
    }
    this.addEventListener("invalid", this.#onInvalid);
  }

  // ---- Form-associated element API (as native controls have it) ----

  /** The answer document as it is now. Setting it replaces the answers (and what a form reset restores). */
  get value(): AnswerDocument {
    return this.#session.snapshot?.doc ?? this.#early ?? this.#emptyDoc();
  }

  set value(value: AnswerDocument | undefined) {
    const doc = isObject(value) ? value : undefined;
    this.#initial = doc;
    this.#hostValue = doc !== undefined;
    this.#early = doc;
    this.#announced = new Map();
    this.#session.session?.reset(doc ?? this.#emptyDoc());
    this.requestUpdate();
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get labels(): NodeList {
    return this.#internals.labels;
  }

  get type(): string {
    return this.localName;
  }

  /** The element's ValidityState, as on native controls: `customError` while the answers have errors. */
  get validity(): ValidityState {
    return this.#internals.validity;
  }

  /**
   * The browser's validation message, as on native controls: empty when valid, else in Swedish,
   * e.g. "Det här behöver rättas: Ange födelseår (och 2 till)".
   */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  /**
   * The answers' validity now: the same `{ valid, errorCount, errors }` that `blankett-validity`
   * carries (every error, shown or not yet shown, in form order), readable at any time, so a page
   * script that attached its listener late still knows it. `null` while no form is loaded (no
   * schema yet, an unknown instrument, or one that could not be loaded). Read-only.
   */
  get validityDetail(): BlankettValidityDetail | null {
    const validity = this.#session.snapshot?.validity;
    if (!validity || !this.#model) return null;
    return { ...validity, errors: [...validity.errors] };
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  get disabled(): boolean {
    return this.hasAttribute("disabled");
  }

  set disabled(value: boolean) {
    this.toggleAttribute("disabled", value);
  }

  /** As on native controls: false (and an `invalid` event) while the answers have errors; reveals no errors on screen. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Like a native control: reports the first error, and shows every error as after a submit attempt. */
  reportValidity(): boolean {
    this.#session.session?.attemptSubmit();
    return this.#internals.reportValidity();
  }

  formResetCallback(): void {
    const session = this.#session.session;
    this.#announced = new Map();
    if (session) {
      session.discardDraft();
      session.reset(this.#initial ?? this.#emptyDoc());
    } else this.#early = this.#initial;
    this.requestUpdate();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#disabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== "string") return;
    try {
      const doc: unknown = JSON.parse(state);
      if (isObject(doc)) {
        const session = this.#session.session;
        if (session) session.reset(doc, session.get().step);
        else this.#early = doc;
        this.requestUpdate();
      }
    } catch {
      // A state we cannot read is ignored: the form starts as it would without it.
    }
  }

  // ---- Lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    // One group named by the form's title; attributes (not only ElementInternals defaults) so
    // every assistive technology and checker sees them. A page's own role or label wins.
    if (!this.hasAttribute("role")) this.setAttribute("role", "group");
    this.#unsubscribe = onInstrumentRegistered(() => {
      if (!this.#schemaUsed) this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const schema = this.schema ?? (this.instrument ? instrumentSchema(this.instrument) : undefined);
    if (!this.#resolved || schema !== this.#schemaUsed) this.#useSchema(schema);
    else if (changed.has("noDrafts") || changed.has("variant")) {
      this.#session.session?.setDrafts(this.#draftTarget());
      this.#checkOtherDrafts();
    }
  }

  protected override updated(): void {
    // The anchor for the browser's validation message is the first invalid control, now rendered.
    this.#applyValidity();
  }

  #useSchema(schema: JsonSchema | undefined): void {
    this.#resolved = true;
    this.#schemaUsed = schema;
    this.#model = undefined;
    this.#session.attach(undefined);
    this.#loadFailed = false;
    if (schema) {
      try {
        this.#start(schema);
        return;
      } catch {
        // A schema the engine cannot use (no validator, malformed): say so, never half a form.
        this.#model = undefined;
        this.#session.attach(undefined);
        this.#loadFailed = true;
      }
    }
    this.#internals.setFormValue(null);
    this.#internals.setValidity({ customError: true }, "Formuläret kunde inte laddas");
  }

  #start(schema: JsonSchema): void {
    ensureValidator(schema);
    const model = buildFormModel(schema);
    this.#ref = refOf(schema);
    this.#model = model;
    // Another form: answers typed into the previous one do not carry over (a page's value does).
    const current = this.#session.snapshot?.doc ?? this.#early;
    let doc = this.#hostValue ? current : undefined;
    let step = 0;
    this.#announced = new Map();
    this.#notice = "";
    if (!this.#hostValue && !this.noDrafts) {
      const found = findDraft(browserDraftStorage(), this.#draftKey(), this.#ref, this.#variant() ?? "");
      if (found.kind === "same") {
        doc = found.draft.value;
        step = found.draft.step ?? 0;
      }
    }
    this.#early = undefined;
    this.#session.attach(new FormSession(schema, { doc: doc ?? this.#emptyDoc(), step, guided: this.#isGuided(), drafts: this.#draftTarget() }));
    this.#checkOtherDrafts();
    if (!this.hasAttribute("aria-label") || this.#labelled) {
      this.setAttribute("aria-label", model.title);
      this.#labelled = true;
    }
  }

  /**
   * A draft saved against another version is not loaded silently: the form says it exists and,
   * where the registered migrations lead from its version to this one, offers to open it here.
   */
  #checkOtherDrafts(): void {
    this.#notice = "";
    this.#otherDraft = undefined;
    if (!this.#ref || this.noDrafts) return;
    const found = findDraft(browserDraftStorage(), this.#draftKey(), this.#ref, this.#variant() ?? "");
    if (found.kind === "other") {
      const migration = draftMigration(found.draft, this.#ref);
      if (migration) this.#otherDraft = { key: found.key, open: migration.open };
      this.#notice = otherDraftWords.found(versionOf(found.draft.schema), versionOf(this.#ref), !!migration);
    }
  }

  /** Moves the older draft into this version (engine migrations), saves it here and removes the old one. */
  async #openOtherDraft(): Promise<void> {
    const other = this.#otherDraft;
    if (!other || !this.#model) return;
    const moved = other.open(new Date().toISOString());
    if (!moved) return;
    this.#otherDraft = undefined;
    this.#announced = new Map();
    this.#notice = openedDraftNotice(this.#model, moved, this.#ref);
    replaceDraft(browserDraftStorage(), other.key, this.#draftKey(), { ...moved.draft, ...(this.#isGuided() ? { step: 0 } : {}) });
    // An edit by the person: the page hears of it (blankett-change), as after typing.
    this.#session.session?.reset(moved.draft.value as AnswerDocument, 0, { edit: true });
    await this.updateComplete;
    focusStatic(this.shadowRoot?.getElementById("blankett-notice"));
  }

  // ---- State ----

  /** A new form's answers: the engine's initial document (required sections and lists scaffolded). */
  #emptyDoc(): AnswerDocument {
    return this.#schemaUsed && this.#model ? initialDocument(this.#schemaUsed) : { meta: { schema: this.#ref, status: "draft" } };
  }

  /** The form's local variant: the effective schema names it, else the `variant` property or the document. */
  #variant(): string | undefined {
    const fromSchema = this.#schemaUsed ? variantOf(this.#schemaUsed) : undefined;
    const meta = (this.#session.snapshot?.doc ?? this.#early)?.meta;
    const fromDoc = isObject(meta) && typeof meta.variant === "string" ? meta.variant : undefined;
    return fromSchema || this.variant || fromDoc;
  }

  #draftKey(): string {
    return draftKey(this.#schemaUsed ?? this.#ref, this.#variant());
  }

  #draftTarget(): DraftTarget | null {
    return this.noDrafts || !this.#ref ? null : { storage: browserDraftStorage(), key: this.#draftKey() };
  }

  /**
   * A new session snapshot: the page's form value, validity and events follow it. The session
   * decides what is news (engine/form/session.ts): `edits` counts the person's changes (then
   * blankett-change), `validity` is a new object only when the list of errors changed (then
   * blankett-validity).
   */
  #sessionChanged(now: SessionSnapshot, before: SessionSnapshot | undefined): void {
    const session = this.#session.session!;
    const answersChanged = !before || now.revision !== before.revision || now.validity !== before.validity;
    const out = answersChanged ? session.outgoing() : undefined;
    if (out) this.#internals.setFormValue(JSON.stringify(out), JSON.stringify(now.doc));
    this.#applyValidity();
    if (now.validity !== before?.validity) emit(this, "blankett-validity", now.validity);
    if (before && now.edits !== before.edits) emit(this, "blankett-change", { value: out ?? session.outgoing(), valid: now.validity.valid });
  }

  #applyValidity(): void {
    const snap = this.#session.snapshot;
    if (!snap || !this.#model) return;
    const all = snap.validity;
    if (all.errorCount === 0) {
      this.#internals.setValidity({});
      return;
    }
    const first = all.errors[0];
    const more = all.errorCount - 1;
    const message = first
      ? `Det här behöver rättas: ${first.message}${more > 0 ? ` (och ${more} till)` : ""}`
      : "Formuläret har fel som behöver rättas";
    const id = first ? targetId(this.#model, first.pointer, snap.doc, snap.state.hidden) : undefined;
    const anchor = id && this.shadowRoot ? (this.shadowRoot.getElementById(id) ?? undefined) : undefined;
    this.#internals.setValidity({ customError: true }, message, anchor);
  }

  // ---- Guided interview ----

  #isGuided(): boolean {
    return this.guided ?? this.#model?.guided ?? false;
  }

  /** Steps of a guided interview: one per section, then the summary. */
  #steps(): FormNode[] {
    return this.#model?.sections ?? [];
  }

  async #goToStep(step: number): Promise<void> {
    const session = this.#session.session;
    if (!session) return;
    session.setStep(step);
    await this.updateComplete;
    // Focus goes to the new step's heading, so a screen reader starts reading where the step starts.
    const section = this.#steps()[session.get().step];
    const heading = section ? `${fieldId(pointerOf(section.path))}-title` : "blankett-guided-summary-title";
    focusStatic(this.shadowRoot?.getElementById(heading));
  }

  // ---- Focus ----

  /** Focuses the field of an error (its group's first field for a whole group), switching step if needed. */
  async #focusPointer(pointer: string): Promise<void> {
    const model = this.#model;
    const session = this.#session.session;
    if (!model || !session) return;
    if (this.#isGuided()) {
      const index = this.#steps().findIndex((s) => pointer === pointerOf(s.path) || pointer.startsWith(pointerOf(s.path) + "/"));
      if (index >= 0 && index !== session.get().step) {
        session.setStep(index);
        await this.updateComplete;
      }
    }
    const { doc, state } = session.get();
    const id = targetId(model, pointer, doc, state.hidden);
    const root = this.shadowRoot;
    const control = id ? root?.getElementById(id) : null;
    if (control) control.focus();
    else focusStatic(root?.getElementById("blankett-error-summary"));
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    const first = this.#session.snapshot?.validity.errors[0];
    if (first) await this.#focusPointer(first.pointer);
  }

  // ---- Events from the page's form and from the shadow content ----

  /**
   * The page's form was submitted (or reported) while the answers are invalid. The browser
   * focuses our validation anchor in that case, so focus inside the element tells a submit
   * attempt from a silent `checkValidity()`, which must not reveal errors nobody asked for.
   */
  #onInvalid = (e: Event): void => {
    if (e.target !== this) return;
    setTimeout(() => {
      if (this.matches(":focus-within")) {
        this.#session.session?.attemptSubmit();
        void this.#focusFirstError();
      }
    }, 0);
  };

  #onSubmit = (e: Event): void => {
    e.preventDefault();
    const session = this.#session.session;
    if (!this.#model || !session) return;
    if (!session.attemptSubmit().validity.valid) {
      void this.#focusFirstError();
      return;
    }
    const value = session.outgoing();
    const proceed = emit(this, "blankett-submit", { value }, true);
    session.discardDraft();
    const form = this.#internals.form;
    if (proceed && form) form.requestSubmit();
  };

  /**
   * What the field templates call, made once: each reads the session at the time of the call, so a
   * field that was not drawn again (its answer and errors unchanged) still reaches the right one.
   */
  readonly #actions = {
    set: (path: Path, value: unknown, touch?: boolean) => this.#session.session?.set(path, value, { touch }),
    addRow: (node: FormNode, path: Path) => void this.#addRow(node, path),
    removeRow: (node: FormNode, path: Path, index: number) => void this.#removeRow(node, path, index),
    rank: (node: FormNode, path: Path, action: RankingAction, code: string) => void this.#rank(node, path, action, code),
  };

  #context(snap: SessionSnapshot): FieldContext {
    return { ...this.#actions, doc: snap.doc, hidden: snap.state.hidden, errors: snap.errorsAt, disabled: this.#disabled, announced: this.#announced };
  }

  async #rank(node: FormNode, path: Path, action: RankingAction, code: string): Promise<void> {
    const pointer = pointerOf(path);
    const id = fieldId(pointer);
    const session = this.#session.session;
    const outcome = session && applyRanking(id, node.options ?? [], getIn(session.get().doc, path), action, code, node.maxItems);
    if (!outcome) return;
    this.#announced = new Map(this.#announced).set(id, outcome.announce);
    session.set(path, outcome.value, { touch: true });
    await this.updateComplete;
    this.shadowRoot?.getElementById(outcome.focus)?.focus();
  }

  async #addRow(node: FormNode, path: Path): Promise<void> {
    const session = this.#session.session;
    if (!session) return;
    const current = getIn(session.get().doc, path);
    const rows = Array.isArray(current) ? current : [];
    const children = node.children ?? [];
    const plainList = children.length === 1 && children[0]!.path.length === 0;
    session.set(path, [...rows, plainList ? "" : {}]);
    await this.updateComplete;
    const rowPath = [...path, rows.length];
    const { doc, state } = session.get();
    for (const child of children) {
      const id = firstControlId(child, nodePath(child, rowPath), doc, state.hidden);
      const el = id ? this.shadowRoot?.getElementById(id) : null;
      if (el) {
        el.focus();
        return;
      }
    }
  }

  async #removeRow(node: FormNode, path: Path, index: number): Promise<void> {
    const session = this.#session.session;
    const current = session && getIn(session.get().doc, path);
    if (!session || !Array.isArray(current)) return;
    session.removeRow(path, current, index);
    await this.updateComplete;
    this.shadowRoot?.getElementById(fieldId(pointerOf(path)) + "-add")?.focus();
  }

  // ---- Rendering ----

  protected override render(): TemplateResult {
    const schema = this.#schemaUsed;
    const model = this.#model;
    const session = this.#session.session;
    if (!schema || !model || !session) {
      const text = this.#loadFailed
        ? "Formuläret kunde inte laddas."
        : this.instrument
          ? `Formuläret ”${this.instrument}” finns inte på den här sidan.`
          : "Inget formulär är valt.";
      return html`<p class="notice" part="notice" role="status">${text}</p>`;
    }
    const snap = session.get();
    const { doc, state } = snap;
    if (this.view === "child") return renderChildView(buildChildView(schema, doc));
    const ctx = this.#context(snap);
    const guided = this.#isGuided();
    const links: SummaryLink[] = snap.submitted ? state.errors.map((error) => ({ error, target: targetId(model, error.pointer, doc, state.hidden) })) : [];
    return html`<form novalidate part="form" @submit=${this.#onSubmit}>
        ${this.#notice
          ? html`<div class="notice" part="notice" id="blankett-notice" role="status">
              <p>${this.#notice}</p>
              ${this.#otherDraft
                ? html`<button type="button" class="secondary" part="button open-draft" ?disabled=${this.#disabled} @click=${() => void this.#openOtherDraft()}>
                    ${otherDraftWords.open(versionOf(this.#ref))}
                  </button>`
                : nothing}
            </div>`
          : nothing}
        <p class="note">Frågor markerade med * måste besvaras.</p>
        ${guided ? this.#renderProgress(model, snap) : nothing}
        ${renderErrorSummary(links, (e, link) => {
          e.preventDefault();
          void this.#focusPointer(link.error.pointer);
        })}
        ${guided ? this.#renderStep(ctx, schema, snap) : model.sections.map((section) => renderNode(ctx, section, []))}
        ${guided
          ? this.#renderNav(model, snap)
          : html`<div class="actions">
              <button type="submit" part="submit" ?disabled=${this.#disabled}>Skicka</button>
            </div>`}
      </form>
      ${guided ? nothing : renderResults(state.results, state.warnings)}`;
  }

  #renderProgress(model: FormModel, snap: SessionSnapshot): TemplateResult {
    const { text, value, total } = stepProgress(model, snap.state.hidden, snap.step);
    return html`<div class="progress" part="progress">
      <p id="blankett-progress-text" aria-live="polite">${text}</p>
      <progress max=${total} value=${value} aria-labelledby="blankett-progress-text"></progress>
    </div>`;
  }

  #renderStep(ctx: FieldContext, schema: JsonSchema, snap: SessionSnapshot): unknown {
    const section = this.#steps()[snap.step];
    if (section) return renderNode(ctx, section, []);
    const { results, warnings } = snap.state;
    const indications = new Set(results.filter((r) => r.kind === "indication").map((r) => r.id));
    return html`${renderGuidedSummary(schema, snap.doc, results, warnings)} ${renderResults(results, warnings, indications)}`;
  }

  #renderNav(model: FormModel, snap: SessionSnapshot): TemplateResult {
    const last = this.#steps().length;
    const hidden = snap.state.hidden;
    const index = snap.step;
    return html`<div class="nav" part="nav">
      ${hasStepBefore(model, hidden, index)
        ? html`<button type="button" class="secondary" part="button previous" @click=${() => void this.#goToStep(stepAfter(model, hidden, index, -1))}>Föregående</button>`
        : nothing}
      ${index < last
        ? html`<button type="button" part="button next" @click=${() => void this.#goToStep(stepAfter(model, hidden, index, 1))}>Nästa</button>`
        : html`<button type="submit" part="submit" ?disabled=${this.#disabled}>Skicka</button>`}
    </div>`;
  }
}
