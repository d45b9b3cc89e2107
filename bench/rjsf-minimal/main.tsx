/**
 * The smallest @rjsf/core + React page rendering FIA 1.0.0 with Swedish-free defaults: the
 * comparison bundle for the web component's size (bench/renderers.ts builds it, gzip -9).
 */
import Form from "@rjsf/core";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020.js";
import { createRoot } from "react-dom/client";
import schema from "../../schemas/fia/1.0.0.schema.json";

const validator = customizeValidator({ AjvClass: Ajv2020 as never, ajvOptionsOverrides: { keywords: ["x-ui", "x-instrument", "x-rules"] } });
createRoot(document.getElementById("root")!).render(<Form schema={schema as never} validator={validator} liveValidate />);
