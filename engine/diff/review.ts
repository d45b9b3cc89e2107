import { isSchemaObject } from "../schema/types.ts";
import type { Change, ChangeKind } from "./types.ts";

/**
 * A reviewer's acceptance of changes the diff could not prove ("review"), kept next to the new
 * version as `<instrument>/<version>.review.json`:
 *
 *   {
 *     "from": "fia@1.1.0",
 *     "to": "fia@1.2.0",
 *     "accepted": [
 *       { "pointer": "/del/svar", "kind": "keyword-changed", "keyword": "oneOf",
 *         "note": "Det nya alternativet överlappar inget annat; alla sparade svar gäller.", "by": "A. Granskare" }
 *     ]
 *   }
 *
 * An entry matches a change of class "review" with the same pointer and kind (and keyword, when
 * the entry names one). The bump check then counts that change as compatible. Only "review"
 * changes can be accepted: a proven breaking change stays breaking whatever the file says.
 */

export interface AcceptedChange {
  pointer: string;
  kind: ChangeKind;
  keyword?: string;
  /** Why the reviewer judged every stored answer still valid with the same meaning (required, not empty). */
  note: string;
  by?: string;
}

export interface ReviewFile {
  /** The old version (`name@version`). */
  from: string;
  /** The new version; the file sits next to it. */
  to: string;
  accepted: AcceptedChange[];
}

/** Checks a parsed review file's shape; throws an Error in Swedish naming the place. */
export function parseReviewFile(data: unknown): ReviewFile {
  const fail = (where: string, what: string): never => {
    throw new Error(`Granskningsfilen har fel vid ${where}: ${what}`);
  };
  if (!isSchemaObject(data)) fail("/", "ska vara ett objekt");
  const d = data as Record<string, unknown>;
  for (const key of Object.keys(d)) if (!["$schema", "from", "to", "accepted"].includes(key)) fail(`/${key}`, "okänd nyckel");
  for (const key of ["from", "to"]) if (typeof d[key] !== "string" || !/^[^@\s]+@\d+\.\d+\.\d+$/.test(d[key] as string)) fail(`/${key}`, "ska vara formulär@version, t.ex. fia@1.2.0");
  if (!Array.isArray(d.accepted)) fail("/accepted", "ska vara en lista");
  const accepted = (d.accepted as unknown[]).map((e, i): AcceptedChange => {
    const at = `/accepted/${i}`;
    if (!isSchemaObject(e)) fail(at, "ska vara ett objekt");
    const entry = e as Record<string, unknown>;
    for (const key of Object.keys(entry)) if (!["pointer", "kind", "keyword", "note", "by"].includes(key)) fail(`${at}/${key}`, "okänd nyckel");
    if (typeof entry.pointer !== "string" || (entry.pointer !== "" && !entry.pointer.startsWith("/"))) fail(`${at}/pointer`, "ska vara en JSON-pekare");
    if (typeof entry.kind !== "string" || entry.kind === "") fail(`${at}/kind`, "ska vara ändringens slag (t.ex. keyword-changed)");
    if (entry.keyword !== undefined && typeof entry.keyword !== "string") fail(`${at}/keyword`, "ska vara en text");
    if (typeof entry.note !== "string" || entry.note.trim() === "") fail(`${at}/note`, "granskarens motivering saknas");
    if (entry.by !== undefined && typeof entry.by !== "string") fail(`${at}/by`, "ska vara en text");
    return {
      pointer: entry.pointer as string,
      kind: entry.kind as ChangeKind,
      note: entry.note as string,
      ...(typeof entry.keyword === "string" ? { keyword: entry.keyword } : {}),
      ...(typeof entry.by === "string" ? { by: entry.by } : {}),
    };
  });
  return { from: d.from as string, to: d.to as string, accepted };
}

/**
 * Marks the "review" changes the file accepts (in place); returns how many were accepted. A file
 * written for another pair of versions is refused (an Error in Swedish): an acceptance is about
 * one step, never carried over to the next.
 */
export function acceptReviews(changes: Change[], file: ReviewFile, refs?: { from: string; to: string }): number {
  if (refs && (refs.from !== file.from || refs.to !== file.to)) {
    throw new Error(`Granskningsfilen gäller ${file.from} → ${file.to}, inte ${refs.from} → ${refs.to}.`);
  }
  let n = 0;
  for (const c of changes) {
    if (c.class !== "review") continue;
    const entry = file.accepted.find((e) => e.pointer === c.pointer && e.kind === c.kind && (e.keyword === undefined || e.keyword === c.keyword));
    if (!entry) continue;
    c.accepted = { note: entry.note, ...(entry.by !== undefined ? { by: entry.by } : {}) };
    n++;
  }
  return n;
}

/** Where the review file of a version lives, next to its schema: `<dir>/<version>.review.json`. */
export function reviewFileName(version: string): string {
  return `${version}.review.json`;
}
