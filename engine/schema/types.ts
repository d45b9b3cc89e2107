/** A JSON Schema as parsed JSON. The engine reads schemas as data and never executes them. */
export type JsonSchema = { [keyword: string]: unknown };

export interface UiHints {
  order?: string[];
  step?: boolean;
  widget?: "text" | "textarea" | "radio" | "select" | "checkboxes" | "ranking" | "checkbox" | "date" | "number" | "table" | "hidden";
  help?: string;
  placeholder?: string;
  visibleWhen?: unknown;
  columns?: string[];
  rowLabel?: string;
  childText?: string;
  childTitle?: string;
  childView?: "include" | "exclude";
  audience?: "professional" | "client" | "child";
  readonly?: boolean;
  rows?: number;
  unit?: string;
  messages?: Record<string, string>;
}

export interface InstrumentInfo {
  name: string;
  version: string;
  title: string;
  kind?: string;
}

export interface ChoiceOption {
  code: string;
  label: string;
  ui?: UiHints;
}

export function isSchemaObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
