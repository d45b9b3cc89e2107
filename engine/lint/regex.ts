import { isSafePattern } from "redos-detector";
import { joinPointer } from "../schema/pointer.ts";
import { isSchemaObject } from "../schema/types.ts";
import { walkSchema } from "../schema/traverse.ts";

/**
 * Regular expressions in `pattern` and `patternProperties` are checked for catastrophic
 * backtracking before a schema is used: `^(a+)+$` makes a backtracking engine try exponentially
 * many ways on "aaaa…!", and validating a 30-character answer took over a minute.
 *
 * Why a detector at lint time rather than a linear-time engine (RE2, or ajv's `code.regExp`
 * option): the validators are precompiled to JavaScript and run in the browser with the
 * browser's own `RegExp` (schemas/validators/, the standalone runtime), which backtracks. Swapping
 * the engine in Node would leave every browser exposed, and a pattern that means something else
 * in RE2 (no lookarounds, no backreferences) would validate differently in the two places. So the
 * pattern itself must be safe for any backtracking engine, and that is decided here, in Node,
 * where schemas are linted and compiled. The detector (redos-detector, pure JS) is a dependency
 * of the compiler path only: engine/runtime.ts does not import this file.
 *
 * The check is deterministic: it gives up after MAX_STEPS steps of its own search (about half a
 * second on a slow pattern) and a pattern it cannot clear is refused, with a message asking for a
 * simpler one. A wall-clock timeout is only the last guard.
 */

/** redos-detector's own default: more than this many ways to backtrack is unsafe. */
export const MAX_BACKTRACK_SCORE = 200;
/** The detector's search limit; reaching it means the pattern is refused as too complex to clear. */
export const MAX_STEPS = 2_000;
const TIMEOUT_MS = 5_000;

export interface PatternIssue {
  /** JSON Pointer into the schema document. */
  at: string;
  message: string;
}

const verdicts = new Map<string, string | undefined>();

/** Why `pattern` is refused (Swedish), or undefined when it is safe. Results are cached per pattern. */
export function patternProblem(pattern: string): string | undefined {
  if (verdicts.has(pattern)) return verdicts.get(pattern);
  const verdict = judge(pattern);
  if (verdicts.size > 10_000) verdicts.clear();
  verdicts.set(pattern, verdict);
  return verdict;
}

function shown(pattern: string): string {
  return pattern.length > 80 ? `${pattern.slice(0, 77)}…` : pattern;
}

function judge(pattern: string): string | undefined {
  try {
    // ajv compiles patterns with the "u" flag (unicodeRegExp, its default).
    new RegExp(pattern, "u");
  } catch {
    return undefined; // ajv's strict compile reports an invalid pattern in its own words
  }
  let result: ReturnType<typeof isSafePattern>;
  try {
    result = isSafePattern(pattern, { unicode: true, maxScore: MAX_BACKTRACK_SCORE, maxSteps: MAX_STEPS, timeout: TIMEOUT_MS });
  } catch {
    return `Mönstret ”${shown(pattern)}” kan inte kontrolleras mot katastrofal backtracking; skriv det enklare`;
  }
  if (result.safe) return undefined;
  if (result.error === "hitMaxScore") {
    const trail = result.trails[0]?.trail;
    const first = trail?.[0];
    const where = first ? ` (”${shown(first.a.node.source)}” och ”${shown(first.b.node.source)}” kan matcha samma text)` : "";
    return (
      `Mönstret ”${shown(pattern)}” kan matcha samma text på väldigt många sätt${where}: ` +
      `ett långt svar som inte passar kan få valideringen att hänga (katastrofal backtracking, gränsen är ${MAX_BACKTRACK_SCORE} sätt). ` +
      "Skriv om det utan nästlade eller överlappande upprepningar, t.ex. ”(a+)+” som ”a+”"
    );
  }
  return (
    `Mönstret ”${shown(pattern)}” är för komplext för att kontrolleras mot katastrofal backtracking ` +
    `(kontrollen ger upp efter ${MAX_STEPS} steg); skriv det enklare`
  );
}

/**
 * Every `pattern` and `patternProperties` key in the schema, wherever a subschema may be, with
 * the ones that could backtrack catastrophically.
 */
export function patternIssues(root: unknown): PatternIssue[] {
  const issues: PatternIssue[] = [];
  // Past the depth limit lint reports the overrun itself; the patterns there are not reached.
  walkSchema(root, (node, { pointer: at }) => {
    if (!isSchemaObject(node)) return;
    if (typeof node.pattern === "string") {
      const problem = patternProblem(node.pattern);
      if (problem) issues.push({ at: joinPointer(at, "pattern"), message: problem });
    }
    if (isSchemaObject(node.patternProperties)) {
      for (const key of Object.keys(node.patternProperties)) {
        const problem = patternProblem(key);
        if (problem) issues.push({ at: joinPointer(at, "patternProperties", key), message: problem });
      }
    }
  });
  return issues;
}
