/**
 * The engine with ajv's compiler installed (`@blankett/engine/compiler`): validators for any
 * schema, compiled at run time, and `lintSchema`. Browser bundles that register precompiled
 * validators import the main entry instead and carry no compiler.
 */
import "./validation/compile.ts";
export * from "./runtime.ts";
export { lintReport, lintSchema, type LintIssue } from "./lint/lint.ts";
