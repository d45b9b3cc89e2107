import { html, type TemplateResult } from "lit";
import type { ChildView } from "@blankett/engine";

/** The child's log: plain text from buildChildView, as headings, paragraphs, lists and tables. */
export function renderChildView(view: ChildView): TemplateResult {
  return html`<article class="child-log" part="child-log">
    <h1 part="title">${view.title}</h1>
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
        <table>
          <thead>
            <tr>
              ${block.columns.map((c) => html`<th scope="col">${c}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${block.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}
          </tbody>
        </table>
      </section>`;
    })}
  </article>`;
}
