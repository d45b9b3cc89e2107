import type { IChangeEvent } from "@rjsf/core";
import type { Experimental_DefaultFormStateBehavior } from "@rjsf/utils";
import { memo, useEffect, useInsertionEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import {
  browserDraftStorage,
  buildFormModel,
  canMigrateDraft,
  draftKey as draftKeyOf,
  fieldId,
  findDraft,
  variantOf,
  FormSession,
  initialDocument,
  isListedResult,
  isSchemaObject,
  migrateDraft,
  openedDraftNotice,
  otherDraftWords,
  replaceDraft,
  resultInWords,
  scaffold,
  stepAfter,
  stepProgress,
  versionOf,
  type Draft,
  type JsonSchema,
  type Migration,
  type SessionSnapshot,
} from "@blankett/engine";
import { BlankettContext, type BlankettContextValue } from "./context.ts";
import { GuidedSummary } from "./GuidedSummary.tsx";
import { createLookup, type ModelLookup } from "./lookup.ts";
import { ErrorSummary, Results } from "./parts.tsx";
import { useStore } from "./store.ts";
import { adoptBlankettStyles } from "./styles.ts";
import { templates } from "./templates.tsx";
import { translateSwedish } from "./translate.ts";
import { rjsfSchemaOf, uiSchemaOf } from "./uiSchema.ts";
import { EngineForm } from "./EngineForm.tsx";
import { fields } from "./fields.tsx";
import { engineValidator } from "./validator.ts";
import { widgets } from "./widgets.tsx";

export type AnswerDocument = Record<string, unknown>;

export interface BlankettFormProps {
  schema: JsonSchema;
  /** The answers to start from (a stored document). A draft of the same version, if any, wins. */
  value?: AnswerDocument;
  /** Every change, as a complete answer document (no empty keys). */
  onChange?: (value: AnswerDocument) => void;
  /** A submit the engine found no errors in: the answer document, `meta.status` "complete". */
  onSubmit?: (value: AnswerDocument) => void;
  /** One step per section (default: the schema's `x-ui.step` sections make it a guided interview). */
  guided?: boolean;
  /** localStorage key of the draft (default "blankett:draft:<ref>[:<variant>]"); false: no drafts. */
  draftKey?: string | false;
  /** Draw the renderer's stylesheet (default true). */
  styles?: boolean;
  /**
   * Answer migrations (the JSON files in schemas/<name>/migrations/): with them, a draft saved
   * against an older version can be opened in this one, its answers moved as `blankett migrate` moves them.
   */
  migrations?: readonly Migration[];
}

/**
 * rjsf adds nothing the person did not answer: no defaults, no first option of a choice, no
 * empty rows for `minItems`, no empty objects. The document holds answers only.
 */
const NO_DEFAULTS: Experimental_DefaultFormStateBehavior = {
  emptyObjectFields: "skipDefaults",
  arrayMinItems: { populate: "never" },
  constAsDefaults: "never",
  allOf: "skipDefaults",
};

/** Answer documents are JSON: undefined keys go, undefined rows become null, as in storage. */
function clean(doc: unknown): AnswerDocument {
  return JSON.parse(JSON.stringify(doc ?? {})) as AnswerDocument;
}

function metaOf(doc: AnswerDocument): Record<string, unknown> {
  const meta = doc.meta;
  return isSchemaObject(meta) ? meta : {};
}

/**
 * The answers a form starts from: the engine's initial document for a new form (required sections
 * and lists present, so an empty list is an answer), or the given answers scaffolded the same way.
 */
function startDoc(schema: JsonSchema, value: AnswerDocument | undefined, ref: string): AnswerDocument {
  if (!value) return initialDocument(schema);
  const doc = clean(value);
  const meta = metaOf(doc);
  return scaffold(schema, { ...doc, meta: { ...meta, schema: meta.schema ?? ref, status: meta.status ?? "draft" } }) as AnswerDocument;
}

const schemaKeys = new WeakMap<JsonSchema, number>();
let nextSchemaKey = 1;
function keyOf(schema: JsonSchema): number {
  let k = schemaKeys.get(schema);
  if (k === undefined) schemaKeys.set(schema, (k = nextSchemaKey++));
  return k;
}

/**
 * The React renderer (issue #4): a form drawn by @rjsf/core from the schema, with our templates
 * and widgets following the DOM contract, and the engine deciding what is valid, visible and
 * computed — one computeFormState per change, no rjsf validation.
 */
export function BlankettForm(props: BlankettFormProps) {
  // Another schema is another form: start over rather than carry answers across.
  return <FormInstance key={keyOf(props.schema)} {...props} />;
}

interface Start {
  doc: AnswerDocument;
  step: number;
  restored: Draft | null;
  other: { draft: Draft; key: string } | null;
}

function FormInstance(props: BlankettFormProps) {
  const { schema, styles = true } = props;
  // The stylesheet, adopted before the first paint (a <style> element would break a strict CSP).
  useInsertionEffect(() => {
    if (styles) adoptBlankettStyles();
  }, [styles]);
  const model = buildFormModel(schema);
  const ref = model.ref;
  const guided = props.guided ?? model.guided;
  const steps = model.sections.length;
  const variant = metaOf(props.value ?? {}).variant;
  // Drafts are keyed by the variant too: the schema names it (an effective schema's meta.variant),
  // else the document given; a variant's draft is never opened in its national form or the reverse.
  const formVariant = variantOf(schema) ?? (typeof variant === "string" ? variant : undefined);
  const draftKey = props.draftKey === false ? null : (props.draftKey ?? draftKeyOf(schema, formVariant));

  const [start] = useState<Start>(() => {
    const base = startDoc(schema, props.value, ref);
    const found = draftKey ? findDraft(browserDraftStorage(), draftKey, ref, formVariant ?? "") : ({ kind: "none" } as const);
    if (found.kind === "same") {
      const doc = startDoc(schema, found.draft.value, ref);
      return { doc, step: Math.min(found.draft.step ?? 0, steps), restored: found.draft, other: null };
    }
    return { doc: base, step: 0, restored: null, other: found.kind === "other" ? { draft: found.draft, key: found.key } : null };
  });
  // A draft from another version: said once; opened in this version on request when migrations lead here.
  const [other, setOther] = useState(start.other);
  const [opened, setOpened] = useState<string | null>(null);
  const canOpen = !!other && canMigrateDraft(other.draft, ref, props.migrations ?? []);
  // The session (engine/form/session.ts) holds the answers, touched fields, the step and the draft.
  const [store] = useState(
    () => new FormSession(schema, { doc: start.doc, step: start.step, guided, drafts: draftKey ? { storage: browserDraftStorage(), key: draftKey } : null }),
  );
  const [rjsfData, setRjsfData] = useState<AnswerDocument>(start.doc);
  const lookup = useMemo(() => createLookup(model), [model]);
  const ctx = useMemo<BlankettContextValue>(() => {
    const requests = new Map<string, number | "add">();
    return {
      store,
      lookup,
      guided,
      requestFocus: (pointer, target) => requests.set(pointer, target),
      takeFocus: (pointer) => {
        const t = requests.get(pointer);
        requests.delete(pointer);
        return t;
      },
    };
  }, [store, lookup, guided]);

  // Callbacks read the latest props without changing identity (rjsf compares its props deeply).
  const latest = useRef(props);
  latest.current = props;
  const emitted = useRef<AnswerDocument | undefined>(undefined);

  // A new `value` from outside (not the one we just reported) replaces the answers.
  const seenValue = useRef(props.value);
  useEffect(() => {
    if (props.value === seenValue.current) return;
    seenValue.current = props.value;
    if (props.value === undefined || props.value === emitted.current) return;
    const doc = startDoc(schema, props.value, ref);
    store.reset(doc);
    setRjsfData(doc);
  }, [props.value, ref, store, schema]);

  // A pending draft is written when the page goes away or the form leaves it.
  useEffect(() => {
    const flush = () => store.flushDraft();
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [store]);

  const followError = (pointer: string) => {
    const snap = store.get();
    if (guided) {
      const section = lookup.sectionOf(pointer);
      if (section >= 0 && section !== snap.step) flushSync(() => store.setStep(section));
    }
    const target = lookup.targetOf(pointer, store.get().doc, store.get().state.hidden);
    const el = (target && document.getElementById(target)) || document.getElementById("bf-summary-title");
    el?.focus();
  };

  const goTo = (step: number) => {
    flushSync(() => store.setStep(Math.max(0, Math.min(steps, step))));
    const s = store.get().step;
    const section = model.sections[s];
    document.getElementById(section ? fieldId("/" + section.key) + "-title" : "bf-guided-summary-title")?.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const snap = store.attemptSubmit();
    const first = snap.state.errors[0];
    if (snap.state.errorCount > 0 || first) {
      if (first) followError(first.pointer);
      return;
    }
    const done = store.outgoing();
    store.discardDraft();
    latest.current.onSubmit?.(done);
  };

  // The page hears of every edit the session counts (engine/form/session.ts), with the normalised document.
  useEffect(() => {
    let edits = store.get().edits;
    return store.subscribe(() => {
      const s = store.get();
      if (s.edits === edits) return;
      edits = s.edits;
      const onChange = latest.current.onChange;
      if (!onChange) return;
      const out = store.outgoing();
      emitted.current = out;
      onChange(out);
    });
  }, [store]);

  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (opened) noticeRef.current?.focus();
  }, [opened]);

  /** Moves the older draft into this version (engine migrations), saves it here and removes the old one. */
  const openOther = () => {
    if (!other || !draftKey) return;
    const moved = migrateDraft(other.draft, ref, latest.current.migrations ?? [], new Date().toISOString());
    if (!moved) return;
    const doc = startDoc(schema, moved.draft.value, ref);
    replaceDraft(browserDraftStorage(), other.key, draftKey, { ...moved.draft, value: clean(doc), ...(guided ? { step: 0 } : {}) });
    store.reset(doc, 0, { edit: true });
    setRjsfData(doc);
    setOther(null);
    setOpened(openedDraftNotice(model, moved, ref));
  };

  const onRjsfChange = useMemo(
    () => (e: IChangeEvent) => {
      store.replace(e.formData as AnswerDocument);
    },
    [store],
  );

  return (
    <BlankettContext.Provider value={ctx}>
      <div className="bf-root" lang="sv">
        <form className="bf-form" noValidate onSubmit={submit} aria-label={model.title}>
          {(other || opened) && (
            <div className="bf-notice" role="status" id="bf-notice" tabIndex={-1} ref={noticeRef}>
              <p>{other ? otherDraftWords.found(versionOf(other.draft.schema), versionOf(ref), canOpen) : opened}</p>
              {other && canOpen && (
                <button type="button" className="bf-small" onClick={openOther}>
                  {otherDraftWords.open(versionOf(ref))}
                </button>
              )}
            </div>
          )}
          {start.restored && (
            <p className="bf-notice" role="status">
              Ditt sparade utkast är inläst.
            </p>
          )}
          {guided && <Progress store={store} lookup={lookup} />}
          <LiveErrorSummary store={store} lookup={lookup} onFollow={followError} />
          <RjsfHost schema={schema} model={model} data={rjsfData} onChange={onRjsfChange} />
          {guided && <GuidedEnd store={store} schema={schema} lookup={lookup} />}
          {guided ? <StepButtons store={store} lookup={lookup} steps={steps} goTo={goTo} /> : <SubmitButton />}
        </form>
        <LiveResults store={store} guided={guided} steps={steps} />
      </div>
    </BlankettContext.Provider>
  );
}

function SubmitButton() {
  return (
    <button type="submit" className="bf-submit">
      Skicka
    </button>
  );
}

/** rjsf itself: drawn once per reset; after that it updates from its own state, field by field. */
const RjsfHost = memo(function RjsfHost({
  schema,
  model,
  data,
  onChange,
}: {
  schema: JsonSchema;
  model: ReturnType<typeof buildFormModel>;
  data: AnswerDocument;
  onChange: (e: IChangeEvent) => void;
}) {
  const rjsfSchema = rjsfSchemaOf(schema);
  const uiSchema = useMemo(() => uiSchemaOf(model), [model]);
  const validator = useMemo(() => engineValidator(schema), [schema]);
  return (
    <EngineForm
      tagName="div"
      className="bf-fields"
      schema={rjsfSchema}
      uiSchema={uiSchema}
      formData={data}
      validator={validator}
      noValidate
      noHtml5Validate
      liveValidate={false}
      showErrorList={false}
      templates={templates}
      fields={fields}
      widgets={widgets}
      translateString={translateSwedish}
      experimental_defaultFormStateBehavior={NO_DEFAULTS}
      onChange={onChange}
    />
  );
});

function Progress({ store, lookup }: { store: FormSession; lookup: ModelLookup }) {
  const { text, value, total } = useStore(
    store,
    (s) => stepProgress(lookup.model, s.state.hidden, s.step),
    (a, b) => a.text === b.text && a.value === b.value && a.total === b.total,
  );
  return (
    <div className="bf-progress">
      <p id="bf-progress-text">{text}</p>
      <progress max={total} value={value} aria-labelledby="bf-progress-text" />
    </div>
  );
}

function StepButtons({ store, lookup, steps, goTo }: { store: FormSession; lookup: ModelLookup; steps: number; goTo: (n: number) => void }) {
  const step = useStore(store, (s) => s.step);
  const previous = useStore(store, (s) => stepAfter(lookup.model, s.state.hidden, s.step, -1));
  const next = useStore(store, (s) => stepAfter(lookup.model, s.state.hidden, s.step, 1));
  return (
    <div className="bf-nav">
      {previous !== step && (
        <button type="button" className="bf-prev" onClick={() => goTo(previous)}>
          Föregående
        </button>
      )}
      {step < steps ? (
        <button type="button" className="bf-next" onClick={() => goTo(next)}>
          Nästa
        </button>
      ) : (
        <SubmitButton />
      )}
    </div>
  );
}

function GuidedEnd({ store, schema, lookup }: { store: FormSession; schema: JsonSchema; lookup: ModelLookup }) {
  const onSummary = useStore(store, (s) => s.step >= lookup.model.sections.length);
  const snap = useStore(store, (s) => (onSummary ? s : null));
  if (!onSummary || !snap) return null;
  return <GuidedSummary schema={schema} model={lookup.model} doc={snap.doc} results={snap.state.results} warnings={snap.state.warnings} />;
}

function LiveErrorSummary({ store, lookup, onFollow }: { store: FormSession; lookup: ModelLookup; onFollow: (p: string) => void }) {
  // Re-rendered only when the list of messages changes, not on every keystroke.
  const key = useStore(store, (s) => (s.submitted ? s.state.errors.map((e) => e.pointer + "\u0001" + e.message).join("\u0002") : ""));
  if (!key) return null;
  const snap = store.get();
  return <ErrorSummary errors={snap.state.errors} targetOf={(p) => lookup.targetOf(p, snap.doc, snap.state.hidden)} onFollow={onFollow} />;
}

function resultsKey(s: SessionSnapshot): string {
  const results = s.state.results.filter(isListedResult).map((r) => r.id + "\u0001" + r.title + "\u0001" + resultInWords(r));
  const warnings = s.state.warnings.map((w) => w.rule + "\u0001" + w.message);
  return results.join("\u0002") + "\u0003" + warnings.join("\u0002");
}

function LiveResults({ store, guided, steps }: { store: FormSession; guided: boolean; steps: number }) {
  useStore(store, resultsKey);
  const shown = useStore(store, (s) => !guided || s.step >= steps);
  if (!shown) return null;
  const snap = store.get();
  return <Results results={snap.state.results} warnings={snap.state.warnings} />;
}
