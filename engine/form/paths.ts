import { escapeSegment } from "../schema/pointer.ts";

/** JSON Pointer of a node's answer; `rowPath` locates the row for fields inside tables. */
export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((s) => "/" + escapeSegment(s)).join("");
}

/**
 * A DOM id for a field, stable and unique per pointer: letters and digits kept, every other
 * character written as _XX (its code in hex), so "/a-b" and "/a/b" never meet.
 */
export function fieldId(pointer: string, prefix = "bf"): string {
  return prefix + pointer.replace(/[^a-zA-Z0-9]/g, (c) => "_" + c.charCodeAt(0).toString(16).padStart(2, "0"));
}

/** Immutable update: a copy of `doc` with `value` at `path` (undefined removes the key). */
export function setIn(doc: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const isIndex = typeof head === "number";
  const current = doc !== null && typeof doc === "object" ? (doc as Record<string, unknown>) : isIndex ? [] : {};
  const child = setIn((current as Record<string, unknown>)[head as string], rest, value);
  if (Array.isArray(current)) {
    const copy: unknown[] = current.slice();
    copy[head as number] = child;
    return copy;
  }
  const copy: Record<string, unknown> = { ...current };
  if (child === undefined) delete copy[head as string];
  else copy[head as string] = child;
  return copy;
}

export function getIn(doc: unknown, path: readonly (string | number)[]): unknown {
  let node = doc;
  for (const seg of path) {
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg as string];
  }
  return node;
}
