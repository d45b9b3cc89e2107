import { isLogic } from "./compile.ts";
import { pathReader } from "./read.ts";
import type { Root, Scope } from "./scope.ts";

/**
 * A table's fields are evaluated once per item of `each` (`{code, label, path}`), reading
 * `item.code`, `item.label` and `item.value` (the answer at the item's path). The items are
 * known when the rule is compiled, so the fields can be compiled once per item instead of once
 * for all: `item.code` and `item.label` become constants, and `item.value…` reads one slot that
 * holds that item's answer. No `{code, label, value}` object is built per row, and operations on
 * the code (`in`, `index_of`) see a literal.
 *
 * This gives the same values as reading a bound `item` object only where nothing can tell the
 * two apart: an expression that reads `item` whole, or any path computed at run time (a `var`
 * of an expression, `missing`, `missing_some`, `var ""`), would see a fresh object per read
 * instead of one shared per row; `itemsKnownStatically` says no to those, and the table keeps
 * the bound object.
 */

export interface KnownItem {
  code: unknown;
  label: unknown;
}

const LIST_OPS: ReadonlySet<string> = new Set(["map", "filter", "all", "some", "none", "reduce"]);

/** Whether every `var` in the expressions is a literal path other than `item` itself, and none is computed. */
export function itemsKnownStatically(exprs: readonly unknown[]): boolean {
  const ok = (e: unknown): boolean => {
    if (Array.isArray(e)) return e.every(ok);
    if (!isLogic(e)) return e === null || typeof e !== "object" || Object.values(e).every(ok);
    const op = Object.keys(e)[0]!;
    const raw = e[op];
    const values = Array.isArray(raw) ? raw : [raw];
    if (op === "missing" || op === "missing_some") return false;
    // Their bodies read each list element as plain data (compile.ts), never the bound names.
    if (LIST_OPS.has(op)) return ok(values[0]) && (op !== "reduce" || ok(values[2]));
    if (op === "var") {
      const path = values[0];
      // A number is read as its string ("0"), never the bound name; anything else computed or whole is refused.
      if (typeof path === "number") return values.slice(1).every(ok);
      if (typeof path !== "string" || path === "" || path === "item") return false;
      return values.slice(1).every(ok);
    }
    return values.every(ok);
  };
  return exprs.every(ok);
}

/**
 * The root of one item's fields: `item.value…` reads `slot` of the scope (the item's answer, null
 * when there is none), `item.<anything else>` is read once from `{code, label}`, and every other
 * path reads through `base` (the document and `@`). Only for expressions `itemsKnownStatically`
 * accepts.
 */
export function itemRoot(base: Root, slot: number, item: KnownItem): Root {
  const fixed = { code: item.code, label: item.label };
  const refuse = (): never => {
    throw new Error("itemRoot: a path computed at run time needs the table's bound item (itemsKnownStatically)");
  };
  return {
    ...(base.scores ? { scores: base.scores } : {}),
    path(parts, missing) {
      if (parts[0] !== "item") return base.path(parts, missing);
      if (parts.length === 1) refuse();
      if (parts[1] === "value") {
        const rest = pathReader(parts.slice(2), missing);
        return (scope) => rest((scope as Scope).values[slot]);
      }
      const value = pathReader(parts.slice(1), missing)(fixed);
      return () => value;
    },
    dynamic: refuse,
    whole: refuse,
  };
}
