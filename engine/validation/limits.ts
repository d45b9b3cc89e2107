import { escapeSegment } from "../schema/pointer.ts";

/**
 * Limits on the shape of an answer document, checked in one pass before validation so that
 * time and memory stay bounded by the document's size whatever it holds (SECURITY.md). A form's
 * table never comes near these; a document past one is refused with the limit named, before any
 * of its items is validated or scored.
 */
export const DOCUMENT_LIMITS = Object.freeze({
  /** Items in one list (rows of a table, chosen options). */
  maxArrayItems: 10_000,
  /** Keys in one object. */
  maxObjectKeys: 10_000,
  /** Levels of nesting (objects and lists inside each other). */
  maxDepth: 200,
  /**
   * Answers in all (every list item and object value, at any depth): bounds the work of
   * validation, whose cost grows with the number of answers that can each be wrong. A full FIA
   * interview has about 300, a child's log with 500 events about 10,000.
   */
  maxValues: 200_000,
});

/** Field errors given messages per document; the rest are counted ("och N fel till"). */
export const MAX_REPORTED_ERRORS = 500;

export interface ShapeIssue {
  pointer: string;
  keyword: "maxItems" | "maxProperties" | "maxDepth" | "maxValues";
  message: string;
}

interface Trail {
  parent: Trail | undefined;
  key: string;
}

const pointerOf = (trail: Trail | undefined): string => {
  const keys: string[] = [];
  for (let t = trail; t; t = t.parent) keys.push(escapeSegment(t.key));
  return keys.length ? "/" + keys.reverse().join("/") : "";
};

const number = (n: number) => n.toLocaleString("sv-SE");

const tooMany = (limits: typeof DOCUMENT_LIMITS): ShapeIssue => ({
  pointer: "",
  keyword: "maxValues",
  message: `Svaren är för många (högst ${number(limits.maxValues)} svar i ett dokument)`,
});

/** Whether the document passes a limit: no allocation per value (the bulk path runs it per record). */
function exceeds(doc: unknown, limits: typeof DOCUMENT_LIMITS): boolean {
  const values: unknown[] = [doc];
  const depths: number[] = [0];
  let count = 0;
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth >= limits.maxDepth) return true;
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayItems) return true;
      if ((count += value.length) > limits.maxValues) return true;
      for (const v of value) if (v !== null && typeof v === "object") (values.push(v), depths.push(depth + 1));
      continue;
    }
    let n = 0;
    for (const key in value) {
      if (++n > limits.maxObjectKeys || ++count > limits.maxValues) return true;
      const v = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === "object") (values.push(v), depths.push(depth + 1));
    }
  }
  return false;
}

/**
 * The first place where the document passes a limit, or null. Iterative (no recursion, so no
 * stack overflow on a deep document), one visit per value; where it is is worked out only when
 * there is something to say.
 */
export function shapeIssue(doc: unknown, limits = DOCUMENT_LIMITS): ShapeIssue | null {
  if (!exceeds(doc, limits)) return null;
  const stack: Array<{ value: unknown; depth: number; trail: Trail | undefined }> = [{ value: doc, depth: 0, trail: undefined }];
  let count = 0;
  while (stack.length > 0) {
    const { value, depth, trail } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth >= limits.maxDepth) {
      return { pointer: pointerOf(trail), keyword: "maxDepth", message: `Svaren är nästlade för djupt (högst ${number(limits.maxDepth)} nivåer)` };
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayItems) {
        return { pointer: pointerOf(trail), keyword: "maxItems", message: `Listan har för många rader (${number(value.length)}, högst ${number(limits.maxArrayItems)})` };
      }
      if ((count += value.length) > limits.maxValues) return tooMany(limits);
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1, trail: { parent: trail, key: String(i) } });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.maxObjectKeys) {
      return { pointer: pointerOf(trail), keyword: "maxProperties", message: `Svaren har för många fält på ett ställe (${number(keys.length)}, högst ${number(limits.maxObjectKeys)})` };
    }
    if ((count += keys.length) > limits.maxValues) return tooMany(limits);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, trail: { parent: trail, key } });
    }
  }
  return null;
}
