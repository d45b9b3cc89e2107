import { createAjv } from "./ajv.ts";
import { optimizeForValidation } from "./optimize.ts";
import { setCompiler } from "./validator.ts";
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
    throw new Error(`Schemat har fel vid ${first.at || "/"}: ${first.message}${issues.length > 1 ? ` (och ${issues.length - 1} fel till)` : ""}`);
  }
  return createAjv().compile(optimizeForValidation(schema));
});
