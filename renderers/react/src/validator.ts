import type { CustomValidator, ErrorSchema, ErrorTransformer, RJSFSchema, RJSFValidationError, UiSchema, ValidationData, ValidatorType } from "@rjsf/utils";
import { computeFormState, deref, isSchemaObject, parsePointer, type JsonSchema } from "@blankett/engine";

/**
 * rjsf's validator, deferring to the engine. The form runs with `noValidate`, so rjsf never
 * validates on its own while someone types (its ajv pass over the whole form cost ~9 ms per
 * keystroke on FIA); the renderer asks the engine once per change instead (computeFormState).
 *
 * rjsf still calls `isValid` to pick a `oneOf`/`anyOf` branch or resolve `if`; our schemas use
 * `oneOf` only for labelled options (rjsf treats those as selects and never asks), so a small
 * structural match is enough there. `validateFormData` answers with the engine's Swedish errors
 * for anyone calling rjsf's `validateForm()` directly.
 */
export function engineValidator(root: JsonSchema): ValidatorType {
  return {
    validateFormData(formData: unknown, _schema: RJSFSchema, customValidate?: CustomValidator, transformErrors?: ErrorTransformer, uiSchema?: UiSchema): ValidationData<unknown> {
      const state = computeFormState(root, formData, { submitted: true });
      let errors: RJSFValidationError[] = state.errors.map((e) => ({
        name: "engine",
        property: parsePointer(e.pointer).map((s) => "." + s).join("") || ".",
        message: e.message,
        stack: e.message,
        title: e.label,
      }));
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      const errorSchema: Record<string, unknown> = {};
      for (const e of state.errors) {
        let node = errorSchema;
        for (const seg of parsePointer(e.pointer)) node = (node[seg] ??= {}) as Record<string, unknown>;
        ((node.__errors ??= []) as string[]).push(e.message);
      }
      void customValidate;
      return { errors, errorSchema: errorSchema as ErrorSchema };
    },
    isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
      return matches(rootSchema as JsonSchema, schema as JsonSchema, formData, 0);
    },
    rawValidation() {
      return { errors: [] };
    },
    reset() {},
  };
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Structural match: const, enum, type, required and properties — enough to choose a branch. */
function matches(root: JsonSchema, raw: JsonSchema, value: unknown, depth: number): boolean {
  if (depth > 16) return true;
  const schema = deref(root, raw);
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(value))) return false;
  if (schema.type !== undefined && value !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    if (!types.some((t) => t === actual || (t === "number" && actual === "integer"))) return false;
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    if (Array.isArray(schema.required) && !schema.required.every((k) => typeof k === "string" && obj[k] !== undefined)) return false;
    if (isSchemaObject(schema.properties)) {
      for (const [k, sub] of Object.entries(schema.properties)) {
        if (obj[k] !== undefined && isSchemaObject(sub) && !matches(root, sub, obj[k], depth + 1)) return false;
      }
    }
  }
  if (Array.isArray(schema.allOf) && !schema.allOf.every((s) => !isSchemaObject(s) || matches(root, s, value, depth + 1))) return false;
  return true;
}
