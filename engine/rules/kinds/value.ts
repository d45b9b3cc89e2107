import { UNKNOWN, type RuleKindModule } from "./kind.ts";
import type { ValueRule } from "../types.ts";

/** `value`: the expression's value (null when it gives nothing). */
export const value: RuleKindModule<ValueRule> = {
  word: "en värderegel",
  givesResult: true,
  compile(def, ctx) {
    const expr = ctx.compile(def.expr);
    return (scope, report, explain) => ctx.publish(scope, report, expr(scope) ?? null, explain);
  },
  check(_def, ctx) {
    return ctx.expr("expr") ?? UNKNOWN;
  },
};
