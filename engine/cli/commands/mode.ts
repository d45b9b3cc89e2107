import type { ValidationMode } from "../../validation/validator.ts";

/**
 * The mode a document is checked in: `--draft` asks for draft mode, and a document that says of
 * itself that it is a draft (`meta.status: "draft"`, as the forms save unfinished answers) is one
 * too — unanswered required questions then do not make it invalid.
 */
export function modeFor(doc: unknown, asked: ValidationMode): ValidationMode {
  if (asked === "draft") return "draft";
  const meta = doc !== null && typeof doc === "object" && !Array.isArray(doc) ? (doc as Record<string, unknown>).meta : undefined;
  const status = meta !== null && typeof meta === "object" && !Array.isArray(meta) ? (meta as Record<string, unknown>).status : undefined;
  return status === "draft" ? "draft" : "complete";
}
