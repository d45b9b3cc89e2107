import { joinPointer } from "../schema/pointer.ts";
import { optionScores } from "../schema/scores.ts";
import { walkSchema } from "../schema/traverse.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";

export interface ScoreIssue {
  at: string;
  message: string;
}

/**
 * Where `x-score` may stand and that it is complete: on the options of a coded question (a
 * `oneOf`/`anyOf` branch with a `const`), and on every option of that question once on one.
 * Checked for every option list in the schema, used by a rule or not, and said once at the list
 * (a shared scale under `$defs` is one message, not one per question that uses it).
 */
export function scoreIssues(root: JsonSchema): ScoreIssue[] {
  const issues: ScoreIssue[] = [];
  walkSchema(root, (node, place) => {
    if (!isSchemaObject(node)) return;
    const onOption = (place.keyword === "oneOf" || place.keyword === "anyOf") && "const" in node;
    if ("x-score" in node && !onOption) {
      issues.push({ at: joinPointer(place.pointer, "x-score"), message: "x-score står bara på ett svarsalternativ (en gren i oneOf eller anyOf med const)" });
    }
    for (const key of ["oneOf", "anyOf"] as const) {
      const branches = node[key];
      if (!Array.isArray(branches) || !branches.some((b) => isSchemaObject(b) && "x-score" in b)) continue;
      // The branches as written here (a branch that is a $ref to an option is resolved by optionScores).
      const found = optionScores(root, { [key]: branches });
      if (typeof found === "string") issues.push({ at: joinPointer(place.pointer, key), message: `Svarsalternativen här: ${found}` });
    }
  });
  return issues;
}
