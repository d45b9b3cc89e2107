/**
 * Converters for the peer benchmark (bench/peers.ts): the FIA form as JSON Forms (a JSON Schema
 * plus a generated UI schema) and as a SurveyJS survey JSON, the same questions in the same order
 * with the same conditions, all taken from the engine's form model (`buildFormModel`). Run in Node
 * at build time: the pages carry the converted JSON, as a vendor using those libraries would.
 */
import { buildFormModel, type FormNode, type JsonSchema } from "@blankett/engine";

type Json = Record<string, unknown>;
type Logic = unknown;

/** The answer value of an option code (booleans are coded "true"/"false" in the model). */
function valueOf(node: FormNode, code: string): unknown {
  if (node.type === "boolean") return code === "true";
  if (node.type === "integer" || node.type === "number") return Number(code);
  return code;
}

/** The simple JSON Logic shapes FIA's `visibleWhen` uses, as a small tree every converter reads. */
type Cond = { op: "in"; path: string; values: unknown[] } | { op: "eq"; path: string; value: unknown } | { op: "contains"; path: string; value: unknown } | { op: "and"; all: Cond[] };

export function parseCondition(logic: Logic): Cond {
  const l = logic as Record<string, unknown[]>;
  const varOf = (x: unknown) => (x && typeof x === "object" && "var" in x ? String((x as { var: unknown }).var) : undefined);
  if (l.and) return { op: "and", all: l.and.map(parseCondition) };
  const eq = l["=="] ?? l["==="];
  if (eq && varOf(eq[0])) return { op: "eq", path: varOf(eq[0])!, value: eq[1] };
  if (l.in && varOf(l.in[0]) && Array.isArray(l.in[1])) return { op: "in", path: varOf(l.in[0])!, values: l.in[1] };
  if (l.in && varOf(l.in[1])) return { op: "contains", path: varOf(l.in[1])!, value: l.in[0] };
  throw new Error(`visibleWhen not covered by the peer converters: ${JSON.stringify(logic)}`);
}

// ---------------------------------------------------------------------------------------------
// JSON Forms: the answer schema (no $refs, no x- keywords) and a UI schema of groups and controls.

function jfSchema(node: FormNode): Json {
  const title = { title: node.label, ...(node.help ? { description: node.help } : {}) };
  if (node.kind === "group") return { type: "object", ...title, properties: Object.fromEntries(node.children!.map((c) => [c.key, jfSchema(c)])) };
  if (node.kind === "table") {
    const row = node.children!;
    // A list of plain values (one child named "value" with an empty path) stays a list of strings.
    if (row.length === 1 && row[0]!.path.length === 0) return { type: "array", ...title, items: { type: row[0]!.type } };
    return { type: "array", ...title, items: { type: "object", properties: Object.fromEntries(row.map((c) => [c.key, jfSchema(c)])) } };
  }
  if (node.widget === "checkboxes" || node.widget === "ranking") return { type: "array", ...title, uniqueItems: true, items: { type: "string", oneOf: node.options!.map((o) => ({ const: o.code, title: o.label })) } };
  const s: Json = { type: node.type, ...title };
  if (node.options) s.oneOf = node.options.map((o) => ({ const: valueOf(node, o.code), title: o.label }));
  if (node.widget === "date") s.format = "date";
  return s;
}

const scopeOf = (path: string[]) => "#/properties/" + path.join("/properties/");

function jfCondition(c: Cond): Json {
  const scoped = (path: string, schema: Json) => ({ scope: scopeOf(path.split(".")), schema, failWhenUndefined: true });
  switch (c.op) {
    case "and":
      return { type: "AND", conditions: c.all.map(jfCondition) };
    case "in":
      return scoped(c.path, { enum: c.values });
    case "eq":
      return scoped(c.path, { const: c.value });
    case "contains":
      return scoped(c.path, { type: "array", contains: { const: c.value } });
  }
}

function jfUi(node: FormNode): Json {
  const rule = node.visibleWhen === undefined ? {} : { rule: { effect: "SHOW", condition: jfCondition(parseCondition(node.visibleWhen)) } };
  if (node.kind === "group") return { type: "Group", label: node.label, elements: node.children!.map(jfUi), ...rule };
  const options: Json = {};
  if (node.widget === "radio") options.format = "radio";
  if (node.widget === "textarea") options.multi = true;
  return { type: "Control", scope: scopeOf(node.path), label: node.label, ...(Object.keys(options).length ? { options } : {}), ...rule };
}

export function toJsonForms(schema: JsonSchema): { schema: Json; uischema: Json } {
  const { sections } = buildFormModel(schema);
  return {
    schema: { type: "object", properties: Object.fromEntries(sections.map((s) => [s.key, jfSchema(s)])) },
    uischema: { type: "VerticalLayout", elements: sections.map(jfUi) },
  };
}

// ---------------------------------------------------------------------------------------------
// SurveyJS: one page, a panel per section and group, question names are answer paths joined by "_".

const nameOf = (path: string[]) => path.join("_");

function sjLiteral(v: unknown): string {
  return typeof v === "string" ? `'${v}'` : String(v);
}

function sjCondition(c: Cond): string {
  switch (c.op) {
    case "and":
      return c.all.map((x) => `(${sjCondition(x)})`).join(" and ");
    case "in":
      return `{${nameOf(c.path.split("."))}} anyof [${c.values.map(sjLiteral).join(", ")}]`;
    case "eq":
      return `{${nameOf(c.path.split("."))}} = ${sjLiteral(c.value)}`;
    case "contains":
      return `{${nameOf(c.path.split("."))}} contains ${sjLiteral(c.value)}`;
  }
}

function sjElement(node: FormNode): Json {
  const base: Json = { name: nameOf(node.path), title: node.label, ...(node.help ? { description: node.help } : {}), ...(node.visibleWhen === undefined ? {} : { visibleIf: sjCondition(parseCondition(node.visibleWhen)) }) };
  const choices = () => node.options!.map((o) => ({ value: valueOf(node, o.code), text: o.label }));
  if (node.kind === "group") return { type: "panel", ...base, elements: node.children!.map(sjElement) };
  if (node.kind === "table") return { type: "paneldynamic", ...base, panelCount: 0, templateElements: node.children!.map((c) => sjElement({ ...c, path: c.path.length ? c.path : [c.key] })) };
  switch (node.widget) {
    case "radio":
      return { type: "radiogroup", ...base, choices: choices() };
    case "select":
      return { type: "dropdown", ...base, choices: choices() };
    case "checkboxes":
      return { type: "checkbox", ...base, choices: choices() };
    case "ranking":
      return { type: "ranking", ...base, selectToRankEnabled: true, choices: choices() };
    case "textarea":
      return { type: "comment", ...base };
    case "date":
      return { type: "text", inputType: "date", ...base };
    case "number":
      return { type: "text", inputType: "number", ...base };
    default:
      return { type: "text", ...base };
  }
}

export function toSurvey(schema: JsonSchema): Json {
  const { title, sections } = buildFormModel(schema);
  return {
    title,
    showQuestionNumbers: "off",
    // Every keystroke reaches the model, as in the other pages (SurveyJS's default is on blur).
    textUpdateMode: "onTyping",
    pages: [{ name: "fia", elements: sections.map(sjElement) }],
  };
}
