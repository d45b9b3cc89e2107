import { describe, expect, it } from "vitest";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readNdjson, type NdjsonItem } from "../../engine/node/ndjson.ts";
import { describeJsonFailure, parseJson } from "../../engine/node/limits.ts";

/** The reference: what readNdjson gave when it was built on node:readline. */
async function viaReadline(path: string): Promise<NdjsonItem[]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  const out: NdjsonItem[] = [];
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === "") continue;
    // The message names the column, never the line's contents (V8's own messages quote them).
    const parsed = parseJson(text);
    out.push("value" in parsed ? { line: n, value: parsed.value } : { line: n, error: describeJsonFailure(parsed.failure, text, false) });
  }
  return out;
}

async function both(text: string): Promise<[NdjsonItem[], NdjsonItem[]]> {
  const dir = mkdtempSync(join(tmpdir(), "blankett-ndjson-"));
  try {
    const file = join(dir, "x.ndjson");
    writeFileSync(file, text);
    const ours: NdjsonItem[] = [];
    for await (const item of readNdjson(file)) ours.push(item);
    return [ours, await viaReadline(file)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("readNdjson", () => {
  it("ends lines where readline does: \\n, \\r\\n, a lone \\r; blank lines counted, not given", async () => {
    for (const text of ['{"a":1}\n{"b":2}\n', '{"a":1}\r\n\r\n{"b":2}', '{"a":1}\r{"b":2}\r', '\n  \n{"a":1}\n{bad\n{"c":"å"}', "", "\r", '{"a":1}\n\r\n\r']) {
      const [ours, reference] = await both(text);
      expect(ours, JSON.stringify(text)).toEqual(reference);
    }
  });

  it("joins a \\r\\n that falls across two chunks of the file", async () => {
    const line = '{"s":"y"}\n';
    for (let pad = 0; pad < 12; pad++) {
      // Put the "\r" near the end of the first 64 KiB chunk, at each position around it.
      const head = line.repeat(Math.floor((65536 - 40) / line.length));
      const text = head + JSON.stringify({ p: "z".repeat(65536 - head.length - 16 + pad) }) + '\r\n{"after":1}\r{"last":2}';
      const [ours, reference] = await both(text);
      expect(ours.slice(-3)).toEqual(reference.slice(-3));
      expect(ours.length).toBe(reference.length);
    }
  });
});
