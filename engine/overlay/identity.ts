import { structuralIssues, type LintIssue } from "../lint/lint.ts";
import { createAjv } from "../validation/ajv.ts";
import { refOf } from "../schema/registry.ts";
import { schemaAt } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";

/**
 * The identity rules of an effective (variant) schema, the counterpart of lint's checks for a
 * national version: `$id` is the base's with `/variants/<name>`; `x-instrument` keeps the base's
 * name and version; `meta.schema` stays the base reference and `meta.variant` is the variant's
 * name, required — so every answer names both the national version and the variant.
 */
export function variantIdentityIssues(schema: JsonSchema, base: JsonSchema, variant: string): LintIssue[] {
  const issues: LintIssue[] = [];
  const ref = refOf(base);
  if (schema.$schema !== "https://json-schema.org/draft/2020-12/schema") issues.push({ at: "/$schema", message: "$schema måste vara https://json-schema.org/draft/2020-12/schema" });
  if (schema.$id !== `${String(base.$id)}/variants/${variant}`) issues.push({ at: "/$id", message: `$id måste vara ${String(base.$id)}/variants/${variant}` });
  const info = schema["x-instrument"];
  if (!isSchemaObject(info) || `${String(info.name)}@${String(info.version)}` !== ref) issues.push({ at: "/x-instrument", message: `x-instrument måste ange ${ref}` });
  if (schemaAt(schema, ["meta", "schema"])?.const !== ref) issues.push({ at: "/properties/meta", message: `meta.schema måste ha const ”${ref}”` });
  const meta = schemaAt(schema, ["meta"]);
  const required = Array.isArray(meta?.required) && meta.required.includes("variant");
  if (schemaAt(schema, ["meta", "variant"])?.const !== variant || !required) issues.push({ at: "/properties/meta", message: `meta.variant måste vara obligatorisk med const ”${variant}”` });
  return issues;
}

/** Everything lint checks, with the variant's identity rules: structure, hints, identity, strict compile. */
export function effectiveSchemaIssues(schema: JsonSchema, base: JsonSchema, variant: string): LintIssue[] {
  const issues = [...structuralIssues(schema), ...variantIdentityIssues(schema, base, variant)];
  if (issues.length === 0) {
    try {
      createAjv().compile(schema);
    } catch (e) {
      issues.push({ at: "", message: `Schemat kan inte kompileras: ${(e as Error).message}` });
    }
  }
  return issues;
}
