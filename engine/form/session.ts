import { variantOf } from "../schema/registry.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { applyComputed, computedFields, type ComputedField } from "./computed.ts";
import { removeDraft, writeDraft, type DraftStorage } from "./drafts.ts";
import { buildFormModel, type FormModel } from "./model.ts";
import { normalizeDocument } from "./normalize.ts";
import { pointerOf, setIn } from "./paths.ts";
import { marksAfterRowRemoved } from "./rows.ts";
import { computeFormState, type FormState, type ShownError } from "./state.ts";
import { settleStep } from "./steps.ts";

export type AnswerDocument = Record<string, unknown>;
type Path = (string | number)[];

/** What a page is told about validity: every error, shown on screen or not. */
export interface ValidityDetail {
  valid: boolean;
  errorCount: number;
  errors: ShownError[];
}

/** Where a session keeps its draft: the storage (null: none), the key, and how long it waits. */
export interface DraftTarget {
  storage: DraftStorage | null;
  key: string;
  /** Quiet time after the last change before the draft is written (default 300 ms). */
  delayMs?: number;
}

export interface FormSessionOptions {
  /** The answers to start from (already scaffolded: see initialDocument and scaffold). */
  doc: AnswerDocument;
  /** The guided step to start on (a restored draft's). */
  step?: number;
  /** One step per section: drafts then keep the step too. */
  guided?: boolean;
  drafts?: DraftTarget | null;
  /** The clock for a draft's savedAt (tests pass a fixed one). */
  now?: () => string;
}

/** The session as it is now; replaced as a whole on every change, never mutated. */
export interface SessionSnapshot {
  readonly doc: AnswerDocument;
  /** Fields left after a change (or chosen): their errors are shown. */
  readonly touched: ReadonlySet<string>;
  /** Fields changed since they last had focus: leaving one touches it. */
  readonly dirty: ReadonlySet<string>;
  /** A submit was attempted: every error is shown from now on. */
  readonly submitted: boolean;
  /** The guided step on screen (never a hidden section). */
  readonly step: number;
  /** Visibility, shown errors, every error, results: one engine pass per change. */
  readonly state: FormState;
  /** The shown errors by pointer, for field templates. */
  readonly errorsAt: ReadonlyMap<string, ShownError[]>;
  /** Every error; the same object for as long as the list of errors is unchanged. */
  readonly validity: ValidityDetail;
  /** Bumped whenever the answers change, whoever changed them. */
  readonly revision: number;
  /** Bumped when the person changed the answers (an edit, an opened draft): the page is told. */
  readonly edits: number;
}

type Base = Omit<SessionSnapshot, "state" | "errorsAt" | "validity">;

const signatureOf = (errors: readonly ShownError[]): string => errors.map((e) => e.pointer + "\u0000" + e.message).join("\u0001");

/**
 * One form session, driven by both renderers (Lit through a ReactiveController, React through
 * useSyncExternalStore), so they cannot drift: the answers, which fields are touched, whether a
 * submit was attempted, the guided step, the draft debounce and what the page is told all live
 * here; renderers only draw a snapshot and dispatch what the person did. Framework- and DOM-free:
 * storage and the clock are passed in.
 */
export class FormSession {
  readonly model: FormModel;
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();
  /** Choices made whose new value has not arrived yet (React reports it right after). */
  private chosen = new Set<string>();
  private drafts: DraftTarget | null;
  private readonly guided: boolean;
  private readonly now: () => string;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private signature = "";
  /** The local variant the schema is the effective schema of (undefined: a national form). */
  readonly variant: string | undefined;
  /** Fields the form fills from a value rule (x-ui.computedFrom); usually none. */
  private readonly computed: readonly ComputedField[];

  constructor(
    readonly schema: JsonSchema,
    options: FormSessionOptions,
  ) {
    this.model = buildFormModel(schema);
    this.computed = computedFields(schema, this.model);
    this.variant = variantOf(schema);
    this.guided = options.guided ?? false;
    this.drafts = options.drafts ?? null;
    this.now = options.now ?? (() => new Date().toISOString());
    this.snapshot = this.derive(
      { doc: this.stamped(options.doc), touched: new Set(), dirty: new Set(), submitted: false, step: this.guided ? (options.step ?? 0) : 0, revision: 0, edits: 0 },
      undefined,
    );
  }

  get = (): SessionSnapshot => this.snapshot;

  /**
   * A variant form's answers say which variant they were given in (`meta.variant`, which its
   * effective schema requires): stamped when missing, right after meta.schema, so a new form
   * is not invalid for want of it and what is submitted and saved names the variant. A different
   * variant already written there is left for validation to report.
   */
  private stamped(doc: AnswerDocument): AnswerDocument {
    if (!this.variant) return doc;
    const meta = isSchemaObject(doc.meta) ? doc.meta : {};
    if (meta.variant !== undefined) return doc;
    const { schema, ...rest } = meta;
    return { ...doc, meta: { schema: schema ?? this.model.ref, variant: this.variant, ...rest } };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private derive(base: Base, previous: SessionSnapshot | undefined): SessionSnapshot {
    let state = computeFormState(this.schema, base.doc, { touched: base.touched, submitted: base.submitted });
    if (this.computed.length > 0) {
      // Computed fields take their rules' results (engine/form/computed.ts). A second pass only
      // when one changed, so that errors and results see the answers as they now are; never a
      // third: a rule reading its own field would otherwise chase itself.
      const doc = applyComputed(base.doc, this.computed, state.results);
      if (doc !== base.doc) {
        base = { ...base, doc };
        state = computeFormState(this.schema, doc, { touched: base.touched, submitted: base.submitted });
      }
    }
    const errorsAt = new Map<string, ShownError[]>();
    for (const e of state.errors) {
      const list = errorsAt.get(e.pointer);
      if (list) list.push(e);
      else errorsAt.set(e.pointer, [e]);
    }
    const signature = signatureOf(state.allErrors);
    const validity =
      previous && signature === this.signature ? previous.validity : { valid: state.errorCount === 0, errorCount: state.errorCount, errors: state.allErrors };
    this.signature = signature;
    // A guided interview never stands on a step that is hidden now (engine/form/steps.ts).
    return { ...base, step: settleStep(this.model, state.hidden, base.step), state, errorsAt, validity };
  }

  private commit(next: Base, recompute = true): void {
    const before = this.snapshot;
    this.snapshot = recompute ? this.derive(next, before) : { ...before, ...next };
    if (this.guided ? next.revision !== before.revision || this.snapshot.step !== before.step : next.revision !== before.revision) this.scheduleDraft();
    for (const l of [...this.listeners]) l();
  }

  // ---- What the person did ----

  /** New answers as a whole (React: rjsf's onChange). Pending choices become touched with them. */
  replace(doc: AnswerDocument): void {
    const s = this.snapshot;
    if (doc === s.doc) return;
    let touched = s.touched;
    if (this.chosen.size > 0) {
      touched = new Set([...touched, ...this.chosen]);
      this.chosen.clear();
    }
    this.commit({ ...s, doc: this.stamped(doc), touched, revision: s.revision + 1, edits: s.edits + 1 });
  }

  /**
   * One answer changed (Lit). `touch` marks the field as complete in the same pass: a choice made,
   * or a text field's native `change` (it was left after a change).
   */
  set(path: Path, value: unknown, options: { touch?: boolean } = {}): void {
    const s = this.snapshot;
    const pointer = pointerOf(path);
    const touched = options.touch && !s.touched.has(pointer) ? new Set(s.touched).add(pointer) : s.touched;
    const doc = setIn(s.doc, path, value) as AnswerDocument;
    this.commit({ ...s, doc, touched, revision: s.revision + 1, edits: s.edits + 1 });
  }

  /** The field was changed while it has focus; leaving it then touches it. */
  markDirty(pointer: string): void {
    const s = this.snapshot;
    if (s.dirty.has(pointer)) return;
    // No listener cares until the field is left: no new state, no engine pass.
    this.snapshot = { ...s, dirty: new Set(s.dirty).add(pointer) };
  }

  /** The person left a field: if they changed it, its errors are shown from now on. */
  leave(pointer: string): void {
    const { dirty, touched } = this.snapshot;
    if (!dirty.has(pointer) || touched.has(pointer)) return;
    const nextDirty = new Set(dirty);
    nextDirty.delete(pointer);
    this.commit({ ...this.snapshot, dirty: nextDirty, touched: new Set(touched).add(pointer) });
  }

  /** The field is complete (a choice, a ranking button): its errors show from now on. */
  touch(pointer: string): void {
    const s = this.snapshot;
    if (s.touched.has(pointer)) return;
    this.commit({ ...s, touched: new Set(s.touched).add(pointer) });
  }

  /**
   * A choice is being made whose value arrives with the next `replace` (rjsf commits it after the
   * event): the field is touched with that change — one engine pass, not two.
   */
  choose(pointer: string): void {
    if (!this.snapshot.touched.has(pointer)) this.chosen.add(pointer);
  }

  /**
   * A table row is about to be removed: the marks of later rows move up with them, so a row that
   * moves up never shows the errors its new position's old row had earned.
   */
  rowRemoved(tablePointer: string, index: number): void {
    const { dirty, touched } = this.snapshot;
    this.snapshot = { ...this.snapshot, dirty: marksAfterRowRemoved(dirty, tablePointer, index), touched: marksAfterRowRemoved(touched, tablePointer, index) };
    this.chosen = marksAfterRowRemoved(this.chosen, tablePointer, index);
  }

  /** Removes row `index` of the table at `path`: its marks go, later rows' move up (Lit). */
  removeRow(path: Path, rows: readonly unknown[], index: number): void {
    this.rowRemoved(pointerOf(path), index);
    this.set(
      path,
      rows.filter((_, i) => i !== index),
    );
  }

  /** A submit attempt (or reportValidity): every error is shown from now on. */
  attemptSubmit(): SessionSnapshot {
    const s = this.snapshot;
    if (!s.submitted) this.commit({ ...s, submitted: true });
    return this.snapshot;
  }

  /** Goes to a guided step (the next shown one if it is hidden). */
  setStep(to: number): void {
    const s = this.snapshot;
    const step = settleStep(this.model, s.state.hidden, to);
    if (step !== s.step) this.commit({ ...s, step }, false);
  }

  /**
   * Starts over with other answers: nothing touched, no submit attempt. `edit` says the person
   * did it (an opened draft), so the page is told, as after an edit; a value set by the page, a
   * form reset or a restored draft is not an edit.
   */
  reset(doc: AnswerDocument, step = 0, options: { edit?: boolean } = {}): void {
    const s = this.snapshot;
    this.chosen.clear();
    this.commit({ doc: this.stamped(doc), touched: new Set(), dirty: new Set(), submitted: false, step: this.guided ? step : 0, revision: s.revision + 1, edits: s.edits + (options.edit ? 1 : 0) });
  }

  // ---- What leaves the form ----

  /**
   * The answers as they leave the form (events, onChange, the page form's value): normalised by
   * the engine, so both renderers send the same shape, with `meta.status` "complete" when there
   * is no error and "draft" otherwise.
   */
  outgoing(): AnswerDocument {
    const { doc, state } = this.snapshot;
    const meta = isSchemaObject(doc.meta) ? doc.meta : {};
    const out = { ...doc, meta: { ...meta, schema: meta.schema ?? this.model.ref, status: state.errorCount === 0 ? "complete" : "draft" } };
    return normalizeDocument(this.schema, out) as AnswerDocument;
  }

  // ---- Drafts ----

  /** Another draft key (a variant named later) or none. A pending save goes to the old key first. */
  setDrafts(target: DraftTarget | null): void {
    this.flushDraft();
    this.drafts = target;
  }

  private scheduleDraft(): void {
    const target = this.drafts;
    if (!target?.storage) return;
    this.cancelDraft();
    this.draftTimer = setTimeout(() => this.saveDraft(), target.delayMs ?? 300);
  }

  private saveDraft(): void {
    this.draftTimer = undefined;
    const target = this.drafts;
    if (!target?.storage) return;
    const s = this.snapshot;
    writeDraft(target.storage, target.key, { schema: this.model.ref, ...(this.variant ? { variant: this.variant } : {}), savedAt: this.now(), ...(this.guided ? { step: s.step } : {}), value: s.doc });
  }

  /** Writes a pending draft now (the page goes away, the element leaves the page). */
  flushDraft(): void {
    if (this.draftTimer === undefined) return;
    clearTimeout(this.draftTimer);
    this.saveDraft();
  }

  /** Forgets a pending draft write. */
  cancelDraft(): void {
    if (this.draftTimer !== undefined) clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
  }

  /** The answers were submitted or the form reset: the draft goes. */
  discardDraft(): void {
    this.cancelDraft();
    if (this.drafts?.storage) removeDraft(this.drafts.storage, this.drafts.key);
  }
}
