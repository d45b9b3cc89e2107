import jsonLogic from "json-logic-js";

/**
 * Conditions are JSON Logic: data interpreted by json-logic-js, never compiled to code, so they
 * run under a strict Content-Security-Policy and a hostile schema cannot execute anything.
 * `{"var": "a.b"}` reads from the document root; inside a repeated row, `{"var": "row.x"}` reads
 * from the row itself.
 */
export function evaluateCondition(condition: unknown, doc: unknown, row?: unknown): boolean {
  if (condition === undefined) return true;
  const data = row === undefined ? doc : { ...(doc as object), row };
  return truthy(jsonLogic.apply(condition as jsonLogic.RulesLogic, data));
}

/** JSON Logic's own notion of truth: empty arrays are false. */
function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}
