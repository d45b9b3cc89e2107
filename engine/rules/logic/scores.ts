import { scoreOf, type ScoredQuestion } from "../../schema/scores.ts";
import { LogicError, type Evaluator } from "./errors.ts";
import type { Root } from "./scope.ts";

/**
 * The operations that read scores on the options (engine/schema/scores.ts):
 *
 *   {"score": "a.b"}                        the points of the answer at a.b; null when unanswered
 *   {"score_sum": ["a.b", "group"]}         the sum over the questions (a group: every scored
 *                                           question in it); null while any is unanswered
 *   {"score_sum_answered": ["group"]}       the sum over the answered ones (a lower bound)
 *
 * Paths are literal and resolved when the rule is compiled, against the schema the rule belongs
 * to: a path that does not exist or has no scores refuses the rule then, instead of summing to a
 * silent wrong total. `score_sum` is null while anything is missing because a total over half
 * the answers looks like a low score, which is the wrong-category failure rules must never have;
 * `score_sum_answered` is for "at least N" rules, where a lower bound is the meaning.
 */
export type ScoreOperation = "score" | "score_sum" | "score_sum_answered";

export const SCORE_OPERATIONS: readonly ScoreOperation[] = ["score", "score_sum", "score_sum_answered"];

function questions(op: ScoreOperation, values: unknown[], root: Root): ScoredQuestion[] {
  if (!root.scores) throw new LogicError(`”${op}” läser poäng på svarsalternativen och kan bara användas i ett schemas regler`);
  const paths = op === "score" ? values.slice(0, 1) : values;
  if (paths.length === 0 || (op === "score" && values.length !== 1)) throw new LogicError(`”${op}” behöver ${op === "score" ? "en sökväg" : "en lista med sökvägar"}`);
  const out: ScoredQuestion[] = [];
  for (const path of paths) {
    if (typeof path !== "string") throw new LogicError(`”${op}” tar sökvägar som text, inte uttryck`);
    const found = root.scores(path);
    if (typeof found === "string") throw new LogicError(`”${op}”: ${found}`);
    if (op === "score" && (found.length !== 1 || found[0]!.path !== path)) throw new LogicError(`”score” läser en fråga, inte gruppen ”${path}”: använd score_sum`);
    out.push(...found);
  }
  return out;
}

export function compileScore(op: ScoreOperation, values: unknown[], root: Root): Evaluator {
  const qs = questions(op, values, root);
  const readers = qs.map((q) => ({ q, read: root.path(q.path.split("."), null) }));
  if (op === "score") {
    const [{ q, read }] = readers as [(typeof readers)[0]];
    return (data) => scoreOf(q, read(data));
  }
  const strict = op === "score_sum";
  return (data) => {
    let sum = 0;
    for (const { q, read } of readers) {
      const points = scoreOf(q, read(data));
      if (points === null) {
        if (strict) return null;
        continue;
      }
      sum += points;
    }
    return sum;
  };
}
