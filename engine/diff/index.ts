/** Questionnaire diff: compare two instrument versions by their effect on stored answers. */
export { diffSchemas, type DiffOptions } from "./diff.ts";
export { parseReviewFile, acceptReviews, reviewFileName, type ReviewFile, type AcceptedChange } from "./review.ts";
export { formatText } from "./format-text.ts";
export { formatHtml, escapeHtml } from "./format-html.ts";
export { formatMarkdown, escapeMarkdown } from "./format-markdown.ts";
export { migrationAware, migrationChain, shortFate, FATE_NAME, KEPT_ASIDE } from "./migration-aware.ts";
export { BUMP_NAME, CLASSES, CLASS_NAME, CLASS_MEANING } from "./words.ts";
export type { AnswerFate, ChangeNote, FateKind, MigrationAwareness, MigrationStep } from "./migration-aware.ts";
export { changeTexts, forReview, needsAction, restructuredNote, reviewOf, ruleReviewOf, WITNESS_TITLE } from "./views.ts";
export type { ChangeTexts, FormatOptions, ReviewedItemView } from "./views.ts";
export { requiredBump, declaredBump, bumpVerdict } from "./bump.ts";
export type { Bump, BumpVerdict, Change, ChangeClass, ChangeKind, DiffReport, ItemDiff, ItemView, Restructuring, SearchSummary, VersionInfo } from "./types.ts";
