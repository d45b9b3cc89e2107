/* Generated from schemas/hints.meta.json ($defs/ui) by `npm run types`. Do not edit. */

/**
 * A JSON Logic expression: an object with exactly one operator key, or a literal.
 */
export type Condition = {} | (string | number | boolean | null | unknown[]);

export interface UiHints {
  order?: string[];
  step?: boolean;
  widget?:
    | "text"
    | "textarea"
    | "radio"
    | "select"
    | "checkboxes"
    | "ranking"
    | "checkbox"
    | "date"
    | "number"
    | "table"
    | "hidden";
  help?: string;
  placeholder?: string;
  visibleWhen?: Condition;
  /**
   * @minItems 1
   */
  columns?: [string, ...string[]];
  rowLabel?: string;
  childText?: string;
  childView?: "include" | "exclude";
  audience?: "professional" | "client" | "child";
  readonly?: boolean;
  rows?: number;
  unit?: string;
  messages?: {
    [k: string]: string | undefined;
  };
  /**
   * Root only: the title of the child-facing view; {a.b} is replaced by the answer at that path.
   */
  childTitle?: string;
}
