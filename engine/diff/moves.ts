import { choiceOptions } from "../schema/walk.ts";
import type { JsonSchema } from "../schema/types.ts";
import { EVERY_ITEM, type FieldNode, type FieldTree } from "./fields.ts";
import { sameData, sameShape } from "./shape.ts";

/**
 * Pairs the items of two versions. Items are matched by answer path first; of what is left, an
 * item whose key reappears under another parent with the same meaning has moved. "The same
 * meaning" is the same shape (accepts the same answers), or for groups a mostly shared set of
 * questions (at least half of the smaller group's), so an area that moved and gained questions is
 * still one area.
 *
 * A plain question's key counts only when it is unique among the unmatched items on both sides:
 * "kommentar" and "omfattning" appear in every life area, and pairing one area's comment with
 * another's would invent a move.
 */

export interface Matching {
  /** Old pointer → new pointer, for every item found in both versions. */
  counterpart: Map<string, string>;
  /** Old pointer → new pointer of each moved item (the top of what moved). */
  moves: Map<string, string>;
}

function depth(node: FieldNode): number {
  return node.segments.length;
}

function childKeys(tree: FieldTree, node: FieldNode): string[] {
  if (node.kind === "list") return tree.nodes.get(node.pointer + "/" + EVERY_ITEM)?.children ?? [];
  return node.children;
}

/** Shared keys over the smaller set: an area that moved and gained questions is still the same area. */
function overlap(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = a.filter((k) => b.includes(k)).length;
  return shared / Math.max(1, Math.min(a.length, b.length));
}

/** 2: same shape; 1: similar enough to be the same item changed; 0: not the same item. */
function score(oldTree: FieldTree, a: FieldNode, newTree: FieldTree, b: FieldNode): number {
  if (a.kind !== b.kind) return 0;
  if (sameShape(oldTree.root, a.schema, newTree.root, b.schema)) return 2;
  switch (a.kind) {
    case "group":
    case "list":
      return overlap(childKeys(oldTree, a), childKeys(newTree, b)) >= 0.5 ? 1 : 0;
    case "choice":
    case "multichoice": {
      const codes = (tree: FieldTree, n: FieldNode) =>
        (choiceOptions(tree.root, n.kind === "multichoice" ? (n.schema.items as JsonSchema) : n.schema) ?? []).map((o) => o.code);
      return overlap(codes(oldTree, a), codes(newTree, b)) >= 0.5 ? 1 : 0;
    }
    default:
      return sameData(a.schema.type, b.schema.type) ? 1 : 0;
  }
}

export function matchItems(oldTree: FieldTree, newTree: FieldTree): Matching {
  const counterpart = new Map<string, string>();
  const taken = new Set<string>();
  for (const pointer of oldTree.nodes.keys()) {
    if (newTree.nodes.has(pointer)) {
      counterpart.set(pointer, pointer);
      taken.add(pointer);
    }
  }
  const moves = new Map<string, string>();
  const unmatchedOld = [...oldTree.nodes.values()].filter((n) => !counterpart.has(n.pointer) && n.key !== EVERY_ITEM);
  const unmatchedNew = [...newTree.nodes.values()].filter((n) => !taken.has(n.pointer) && n.key !== EVERY_ITEM);
  const countKeys = (nodes: FieldNode[]) => nodes.reduce((m, n) => m.set(n.key, (m.get(n.key) ?? 0) + 1), new Map<string, number>());
  const oldCounts = countKeys(unmatchedOld);
  const newCounts = countKeys(unmatchedNew);
  const eligible = (n: FieldNode, counts: Map<string, number>) => n.kind === "group" || n.kind === "list" || counts.get(n.key) === 1;

  const candidates: Array<{ a: FieldNode; b: FieldNode; score: number }> = [];
  const newByKey = new Map<string, FieldNode[]>();
  for (const b of unmatchedNew) if (eligible(b, newCounts)) newByKey.set(b.key, [...(newByKey.get(b.key) ?? []), b]);
  for (const a of unmatchedOld) {
    if (!eligible(a, oldCounts)) continue;
    for (const b of newByKey.get(a.key) ?? []) {
      const s = score(oldTree, a, newTree, b);
      if (s > 0) candidates.push({ a, b, score: s });
    }
  }
  // Big moves first (an area before its questions), then the best fits.
  candidates.sort((x, y) => depth(x.a) - depth(y.a) || y.score - x.score || depth(x.b) - depth(y.b));
  for (const { a, b } of candidates) {
    if (counterpart.has(a.pointer) || taken.has(b.pointer)) continue;
    moves.set(a.pointer, b.pointer);
    // Everything below the moved item goes with it, by the same relative path.
    for (const pointer of oldTree.nodes.keys()) {
      if (pointer !== a.pointer && !pointer.startsWith(a.pointer + "/")) continue;
      const target = b.pointer + pointer.slice(a.pointer.length);
      if (counterpart.has(pointer) || taken.has(target) || !newTree.nodes.has(target)) continue;
      counterpart.set(pointer, target);
      taken.add(target);
    }
  }
  return { counterpart, moves };
}
