import { isUtf8 } from "node:buffer";
import { DOCUMENT_LIMITS } from "../validation/limits.ts";

/**
 * The limits on what the Node tools read (files, NDJSON lines, standard input). One place, so the
 * CLI, the NDJSON reader and the JSON file reader refuse the same things with the same numbers.
 */

/** A JSON document larger than this is refused, however it arrives (file, pipe, standard input). */
export const MAX_JSON_BYTES = 20 * 1024 * 1024;

/** An NDJSON line longer than this is reported as an error and skipped without being kept whole. */
export const MAX_NDJSON_LINE_BYTES = MAX_JSON_BYTES;

/**
 * Values nested deeper than this (objects and arrays, the outermost counting as 1) are refused:
 * the same number as the documents' depth limit in validation, so reading and validating agree.
 */
export const MAX_JSON_DEPTH = DOCUMENT_LIMITS.maxDepth;

/**
 * Why a JSON text was refused. `offset` is where in the text (UTF-16 units), when known:
 * - "syntax": not JSON (`end`: the text stops too early);
 * - "depth": objects and arrays nested deeper than MAX_JSON_DEPTH (the engine walks answers
 *   recursively; a deeper value would exhaust the stack);
 * - "number": a number outside the double range (JSON.parse makes it Infinity, which JSON.stringify
 *   would write back as null).
 */
export interface JsonFailure {
  kind: "syntax" | "depth" | "number";
  offset?: number;
  end?: boolean;
}

export type JsonParse = { value: unknown } | { failure: JsonFailure };

/**
 * JSON.parse with the limits: the value is checked (iteratively) for depth and non-finite numbers
 * before anything recursive sees it. A failure says what and where, never what the text holds:
 * V8's own messages quote the input, and answers hold personal data.
 */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonParse {
  // A long text is first looked through for its depth: JSON.parse builds ten million nested
  // arrays from 20 MB of "[" (seconds), where this stops at the first one too deep. A record of
  // ordinary length is parsed at once, its value checked below.
  if (text.length > PRESCAN_CHARS) {
    const at = tooDeepAt(text, maxDepth);
    if (at !== -1) return { failure: { kind: "depth", offset: at } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const found = scanJson(text, Infinity, false);
    return { failure: found ? { kind: "syntax", offset: found.offset, ...(found.end ? { end: true } : {}) } : { kind: "syntax" } };
  }
  const problem = valueProblem(value, maxDepth);
  if (problem === undefined) return { value };
  const found = scanJson(text, maxDepth, true);
  return { failure: found && found.kind !== "syntax" ? { kind: found.kind, offset: found.offset } : { kind: problem } };
}

/** Texts longer than this (in characters) are looked through for their depth before JSON.parse. */
const PRESCAN_CHARS = 64 * 1024;

/**
 * Where an object or array opens deeper than maxDepth, outside strings; -1 when none does. Says
 * nothing about syntax (JSON.parse does that).
 */
export function tooDeepAt(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/**
 * What is wrong with a parsed value, found without recursion: "depth" when objects and arrays nest
 * deeper than maxDepth (the outermost counts as 1), "number" for a non-finite number.
 */
export function valueProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): "depth" | "number" | undefined {
  if (typeof value !== "object" || value === null) return typeof value === "number" && !Number.isFinite(value) ? "number" : undefined;
  if (maxDepth < 1) return "depth";
  // The containers still to look into, with their depths; no arrays made per container, as
  // this runs on every NDJSON record.
  const stack: object[] = [];
  const depths: number[] = [];
  let v: object = value;
  let depth = 1;
  for (;;) {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const child: unknown = v[i];
        if (typeof child === "object") {
          if (child === null) continue;
          if (depth >= maxDepth) return "depth";
          stack.push(child);
          depths.push(depth + 1);
        } else if (typeof child === "number" && !Number.isFinite(child)) return "number";
      }
    } else {
      for (const key in v) {
        const child: unknown = (v as Record<string, unknown>)[key];
        if (typeof child === "object") {
          if (child === null) continue;
          if (depth >= maxDepth) return "depth";
          stack.push(child);
          depths.push(depth + 1);
        } else if (typeof child === "number" && !Number.isFinite(child)) return "number";
      }
    }
    if (stack.length === 0) return undefined;
    v = stack.pop()!;
    depth = depths.pop()!;
  }
}

/** What scanJson expects next. */
const Next = { Value: 0, Key: 1, After: 2 } as const;

/**
 * Finds the first problem in a JSON text and where it is, by the JSON grammar (RFC 8259), without
 * recursion: a syntax error (`end` when the text stops too early), a container opened deeper than
 * maxDepth, or (with `numbers`) a number outside the double range. Undefined for a text without
 * any. Used only after JSON.parse or the value check has failed, to say where.
 */
export function scanJson(text: string, maxDepth: number, numbers: boolean): { kind: "syntax" | "depth" | "number"; offset: number; end?: boolean } | undefined {
  const n = text.length;
  const open: number[] = []; // 0x5d "]" or 0x7d "}" for each container still open
  let i = 0;
  let next: number = Next.Value;
  const syntax = () => (i >= n ? { kind: "syntax" as const, offset: n, end: true } : { kind: "syntax" as const, offset: i });
  const space = () => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    }
  };
  const digits = () => {
    const from = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i > from;
  };
  /** A string from its opening quote; false at the first character that cannot be in it. */
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      i++;
      const e = text.charCodeAt(i);
      if (e === 0x75) {
        for (let k = 1; k <= 4; k++) {
          if (!/[0-9a-fA-F]/.test(text.charAt(i + k))) {
            i += k;
            return false;
          }
        }
        i += 5;
      } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) i++;
      else return false;
    }
    return false;
  };
  for (;;) {
    space();
    if (next === Next.Key) {
      if (text.charCodeAt(i) !== 0x22 || !string()) return syntax();
      space();
      if (text.charCodeAt(i) !== 0x3a) return syntax();
      i++;
      next = Next.Value;
      continue;
    }
    if (next === Next.After) {
      if (open.length === 0) return i < n ? syntax() : undefined;
      const c = text.charCodeAt(i);
      const close = open[open.length - 1]!;
      if (c === 0x2c) {
        i++;
        next = close === 0x7d ? Next.Key : Next.Value;
      } else if (c === close) {
        open.pop();
        i++;
      } else return syntax();
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (open.length + 1 > maxDepth) return { kind: "depth", offset: i };
      open.push(c + 2);
      i++;
      space();
      if (text.charCodeAt(i) === c + 2) {
        open.pop();
        i++;
        next = Next.After;
      } else next = c === 0x7b ? Next.Key : Next.Value;
      continue;
    }
    if (c === 0x22) {
      if (!string()) return syntax();
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      if (c === 0x2d) i++;
      if (text.charCodeAt(i) === 0x30) i++;
      else if (!digits()) return syntax();
      if (text.charCodeAt(i) === 0x2e) {
        i++;
        if (!digits()) return syntax();
      }
      if (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) {
        i++;
        if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i++;
        if (!digits()) return syntax();
      }
      if (numbers && !Number.isFinite(Number(text.slice(start, i)))) return { kind: "number", offset: start };
    } else {
      const word = c === 0x74 ? "true" : c === 0x66 ? "false" : c === 0x6e ? "null" : undefined;
      if (word === undefined) return syntax();
      for (let k = 0; k < word.length; k++, i++) if (text.charCodeAt(i) !== word.charCodeAt(k)) return syntax();
    }
    next = Next.After;
  }
}

/** Line and column (both from 1, columns in characters) of an offset into a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === lineStart || text.charCodeAt(i - 1) < 0xd800 || text.charCodeAt(i - 1) > 0xdbff) column++;
  }
  return { line, column };
}

/**
 * A failure in Swedish, to follow "Filen x är" / "rad n:" — where, never what: "inte giltig JSON
 * (rad 2, kolumn 7: oväntat tecken)". With `lines` false (one NDJSON line) only the column.
 */
export function describeJsonFailure(failure: JsonFailure, text: string, lines: boolean): string {
  let where = "";
  if (failure.offset !== undefined) {
    const at = lineAndColumn(text, failure.offset);
    where = lines ? `rad ${at.line}, kolumn ${at.column}` : `kolumn ${at.column}`;
  }
  switch (failure.kind) {
    case "syntax": {
      const what = failure.end ? "texten tar slut för tidigt" : "oväntat tecken";
      return where ? `inte giltig JSON (${where}: ${what})` : "inte giltig JSON";
    }
    case "depth":
      return `för djupt nästlad (mer än ${MAX_JSON_DEPTH} nivåer${where ? `, ${where}` : ""})`;
    case "number":
      return `ett tal är för stort${where ? ` (${where})` : ""}`;
  }
}

/**
 * Bytes to text, refusing what is not UTF-8 (a Latin-1 "Å" must not turn into U+FFFD unnoticed):
 * the text, or the offset (from 0) of the first byte of the first invalid sequence. A byte order
 * mark is kept as U+FEFF (JSON.parse then refuses it where it stands).
 *
 * The same text as a fatal TextDecoder (tests/hardening/decode-utf8.test.ts), but this runs on
 * every NDJSON line: `isUtf8` (one native pass) then `toString` cost less per line than
 * TextDecoder's decode, whose per-call overhead shows on records of a kilobyte.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isUtf8(buffer) ? { text: buffer.toString("utf8") } : { invalidAt: firstInvalidUtf8(bytes) };
}

/** The offset of the first invalid UTF-8 sequence (WHATWG's decoder's rules), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < lower || c > upper) return i;
      lower = 0x80;
      upper = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/** "inte giltig UTF-8 (första felaktiga byte på position 39, räknat från 0)". */
export function describeInvalidUtf8(offset: number, inLine: boolean): string {
  return `inte giltig UTF-8 (första felaktiga byte på position ${offset}${inLine ? " i raden" : ""}, räknat från 0)`;
}

/**
 * The last line of defence: a record that still exhausts the stack (a RangeError from recursive
 * engine code) is reported with this and skipped, and the stream goes on.
 */
export const TOO_DEEP_TO_PROCESS = "för djupt nästlad för att kunna behandlas";

/** True for the error a too-deep value raises in recursive code ("Maximum call stack size exceeded"). */
export function isStackOverflow(e: unknown): e is RangeError {
  return e instanceof RangeError;
}
