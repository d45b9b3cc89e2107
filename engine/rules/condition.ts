import { compileLogic, truthy } from "./logic/compile.ts";

/**
 * Conditions are JSON Logic, compiled once into closures (no `eval`, no `new Function`, so they
 * run under a strict Content-Security-Policy). `{"var": "a.b"}` reads from the document root;
 * inside a repeated row, `{"var": "row.x"}` reads from the row itself.
 */
export function evaluateCondition(condition: unknown, doc: unknown, row?: unknown): boolean {
  if (condition === undefined) return true;
  const data = row === undefined ? doc : { ...(doc as object), row };
  return truthy(compileLogic(condition)(data));
}
