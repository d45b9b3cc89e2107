/**
 * Our Lit web component on the full FIA 1.0.0 form, as the one-instrument bundle carries it: the
 * schema without reviewer-only text, its precompiled validator, every section on one page, no drafts.
 * With `#manual` in the address the form is not added until `window.__mount()` is called, so a
 * CPU profile (bench/pages/lit/profile.ts) can cover exactly the first render.
 */
import { registerInstrument } from "@blankett/elements";
import type { JsonSchema } from "@blankett/engine";
import schema from "virtual:fia-schema";
import validate from "@blankett/schemas/validators/fia-1.0.0";

declare global {
  interface Window {
    __rev: number;
    __mount: () => Promise<void>;
  }
}
window.__rev = 0;
registerInstrument(schema as JsonSchema, validate as never);
window.__mount = async () => {
  const el = document.createElement("blankett-form") as HTMLElement & { schema: JsonSchema; guided: boolean; updateComplete: Promise<boolean> };
  el.schema = schema as JsonSchema;
  el.guided = false;
  el.setAttribute("no-drafts", "");
  el.addEventListener("blankett-change", () => window.__rev++);
  document.getElementById("root")!.append(el);
  await el.updateComplete;
};
if (location.hash !== "#manual") void window.__mount();
