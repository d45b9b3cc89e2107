/** The indicator definitions beside a schema version: loaded with the schema references (files.ts, which uses them for overlays). */
export { loadIndicatorFile } from "./files.ts";
