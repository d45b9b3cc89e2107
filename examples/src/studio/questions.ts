import { deref, isSchemaObject, uiOf, type JsonSchema } from "@blankett/engine";
import { kindOf, orderedItems, type VariantDraft } from "./operations.ts";

/** Two answers (or codes) are the same JSON value. */
export const sameAnswer = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** One option as the studio shows it: the code exactly as in the schema, and its label. */
export interface Choice {
  code: unknown;
  label: string;
}

/** A question (or group) the studio can point at: national ones by answer path, local ones as lokalt.<key>. */
export interface Question {
  path: string;
  label: string;
  /** Titles of the groups around it, outermost first (the same label occurs in many FIA areas). */
  trail: string[];
  kind: "text" | "number" | "date" | "yesno" | "single" | "multiple" | "table" | "group" | "other";
  options?: Choice[];
  required: boolean;
  help?: string;
  local: boolean;
}

function choices(root: JsonSchema, schema: JsonSchema): Choice[] | undefined {
  const s = deref(root, schema);
  if (Array.isArray(s.oneOf) && s.oneOf.length > 0 && s.oneOf.every((b) => isSchemaObject(b) && "const" in b)) {
    return (s.oneOf as JsonSchema[]).map((b) => ({ code: b.const, label: typeof b.title === "string" ? b.title : String(b.const) }));
  }
  if (Array.isArray(s.enum)) return s.enum.map((v) => ({ code: v, label: String(v) }));
  if (s.type === "boolean") return [{ code: true, label: "Ja" }, { code: false, label: "Nej" }];
  return undefined;
}

function kindOfSchema(root: JsonSchema, s: JsonSchema): Question["kind"] {
  if (isSchemaObject(s.properties)) return "group";
  if (s.type === "array") {
    const items = isSchemaObject(s.items) ? deref(root, s.items) : undefined;
    if (items && isSchemaObject(items.properties)) return "table";
    return items && choices(root, items) ? "multiple" : "other";
  }
  if (s.type === "boolean") return "yesno";
  if (choices(root, s)) return "single";
  if (s.type === "number" || s.type === "integer") return "number";
  if (s.type === "string" && s.format === "date") return "date";
  if (s.type === "string") return "text";
  return "other";
}

function orderedKeys(s: JsonSchema): string[] {
  const props = isSchemaObject(s.properties) ? Object.keys(s.properties) : [];
  const order = uiOf(s).order ?? [];
  return [...order.filter((k) => props.includes(k)), ...props.filter((k) => !order.includes(k))];
}

/** Every question and group of a national version in form order (meta and table rows left out). */
const catalogues = new WeakMap<JsonSchema, Question[]>();

export function nationalQuestions(base: JsonSchema): Question[] {
  const known = catalogues.get(base);
  if (known) return known;
  const out: Question[] = [];
  catalogues.set(base, out);
  const visit = (node: JsonSchema, path: string[], trail: string[]) => {
    const s = deref(base, node);
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    const props = s.properties as Record<string, JsonSchema>;
    for (const key of orderedKeys(s)) {
      if (path.length === 0 && key === "meta") continue;
      const child = deref(base, props[key]!);
      const here = [...path, key];
      const label = typeof child.title === "string" ? child.title : key;
      const kind = kindOfSchema(base, child);
      const items = isSchemaObject(child.items) ? deref(base, child.items) : undefined;
      const options = kind === "multiple" && items ? choices(base, items) : kind === "single" || kind === "yesno" ? choices(base, child) : undefined;
      const help = uiOf(child).help;
      out.push({ path: here.join("."), label, trail, kind, required: required.has(key), local: false, ...(options ? { options } : {}), ...(help ? { help } : {}) });
      if (kind === "group") visit(child, here, [...trail, label]);
    }
  };
  visit(base, [], []);
  return out;
}

/** The variant's local questions, in the order the form shows them. */
export function localQuestions(draft: VariantDraft): Question[] {
  return orderedItems(draft).map((item) => {
    const s = item.schema;
    const kind = kindOf(s) ?? "other";
    const holder = s.type === "array" ? (s.items as JsonSchema | undefined) : s;
    const options =
      kind === "yesno"
        ? [{ code: true, label: "Ja" }, { code: false, label: "Nej" }]
        : Array.isArray(holder?.oneOf)
          ? (holder.oneOf as JsonSchema[]).map((o) => ({ code: o.const, label: String(o.title ?? o.const) }))
          : undefined;
    const label = typeof s.title === "string" && s.title.trim() ? s.title : "(fråga utan text)";
    return { path: `lokalt.${item.key}`, label, trail: ["Lokala frågor"], kind, required: !!item.required, local: true, ...(options ? { options } : {}) };
  });
}

/** How a question is named in lists: its groups, then its label. */
export function fullLabel(q: Question): string {
  return [...q.trail, q.label].join(" › ");
}
