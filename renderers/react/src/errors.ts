import type { RJSFValidationError } from "@rjsf/utils";
import { toFieldErrors, type ErrorLike, type JsonSchema } from "../../../engine/index.ts";

/** rjsf's ".a.0.b" property path to a JSON Pointer. */
function toPointer(property: string | undefined): string {
  if (!property) return "";
  return property
    .split(".")
    .filter((s) => s !== "")
    .map((s) => "/" + s.replace(/~/g, "~0").replace(/\//g, "~1"))
    .join("");
}

/**
 * rjsf validates with its own ajv; this replaces its English messages with the engine's Swedish
 * ones, so both renderers and the CLI say the same thing about the same answer.
 */
export function swedishErrors(root: JsonSchema) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] => {
    const like: Array<ErrorLike & { source: RJSFValidationError }> = errors.map((e) => {
      let instancePath = toPointer(e.property);
      if (e.name === "required") instancePath = instancePath.slice(0, instancePath.lastIndexOf("/"));
      return { keyword: e.name ?? "", instancePath, schemaPath: e.schemaPath ?? "", params: e.params ?? {}, source: e };
    });
    const fieldErrors = toFieldErrors(root, like);
    return fieldErrors.map((f) => ({
      name: f.keyword,
      property: f.pointer.split("/").slice(1).map((s) => "." + s).join("") || ".",
      message: f.message,
      stack: f.message,
      params: {},
      schemaPath: "",
      title: f.label,
    }));
  };
}
