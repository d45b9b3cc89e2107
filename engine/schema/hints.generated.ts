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
  /**
   * On a field shown as a column of a table (x-ui.columns): the child's log shows, in the same cell after this field's text, the texts of the named field of the same row (for instance a row's other events), as one list in plain Swedish ('A och b'). The named field must be a field of the row.
   */
  childWith?: string;
  /**
   * On a readonly field: the id of a value rule (x-rules, kind 'value') whose result the form writes into the field whenever the rules are evaluated; a null result removes the answer. The field must be readonly, and the rule must exist and be a value rule.
   */
  computedFrom?: string;
}
