/**
 * The engine without a schema compiler: what a browser bundle needs to render, validate (with
 * precompiled validators, see registerPrecompiled) and score forms under a strict CSP.
 * Nothing reachable from here imports ajv's compiler or builds code from text.
 */
export * from "./schema/types.ts";
export * from "./schema/pointer.ts";
export * from "./schema/walk.ts";
export * from "./schema/registry.ts";
export * from "./validation/validator.ts";
export { DOCUMENT_LIMITS, MAX_REPORTED_ERRORS, shapeIssue, type ShapeIssue } from "./validation/limits.ts";
export { swedishMessage, lowerFirst } from "./validation/messages.ts";
export { evaluateCondition } from "./rules/condition.ts";
export { rulesFor, CompiledRules } from "./rules/evaluate.ts";
export { checkDocument, type CheckReport } from "./rules/check.ts";
export type { RuleDefinition, RuleKind, RuleCommon, RuleOf, AnyRuleDefinition, ValueRule, IndicationRule, CategoryRule, CategoryCase, TableRule, TableItem, TableSummary, CheckRule, RuleResult, Finding, Explanation, RulesReport } from "./rules/types.ts";
export { buildFormModel, type FormModel, type FormNode, type LeafWidget, type Widget } from "./form/model.ts";
export { computeFormState, hiddenPointers, initialDocument, scaffold, formOrder, type FormState, type FormStateOptions, type ShownError } from "./form/state.ts";
export { fieldId, getIn, pointerOf, setIn } from "./form/paths.ts";
export { buildChildView, swedishDate, type ChildBlock, type ChildView } from "./form/childView.ts";
export { normalizeDocument } from "./form/normalize.ts";
export { LISTED_RESULT_KINDS, isListedResult, answerInWords, resultInWords, valueInWords, yesNo } from "./form/words.ts";
export { guidedSummaryParts, type GuidedSummaryParts, type SummaryTable } from "./form/summary.ts";
export {
  DRAFT_PREFIX,
  browserDraftStorage,
  draftKey,
  findDraft,
  parseDraft,
  readDraft,
  removeDraft,
  replaceDraft,
  versionOf,
  writeDraft,
  type Draft,
  type DraftLookup,
  type DraftStorage,
} from "./form/drafts.ts";
export { firstControlId } from "./form/focus.ts";
export { marksAfterRowRemoved } from "./form/rows.ts";
export { FormSession, type AnswerDocument, type DraftTarget, type FormSessionOptions, type SessionSnapshot, type ValidityDetail } from "./form/session.ts";
export { hasStepBefore, settleStep, stepAfter, stepProgress } from "./form/steps.ts";
export { canMigrateDraft, migrateDraft, openedDraftNotice, otherDraftWords, type MigratedDraft } from "./form/draftMigration.ts";
export type { Migration } from "./migrate/types.ts";
export { applyRanking, rankedCodes, rankingIds, rankingView, rankingWords, type RankedItem, type RankingAction, type RankingOutcome } from "./form/ranking.ts";
