import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { deref, isSchemaObject, type FormModel, type FormNode, type JsonSchema, type LeafWidget } from "@blankett/engine";
import type { widgets } from "./widgets.tsx";

/**
 * What rjsf gets: the schema with every `$ref` inlined and our annotations left out. rjsf resolves
 * references on every change (measured on FIA: 1.5 ms per change with `$ref`s, 0.04 ms inlined),
 * and the hints reach it through the uiSchema and our templates instead. The engine keeps the
 * original schema; this copy is only for drawing.
 */
const inlinedCache = new WeakMap<JsonSchema, RJSFSchema>();

export function rjsfSchemaOf(root: JsonSchema): RJSFSchema {
  const hit = inlinedCache.get(root);
  if (hit) return hit;
  const inline = (node: unknown, depth: number): unknown => {
    if (depth > 64) throw new Error("Formuläret är nästlat för djupt");
    if (Array.isArray(node)) return node.map((n) => inline(n, depth + 1));
    if (!isSchemaObject(node)) return node;
    const schema = deref(root, node);
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(schema)) {
      if (key === "$defs" || key === "$ref" || key === "$id" || key === "$schema" || key === "description" || key.startsWith("x-")) continue;
      out[key] = key === "const" || key === "enum" || key === "default" || key === "examples" ? value : inline(value, depth + 1);
    }
    // A new row of a plain list of texts starts as an empty text, as in the Lit renderer, so
    // both say "Ange mål" for it rather than that it must be text (rjsf would add undefined).
    if (out.type === "array" && isSchemaObject(out.items) && out.items.type === "string" && out.items.default === undefined && !("enum" in out.items || "oneOf" in out.items || "anyOf" in out.items || "const" in out.items)) {
      out.items = { ...out.items, default: "" };
    }
    return out;
  };
  const result = inline(root, 0) as RJSFSchema;
  markPlain(result);
  inlinedCache.set(root, result);
  return result;
}

/**
 * Parts of a drawing schema with nothing for rjsf to resolve: no reference, condition, `allOf`,
 * dependency or additional properties anywhere inside. rjsf's retrieveSchema copies such a part
 * whole (twice: a reference pass and a check that nothing is left) for every group on every
 * render, and the copy equals the part; EngineForm.tsx hands the part itself back instead.
 */
const plainSchemas = new WeakSet<object>();
const UNPLAIN = ["$ref", "if", "then", "else", "allOf", "dependencies", "dependentSchemas", "dependentRequired", "patternProperties"];

export function isPlainSchema(schema: unknown): boolean {
  return typeof schema === "object" && schema !== null && plainSchemas.has(schema);
}

/** Marks every plain part of an inlined schema (already depth-checked by the inlining). Returns whether `node` is plain. */
function markPlain(node: unknown): boolean {
  if (Array.isArray(node)) return node.map(markPlain).every(Boolean);
  if (!isSchemaObject(node)) return true;
  let plain = !UNPLAIN.some((k) => k in node) && (node.additionalProperties === undefined || node.additionalProperties === false);
  for (const [key, value] of Object.entries(node)) {
    if (key === "const" || key === "enum" || key === "default" || key === "examples") continue;
    if (!markPlain(value)) plain = false;
  }
  if (plain) plainSchemas.add(node);
  return plain;
}

/** Our widget names, registered with rjsf in widgets.tsx: a leaf widget new to the engine fails to compile here until React draws it. */
const WIDGET = {
  text: "BfText",
  textarea: "BfTextarea",
  number: "BfNumber",
  date: "BfDate",
  select: "BfSelect",
  radio: "BfRadio",
  checkbox: "BfCheckbox",
  checkboxes: "BfCheckboxes",
  ranking: "BfRanking",
  hidden: "BfHidden",
} as const satisfies Record<LeafWidget, keyof typeof widgets>;

function uiOfNode(node: FormNode): UiSchema {
  if (node.kind === "group") {
    const out: UiSchema = { "ui:order": [...(node.children ?? []).map((c) => c.key), "*"] };
    for (const child of node.children ?? []) out[child.key] = uiOfNode(child);
    return out;
  }
  if (node.kind === "table") {
    const children = node.children ?? [];
    const only = children[0];
    // A list of plain values: the row is the value itself.
    const items: UiSchema =
      children.length === 1 && only && only.path.length === 0
        ? uiOfNode(only)
        : { "ui:order": [...children.map((c) => c.key), "*"], ...Object.fromEntries(children.map((c) => [c.key, uiOfNode(c)])) };
    return { items, "ui:options": { orderable: false, copyable: false, removable: true } };
  }
  return { "ui:widget": node.widget === "group" || node.widget === "table" ? "BfText" : WIDGET[node.widget] };
}

/** The uiSchema for a form model: static per schema, so rjsf's memoised fields stay memoised. */
export function uiSchemaOf(model: FormModel): UiSchema {
  const out: UiSchema = {
    "ui:order": ["meta", ...model.sections.map((s) => s.key), "*"],
    "ui:submitButtonOptions": { norender: true },
  };
  for (const section of model.sections) out[section.key] = uiOfNode(section);
  return out;
}
