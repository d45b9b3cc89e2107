// rjsf's SchemaField module, not @rjsf/core's index (see EngineForm.tsx for why).
import RjsfSchemaField from "@rjsf/core/lib/components/fields/SchemaField.js";
import { deepEquals, optionsList, type FieldProps, type RegistryFieldsType, type RJSFSchema, type UiSchema, type WidgetProps } from "@rjsf/utils";
import { memo, useCallback, type ComponentType } from "react";
import { pointerOf, type FormNode } from "@blankett/engine";
import { useBlankett } from "./context.ts";
import { useStore } from "./store.ts";
import { NumberField } from "./numberField.tsx";
import { ScalarField } from "./templates.tsx";

/**
 * rjsf's SchemaField with a short way to a question. For every field rjsf resolves the schema,
 * picks a field component (StringField, NumberField, BooleanField, ArrayField), works out the
 * widget and its options, and builds help, description and error elements our templates never
 * draw, and only then reaches our template and widget (rjsf was ~15 % of the React page's sampled
 * first-render profile on FIA, ~5 % after; BENCHMARKS.md). Here a question the engine hides, or
 * that is not a question (the document's meta block), costs one lookup and draws nothing, and a
 * shown question goes straight to our field template and widget with the props our widgets read
 * (value, options as rjsf's optionsList makes them, disabled, readonly, onChange/onBlur/onFocus).
 * Groups, tables, rows, number boxes (rjsf's NumberField turns the typed text into a number) and
 * anything else unusual still go through rjsf's own SchemaField.
 */

/** rjsf's SchemaField is `memo(SchemaFieldRender, deepEquals)`: its inner component, so one memo compares, not two. */
const RjsfSchemaFieldRender: ComponentType<FieldProps> = (RjsfSchemaField as unknown as { type?: ComponentType<FieldProps> }).type ?? (RjsfSchemaField as ComponentType<FieldProps>);

const isIndex = (s: string | number | undefined) => typeof s === "number";

/** The options rjsf's StringField and ArrayField would give the widget, once per schema object (the schema is static per form). */
const optionsCache = new WeakMap<object, ReturnType<typeof optionsList>>();
function optionsOf(schema: RJSFSchema, uiSchema: UiSchema | undefined): ReturnType<typeof optionsList> {
  let hit = optionsCache.get(schema);
  if (!hit) optionsCache.set(schema, (hit = optionsList(schema, uiSchema)));
  return hit;
}

/** Which schemas take the short way: the value goes to the widget as it is, as rjsf's own fields would pass it. */
function shortWay(node: FormNode, schema: RJSFSchema, uiSchema: UiSchema | undefined): { options: ReturnType<typeof optionsList> } | null {
  const type = schema.type;
  switch (node.widget) {
    case "text":
    case "textarea":
    case "date":
      return type === "string" && !("oneOf" in schema || "enum" in schema || "anyOf" in schema) ? { options: undefined } : null;
    case "radio":
    case "select":
      return (type === "string" || type === "integer") && (Array.isArray(schema.oneOf) || Array.isArray(schema.enum)) ? { options: optionsOf(schema, uiSchema) } : null;
    case "checkbox":
      return type === "boolean" && !("oneOf" in schema || "enum" in schema) ? { options: undefined } : null;
    case "checkboxes":
    case "ranking": {
      const items = schema.items;
      return type === "array" && items && typeof items === "object" && !Array.isArray(items) ? { options: optionsOf(items as RJSFSchema, uiSchema?.items as UiSchema | undefined) } : null;
    }
    default:
      return null;
  }
}

function SchemaFieldShort(props: FieldProps) {
  const { fieldPathId, schema, uiSchema, registry } = props;
  const { store, lookup } = useBlankett();
  const path = fieldPathId.path;
  const node = lookup.nodeAt(path);
  const pointer = pointerOf(path);
  const hidden = useStore(store, (s) => s.state.hidden.has(pointer));
  const onChange = props.onChange;
  const onWidgetChange = useCallback((value: unknown) => onChange(value, path, undefined, fieldPathId.$id), [onChange, path, fieldPathId]);
  // The root and the rows of object tables: rjsf's own (our object and array templates draw them).
  if (path.length === 0 || (!node && isIndex(path[path.length - 1]))) return <RjsfSchemaFieldRender {...props} />;
  // Not a question (the document's meta block), hidden by a hint, or hidden by a condition now.
  if (!node || hidden || node.widget === "hidden") return null;
  const way = node.kind === "scalar" ? shortWay(node, schema, uiSchema) : null;
  const widgetName = uiSchema?.["ui:widget"];
  const Widget = typeof widgetName === "string" ? (registry.widgets[widgetName] as ComponentType<WidgetProps> | undefined) : undefined;
  if (!way || !Widget) return <RjsfSchemaFieldRender {...props} />;
  const readonly = Boolean(props.readonly || schema.readOnly);
  return (
    <ScalarField node={node} pointer={pointer}>
      <Widget
        id={fieldPathId.$id}
        htmlName={fieldPathId.name}
        name={props.name}
        schema={schema}
        uiSchema={uiSchema}
        value={props.formData}
        required={props.required}
        disabled={Boolean(props.disabled)}
        readonly={readonly}
        autofocus={Boolean(props.autofocus)}
        hideError={props.hideError}
        hideLabel
        label={node.label}
        placeholder=""
        rawErrors={props.rawErrors}
        options={{ enumOptions: way.options }}
        registry={registry}
        onChange={onWidgetChange}
        onBlur={props.onBlur}
        onFocus={props.onFocus}
      />
    </ScalarField>
  );
}

/** Compared as rjsf compares its SchemaField's props (deeply, functions equal), so a keystroke redraws one field. */
export const SchemaField = memo(SchemaFieldShort, deepEquals);

export const fields: RegistryFieldsType = { SchemaField: SchemaField as unknown as RegistryFieldsType["SchemaField"], NumberField };
