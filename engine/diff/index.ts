/** Questionnaire diff: compare two instrument versions by their effect on stored answers. */
export { diffSchemas } from "./diff.ts";
export { formatText } from "./format-text.ts";
export { formatHtml, escapeHtml } from "./format-html.ts";
export { requiredBump, declaredBump, bumpVerdict } from "./bump.ts";
export type { Bump, BumpVerdict, Change, ChangeClass, ChangeKind, DiffReport, ItemDiff, ItemView, Restructuring, VersionInfo } from "./types.ts";
