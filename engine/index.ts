/** The framework-free engine: renderers and tools import from here. */
export * from "./schema/types.ts";
export * from "./schema/pointer.ts";
export * from "./schema/walk.ts";
export * from "./schema/registry.ts";
export * from "./validation/validator.ts";
export { swedishMessage, lowerFirst } from "./validation/messages.ts";
export { evaluateCondition } from "./rules/condition.ts";
export { lintSchema, type LintIssue } from "./lint/lint.ts";
export { rulesFor, CompiledRules } from "./rules/evaluate.ts";
export { checkDocument, type CheckReport } from "./rules/check.ts";
export type { RuleDefinition, RuleResult, Finding, Explanation, RulesReport } from "./rules/types.ts";
