/**
 * The renderer's stylesheet: plain layout, visible focus, colours with at least 4.5:1 contrast.
 * Hosts theme it through the `--bf-*` custom properties or replace it (`styles={false}`).
 */
export const blankettCss = `
.bf-root { --bf-accent: #004b87; --bf-error: #a4001d; --bf-border: #767676; --bf-muted: #3d3d3d; --bf-bg-soft: #f3f5f7;
  font: inherit; color: inherit; max-width: 52rem; }
.bf-root *:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; box-shadow: 0 0 0 5px #0b0c0c; }
.bf-section { margin: 0 0 1.5rem; }
.bf-section-title { font-size: 1.35rem; margin: 1rem 0 .5rem; }
.bf-group, .bf-row, .bf-choice { border: 1px solid var(--bf-border); border-radius: 4px; margin: 0 0 1rem; padding: .5rem 1rem .75rem; min-width: 0; }
.bf-choice { border: 0; padding: 0; }
.bf-legend, .bf-choice > legend { font-weight: 600; padding: 0 .25rem; }
.bf-choice > legend { padding: 0; margin-bottom: .25rem; }
.bf-field { margin: 0 0 1rem; }
.bf-label { display: block; font-weight: 600; }
.bf-single-check .bf-label, .bf-option label { display: inline; font-weight: normal; }
.bf-single-check .bf-label { font-weight: 600; }
.bf-required { color: var(--bf-error); }
.bf-help { color: var(--bf-muted); font-size: .95em; margin: .1rem 0 .35rem; }
.bf-error { color: var(--bf-error); font-weight: 600; margin: .25rem 0 0; }
.bf-invalid > .bf-control .bf-input, .bf-invalid .bf-select { border-color: var(--bf-error); border-width: 2px; }
.bf-control { display: flex; gap: .5rem; align-items: center; }
.bf-unit { color: var(--bf-muted); }
.bf-input, .bf-select { font: inherit; padding: .35rem .4rem; border: 1px solid var(--bf-border); border-radius: 3px; min-width: 16rem; max-width: 100%; box-sizing: border-box; }
.bf-number { min-width: 6rem; width: 8rem; }
.bf-date { min-width: 10rem; }
.bf-textarea { width: 100%; }
.bf-options { display: flex; flex-direction: column; gap: .2rem; }
.bf-option { display: flex; gap: .5rem; align-items: baseline; }
.bf-option input { width: 1.1rem; height: 1.1rem; margin: 0; }
.bf-table { display: flex; flex-direction: column; gap: .5rem; }
.bf-row { background: var(--bf-bg-soft); }
.bf-row-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); column-gap: 1rem; }
.bf-row-fields > .bf-field:has(textarea), .bf-row-fields > .bf-group, .bf-row-fields > .bf-choice, .bf-row-fields > fieldset { grid-column: 1 / -1; }
.bf-add, .bf-remove, .bf-nav button, .bf-submit, .bf-print-action button { font: inherit; padding: .4rem 1rem; border-radius: 4px; cursor: pointer; }
.bf-add, .bf-remove, .bf-nav .bf-prev { background: #fff; color: var(--bf-accent); border: 2px solid var(--bf-accent); align-self: flex-start; }
.bf-small { font: inherit; padding: .15rem .6rem; border-radius: 4px; cursor: pointer; background: #fff; color: var(--bf-accent); border: 2px solid var(--bf-accent); }
.bf-small:disabled { cursor: not-allowed; color: var(--bf-muted); border-color: var(--bf-border); }
.bf-visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.bf-ranking-caption, .bf-ranking-add-title { margin: .25rem 0; }
.bf-ranking-list { margin: 0 0 .5rem; padding-left: 1.75rem; display: flex; flex-direction: column; gap: .4rem; }
.bf-ranking-list li::marker { font-weight: 600; }
.bf-ranking-row { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1rem; }
.bf-ranking-label { font-weight: 600; min-width: 12rem; }
.bf-ranking-buttons { display: flex; gap: .4rem; }
.bf-ranking-add { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.bf-submit, .bf-nav .bf-next { background: var(--bf-accent); color: #fff; border: 2px solid var(--bf-accent); }
.bf-summary { border: 3px solid var(--bf-error); padding: .75rem 1rem; margin: 0 0 1.5rem; border-radius: 4px; }
.bf-summary-title { font-size: 1.2rem; margin: 0 0 .5rem; }
.bf-summary a { color: var(--bf-error); font-weight: 600; }
.bf-notice { border-left: 5px solid var(--bf-accent); background: var(--bf-bg-soft); padding: .5rem 1rem; margin: 0 0 1rem; }
.bf-notice p { margin: 0; }
.bf-notice p + button { margin-top: .5rem; }
.bf-progress { margin: 0 0 1rem; }
.bf-progress progress { width: 100%; height: .75rem; }
.bf-nav { display: flex; gap: 1rem; margin: 1rem 0; }
.bf-results { margin-top: 2rem; border-top: 1px solid var(--bf-border); }
.bf-result { display: flex; gap: .5rem; flex-wrap: wrap; }
.bf-result dt { font-weight: 600; }
.bf-result dt::after { content: ":"; }
.bf-result dd { margin: 0; }
.bf-warnings li { margin-bottom: .25rem; }
.bf-table-scroll { overflow-x: auto; }
.bf-profile, .bf-judgement, .bf-child-log table { border-collapse: collapse; margin: .5rem 0 1rem; }
.bf-profile caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
.bf-profile th, .bf-profile td, .bf-judgement th, .bf-judgement td, .bf-child-log th, .bf-child-log td { border: 1px solid var(--bf-border); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.bf-mismatch-text { color: var(--bf-error); margin: .25rem 0 0; }
.bf-child-log { max-width: 48rem; }
.bf-child-log dl > div { display: flex; gap: .5rem; }
.bf-child-log dt { font-weight: 600; }
.bf-child-log dt::after { content: ":"; }
.bf-child-log dd { margin: 0; }
.bf-child-log { min-width: 0; overflow-wrap: anywhere; }
.bf-child-audience { font-weight: 600; margin: 0 0 1rem; }
.bf-child-scroll { overflow-x: auto; max-width: 100%; }
.bf-child-scroll:focus-visible { outline: 3px solid var(--bf-accent, #004b87); outline-offset: 2px; }
.bf-child-scroll table { min-width: 30rem; }
/* Narrow screens: each row of the child's log (the events among them) as a card, its cells labelled by their column. */
@media (max-width: 40rem) {
  .bf-child-scroll table, .bf-child-scroll tbody, .bf-child-scroll tr, .bf-child-scroll td { display: block; }
  .bf-child-scroll table { min-width: 0; margin: .5rem 0; }
  .bf-child-scroll thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .bf-child-scroll tr { border: 1px solid var(--bf-border); border-radius: 4px; margin: 0 0 .75rem; padding: .5rem .75rem; }
  .bf-child-log .bf-child-scroll td { border: 0; padding: .15rem 0; }
  .bf-child-scroll td::before { content: attr(data-label) ": "; font-weight: 600; }
  .bf-child-scroll td:empty { display: none; }
}
@media print {
  body * { visibility: hidden; }
  .bf-child-log, .bf-child-log * { visibility: visible; }
  .bf-child-log { position: absolute; left: 0; top: 0; width: 100%; }
  .bf-child-log .bf-print-action { display: none; }
  .bf-child-scroll { overflow: visible; }
  .bf-child-scroll table { min-width: 0; }
}
`;

const adopted = new WeakMap<Document, CSSStyleSheet>();

/**
 * Puts the stylesheet on the page as a constructed stylesheet (`document.adoptedStyleSheets`),
 * once per document, the way Lit styles its shadow roots. A `<style>` element would be refused
 * under a strict Content-Security-Policy (`style-src 'self'` without 'unsafe-inline'); the CSSOM
 * is not. No-op where there is no document (server rendering) or no constructable stylesheets.
 */
export function adoptBlankettStyles(doc: Document | undefined = globalThis.document): void {
  if (!doc || adopted.has(doc) || typeof CSSStyleSheet === "undefined" || !("adoptedStyleSheets" in doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(blankettCss);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  adopted.set(doc, sheet);
}

