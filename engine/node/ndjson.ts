import { createReadStream } from "node:fs";
import { InputError } from "./files.ts";

export type NdjsonItem = { line: number; value: unknown } | { line: number; error: string };

/**
 * Reads NDJSON a chunk at a time and gives the records of each chunk together; memory stays
 * flat however many records the file holds (one chunk's records at a time).
 *
 * Lines end as `readline` (with `crlfDelay: Infinity`) ends them: at "\n", "\r\n" or a lone
 * "\r", also when "\r\n" is split between two chunks; blank lines are skipped but counted.
 * Why not readline itself: its events, regular expression and async iterator cost about as
 * much per record as our validation does (BENCHMARKS.md), for no feature NDJSON needs.
 */
export async function* readNdjsonBatches(path: string): AsyncGenerator<NdjsonItem[]> {
  const stream = createReadStream(path, { encoding: "utf8" });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", () => reject(new InputError(`Kan inte läsa filen ${path}: den finns inte eller går inte att öppna`)));
  });
  await opened;
  let n = 0;
  let rest = "";
  const parse = (text: string, out: NdjsonItem[]) => {
    n++;
    if (text.trim() === "") return;
    try {
      out.push({ line: n, value: JSON.parse(text) });
    } catch (e) {
      out.push({ line: n, error: `inte giltig JSON (${(e as Error).message})` });
    }
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = rest + chunk;
    // A "\r" at the end may be the first half of "\r\n": keep it until the next chunk shows.
    const carryReturn = text.endsWith("\r");
    if (carryReturn) text = text.slice(0, -1);
    if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
    const items: NdjsonItem[] = [];
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      parse(text.slice(start, end), items);
      start = end + 1;
    }
    rest = text.slice(start) + (carryReturn ? "\r" : "");
    if (items.length > 0) yield items;
  }
  // The last line, unless the file ended with a line break; a lone "\r" still ends it.
  const items: NdjsonItem[] = [];
  if (rest.endsWith("\r")) parse(rest.slice(0, -1), items);
  else if (rest !== "") parse(rest, items);
  if (items.length > 0) yield items;
}

/** Reads NDJSON one record at a time (see readNdjsonBatches). */
export async function* readNdjson(path: string): AsyncGenerator<NdjsonItem> {
  for await (const items of readNdjsonBatches(path)) yield* items;
}

export function isNdjsonPath(path: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(path);
}
