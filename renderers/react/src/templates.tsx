import type {
  ArrayFieldItemTemplateProps,
  ArrayFieldTemplateProps,
  FieldTemplateProps,
  ObjectFieldTemplateProps,
  TemplatesType,
} from "@rjsf/utils";
import { useEffect, useMemo, type ReactNode } from "react";
import { escapeSegment, fieldId, pointerOf, type FormNode, type ShownError } from "@blankett/engine";
import { FieldContext, useBlankett, type FieldInfo } from "./context.ts";
import { useStore } from "./store.ts";

/**
 * rjsf templates that draw the engine's form model: labels, help, units, required markers and
 * options come from the model (the schema's hints), visibility and errors from computeFormState,
 * looked up by each field's JSON Pointer (rjsf's path). rjsf keeps the answers and calls the
 * widgets; what is shown, and when, is the engine's.
 */

const isIndex = (s: string | number | undefined) => typeof s === "number";

const sameErrors = (a: ShownError[] | undefined, b: ShownError[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((e, i) => e.message === b[i]!.message));

function useErrorsAt(pointer: string): ShownError[] | undefined {
  const { store } = useBlankett();
  return useStore(store, (s) => s.errorsAt.get(pointer), sameErrors);
}

function ErrorText({ id, errors }: { id: string; errors: ShownError[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p className="bf-error" id={id + "-error"}>
      {errors.map((e) => e.message).join(" ")}
    </p>
  );
}

function Help({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="bf-help" id={id + "-help"}>
      {text}
    </p>
  ) : null;
}

function Label({ node }: { node: FormNode }) {
  return (
    <>
      {node.label}
      {node.required && (
        <span className="bf-required" aria-hidden="true">
          {" *"}
        </span>
      )}
    </>
  );
}

const describedBy = (id: string, help: boolean, unit: boolean, error: boolean) =>
  [help && id + "-help", unit && id + "-unit", error && id + "-error"].filter(Boolean).join(" ") || undefined;

export function FieldTemplate(props: FieldTemplateProps) {
  const { fieldPathId, children } = props;
  const { store, lookup } = useBlankett();
  const path = fieldPathId.path;
  const pointer = pointerOf(path);
  const node = lookup.nodeAt(path);
  const hidden = useStore(store, (s) => s.state.hidden.has(pointer));
  // The root and the rows of object tables are drawn by the object and array templates.
  if (path.length === 0 || (!node && isIndex(path[path.length - 1]))) return <>{children}</>;
  // Not a question (the document's meta block), hidden by a hint, or hidden by a condition now.
  if (!node || hidden || node.widget === "hidden") return null;
  if (node.kind !== "scalar") return <>{children}</>;
  return (
    <ScalarField node={node} pointer={pointer}>
      {children}
    </ScalarField>
  );
}

export function ScalarField({ node, pointer, children }: { node: FormNode; pointer: string; children: ReactNode }) {
  const { store } = useBlankett();
  const errors = useErrorsAt(pointer);
  const id = fieldId(pointer);
  const invalid = !!errors && errors.length > 0;
  const info = useMemo<FieldInfo>(
    () => ({
      pointer,
      id,
      node,
      describedBy: describedBy(id, !!node.help, !!node.unit, invalid),
      invalid,
      changed: () => store.markDirty(pointer),
      left: () => store.leave(pointer),
      chosen: () => store.choose(pointer),
    }),
    [pointer, id, node, invalid, store],
  );
  const help = <Help id={id} text={node.help} />;
  const error = <ErrorText id={id} errors={errors} />;
  let body: ReactNode;
  if (node.widget === "radio" || node.widget === "checkboxes" || node.widget === "ranking") {
    const radio = node.widget === "radio";
    body = (
      <fieldset
        className={`bf-field bf-choice${invalid ? " bf-invalid" : ""}`}
        id={id + "-group"}
        role={radio ? "radiogroup" : undefined}
        aria-required={radio && node.required ? true : undefined}
        data-pointer={pointer}
      >
        <legend className="bf-label">
          <Label node={node} />
        </legend>
        {help}
        {children}
        {error}
      </fieldset>
    );
  } else if (node.widget === "checkbox") {
    body = (
      <div className={`bf-field bf-single-check${invalid ? " bf-invalid" : ""}`} data-pointer={pointer}>
        <div className="bf-option">
          {children}
          <label htmlFor={id} className="bf-label">
            <Label node={node} />
          </label>
        </div>
        {help}
        {error}
      </div>
    );
  } else {
    body = (
      <div className={`bf-field${invalid ? " bf-invalid" : ""}`} data-pointer={pointer}>
        <label htmlFor={id} className="bf-label">
          <Label node={node} />
        </label>
        {help}
        <div className="bf-control">
          {children}
          {node.unit && (
            <span className="bf-unit" id={id + "-unit"}>
              {node.unit}
            </span>
          )}
        </div>
        {error}
      </div>
    );
  }
  return <FieldContext.Provider value={info}>{body}</FieldContext.Provider>;
}

/** A section (top level) is a <section> with an <h2>; a sub-group a <fieldset> with a <legend>. */
function Group({ node, pointer, depth, children }: { node: FormNode; pointer: string; depth: number; children: ReactNode }) {
  const errors = useErrorsAt(pointer);
  const id = fieldId(pointer);
  const invalid = !!errors && errors.length > 0;
  const desc = describedBy(id, !!node.help, false, invalid);
  if (depth === 1) {
    return (
      <section className={`bf-section${invalid ? " bf-invalid" : ""}`} aria-labelledby={id + "-title"} aria-describedby={desc} data-pointer={pointer}>
        <h2 className="bf-section-title" id={id + "-title"} tabIndex={-1}>
          {node.label}
        </h2>
        <Help id={id} text={node.help} />
        <ErrorText id={id} errors={errors} />
        {children}
      </section>
    );
  }
  return (
    <fieldset className={`bf-group${invalid ? " bf-invalid" : ""}`} aria-describedby={desc} data-pointer={pointer}>
      <legend className="bf-legend">{node.label}</legend>
      <Help id={id} text={node.help} />
      <ErrorText id={id} errors={errors} />
      {children}
    </fieldset>
  );
}

export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { fieldPathId, properties } = props;
  const { store, lookup, guided } = useBlankett();
  const path = fieldPathId.path;
  const pointer = pointerOf(path);
  const node = lookup.nodeAt(path);
  const step = useStore(store, (s) => s.step);
  // A group whose every question is hidden now (a row's details for another event type) is left out.
  const allHidden = useStore(store, (s) =>
    !!node?.children && node.children.length > 0 && node.children.every((c) => s.state.hidden.has(pointer + "/" + escapeSegment(c.key))),
  );
  if (path.length === 0) {
    // The root: the sections, or in a guided interview the current step's section only.
    const sections = lookup.model.sections;
    const shown = guided ? properties.filter((p) => p.name === sections[step]?.key) : properties;
    return <div className="bf-sections">{shown.map((p) => p.content)}</div>;
  }
  if (isIndex(path[path.length - 1])) return <div className="bf-row-fields">{properties.map((p) => p.content)}</div>;
  if (!node || allHidden) return null;
  return (
    <Group node={node} pointer={pointer} depth={path.filter((s) => !isIndex(s)).length}>
      {properties.map((p) => p.content)}
    </Group>
  );
}

/** Tables: a group of rows, each a group named "<rowLabel> <n>", and an add button after them. */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { fieldPathId, items, canAdd, onAddClick, disabled, readonly } = props;
  const ctx = useBlankett();
  const path = fieldPathId.path;
  const pointer = pointerOf(path);
  const node = ctx.lookup.nodeAt(path);
  const id = fieldId(pointer);
  const count = items.length;
  useEffect(() => {
    const target = ctx.takeFocus(pointer);
    if (target === undefined) return;
    const el =
      target === "add"
        ? document.getElementById(id + "-add")
        : document.getElementById(fieldId(pointer + "/" + target) + "-row")?.querySelector<HTMLElement>("input, select, textarea");
    (el ?? document.getElementById(id + "-add"))?.focus();
  }, [count, ctx, pointer, id]);
  if (!node) return null;
  const word = (node.rowLabel ?? "Rad").toLowerCase();
  const rows = (
    <>
      {items}
      {canAdd && !disabled && !readonly && (
        <button
          type="button"
          className="bf-add"
          id={id + "-add"}
          onClick={(e) => {
            ctx.requestFocus(pointer, count);
            onAddClick(e);
          }}
        >
          Lägg till {word}
        </button>
      )}
    </>
  );
  return (
    <Group node={node} pointer={pointer} depth={path.filter((s) => !isIndex(s)).length}>
      <div className="bf-table">{rows}</div>
    </Group>
  );
}

export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, index, buttonsProps } = props;
  const ctx = useBlankett();
  const itemPath = buttonsProps.fieldPathId.path;
  const tablePath = itemPath.slice(0, -1);
  const tablePointer = pointerOf(tablePath);
  const node = ctx.lookup.nodeAt(tablePath);
  const rowLabel = node?.rowLabel ?? "Rad";
  const n = index + 1;
  return (
    <fieldset className="bf-row" id={fieldId(pointerOf(itemPath)) + "-row"} data-row={index}>
      <legend className="bf-legend">
        {rowLabel} {n}
      </legend>
      {children}
      {buttonsProps.hasRemove && !buttonsProps.readonly && !buttonsProps.disabled && (
        <button
          type="button"
          className="bf-remove"
          onClick={(e) => {
            ctx.requestFocus(tablePointer, "add");
            ctx.store.rowRemoved(tablePointer, index);
            buttonsProps.onRemoveItem(e);
          }}
        >
          Ta bort {rowLabel.toLowerCase()} {n}
        </button>
      )}
    </fieldset>
  );
}

function Nothing(): null {
  return null;
}

export const templates: Partial<TemplatesType> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  // Errors are the engine's, drawn by the field templates and the form's own summary.
  ErrorListTemplate: Nothing,
  FieldErrorTemplate: Nothing,
  FieldHelpTemplate: Nothing,
  DescriptionFieldTemplate: Nothing,
  TitleFieldTemplate: Nothing,
};
