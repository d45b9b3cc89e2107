/** The framework-free engine: renderers and tools import from here (with the ajv compiler installed). */
import "./validation/compile.ts";
export * from "./runtime.ts";
export { lintSchema, type LintIssue } from "./lint/lint.ts";
