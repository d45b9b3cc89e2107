import { truthy } from "../logic/compile.ts";
import { BOOLEAN, type RuleKindModule } from "./kind.ts";
import type { Finding, IndicationRule } from "../types.ts";

/**
 * `indication`: true or false. Where the professional's own `judgement` (a yes/no answer) is given
 * and differs, a warning says so; the judgement itself is never replaced.
 */
export const indication: RuleKindModule<IndicationRule> = {
  word: "en indikation",
  givesResult: true,
  compile(def, ctx) {
    const expr = ctx.compile(def.expr);
    const judgement = def.judgement;
    if (!judgement) return (scope, report, explain) => ctx.publish(scope, report, truthy(expr(scope)), explain);
    const judged = ctx.read(judgement);
    const pointer = "/" + judgement.split(".").join("/");
    const message = def.mismatchMessage ?? `Bedömningen skiljer sig från indikationen ”${def.title}”`;
    const explainFinding = ctx.explainer();
    return (scope, report, explain) => {
      const indicated = truthy(expr(scope));
      ctx.publish(scope, report, indicated, explain);
      const given = judged(scope);
      if (typeof given === "boolean" && given !== indicated) {
        const finding: Finding = { rule: def.id, severity: "warning", pointer, message };
        if (explain) finding.explanation = explainFinding(scope);
        report.findings.push(finding);
      }
    };
  },
  check(_def, ctx) {
    ctx.expr("expr");
    ctx.dotPath("judgement", ctx.base);
    return BOOLEAN;
  },
};
