/** The smallest page a vendor would build with the React renderer: FIA 1.0.0, its validator precompiled. */
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { registerPrecompiled, type JsonSchema } from "@blankett/engine";
import { BlankettForm } from "@blankett/react";
import schema from "@blankett/schemas/fia/1.0.0.schema.json";
import validate from "@blankett/schemas/validators/fia-1.0.0";

registerPrecompiled(String(schema.$id), validate);
createRoot(document.getElementById("root")!).render(createElement(BlankettForm, { schema: schema as JsonSchema, onSubmit: () => {} }));
