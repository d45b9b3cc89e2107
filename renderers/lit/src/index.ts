/**
 * Blankett's web components: `<blankett-form>` and `<blankett-child-log>`. Importing this module
 * defines both elements (once). The browser bundles (dist/) register instruments with their
 * precompiled validators; pages using the source register their own with `registerInstrument`.
 */
import { BlankettChildLog } from "./blankett-child-log.ts";
import { BlankettForm } from "./blankett-form.ts";
import type { BlankettChangeDetail, BlankettSubmitDetail, BlankettValidityDetail } from "./events.ts";

export { BlankettForm } from "./blankett-form.ts";
export { BlankettChildLog } from "./blankett-child-log.ts";
export { registerInstrument, registeredInstruments, instrumentSchema, type PrecompiledValidate } from "./registry.ts";
// registerMigrations lives in ./migrations.ts: bundles that carry migrations export it too.
export type { AnswerDocument, BlankettChangeDetail, BlankettSubmitDetail, BlankettValidityDetail, BlankettEventMap } from "./events.ts";

if (!customElements.get("blankett-form")) customElements.define("blankett-form", BlankettForm);
if (!customElements.get("blankett-child-log")) customElements.define("blankett-child-log", BlankettChildLog);

declare global {
  interface HTMLElementTagNameMap {
    "blankett-form": BlankettForm;
    "blankett-child-log": BlankettChildLog;
  }
  interface HTMLElementEventMap {
    "blankett-change": CustomEvent<BlankettChangeDetail>;
    "blankett-submit": CustomEvent<BlankettSubmitDetail>;
    "blankett-validity": CustomEvent<BlankettValidityDetail>;
  }
}
