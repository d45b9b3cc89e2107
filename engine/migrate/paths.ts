import { joinPointer } from "../schema/pointer.ts";

/**
 * Dot paths with `[]` wildcards, applied to answer documents. Reads and writes touch own
 * properties only and never assign `__proto__` (paths in migration files cannot name it, see
 * migration.meta.json; keys copied from a document are written with defineProperty), so a
 * hostile document cannot reach a prototype.
 */

export const EACH = Symbol("each");
export type PathSegment = string | typeof EACH;
/** A concrete place in a document: property names and array indices. */
export type Location = Array<string | number>;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const hasOwn = (node: object, key: string | number) => Object.prototype.hasOwnProperty.call(node, key);

/** "a.b[].c" → ["a", "b", EACH, "c"]. The syntax is checked when a migration is loaded. */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const part of path.split(".")) {
    const name = part.endsWith("[]") ? part.slice(0, -2) : part;
    out.push(name);
    if (name !== part) out.push(EACH);
  }
  return out;
}

export function wildcards(path: PathSegment[]): number {
  return path.filter((s) => s === EACH).length;
}

export function pointerOf(location: Location): string {
  return joinPointer("", ...location);
}

/** Every existing value matching the path, with the array indices that the wildcards took. */
export function expand(doc: unknown, path: PathSegment[]): Array<{ location: Location; indices: number[]; value: unknown }> {
  const out: Array<{ location: Location; indices: number[]; value: unknown }> = [];
  const walk = (node: unknown, i: number, location: Location, indices: number[]) => {
    if (i === path.length) {
      out.push({ location, indices, value: node });
      return;
    }
    const seg = path[i]!;
    if (seg === EACH) {
      if (!Array.isArray(node)) return;
      node.forEach((item, n) => walk(item, i + 1, [...location, n], [...indices, n]));
      return;
    }
    if (!isObject(node) || !hasOwn(node, seg)) return;
    const next = node[seg];
    if (next === undefined) return;
    walk(next, i + 1, [...location, seg], indices);
  };
  walk(doc, 0, [], []);
  return out;
}

/** The path with its wildcards replaced by indices, in order (a trailing wildcard stays: "append"). */
export function fill(path: PathSegment[], indices: number[]): { location: Location; append: boolean } {
  const location: Location = [];
  let n = 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (seg !== EACH) location.push(seg);
    else if (n < indices.length) location.push(indices[n++]!);
    else if (i === path.length - 1) return { location, append: true };
    else throw new Error("Sökvägen har fler [] än källan");
  }
  return { location, append: false };
}

export function getAt(doc: unknown, location: Location): unknown {
  let node = doc;
  for (const key of location) {
    if (node === null || typeof node !== "object") return undefined;
    if (Array.isArray(node) !== (typeof key === "number")) return undefined;
    if (!hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Sets an own property, even one named `__proto__` (as JSON.parse would). */
export function setOwn(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Removes the value at a location (object properties only; list items are removed by the operations that own the list). */
export function removeAt(doc: unknown, location: Location): void {
  const parent = getAt(doc, location.slice(0, -1));
  const key = location[location.length - 1];
  if (isObject(parent) && typeof key === "string") delete parent[key];
}

/**
 * After a value was taken away: objects on its path that became empty are removed too, up to
 * the document root and never out of a list (a list keeps its rows; the schema decides whether
 * an empty row is an error). An empty group carries no answer; a form does not save one either.
 */
export function prune(doc: unknown, location: Location): void {
  for (let end = location.length - 1; end > 0; end--) {
    const node = getAt(doc, location.slice(0, end));
    if (!isObject(node) || Object.keys(node).length > 0) return;
    if (typeof location[end - 1] !== "string") return;
    removeAt(doc, location.slice(0, end));
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => hasOwn(b, k) && deepEqual((a as JsonObject)[k], (b as JsonObject)[k]));
}

export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** A value that could not be written: where it was relative to the value being placed, and what it was. */
export interface Conflict {
  relative: Location;
  value: unknown;
  /** occupied: a different answer is already there; unplaceable: the place cannot hold a value. */
  why: "occupied" | "unplaceable";
}

/**
 * Writes `value` at `location`, creating missing objects on the way. Where something is already
 * there, objects merge key by key; an equal value is fine; anything else is a conflict, and the
 * existing value is kept (the caller reports the one that did not fit). Lists are never created
 * along the way, and list items are reached only by an index that exists.
 */
export function place(doc: JsonObject, location: Location, value: unknown): Conflict[] {
  if (location.length === 0) return [{ relative: [], value, why: "unplaceable" }];
  let node: unknown = doc;
  for (let i = 0; i < location.length - 1; i++) {
    const key = location[i]!;
    if (typeof key === "number") {
      if (!Array.isArray(node) || key >= node.length) return [{ relative: [], value, why: "unplaceable" }];
      node = node[key];
      continue;
    }
    if (!isObject(node)) return [{ relative: [], value, why: "unplaceable" }];
    if (!hasOwn(node, key)) setOwn(node, key, {});
    node = node[key];
  }
  return putInto(node, location[location.length - 1]!, value, []);
}

function putInto(parent: unknown, key: string | number, value: unknown, relative: Location): Conflict[] {
  if (typeof key === "number") {
    if (!Array.isArray(parent) || key >= parent.length) return [{ relative, value, why: "unplaceable" }];
    return mergeInto(parent[key], value, relative, (v) => (parent[key] = v));
  }
  if (!isObject(parent)) return [{ relative, value, why: "unplaceable" }];
  if (!hasOwn(parent, key)) {
    setOwn(parent, key, value);
    return [];
  }
  return mergeInto(parent[key], value, relative, (v) => setOwn(parent, key, v));
}

function mergeInto(existing: unknown, value: unknown, relative: Location, replace: (v: unknown) => void): Conflict[] {
  if (existing === undefined) {
    replace(value);
    return [];
  }
  if (deepEqual(existing, value)) return [];
  if (isObject(existing) && isObject(value)) {
    const out: Conflict[] = [];
    for (const k of Object.keys(value)) out.push(...putInto(existing, k, value[k], [...relative, k]));
    return out;
  }
  return [{ relative, value, why: "occupied" }];
}

/** Leaves of a value with their relative locations: primitives and empty lists (an empty object holds no answer). */
export function leaves(value: unknown, base: Location = []): Array<{ location: Location; value: unknown }> {
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ location: base, value }];
    return value.flatMap((v, i) => leaves(v, [...base, i]));
  }
  if (isObject(value)) return Object.keys(value).flatMap((k) => leaves(value[k], [...base, k]));
  return [{ location: base, value }];
}
