import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../engine/cli/main.ts";
import { InputError, readJsonFile } from "../../engine/node/files.ts";
import { readNdjson, type NdjsonItem } from "../../engine/node/ndjson.ts";
import { MAX_JSON_BYTES, MAX_JSON_DEPTH, MAX_NDJSON_LINE_BYTES, firstInvalidUtf8, scanJson } from "../../engine/node/limits.ts";
import { FIXTURES, ROOT } from "../helpers.ts";
import { generated } from "../migrate/helpers.ts";

const tmp = mkdtempSync(join(tmpdir(), "blankett-hardening-"));

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

/** The CLI in-process, as bin/blankett.js runs it. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function items(path: string, options?: { maxLineBytes?: number }): Promise<NdjsonItem[]> {
  const out: NdjsonItem[] = [];
  for await (const item of readNdjson(path, options)) out.push(item);
  return out;
}

const errorOf = (item: NdjsonItem | undefined) => (item && "error" in item ? item.error : undefined);

const deepArray = (n: number) => "[".repeat(n) + "]".repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);

const fia = generated("fia@1.0.0", 6, 11).map((d) => JSON.stringify(d));
const sue = readFileSync(join(FIXTURES, "sue/valid/record-1.json"), "utf8");
const sueDoc = JSON.parse(sue) as { bakgrund: Record<string, unknown> };

describe("the limits", () => {
  it("one NDJSON line may be as long as one JSON file", () => {
    expect(MAX_NDJSON_LINE_BYTES).toBe(MAX_JSON_BYTES);
    expect(MAX_JSON_BYTES).toBe(20 * 1024 * 1024);
    expect(MAX_JSON_DEPTH).toBe(200);
  });
});

describe("NDJSON: long lines", () => {
  it("reads a 16 MB line in linear time", async () => {
    const p = join(tmp, "long.ndjson");
    const fd = openSync(p, "w");
    writeSync(fd, '{"a":1}\n{"s":"');
    const block = "x".repeat(1 << 20);
    for (let i = 0; i < 16; i++) writeSync(fd, block);
    writeSync(fd, '"}\n{"b":2}\n');
    closeSync(fd);
    const t0 = performance.now();
    const got = await items(p);
    const seconds = (performance.now() - t0) / 1000;
    expect(got.map((i) => i.line)).toEqual([1, 2, 3]);
    expect(((got[1] as { value: { s: string } }).value.s).length).toBe(16 << 20);
    expect(seconds).toBeLessThan(4);
  });

  it("reports a line over the limit by number without keeping it, and reads on", async () => {
    const long = '{"s":"' + "x".repeat(3 * 1024 * 1024) + '"}';
    const p = file("over.ndjson", ['{"a":1}', long, '{"b":2}', "", long + "\r", '{"c":3}'].join("\n") + "\n");
    const got = await items(p, { maxLineBytes: 1024 * 1024 });
    expect(got.map((i) => i.line)).toEqual([1, 2, 3, 5, 6]);
    expect(errorOf(got[1])).toBe("raden är för lång (över 1048576 byte)");
    expect(errorOf(got[3])).toBe("raden är för lång (över 1048576 byte)");
    expect(got[4]).toEqual({ line: 6, value: { c: 3 } });
  });

  it("the CLI refuses a line over MAX_NDJSON_LINE_BYTES and validates the others", async () => {
    const p = join(tmp, "huge.ndjson");
    const fd = openSync(p, "w");
    writeSync(fd, JSON.stringify(sueDoc) + '\n{"s":"');
    const block = "x".repeat(1 << 20);
    for (let i = 0; i < 21; i++) writeSync(fd, block);
    writeSync(fd, '"}\n' + JSON.stringify(sueDoc) + "\n");
    closeSync(fd);
    const r = await cli("validate", "sue@1.0.0", p);
    expect(r.out).toContain(`huge.ndjson rad 2: raden är för lång (över ${MAX_NDJSON_LINE_BYTES} byte)`);
    expect(r.out).toMatch(/3 dokument, 0 ogiltiga, 2 giltiga, 0 gick inte att läsa, 1 avvisade/);
    expect(r.code).toBe(1);
  });
});

describe("NDJSON: one bad line does not stop the stream", () => {
  const lines = [fia[0]!, deepArray(100_000), fia[1]!, deepObject(100_000), "", fia[2]!, "{ nope", fia[3]!];
  const input = () => file("deep.ndjson", lines.join("\n") + "\n");

  it("the reader refuses values deeper than MAX_JSON_DEPTH, by line number", async () => {
    const got = await items(input());
    expect(got.map((i) => i.line)).toEqual([1, 2, 3, 4, 6, 7, 8]);
    expect(errorOf(got[1])).toBe(`för djupt nästlad (mer än ${MAX_JSON_DEPTH} nivåer, kolumn ${MAX_JSON_DEPTH + 1})`);
    expect(errorOf(got[3])).toMatch(/^för djupt nästlad \(mer än 200 nivåer, kolumn \d+\)$/);
    // At the limit is fine.
    const ok = await items(file("200.ndjson", deepArray(MAX_JSON_DEPTH) + "\n" + deepObject(MAX_JSON_DEPTH)));
    expect(ok.every((i) => "value" in i)).toBe(true);
  });

  it("migrate writes every good line, reports each bad one, and counts add up", async () => {
    const out = join(tmp, "deep-out.ndjson");
    const r = await cli("migrate", input(), "--to", "fia@2.0.0", "--out", out, "--date", "2025-01-01");
    expect(r.err).not.toMatch(/Maximum call stack/);
    expect(r.err).toMatch(/deep\.ndjson rad 2: för djupt nästlad/);
    expect(r.err).toMatch(/deep\.ndjson rad 4: för djupt nästlad/);
    expect(r.err).toMatch(/deep\.ndjson rad 7: inte giltig JSON/);
    const written = readFileSync(out, "utf8").trim().split("\n");
    expect(written).toHaveLength(4);
    expect(r.err).toContain("7 rader lästa: 4 skrivna, 3 inte flyttade");
    expect(r.code).toBe(2);
  });

  it("migrate: a refused line alone gives exit 1 (refused records), not 2", async () => {
    const r = await cli("migrate", file("deep-only.ndjson", [fia[0], deepArray(1000), fia[1]].join("\n")), "--to", "fia@2.0.0", "--date", "2025-01-01");
    expect(r.out.split("\n")).toHaveLength(2);
    expect(r.err).toContain("3 rader lästa: 2 skrivna, 1 inte flyttade");
    expect(r.code).toBe(1);
  });

  it("score and check go on after a deep line, with a summary on stderr", async () => {
    for (const command of ["score", "check"]) {
      const r = await cli(command, "fia@1.0.0", input());
      expect(r.err, command).not.toMatch(/Maximum call stack/);
      expect(r.err, command).toMatch(/rad 2: för djupt nästlad/);
      expect(r.err, command).toMatch(/rad 4: för djupt nästlad/);
      expect(r.err, command).toContain("7 rader lästa: 4 bedömda, 3 inte bedömda");
      expect(r.code, command).toBe(2);
    }
    const score = await cli("score", "fia@1.0.0", input());
    expect(score.out.trim().split("\n")).toHaveLength(4);
  });

  it("a deep single document is refused in one line with exit 2", async () => {
    for (const text of [deepArray(100_000), '{"meta":' + deepObject(100_000) + "}"]) {
      const p = file("deep.json", text);
      for (const argv of [["validate", "fia@1.0.0", p], ["score", "fia@1.0.0", p], ["migrate", p, "--to", "fia@2.0.0"]]) {
        const r = await cli(...argv);
        expect(r.code, argv[0]).toBe(2);
        expect(r.err, argv[0]).toMatch(/deep\.json är för djupt nästlad \(mer än 200 nivåer, rad 1, kolumn \d+\)$/);
      }
    }
  });
});

describe("validate: the NDJSON summary adds up", () => {
  it("valid + invalid + unreadable + refused = lines read", async () => {
    const good = JSON.stringify(sueDoc);
    const bad = JSON.stringify({ ...sueDoc, bakgrund: { ...sueDoc.bakgrund, fodelsear: 1850 } });
    const lines = [good, bad, "{trasig", good, bad, "", good, "[1,", bad, good, good];
    const r = await cli("validate", "sue@1.0.0", file("mixed.ndjson", lines.join("\n") + "\n"));
    expect(r.out).toContain("10 dokument, 3 ogiltiga, 5 giltiga, 2 gick inte att läsa, 0 avvisade");
    expect(r.code).toBe(2);
  });
});

describe("size caps hold for pipes and standard input", () => {
  const big = () => Buffer.from('{"meta":{"schema":"fia@1.0.0"},"x":"' + "a".repeat(MAX_JSON_BYTES + 4096) + '"}');

  it("a document on /dev/stdin over MAX_JSON_BYTES is refused with exit 2, naming the limit", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin/blankett.js"), "validate", "fia@1.0.0", "/dev/stdin"], { cwd: ROOT, input: big(), encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`Filen /dev/stdin är för stor (mer än ${MAX_JSON_BYTES} byte)`);
  });

  it("readJsonFile stops at the cap on a named pipe", async () => {
    const fifo = join(tmp, "pipe");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return;
    const writer = spawn(process.execPath, ["-e", `const b=Buffer.alloc(${MAX_JSON_BYTES * 2},32);try{require("fs").writeFileSync(${JSON.stringify(fifo)},b)}catch{}`]);
    const closed = new Promise((resolve) => writer.once("close", resolve));
    expect(() => readJsonFile(fifo)).toThrow(new InputError(`Filen ${fifo} är för stor (mer än ${MAX_JSON_BYTES} byte)`));
    await closed;
  });
});

describe("invalid UTF-8 and numbers beyond a double", () => {
  const latin1 = () => Buffer.concat([Buffer.from('{"meta":{"schema":"sue@1.0.0"},"namn":"'), Buffer.from([0xc5, 0x73, 0x61]), Buffer.from('"}')]);

  it("a document with Latin-1 bytes is refused with the byte offset (exit 2)", async () => {
    const p = file("latin1.json", latin1());
    for (const argv of [["validate", "sue@1.0.0", p], ["migrate", p, "--to", "sue"]]) {
      const r = await cli(...argv);
      expect(r.code, argv[0]).toBe(2);
      expect(r.err, argv[0]).toBe(`Filen ${p} är inte giltig UTF-8 (första felaktiga byte på position 39, räknat från 0)`);
      expect(r.out).toBe("");
    }
    expect(() => readJsonFile(file("cut.json", Buffer.from([0x22, 0xe2, 0x82])))).toThrow(/position 1, räknat från 0/);
    expect(readJsonFile(file("ok.json", Buffer.from('"Åsa 😀"')))).toBe("Åsa 😀");
  });

  it("an NDJSON line with Latin-1 bytes is reported by number, the others read", async () => {
    const p = file("latin1.ndjson", Buffer.concat([Buffer.from('{"a":"Å"}\n'), latin1(), Buffer.from('\n{"b":"ö"}\n')]));
    const got = await items(p);
    expect(got[0]).toEqual({ line: 1, value: { a: "Å" } });
    expect(errorOf(got[1])).toBe("inte giltig UTF-8 (första felaktiga byte på position 39 i raden, räknat från 0)");
    expect(got[2]).toEqual({ line: 3, value: { b: "ö" } });
  });

  it("a number beyond the double range is refused, never written as null", async () => {
    const p = file("huge-number.json", '{\n  "meta": {"schema": "fia@1.0.0"},\n  "x": 1e400\n}');
    for (const argv of [["validate", "fia@1.0.0", p], ["migrate", p, "--to", "fia@2.0.0"]]) {
      const r = await cli(...argv);
      expect(r.code, argv[0]).toBe(2);
      expect(r.err, argv[0]).toBe(`Filen ${p}: ett tal är för stort (rad 3, kolumn 8)`);
      expect(r.out).toBe("");
    }
    const lines = await items(file("huge-number.ndjson", '{"a":1}\n{"b":[1, -1E+999]}\n{"c":1e308}\n'));
    expect(errorOf(lines[1])).toBe("ett tal är för stort (kolumn 10)");
    expect(lines[2]).toEqual({ line: 3, value: { c: 1e308 } });
  });
});

describe("parse errors never quote the input", () => {
  const secret = "19850101-1234";

  it("a malformed document: file, line and column, no content", async () => {
    const p = file("secret.json", `{\n  "personnummer": ${secret}\n}`);
    const r = await cli("validate", "fia@1.0.0", p);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain("19850101");
    expect(r.err).toBe(`Filen ${p} är inte giltig JSON (rad 2, kolumn 27: oväntat tecken)`);
    const end = await cli("validate", "fia@1.0.0", file("cut.json", `{"personnummer": "${secret}`));
    expect(end.err).not.toContain("19850101");
    expect(end.err).toMatch(/inte giltig JSON \(rad 1, kolumn 32: texten tar slut för tidigt\)$/);
  });

  it("a malformed NDJSON line: line and column, no content", async () => {
    const p = file("secret.ndjson", `{"a":1}\n{"personnummer": x${secret}}\n`);
    for (const argv of [["validate", "sue@1.0.0", p], ["migrate", p, "--to", "sue"], ["score", "sue@1.0.0", p]]) {
      const r = await cli(...argv);
      const all = r.out + r.err;
      expect(all, argv[0]).not.toContain("19850101");
      expect(all, argv[0]).toContain("secret.ndjson rad 2: inte giltig JSON (kolumn 18: oväntat tecken)");
    }
    const indicators = await cli("indicators", "sue@1.0.0", p);
    expect(indicators.out + indicators.err).not.toContain("19850101");
  });

  it("--definitions with a file that is not JSON names it, not its first line", async () => {
    const records = file("few.ndjson", JSON.stringify(sueDoc) + "\n");
    const defs = file("passwd", `root:x:0:0:${secret}:/root:/bin/bash\n`);
    for (const d of [defs, ...(existsSync("/etc/passwd") ? ["/etc/passwd"] : [])]) {
      const r = await cli("indicators", "sue@1.0.0", records, "--definitions", d);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^Filen ${d} är inte giltig JSON \\(rad 1, kolumn 1: oväntat tecken\\)$`));
    }
  });
});

describe("a long, deep text is refused before JSON.parse builds it", () => {
  it("10 MB of '[' on one line: refused in well under a second, the next line read", async () => {
    const n = 5_000_000;
    const p = file("very-deep.ndjson", deepArray(n) + '\n{"a":1}\n');
    const t0 = performance.now();
    const got = await items(p);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(errorOf(got[0])).toBe(`för djupt nästlad (mer än ${MAX_JSON_DEPTH} nivåer, kolumn ${MAX_JSON_DEPTH + 1})`);
    expect(got[1]).toEqual({ line: 2, value: { a: 1 } });
  });
});

describe("the scanners agree with JSON.parse and TextDecoder", () => {
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  it("scanJson finds a problem exactly when JSON.parse fails", () => {
    const pieces = ["{", "}", "[", "]", '"', "\\", ":", ",", " ", "\n", "0", "1", "-", ".", "e", "E", "+", "true", "false", "null", "tru", '"a"', "\\u00e5", "\\x", "\t", "\u0001", "å", "01", "-0", "0.5", "1.", '"\\"', '"\\u12"'];
    for (let k = 0; k < 20_000; k++) {
      let text = "";
      for (let i = 0, n = 1 + Math.floor(random() * 8); i < n; i++) text += pick(pieces);
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(scanJson(text, Infinity, false) === undefined, JSON.stringify(text)).toBe(parses);
    }
  });

  it("firstInvalidUtf8 finds the first byte the fatal decoder refuses", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const decodes = (b: Uint8Array) => {
      try {
        decoder.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    for (let k = 0; k < 20_000; k++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        random() < 0.5 ? Math.floor(random() * 256) : pick([0xc5, 0xe0, 0xed, 0xf0, 0xf4, 0x80, 0xbf, 0xa0, 0x9f, 0x90, 0x8f, 0x41]),
      );
      const at = firstInvalidUtf8(bytes);
      expect(at === -1, String([...bytes])).toBe(decodes(bytes));
      if (at !== -1) expect(decodes(bytes.subarray(0, at))).toBe(true);
    }
  });
});
