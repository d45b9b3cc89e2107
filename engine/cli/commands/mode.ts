import { isSchemaObject } from "../../schema/types.ts";
import type { ValidationMode } from "../../validation/validator.ts";

/**
 * The mode a document is checked in: `--draft` asks for draft mode, and a document that says of
 * itself that it is a draft (`meta.status: "draft"`, as the forms save unfinished answers) is one
 * too — unanswered required questions then do not make it invalid.
 */
export function modeFor(doc: unknown, asked: ValidationMode): ValidationMode {
  if (asked === "draft") return "draft";
  const meta = isSchemaObject(doc) ? doc.meta : undefined;
  return isSchemaObject(meta) && meta.status === "draft" ? "draft" : "complete";
}
