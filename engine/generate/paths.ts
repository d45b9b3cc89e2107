import { isSchemaObject } from "../schema/types.ts";
import type { RefPath } from "./plan.ts";

/** The paths a profile's dates and a schema's conditions read, in the compiler's notation ("a[].x"). */

/**
 * One path of a date's `after`: "a.b", "row.x" (the same row), "a[].x" (every row), "a[0].x" (the
 * first row). `normalized` is the path as the compiler knows fields ("a[].x"), to look up whether
 * it is a date generated earlier. Throws a ProfileError (through `fail`) for a malformed path.
 */
export function parseRef(fail: (message: string) => never, path: string, rowPath: string | undefined, text: string): { ref: RefPath; normalized: string } {
  let rest = text;
  let fromRow = false;
  if (text.startsWith("row.")) {
    if (rowPath === undefined) fail(`”${path}”: after ”${text}” använder row. utanför en rad`);
    fromRow = true;
    rest = text.slice(4);
  }
  const steps: RefPath["steps"] = [];
  const norm: string[] = [];
  for (const seg of rest.split(".")) {
    const m = /^([^[\]]+)(?:\[(\d*)\])?$/.exec(seg);
    if (!m) fail(`”${path}”: after ”${text}” är ingen giltig sökväg`);
    const index = m[2] === undefined ? undefined : m[2] === "" ? "all" : Number(m[2]);
    steps.push({ key: m[1]!, index });
    norm.push(m[1]! + (index === undefined ? "" : "[]"));
  }
  const joined = norm.join(".");
  return { ref: { fromRow, steps }, normalized: fromRow ? `${rowPath}.${joined}` : joined };
}

/** `var` paths a JSON Logic condition reads, with array indices written as "[]". */
export function conditionPaths(expr: unknown, rowPath: string | undefined, out: string[] = []): string[] {
  if (Array.isArray(expr)) {
    for (const e of expr) conditionPaths(e, rowPath, out);
    return out;
  }
  if (!isSchemaObject(expr)) return out;
  for (const [op, arg] of Object.entries(expr)) {
    if (op === "var") {
      const p = Array.isArray(arg) ? arg[0] : arg;
      if (typeof p === "string") {
        let segs = p.split(".");
        let prefix = "";
        if (segs[0] === "row") {
          prefix = rowPath === undefined ? "\u0000no-row" : rowPath;
          segs = segs.slice(1);
        }
        let norm = prefix;
        for (const s of segs) norm = /^\d+$/.test(s) ? norm + "[]" : norm === "" ? s : `${norm}.${s}`;
        out.push(norm);
      }
      if (Array.isArray(arg)) conditionPaths(arg.slice(1), rowPath, out);
    } else conditionPaths(arg, rowPath, out);
  }
  return out;
}
