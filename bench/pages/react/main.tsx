/** Our React renderer (@blankett/react on @rjsf/core) on the full FIA 1.0.0 form: precompiled validator, every section on one page, no drafts. */
import { createRoot } from "react-dom/client";
import { registerPrecompiled, type JsonSchema } from "@blankett/engine";
import { BlankettForm } from "@blankett/react";
import schema from "virtual:fia-schema";
import validate from "@blankett/schemas/validators/fia-1.0.0";

declare global {
  interface Window {
    __rev: number;
  }
}
window.__rev = 0;
registerPrecompiled(String(schema.$id), validate as never);
createRoot(document.getElementById("root")!).render(<BlankettForm schema={schema as JsonSchema} guided={false} draftKey={false} onSubmit={() => {}} onChange={() => window.__rev++} />);
