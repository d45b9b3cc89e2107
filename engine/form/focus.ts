import type { FormNode } from "./model.ts";
import { fieldId, getIn, pointerOf } from "./paths.ts";

/**
 * The DOM id (fieldId) of the first control a node shows now, for error-summary links and for focus
 * on a failed submit (DOM contract 5: an error on a group links to the group's first field). Both
 * renderers give every control the id fieldId(pointer), so this is the same for both.
 * `path` is the node's absolute answer path with real row indices. Returns: a scalar's own id; a
 * group's first shown field; a table's first shown field in its first row that has one, or, with
 * no such row, the id of its "Lägg till" button (fieldId + "-add"); undefined when the node is hidden.
 */
export function firstControlId(node: FormNode, path: readonly (string | number)[], doc: unknown, hidden: ReadonlySet<string>): string | undefined {
  const pointer = pointerOf(path);
  if (hidden.has(pointer) || node.widget === "hidden") return undefined;
  if (node.kind === "scalar") return fieldId(pointer);
  if (node.kind === "group") {
    for (const child of node.children ?? []) {
      // A child's answer sits under its parent's by its key (in table rows its `path` is row-relative).
      const hit = firstControlId(child, [...path, child.key], doc, hidden);
      if (hit) return hit;
    }
    return undefined;
  }
  const rows = getIn(doc, path);
  if (Array.isArray(rows)) {
    for (let i = 0; i < rows.length; i++) {
      for (const child of node.children ?? []) {
        // A list of plain values: the row itself is the field.
        const childPath = child.path.length === 0 ? [...path, i] : [...path, i, child.key];
        const hit = firstControlId(child, childPath, doc, hidden);
        if (hit) return hit;
      }
    }
  }
  return fieldId(pointer) + "-add";
}
