import { createAjv } from "./ajv.ts";
import { optimizeForValidation } from "./optimize.ts";
import { SchemaError, setCompiler } from "./validator.ts";
import { structuralIssues } from "../lint/lint.ts";

/**
 * Installs ajv's compiler for validators (Node, the example app). Imported for its effect.
 * ajv compiles a copy without annotations (optimize.ts), so the hints and rules are checked
 * against the vocabulary here first: a schema with a misspelled or mistyped hint is refused.
 */
setCompiler((schema) => {
  const issues = structuralIssues(schema);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new SchemaError(`Schemat har fel vid ${first.at || "/"}: ${first.message}${issues.length > 1 ? ` (och ${issues.length - 1} fel till)` : ""}`);
  }
  try {
    return createAjv().compile(optimizeForValidation(schema));
  } catch (e) {
    // ajv's own words (in English) about the schema, such as an unknown keyword or format.
    throw new SchemaError(`Schemat kan inte användas: ${(e as Error).message}`);
  }
});
