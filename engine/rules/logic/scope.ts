import { pathReader, readPath, type PathReader } from "./read.ts";
import type { ScoreLookup } from "../../schema/scores.ts";

/**
 * What a top-level `var` reads from. For plain data that is the data itself. A rule reads the
 * document plus a few names it binds on top of it (`@` for earlier results, `item` in a table
 * row, `row`/`prev`/`index` in a check per row), as if from `{...doc, "@": results, item}`.
 * Building that merged object for every document and row cost more than the rules themselves,
 * so the names are resolved at compile time instead: a bound name reads its slot in a `Scope`,
 * any other path reads the document, and the merged object is only built when an expression
 * asks for the whole of it (`{"var": ""}`).
 */
export interface Root {
  /** Reader for a path split into parts, giving `missing` when it is not there. */
  path(parts: readonly string[], missing?: unknown): PathReader;
  /** The path given at run time (a computed `var`, `missing`). */
  dynamic(data: unknown, parts: readonly string[]): unknown;
  /** The data as a whole, as `{"var": ""}` gives it. */
  whole(data: unknown): unknown;
  /** The scores on the options of the schema the expression belongs to; none for plain data. */
  scores?: ScoreLookup;
}

export const PLAIN_ROOT: Root = {
  path: pathReader,
  dynamic: readPath,
  whole: (data) => data,
};

/** A document with the values of the names a rule binds, in the order of its `ScopeNames`. */
export interface Scope {
  doc: object;
  values: unknown[];
}

export type ScopeNames = readonly string[];

/** The root of expressions evaluated on a `Scope` with these bound names. */
export function scopeRoot(names: ScopeNames, scores?: ScoreLookup): Root {
  return {
    ...(scores ? { scores } : {}),
    path(parts, missing) {
      const slot = names.indexOf(parts[0]!);
      const rest = pathReader(slot === -1 ? parts : parts.slice(1), missing);
      if (slot === -1) return (scope) => rest((scope as Scope).doc);
      return (scope) => rest((scope as Scope).values[slot]);
    },
    dynamic(scope, parts) {
      const slot = names.indexOf(parts[0]!);
      if (slot === -1) return readPath((scope as Scope).doc, parts);
      return readPath((scope as Scope).values[slot], parts.slice(1));
    },
    whole: (scope) => mergedView(scope as Scope, names),
  };
}

/** The merged object the scope stands for: the document's own properties, then the bound names. */
export function mergedView(scope: Scope, names: ScopeNames): Record<string, unknown> {
  const view: Record<string, unknown> = { ...scope.doc };
  for (let i = 0; i < names.length; i++) view[names[i]!] = scope.values[i];
  return view;
}

/**
 * What a rule may use as its document directly: a plain object reads the same as a copy of its
 * own properties. Anything else is copied (an array's `length` is not a property of the copy),
 * and a non-object reads as empty.
 */
export function scopeDocument(doc: unknown): object {
  if (doc === null || typeof doc !== "object") return {};
  const proto = Object.getPrototypeOf(doc);
  if ((proto === Object.prototype || proto === null) && !Array.isArray(doc)) return doc;
  return { ...doc };
}
