import type { ShownError } from "@blankett/engine";

/** An answer document: `meta` ({ schema: "name@version", status, ... }) and the sections. */
export type AnswerDocument = Record<string, unknown>;

/**
 * Documents leaving the element (events, the page form's value) are normalized by the engine
 * (normalizeDocument: unanswered questions absent, not empty), so the React and Lit renderers
 * send the same document for the same answers; `meta.status` is "complete" when valid.
 */

/** `blankett-change`: after every edit. `valid` is true when the document has no errors. */
export interface BlankettChangeDetail {
  value: AnswerDocument;
  valid: boolean;
}

/** `blankett-submit`: "Skicka" was pressed and the document is valid; `meta.status` is "complete". */
export interface BlankettSubmitDetail {
  value: AnswerDocument;
}

/**
 * `blankett-validity`: whenever the set of errors changes (and once after the first render).
 * `errors` holds every error, shown or not yet shown, in form order. The element's read-only
 * `validityDetail` returns the same detail at any time, for a page script that attached its
 * listener after the first event.
 */
export interface BlankettValidityDetail {
  valid: boolean;
  errorCount: number;
  errors: ShownError[];
}

export interface BlankettEventMap {
  "blankett-change": CustomEvent<BlankettChangeDetail>;
  "blankett-submit": CustomEvent<BlankettSubmitDetail>;
  "blankett-validity": CustomEvent<BlankettValidityDetail>;
}

/** Events bubble and cross the shadow boundary, so a page can listen on any ancestor. */
export function emit<K extends keyof BlankettEventMap>(
  target: EventTarget,
  type: K,
  detail: BlankettEventMap[K]["detail"],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
