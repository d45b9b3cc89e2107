import { LitElement, html, type TemplateResult } from "lit";
import { buildChildView, type JsonSchema } from "@blankett/engine";
import type { AnswerDocument } from "./events.ts";
import { instrumentSchema, onInstrumentRegistered } from "./registry.ts";
import { renderChildView } from "./render/child.ts";
import { formStyles } from "./styles.ts";

/**
 * The read-only, printable child's log of a barnahuslogg document (the same view as
 * `<blankett-form view="child">`, without a form): a title, paragraphs, lists and tables,
 * all plain text from the engine's child view.
 *
 * By default the log is the version for the child and the guardians: rows not meant for a
 * guardian are left out. `audience="personal"` shows social services' staff every row and who
 * may read it; a host sets it only where staff read the log. The page names its version.
 *
 * @summary Read-only child's log of an answer document.
 * @tag blankett-child-log
 * @csspart child-log - The log.
 * @csspart title - The log's title.
 * @csspart audience - The line naming the version (for the child and guardians, or for staff).
 * @csspart child-table-scroll - The focusable box each table scrolls in.
 * @cssprop [--blankett-font=system-ui, sans-serif] - Font family.
 * @cssprop [--blankett-color=#1b1b1b] - Text colour.
 * @cssprop [--blankett-border=#8a8a8a] - Table borders.
 */
export class BlankettChildLog extends LitElement {
  static override styles = formStyles;

  static override properties = {
    schema: { attribute: false },
    instrument: { type: String },
    value: { attribute: false },
    audience: { type: String, reflect: true },
  };

  /** The instrument schema; takes precedence over `instrument`. */
  declare schema: JsonSchema | undefined;
  /** "name@version" of a registered instrument. */
  declare instrument: string | undefined;
  /** The answer document to show. */
  declare value: AnswerDocument | undefined;
  /** "personal" for social services' staff; anything else (the default) is the version for the child and guardians. */
  declare audience: string | undefined;

  #unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = onInstrumentRegistered(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  protected override render(): TemplateResult {
    const schema = this.schema ?? (this.instrument ? instrumentSchema(this.instrument) : undefined);
    if (!schema) return html`<p class="notice" part="notice" role="status">Loggen kan inte visas: formuläret saknas.</p>`;
    const audience = this.audience === "personal" ? "personal" : "barn";
    return renderChildView(buildChildView(schema, this.value ?? {}, { audience }));
  }
}
