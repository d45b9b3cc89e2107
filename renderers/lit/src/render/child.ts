import { html, type TemplateResult } from "lit";
import type { ChildView } from "@blankett/engine";

/**
 * The child's log: plain text from buildChildView, as headings, paragraphs, lists and tables.
 * The version (for the child and guardians, or for staff) is named under the title, on screen
 * and on paper; each table sits in a focusable, named box that scrolls sideways on its own.
 */
export function renderChildView(view: ChildView): TemplateResult {
  return html`<article class="child-log" part="child-log" data-audience=${view.audience}>
    <h1 part="title">${view.title}</h1>
    <p class="child-audience" part="audience">${view.audienceLabel}</p>
    ${view.blocks.map((block) => {
      if (block.kind === "text") {
        return html`${block.heading ? html`<h2>${block.heading}</h2>` : ""}<p>${block.text}</p>`;
      }
      if (block.kind === "fields") {
        return html`<section>
          <h2>${block.heading}</h2>
          <dl>
            ${block.items.map((item) => html`<div><dt>${item.label}</dt><dd>${item.value}</dd></div>`)}
          </dl>
        </section>`;
      }
      return html`<section>
        <h2>${block.heading}</h2>
        <div class="child-scroll" part="child-table-scroll" role="region" aria-label=${`Tabell: ${block.heading}`} tabindex="0">
          <table role="table">
            <thead role="rowgroup">
              <tr role="row">
                ${block.columns.map((c) => html`<th scope="col" role="columnheader">${c}</th>`)}
              </tr>
            </thead>
            <tbody role="rowgroup">
              ${block.rows.map((row) => html`<tr role="row">${row.map((cell, k) => html`<td role="cell" data-label=${block.columns[k] ?? ""}>${cell}</td>`)}</tr>`)}
            </tbody>
          </table>
        </div>
      </section>`;
    })}
  </article>`;
}
