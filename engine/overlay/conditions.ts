import { readPaths } from "../rules/logic/compile.ts";
import { deref } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { ITEMS, readPathSegments } from "./paths.ts";

export interface ConditionRead {
  /** The item whose `x-ui.visibleWhen` reads `read`. */
  item: string[];
  read: string[];
}

const MAX_DEPTH = 32;

/**
 * Which items' display conditions read which answers. Hiding an item that a condition reads would
 * leave the dependent question with a condition on nothing (and the schema would fail lint).
 * `row.x` inside a table row is the same row's `x`.
 */
export function conditionReads(root: JsonSchema): ConditionRead[] {
  const out: ConditionRead[] = [];
  const visit = (node: unknown, segments: string[], row: string[] | undefined, depth: number): void => {
    if (!isSchemaObject(node) || depth > MAX_DEPTH) return;
    const s = deref(root, node);
    const ui = s["x-ui"];
    if (isSchemaObject(ui) && ui.visibleWhen !== undefined) {
      for (const p of readPaths(ui.visibleWhen)) {
        if (p.startsWith("row.")) {
          if (row) out.push({ item: segments, read: [...row, ...readPathSegments(p.slice(4))] });
        } else out.push({ item: segments, read: readPathSegments(p) });
      }
    }
    if (isSchemaObject(s.properties)) for (const [name, sub] of Object.entries(s.properties)) visit(sub, [...segments, name], row, depth + 1);
    if (isSchemaObject(s.items)) visit(s.items, [...segments, ITEMS], [...segments, ITEMS], depth + 1);
  };
  visit(root, [], undefined, 0);
  return out;
}
