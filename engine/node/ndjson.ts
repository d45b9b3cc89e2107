import { createReadStream } from "node:fs";
import { InputError } from "./files.ts";
import { MAX_NDJSON_LINE_BYTES, decodeUtf8, describeInvalidUtf8, describeJsonFailure, parseJson } from "./limits.ts";

/**
 * One line's record, or why the line gave none. `refused` marks a line refused by a limit (too
 * long, nested too deep, a number too large) rather than one that could not be read (not UTF-8,
 * not JSON). Errors say where in the line, never what it holds.
 */
export type NdjsonItem = { line: number; value: unknown } | { line: number; error: string; refused?: true };

export interface NdjsonOptions {
  /** Longest line read, in bytes (default MAX_NDJSON_LINE_BYTES); a longer one is an error item. */
  maxLineBytes?: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Reads NDJSON a chunk at a time and gives the records of each chunk together; memory stays
 * flat however many records the file holds (one chunk's records at a time).
 *
 * Lines end as `readline` (with `crlfDelay: Infinity`) ends them: at "\n", "\r\n" or a lone
 * "\r", also when "\r\n" is split between two chunks; blank lines are skipped but counted.
 * Why not readline itself: its events, regular expression and async iterator cost about as
 * much per record as our validation does (BENCHMARKS.md), for no feature NDJSON needs.
 *
 * The file is read as bytes: a line is decoded on its own, so one that is not UTF-8 is an error
 * item with its line number and the others are read. Time is linear in a line's length (the
 * pieces of a line are kept in a list and joined once), and a line longer than maxLineBytes is
 * not kept: it is reported as an error item and skipped up to its end.
 */
export async function* readNdjsonBatches(path: string, options: NdjsonOptions = {}): AsyncGenerator<NdjsonItem[]> {
  const max = options.maxLineBytes ?? MAX_NDJSON_LINE_BYTES;
  const stream = createReadStream(path);
  const opened = new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", () => reject(new InputError(`Kan inte läsa filen ${path}: den finns inte eller går inte att öppna`)));
  });
  await opened;
  let n = 0;
  // The line not yet ended: its pieces (joined once, when it ends) and their length.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // The line not yet ended is over the limit: its bytes are dropped until it ends.
  let skipping = false;
  // The last chunk ended with "\r": a "\n" starting the next one belongs to it.
  let afterReturn = false;
  const tooLong = (out: NdjsonItem[]) => out.push({ line: n, error: `raden är för lång (över ${max} byte)`, refused: true });
  const endLine = (last: Buffer, out: NdjsonItem[]) => {
    n++;
    if (skipping || pendingBytes + last.length > max) tooLong(out);
    else if (pending.length === 0) parseLine(last, n, out);
    else parseLine(Buffer.concat([...pending, last], pendingBytes + last.length), n, out);
    pending = [];
    pendingBytes = 0;
    skipping = false;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    if (afterReturn && chunk.length > 0) {
      if (chunk[0] === LF) start = 1;
      afterReturn = false;
    }
    const items: NdjsonItem[] = [];
    // The next "\n" and "\r" at or after start, each searched for again only once passed.
    let lf = chunk.indexOf(LF, start);
    let cr = chunk.indexOf(CR, start);
    while (lf !== -1 || cr !== -1) {
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      endLine(chunk.subarray(start, end), items);
      if (chunk[end] === CR) {
        if (end + 1 === chunk.length) afterReturn = true;
        start = chunk[end + 1] === LF ? end + 2 : end + 1;
      } else start = end + 1;
      if (lf !== -1 && lf < start) lf = chunk.indexOf(LF, start);
      if (cr !== -1 && cr < start) cr = chunk.indexOf(CR, start);
    }
    if (start < chunk.length && !skipping) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > max) {
        pending = [];
        pendingBytes = 0;
        skipping = true;
      }
    }
    if (items.length > 0) yield items;
  }
  // The last line, unless the file ended with a line break.
  const items: NdjsonItem[] = [];
  if (skipping || pendingBytes > 0) endLine(Buffer.alloc(0), items);
  if (items.length > 0) yield items;
}

function parseLine(bytes: Buffer, line: number, out: NdjsonItem[]): void {
  const decoded = decodeUtf8(bytes);
  if ("invalidAt" in decoded) {
    out.push({ line, error: describeInvalidUtf8(decoded.invalidAt, true) });
    return;
  }
  const text = decoded.text;
  if (text.trim() === "") return;
  const parsed = parseJson(text);
  if ("value" in parsed) out.push({ line, value: parsed.value });
  else if (parsed.failure.kind === "syntax") out.push({ line, error: describeJsonFailure(parsed.failure, text, false) });
  else out.push({ line, error: describeJsonFailure(parsed.failure, text, false), refused: true });
}

/** Reads NDJSON one record at a time (see readNdjsonBatches). */
export async function* readNdjson(path: string, options: NdjsonOptions = {}): AsyncGenerator<NdjsonItem> {
  for await (const items of readNdjsonBatches(path, options)) yield* items;
}

export function isNdjsonPath(path: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(path);
}
