import { css } from "lit";

/**
 * Styles are adopted as constructable stylesheets (Lit's `static styles`), which a strict CSP
 * (style-src 'self', no 'unsafe-inline') allows; no template sets a style attribute.
 * Everything a page may want to change is a custom property or a part (see the element's docs).
 */
export const formStyles = css`
  :host {
    display: block;
    font-family: var(--blankett-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    font-size: var(--blankett-font-size, 1rem);
    line-height: 1.5;
    color: var(--blankett-color, #1b1b1b);
    background: var(--blankett-background, transparent);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 var(--blankett-gap, 1rem);
  }
  form {
    display: grid;
    gap: var(--blankett-gap, 1rem);
  }
  fieldset {
    margin: 0;
    min-width: 0;
    border: 1px solid var(--blankett-border, #8a8a8a);
    border-radius: var(--blankett-radius, 4px);
    padding: var(--blankett-gap, 1rem);
    display: grid;
    gap: var(--blankett-gap, 1rem);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  section.section {
    display: grid;
    gap: var(--blankett-gap, 1rem);
    padding-top: var(--blankett-gap, 1rem);
    border-top: 2px solid var(--blankett-border, #8a8a8a);
  }
  h2 {
    font-size: 1.3em;
  }
  h3 {
    font-size: 1.1em;
  }
  .rows {
    display: grid;
    gap: var(--blankett-gap, 1rem);
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  fieldset.choices {
    border: 0;
    padding: 0;
    gap: 0.25rem;
  }
  fieldset.choices > legend {
    padding: 0;
    margin-bottom: 0.25rem;
  }
  fieldset.row {
    border-style: dashed;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .option label {
    font-weight: 400;
  }
  .option input {
    margin: 0.3em 0 0;
    width: 1.1em;
    height: 1.1em;
    accent-color: var(--blankett-accent, #1d4f91);
  }
  .control-row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  input:not([type="checkbox"]):not([type="radio"]),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--blankett-input-background, #fff);
    border: 1px solid var(--blankett-border, #8a8a8a);
    border-radius: var(--blankett-radius, 4px);
    padding: 0.4em 0.5em;
    width: 100%;
    max-width: 40rem;
  }
  input[type="number"],
  input[type="date"] {
    max-width: 14rem;
  }
  [aria-invalid="true"]:not([type="radio"]):not([type="checkbox"]) {
    border: 2px solid var(--blankett-error, #b3261e);
  }
  :focus-visible {
    outline: 3px solid var(--blankett-focus, var(--blankett-accent, #1d4f91));
    outline-offset: 2px;
  }
  .required {
    color: var(--blankett-error, #b3261e);
    margin-left: 0.2em;
  }
  .help,
  .note {
    margin: 0;
    color: var(--blankett-muted, #4a4a4a);
  }
  .error {
    margin: 0;
    color: var(--blankett-error, #b3261e);
    font-weight: 600;
  }
  .error-summary {
    border: 3px solid var(--blankett-error, #b3261e);
    border-radius: var(--blankett-radius, 4px);
    padding: var(--blankett-gap, 1rem);
  }
  .error-summary ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  .error-summary a {
    color: var(--blankett-error, #b3261e);
    font-weight: 600;
  }
  .notice {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--blankett-accent, #1d4f91);
    background: var(--blankett-notice-background, #eef3fa);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--blankett-radius, 4px);
    padding: 0.45em 1em;
    border: 2px solid var(--blankett-accent, #1d4f91);
    background: var(--blankett-accent, #1d4f91);
    color: var(--blankett-accent-contrast, #fff);
    justify-self: start;
  }
  button.secondary {
    background: var(--blankett-input-background, #fff);
    color: var(--blankett-accent, #1d4f91);
  }
  .notice p {
    margin: 0;
  }
  button.small {
    padding: 0.2em 0.6em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .ranking-caption,
  .ranking-add-title {
    margin: 0;
  }
  .ranking-list {
    margin: 0;
    padding-left: 1.75em;
    display: grid;
    gap: 0.5rem;
  }
  .ranking-list li::marker {
    font-weight: 600;
  }
  .ranking-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .ranking-label {
    font-weight: 600;
    min-width: 12em;
  }
  .ranking-buttons {
    display: flex;
    gap: 0.5rem;
  }
  .ranking-add {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .actions,
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .progress {
    display: grid;
    gap: 0.25rem;
  }
  .progress p {
    margin: 0;
    font-weight: 600;
  }
  progress {
    width: 100%;
    max-width: 40rem;
    accent-color: var(--blankett-accent, #1d4f91);
  }
  .results dl,
  .child-log dl {
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }
  .results dl > div,
  .child-log dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dt::after {
    content: ":";
  }
  dd {
    margin: 0;
  }
  .warning {
    color: var(--blankett-warning, #6b4100);
  }
  .table-scroll {
    overflow-x: auto;
  }
  /* The child's log: the version's name, and each table in its own sideways-scrolling box. */
  .child-log {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .child-audience {
    font-weight: 600;
  }
  .child-scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  .child-scroll:focus-visible {
    outline: 3px solid var(--blankett-accent, #1d4f91);
    outline-offset: 2px;
  }
  .child-scroll table {
    min-width: 30rem;
  }
  /* Narrow screens: each row of the child's log (the events among them) as a card, its cells labelled by their column. */
  @media (max-width: 40rem) {
    .child-scroll table,
    .child-scroll tbody,
    .child-scroll tr,
    .child-scroll td {
      display: block;
    }
    .child-scroll table {
      min-width: 0;
    }
    .child-scroll thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .child-scroll tr {
      border: 1px solid var(--blankett-border, #8a8a8a);
      border-radius: 4px;
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
    }
    .child-scroll td {
      border: 0;
      padding: 0.15rem 0;
    }
    .child-scroll td::before {
      content: attr(data-label) ": ";
      font-weight: 600;
    }
    .child-scroll td:empty {
      display: none;
    }
  }
  table {
    border-collapse: collapse;
    margin-bottom: var(--blankett-gap, 1rem);
  }
  th,
  td {
    text-align: left;
    padding: 0.3rem 0.6rem;
    border-bottom: 1px solid var(--blankett-border, #8a8a8a);
    vertical-align: top;
  }
  .term {
    font-weight: 600;
  }
  @media print {
    .actions,
    .nav,
    .notice,
    .note,
    .error-summary,
    button {
      display: none;
    }
    fieldset {
      border: 0;
    }
    .child-scroll {
      overflow: visible;
    }
    .child-scroll table {
      min-width: 0;
    }
  }
`;
