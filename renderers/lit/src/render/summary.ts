import { html, nothing, type TemplateResult } from "lit";
import type { ShownError } from "@blankett/engine";

export interface SummaryLink {
  error: ShownError;
  /** DOM id of the control the link leads to; undefined when the error has no field on the form. */
  target: string | undefined;
}

/**
 * The error summary after a failed submit: an alert with a heading and one link per error.
 * Fragment links cannot reach into a shadow root, so activation is handled by `onFollow`,
 * which focuses the field (switching steps first in a guided interview).
 */
export function renderErrorSummary(links: SummaryLink[], onFollow: (e: Event, link: SummaryLink) => void): TemplateResult | typeof nothing {
  if (!links.length) return nothing;
  return html`<div class="error-summary" part="summary" role="alert" aria-labelledby="blankett-error-summary-title" id="blankett-error-summary">
    <h2 part="summary-heading" id="blankett-error-summary-title">Det här behöver rättas</h2>
    <ul>
      ${links.map(
        (link) =>
          html`<li><a href="#${link.target ?? "blankett-error-summary"}" part="summary-link" @click=${(e: Event) => onFollow(e, link)}>${link.error.message}</a></li>`,
      )}
    </ul>
  </div>`;
}
