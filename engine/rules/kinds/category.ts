import { truthy } from "../logic/compile.ts";
import { isSchemaObject } from "../../schema/types.ts";
import { joinPointer } from "../../schema/pointer.ts";
import { KNOWN, type RuleKindModule } from "./kind.ts";
import type { CategoryRule } from "../types.ts";

/** `category`: `{code, label}` of the first case whose `when` holds, or null when none does. */
export const category: RuleKindModule<CategoryRule> = {
  word: "en kategoriregel",
  givesResult: true,
  compile(def, ctx) {
    const cases = (def.cases ?? []).map((c) => ({ when: ctx.compile(c.when), code: c.value, label: c.label }));
    return (scope, report, explain) => {
      let hit: { code: string; label: string } | null = null;
      for (const c of cases) {
        if (truthy(c.when(scope))) {
          hit = { code: c.code, label: c.label };
          break;
        }
      }
      ctx.publish(scope, report, hit, explain);
    };
  },
  check(def, ctx) {
    const cases = Array.isArray(def.cases) ? (def.cases as unknown[]) : [];
    cases.forEach((c, k) => {
      if (isSchemaObject(c)) ctx.infer(c.when, joinPointer(ctx.at, "cases", k, "when"), ctx.base);
    });
    const codes = cases.filter(isSchemaObject).map((c) => c.value);
    const shape = { absent: true, fields: { code: { absent: false, codes }, label: KNOWN } };
    ctx.cases(cases);
    return shape;
  },
};
