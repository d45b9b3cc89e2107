import { firstControlId, parsePointer, type FormModel, type FormNode } from "@blankett/engine";

/** A node of the form model at a concrete place in the answers (row indices filled in). */
export interface Located {
  node: FormNode;
  path: (string | number)[];
}

/** The absolute answer path of a node; fields in table rows are relative to `base` (the row). */
export function nodePath(node: FormNode, base: readonly (string | number)[]): (string | number)[] {
  return node.inRow ? [...base, ...node.path] : [...node.path];
}

/**
 * The deepest model node along a JSON Pointer ("/plan/mal/0/delmal" → the delmal table in row 0).
 * Pointers the form does not ask (meta, unknown keys) stop at the nearest node above them.
 */
export function locate(model: FormModel, pointer: string): Located | undefined {
  const segments = parsePointer(pointer);
  const section = model.sections.find((s) => s.path[0] === segments[0]);
  if (!section) return undefined;
  let found: Located = { node: section, path: [...section.path] };
  let i = section.path.length;
  let rowBase: (string | number)[] = [];
  while (i < segments.length) {
    const { node, path } = found;
    if (node.kind === "table") {
      const index = Number(segments[i]);
      if (!Number.isInteger(index) || index < 0) break;
      rowBase = [...path, index];
      i++;
      const children = node.children ?? [];
      // A list of plain values: the row itself is the field.
      if (children.length === 1 && children[0]!.path.length === 0) {
        found = { node: children[0]!, path: rowBase };
        continue;
      }
      const child = children.find((c) => c.path[0] === segments[i]);
      if (!child) {
        found = { node, path: rowBase };
        break;
      }
      found = { node: child, path: nodePath(child, rowBase) };
      i = found.path.length;
      continue;
    }
    if (node.kind === "group") {
      const child = (node.children ?? []).find((c) => c.key === segments[i]);
      if (!child) break;
      found = { node: child, path: nodePath(child, rowBase) };
      i = found.path.length;
      continue;
    }
    break;
  }
  return found;
}

/** Where an error's link leads and where focus goes for it. */
export function targetId(model: FormModel, pointer: string, doc: unknown, hidden: ReadonlySet<string>): string | undefined {
  const found = locate(model, pointer);
  if (!found) return undefined;
  return firstControlId(found.node, found.path, doc, hidden);
}
