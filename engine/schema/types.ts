import type { UiHints } from "./hints.generated.ts";

/** A JSON Schema as parsed JSON. The engine reads schemas as data and never executes them. */
export type JsonSchema = { [keyword: string]: unknown };

/** The values of `x-ui`, generated from schemas/hints.meta.json (`npm run types` keeps it current). */
export type { UiHints } from "./hints.generated.ts";

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
  /** The option's `x-score`, when it has one. */
  score?: number;
}

export function isSchemaObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
