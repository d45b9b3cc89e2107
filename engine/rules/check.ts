import { rulesFor, type RunOptions } from "./evaluate.ts";
import type { Finding, RuleResult } from "./types.ts";
import { validatorFor, type FieldError, type ValidationMode } from "../validation/validator.ts";
import type { JsonSchema } from "../schema/types.ts";

export interface CheckReport {
  /** Schema validation errors and error-severity rule findings. */
  errors: Array<FieldError | Finding>;
  warnings: Finding[];
  /** Draft mode: required answers not given yet. */
  unanswered: FieldError[];
  results: RuleResult[];
  /** Validation errors found but not listed (see ValidationResult.more). */
  more?: number;
  /** Refused for its size before validation (see ValidationResult.refused). */
  refused?: boolean;
}

/**
 * Validation and rules together: what `blankett check` and the renderers show. Rules run even on
 * an invalid document (a half-filled interview still gets its summary) and only read what is there.
 */
export function checkDocument(schema: JsonSchema, doc: unknown, mode: ValidationMode = "complete", options: RunOptions = {}): CheckReport {
  const validation = validatorFor(schema).validate(doc, mode);
  // A document past a size limit is refused whole: its rules are not run either (limits.ts).
  if (validation.refused) return { errors: validation.errors, warnings: [], unanswered: [], results: [], refused: true };
  const rules = rulesFor(schema).run(doc, options);
  return {
    errors: [...validation.errors, ...rules.findings.filter((f) => f.severity === "error")],
    warnings: rules.findings.filter((f) => f.severity === "warning"),
    unanswered: validation.unanswered,
    results: rules.results,
    ...(validation.more ? { more: validation.more } : {}),
  };
}
