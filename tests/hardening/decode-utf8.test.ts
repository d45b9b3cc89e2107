import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../engine/node/limits.ts";

/** The reference: WHATWG's fatal decoder, keeping a byte order mark as the text's first character. */
const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function reference(bytes: Uint8Array): string | undefined {
  try {
    return fatal.decode(bytes);
  } catch {
    return undefined;
  }
}

describe("decodeUtf8 gives what a fatal TextDecoder gives", () => {
  it("on the edges of UTF-8: a byte order mark, overlong forms, surrogates, past U+10FFFF, cut sequences", () => {
    const cases: Array<[number[], string | undefined]> = [
      [[], ""],
      [[0xef, 0xbb, 0xbf, 0x7b, 0x7d], "\ufeff{}"],
      [[0xc3, 0x85, 0x73, 0x61], "Åsa"],
      [[0xf0, 0x9f, 0x98, 0x80], "😀"],
      [[0xf4, 0x8f, 0xbf, 0xbf], "\u{10ffff}"],
      [[0xc5, 0x73, 0x61], undefined], // Latin-1 "Å"
      [[0xc0, 0xaf], undefined], // overlong "/"
      [[0xe0, 0x80, 0xaf], undefined], // overlong, three bytes
      [[0xed, 0xa0, 0x80], undefined], // a UTF-16 surrogate
      [[0xf4, 0x90, 0x80, 0x80], undefined], // past U+10FFFF
      [[0x22, 0xe2, 0x82], undefined], // cut at the end
      [[0x80], undefined],
    ];
    for (const [bytes, text] of cases) {
      const got = decodeUtf8(Uint8Array.from(bytes));
      expect(reference(Uint8Array.from(bytes)), String(bytes)).toBe(text);
      expect(got, String(bytes)).toEqual(text === undefined ? { invalidAt: expect.any(Number) as number } : { text });
    }
  });

  it("on random bytes, as a Buffer slice and as a plain Uint8Array view", () => {
    let seed = 11;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const edges = [0xc2, 0xc5, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xbb, 0x41, 0x22];
    let valid = 0;
    for (let k = 0; k < 5_000; k++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 9) }, () => (random() < 0.5 ? Math.floor(random() * 256) : edges[Math.floor(random() * edges.length)]!));
      // The reader hands over pieces of a larger chunk: decode a view with an offset, not a copy.
      const chunk = Buffer.concat([Buffer.from("xy"), bytes, Buffer.from("z")]);
      const expected = reference(bytes);
      if (expected !== undefined) valid++;
      for (const view of [chunk.subarray(2, 2 + bytes.length), new Uint8Array(chunk.buffer, chunk.byteOffset + 2, bytes.length)]) {
        const got = decodeUtf8(view);
        if (expected === undefined) {
          expect("invalidAt" in got, String([...bytes])).toBe(true);
          // The offset is where the valid part ends: what comes before it decodes.
          const at = (got as { invalidAt: number }).invalidAt;
          expect(reference(bytes.subarray(0, at)), String([...bytes])).not.toBeUndefined();
        } else expect(got, String([...bytes])).toEqual({ text: expected });
      }
    }
    // Both kinds were drawn often enough for the comparison to mean something.
    expect(valid).toBeGreaterThan(500);
    expect(valid).toBeLessThan(4_500);
  });
});
