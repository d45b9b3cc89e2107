import { escapeSegment, fieldId, firstControlId, parsePointer, pointerOf, type FormModel, type FormNode } from "@blankett/engine";

/**
 * rjsf hands every field template its path (`fieldPathId.path`: keys and row indices). This maps
 * such a path to the engine's form-model node, and pointers to the DOM ids of the DOM contract.
 */
export interface ModelLookup {
  model: FormModel;
  /** The node of an answer path (row indices anywhere), or undefined for what is not a question (meta). */
  nodeAt(path: readonly (string | number)[]): FormNode | undefined;
  /** Index of the section a pointer lies in (guided steps), or -1. */
  sectionOf(pointer: string): number;
  /** Where an error at `pointer` sends focus: the control itself, or a group's first shown control. */
  targetOf(pointer: string, doc: unknown, hidden: ReadonlySet<string>): string | undefined;
}

const isIndex = (s: string | number) => typeof s === "number" || /^(0|[1-9]\d*)$/.test(s);

/** "/handelser/*\/datum" for ["handelser", 0, "datum"]: one key per question, whatever the row. */
function shapeOf(path: readonly (string | number)[]): string {
  return path.map((s) => (isIndex(s) ? "*" : escapeSegment(s))).join("/");
}

/** The absolute answer path of a node, its row indices written as "*". */
function fullPath(node: FormNode, rowBase: string[] | null): string[] {
  return node.inRow && rowBase ? [...rowBase, ...node.path] : node.path;
}

export function createLookup(model: FormModel): ModelLookup {
  const byShape = new Map<string, FormNode>();
  const visit = (nodes: FormNode[], rowBase: string[] | null) => {
    for (const node of nodes) {
      const full = fullPath(node, rowBase);
      byShape.set(shapeOf(full), node);
      if (node.kind === "group" && node.children) visit(node.children, rowBase);
      if (node.kind === "table" && node.children) visit(node.children, [...full, "*"]);
    }
  };
  visit(model.sections, null);
  const sectionKeys = model.sections.map((s) => s.key);

  // rjsf hands each field the same path array on every render: the answer is kept per array.
  const seen = new WeakMap<readonly (string | number)[], FormNode | null>();
  return {
    model,
    nodeAt(path) {
      let node = seen.get(path);
      if (node === undefined) seen.set(path, (node = byShape.get(shapeOf(path)) ?? null));
      return node ?? undefined;
    },
    sectionOf: (pointer) => sectionKeys.indexOf(parsePointer(pointer)[0] ?? ""),
    targetOf(pointer, doc, hidden) {
      const segments = parsePointer(pointer);
      const path = segments.map((s) => (isIndex(s) ? Number(s) : s));
      // Walk up until a node is found (an error may name a key the model does not show).
      for (let n = path.length; n > 0; n--) {
        const node = byShape.get(shapeOf(path.slice(0, n)));
        if (node) return firstControlId(node, path.slice(0, n), doc, hidden) ?? (n === path.length ? undefined : fieldId(pointerOf(path.slice(0, n))));
      }
      return undefined;
    },
  };
}
