/** JSON Forms 3 (React, vanilla renderers) on the FIA 1.0.0 form converted by bench/pages/convert.ts (toJsonForms). */
import { createRoot } from "react-dom/client";
import { JsonForms } from "@jsonforms/react";
import { vanillaCells, vanillaRenderers } from "@jsonforms/vanilla-renderers";
import form from "virtual:fia-jsonforms";

declare global {
  interface Window {
    __rev: number;
  }
}
window.__rev = 0;
const data = {};
createRoot(document.getElementById("root")!).render(<JsonForms schema={form.schema} uischema={form.uischema as never} data={data} renderers={vanillaRenderers} cells={vanillaCells} onChange={() => window.__rev++} />);
