import { useRef, useSyncExternalStore } from "react";
import { buildFormModel, computeFormState, marksAfterRowRemoved, settleStep, type FormModel, type FormState, type JsonSchema, type ShownError } from "@blankett/engine";

/** What the form shows now; replaced as a whole on every change, never mutated. */
export interface Snapshot {
  doc: Record<string, unknown>;
  /** Fields left after a change: their errors are shown. */
  touched: ReadonlySet<string>;
  /** Fields changed since they last had focus (a blur then touches them). */
  dirty: ReadonlySet<string>;
  submitted: boolean;
  step: number;
  state: FormState;
  /** The shown errors by pointer, for the field templates. */
  errorsAt: ReadonlyMap<string, ShownError[]>;
  /** Bumped on every change of the answers (tests and drafts watch it). */
  revision: number;
}

/**
 * The renderer's state outside React: one engine pass (computeFormState) per change, and each
 * field template subscribes to the slice it shows (its visibility, its error). A keystroke then
 * re-renders the field typed into and whatever the engine says changed — not the whole form.
 */
export class FormStore {
  private snapshot: Snapshot;
  private readonly listeners = new Set<() => void>();
  private chosen = new Set<string>();
  private readonly model: FormModel;

  constructor(
    readonly schema: JsonSchema,
    doc: Record<string, unknown>,
    step = 0,
  ) {
    this.model = buildFormModel(schema);
    this.snapshot = this.derive({ doc, touched: new Set(), dirty: new Set(), submitted: false, step, revision: 0 });
  }

  get = (): Snapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private derive(base: Omit<Snapshot, "state" | "errorsAt">): Snapshot {
    const state = computeFormState(this.schema, base.doc, { touched: base.touched, submitted: base.submitted });
    const errorsAt = new Map<string, ShownError[]>();
    for (const e of state.errors) {
      const list = errorsAt.get(e.pointer);
      if (list) list.push(e);
      else errorsAt.set(e.pointer, [e]);
    }
    // A guided interview never stands on a step that is hidden now (engine/form/steps.ts).
    return { ...base, step: settleStep(this.model, state.hidden, base.step), state, errorsAt };
  }

  private set(next: Omit<Snapshot, "state" | "errorsAt">, recompute = true): void {
    this.snapshot = recompute ? this.derive(next) : { ...this.snapshot, ...next };
    for (const l of [...this.listeners]) l();
  }

  /** New answers (from rjsf's onChange). */
  change(doc: Record<string, unknown>): void {
    if (doc === this.snapshot.doc) return;
    let touched = this.snapshot.touched;
    if (this.chosen.size > 0) {
      touched = new Set([...touched, ...this.chosen]);
      this.chosen.clear();
    }
    this.set({ ...this.snapshot, doc, touched, revision: this.snapshot.revision + 1 });
  }

  markDirty(pointer: string): void {
    if (this.snapshot.dirty.has(pointer)) return;
    this.snapshot = { ...this.snapshot, dirty: new Set(this.snapshot.dirty).add(pointer) };
  }

  /** A table row is about to be removed: the marks of later rows move up with them. */
  rowRemoved(tablePointer: string, index: number): void {
    const { dirty, touched } = this.snapshot;
    this.snapshot = { ...this.snapshot, dirty: marksAfterRowRemoved(dirty, tablePointer, index), touched: marksAfterRowRemoved(touched, tablePointer, index) };
    this.chosen = marksAfterRowRemoved(this.chosen, tablePointer, index);
  }

  /** The person left a field: if they changed it, its errors are shown from now on. */
  leave(pointer: string): void {
    const { dirty, touched } = this.snapshot;
    if (!dirty.has(pointer) || touched.has(pointer)) return;
    const nextDirty = new Set(dirty);
    nextDirty.delete(pointer);
    this.set({ ...this.snapshot, dirty: nextDirty, touched: new Set(touched).add(pointer) });
  }

  /**
   * A choice made (an option, a box): complete at once, so its errors show from now on. The new
   * value reaches the store right after (rjsf reports it once committed), so the field is touched
   * with that change — one engine pass, not two.
   */
  choose(pointer: string): void {
    if (!this.snapshot.touched.has(pointer)) this.chosen.add(pointer);
  }

  /** A submit attempt: every error is shown from now on. Returns the state to decide on. */
  attemptSubmit(): Snapshot {
    if (!this.snapshot.submitted) this.set({ ...this.snapshot, submitted: true });
    return this.snapshot;
  }

  setStep(to: number): void {
    const step = settleStep(this.model, this.snapshot.state.hidden, to);
    if (step !== this.snapshot.step) this.set({ ...this.snapshot, step }, false);
  }

  /** Starts over with other answers (a restored or discarded draft, a new `value`). */
  reset(doc: Record<string, unknown>, step = 0): void {
    this.set({ doc, touched: new Set(), dirty: new Set(), submitted: false, step, revision: this.snapshot.revision + 1 });
  }
}

/**
 * Subscribes to one slice of the store; re-renders only when `isEqual` says the slice changed.
 */
export function useStore<T>(store: FormStore, select: (s: Snapshot) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ value: T } | null>(null);
  // Selections are cheap lookups, so they run on every read; the previous value is returned when
  // equal, which is what lets React skip the re-render.
  const read = () => {
    const value = select(store.get());
    if (last.current && isEqual(last.current.value, value)) return last.current.value;
    last.current = { value };
    return value;
  };
  return useSyncExternalStore(store.subscribe, read, read);
}
