import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { InputError } from "./files.ts";

export type NdjsonItem = { line: number; value: unknown } | { line: number; error: string };

/** Reads NDJSON one line at a time; memory stays flat however many records the file holds. */
export async function* readNdjson(path: string): AsyncGenerator<NdjsonItem> {
  const stream = createReadStream(path, { encoding: "utf8" });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", () => reject(new InputError(`Kan inte läsa filen ${path}: den finns inte eller går inte att öppna`)));
  });
  await opened;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === "") continue;
    try {
      yield { line: n, value: JSON.parse(text) };
    } catch (e) {
      yield { line: n, error: `inte giltig JSON (${(e as Error).message})` };
    }
  }
}

export function isNdjsonPath(path: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(path);
}
