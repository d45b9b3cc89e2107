import { choiceOptions, deref, labelOf, uiOf } from "../schema/walk.ts";
import { joinPointer } from "../schema/pointer.ts";
import { checkSchemaDepth, mergedPointers } from "../schema/traverse.ts";
import { refOf, instrumentOf } from "../schema/registry.ts";
import { pointerOf } from "./paths.ts";
import { isSchemaObject, type ChoiceOption, type JsonSchema, type UiHints } from "../schema/types.ts";

/**
 * The renderer-neutral form model: everything both renderers need to draw a form, derived once
 * from a schema and its hints. Renderers decide how things look, never what is asked, in which
 * order, what is required or when a question is shown — that comes from here.
 */
export type Widget = NonNullable<UiHints["widget"]> | "group";

/**
 * Every widget a leaf question can have. Both renderers map it with `satisfies Record<LeafWidget,
 * …>`, so a widget added to schemas/hints.meta.json fails to compile until both draw it.
 */
export type LeafWidget = Exclude<Widget, "group" | "table">;

export interface FormNode {
  /** Property name. */
  key: string;
  /** Answer path from the document root; inside table rows, from the row (see `inRow`). */
  path: string[];
  kind: "scalar" | "group" | "table";
  widget: Widget;
  /** JSON type of the answer: "string", "integer", "number", "boolean", "array", "object". */
  type: string;
  label: string;
  help?: string;
  placeholder?: string;
  unit?: string;
  rows?: number;
  readonly: boolean;
  required: boolean;
  /** Single choice: the options. Multiple choice (`widget: "checkboxes"` or `"ranking"`): the options of each item. */
  options?: ChoiceOption[];
  min?: number;
  max?: number;
  maxLength?: number;
  /** JSON Logic condition; see `inRow` for how its `row.` paths resolve. */
  visibleWhen?: unknown;
  /** True for fields inside a table row: `path` is relative to the row. */
  inRow: boolean;
  /** group: the fields in order; table: the fields of one row. */
  children?: FormNode[];
  /** table: row keys shown as columns (the others go in the row's detail). */
  columns?: string[];
  rowLabel?: string;
  maxItems?: number;
  minItems?: number;
  childText?: string;
  childView?: "include" | "exclude";
  audience?: UiHints["audience"];
  /**
   * A section of a guided interview (`x-ui.step`). Named `isStep`, not `step`, so it is never
   * mistaken for (or spread into) an input's HTML `step` attribute.
   */
  isStep: boolean;
}

export interface FormModel {
  ref: string;
  title: string;
  /** Top-level sections in order; the document's `meta` block is not a question and is left out. */
  sections: FormNode[];
  /** The form is a guided interview: one step per section. */
  guided: boolean;
}

function orderedKeys(schema: JsonSchema): string[] {
  const props = isSchemaObject(schema.properties) ? Object.keys(schema.properties) : [];
  const order = uiOf(schema).order ?? [];
  return [...order.filter((k) => props.includes(k)), ...props.filter((k) => !order.includes(k))];
}

function scalarWidget(schema: JsonSchema, options: ChoiceOption[] | undefined): Widget {
  if (options) return options.length <= 5 ? "radio" : "select";
  if (schema.type === "boolean") return "checkbox";
  if (schema.type === "integer" || schema.type === "number") return "number";
  if (schema.format === "date") return "date";
  if (typeof schema.maxLength === "number" && schema.maxLength > 300) return "textarea";
  return "text";
}

/** Where a keyword of `raw` (with its `$ref` merged in) stands in the schema document. */
function pointersOf(root: JsonSchema, raw: JsonSchema, pointer: string): (keyword: string) => string {
  return typeof raw.$ref === "string" ? mergedPointers(root, raw, pointer) : () => pointer;
}

/**
 * One question or group, and (recursively) what is inside it. `pointer` is where `raw` stands in
 * the schema and `depth` its subschema steps from the root, bounded by the one schema depth limit
 * (SCHEMA_LIMITS.maxDepth).
 */
function buildNode(root: JsonSchema, raw: JsonSchema, key: string, path: string[], required: boolean, inRow: boolean, pointer: string, depth: number): FormNode {
  checkSchemaDepth(depth, pointer);
  const schema = deref(root, raw);
  const at = pointersOf(root, raw, pointer);
  const ui = uiOf(schema);
  const type = Array.isArray(schema.type) ? String(schema.type[0]) : String(schema.type ?? (schema.properties ? "object" : "string"));
  const base = {
    key,
    path,
    type,
    label: labelOf(schema, key),
    readonly: ui.readonly === true,
    required,
    inRow,
    isStep: ui.step === true,
    ...(ui.help ? { help: ui.help } : {}),
    ...(ui.placeholder ? { placeholder: ui.placeholder } : {}),
    ...(ui.unit ? { unit: ui.unit } : {}),
    ...(ui.rows ? { rows: ui.rows } : {}),
    ...(ui.visibleWhen !== undefined ? { visibleWhen: ui.visibleWhen } : {}),
    ...(ui.childText ? { childText: ui.childText } : {}),
    ...(ui.childView ? { childView: ui.childView } : {}),
    ...(ui.audience ? { audience: ui.audience } : {}),
  };
  if (type === "object" && isSchemaObject(schema.properties)) {
    const req = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const props = schema.properties;
    const children = orderedKeys(schema).map((k) => buildNode(root, props[k] as JsonSchema, k, [...path, k], req.has(k), inRow, joinPointer(at("properties"), "properties", k), depth + 1));
    return { ...base, kind: "group", widget: "group", children };
  }
  if (type === "array" && isSchemaObject(schema.items)) {
    const itemsPointer = joinPointer(at("items"), "items");
    const items = deref(root, schema.items);
    const itemOptions = choiceOptions(root, items);
    const limits = {
      ...(typeof schema.maxItems === "number" ? { maxItems: schema.maxItems } : {}),
      ...(typeof schema.minItems === "number" ? { minItems: schema.minItems } : {}),
    };
    // A list of options: ticked in any order, or ranked when the order is the answer.
    if (itemOptions) return { ...base, ...limits, kind: "scalar", widget: ui.widget === "ranking" ? "ranking" : "checkboxes", options: itemOptions };
    if (items.type === "object" || isSchemaObject(items.properties)) {
      const req = new Set(Array.isArray(items.required) ? (items.required as string[]) : []);
      const props = isSchemaObject(items.properties) ? items.properties : {};
      const rowAt = pointersOf(root, schema.items, itemsPointer);
      const children = orderedKeys(items).map((k) => buildNode(root, props[k] as JsonSchema, k, [k], req.has(k), true, joinPointer(rowAt("properties"), "properties", k), depth + 2));
      return {
        ...base,
        ...limits,
        kind: "table",
        widget: "table",
        children,
        columns: ui.columns ?? children.filter((c) => c.kind === "scalar").slice(0, 4).map((c) => c.key),
        rowLabel: ui.rowLabel ?? "Rad",
      };
    }
    // A list of plain values (e.g. goal texts): one row per value.
    const child = buildNode(root, schema.items, "value", [], true, true, itemsPointer, depth + 1);
    return { ...base, ...limits, kind: "table", widget: "table", children: [child], columns: ["value"], rowLabel: ui.rowLabel ?? "Rad" };
  }
  const options = choiceOptions(root, schema);
  return {
    ...base,
    kind: "scalar",
    widget: ui.widget && ui.widget !== "table" ? ui.widget : scalarWidget(schema, options),
    ...(options ? { options } : {}),
    ...(typeof schema.minimum === "number" ? { min: schema.minimum } : {}),
    ...(typeof schema.maximum === "number" ? { max: schema.maximum } : {}),
    ...(typeof schema.maxLength === "number" ? { maxLength: schema.maxLength } : {}),
  };
}

const pointers = new WeakMap<FormNode, string>();

/**
 * The JSON Pointer of a node's `path`, computed once per node: absolute outside table rows,
 * relative to the row inside one (append it to the row's pointer). Every engine pass and every
 * render asks for it per question, so it is not escaped anew each time.
 */
export function nodePointer(node: FormNode): string {
  let pointer = pointers.get(node);
  if (pointer === undefined) {
    pointer = pointerOf(node.path);
    pointers.set(node, pointer);
  }
  return pointer;
}

const cache = new WeakMap<JsonSchema, FormModel>();

export function buildFormModel(schema: JsonSchema): FormModel {
  const hit = cache.get(schema);
  if (hit) return hit;
  const root = deref(schema, schema);
  const at = pointersOf(schema, schema, "");
  const req = new Set(Array.isArray(root.required) ? (root.required as string[]) : []);
  const props = isSchemaObject(root.properties) ? root.properties : {};
  const sections = orderedKeys(root)
    .filter((k) => k !== "meta")
    .map((k) => buildNode(schema, props[k] as JsonSchema, k, [k], req.has(k), false, joinPointer(at("properties"), "properties", k), 1));
  const model: FormModel = {
    ref: refOf(schema),
    title: typeof schema.title === "string" ? schema.title : instrumentOf(schema).title,
    sections,
    guided: sections.some((s) => s.isStep),
  };
  cache.set(schema, model);
  return model;
}
