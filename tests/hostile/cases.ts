/**
 * The hostile-input corpus as data: families × variants, each case with an id, what a demanding
 * user expects (an exit code, or a library outcome), a time bound and, for the giants (≥ 5 MB,
 * run in a child process), a peak-RSS bound. Expectations come from the documented rules
 * (README.md, schemas/README.md, schemas/MIGRATIONS.md, SECURITY.md, tests/hardening), not from
 * what the code happens to print.
 *
 * Exit codes: 0 ok, 1 invalid or refused records, 2 unusable input.
 *
 * A case the engine does not yet meet carries `known` (the defect, in one line); the runner keeps
 * it and runs it with it.fails, so it turns red the day the defect is fixed and the mark can go.
 */
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { checkDocument, lintSchema, validatorFor, type JsonSchema } from "../../engine/compiler.ts";
import { SCHEMAS_DIR, loadRegistry } from "../../engine/node/files.ts";
import { loadMigrations } from "../../engine/node/migrations.ts";
import { readNdjson, type NdjsonItem } from "../../engine/node/ndjson.ts";
import { MAX_JSON_BYTES } from "../../engine/node/limits.ts";
import { migrate } from "../../engine/migrate/migrate.ts";
import { parseIndicatorFile } from "../../engine/indicators/definition.ts";
import { IndicatorAccumulator } from "../../engine/indicators/accumulate.ts";
import { checkOverlay, applyOverlay } from "../../engine/overlay/overlay.ts";
import { FIXTURES, ROOT, readJson } from "../helpers.ts";
import { MARKER, RAW, parseCsv, type CliResult, type ChildResult, type Tmp } from "./harness.ts";

export interface Base {
  id: string;
  family: string;
  /** Time bound in milliseconds. */
  ms: number;
  /** A defect this case shows and the engine does not yet fix (the case runs with it.fails). */
  known?: string;
}

export interface CliCase extends Base {
  kind: "cli";
  /** Writes the case's files and gives the command line. */
  argv: (t: Tmp, ctx: Context) => string[];
  exit: number;
  /** stdout may carry answers (a migrated or scored document is the command's output). */
  echo?: boolean;
  /** An internal error ("Internt fel") is never expected; cases run with this unset. */
  check?: (r: CliResult, t: Tmp, ctx: Context) => void;
}

export interface LibCase extends Base {
  kind: "lib";
  run: (t: Tmp, ctx: Context) => unknown;
  /** "returns": a value (checked by check); "throws": an Error whose message matches `match`. */
  outcome: "returns" | "throws";
  match?: RegExp;
  /** Messages that must not appear in what is thrown (RangeError from a stack overflow, say). */
  check?: (value: unknown, t: Tmp, ctx: Context) => void;
}

export interface ChildCase extends Base {
  kind: "child";
  argv: (t: Tmp, ctx: Context) => string[];
  stdin?: (t: Tmp) => { bytes: Buffer } | { file: string };
  exit: number;
  /** Peak RSS bound in MiB. */
  rssMiB: number;
  check?: (r: ChildResult, t: Tmp) => void;
}

export type HostileCase = CliCase | LibCase | ChildCase;

/** What the runner provides: the counting HTTP server's port. */
export interface Context {
  port: number;
  hits: () => number;
}

// ---------------------------------------------------------------------------------------------
// Material

const registry = loadRegistry();
const fiaSchema = registry.get("fia@1.0.0")!;
const sueSchema = registry.get("sue@1.0.0")!;
const FIA_PATH = join(ROOT, "schemas/fia/1.0.0.schema.json");
const fiaText = readFileSync(FIA_PATH, "utf8");
const sueDefRaw = readJson<Record<string, unknown>>(join(ROOT, "schemas/sue/1.0.0.indicators.json"));

/** A valid FIA interview with the marker in a free-text answer. */
function fiaDoc(): Record<string, any> {
  const d = readJson<Record<string, any>>(join(FIXTURES, "fia/valid/interview-1.json"));
  d.livssituation.boende.kommentar = `Personnummer ${MARKER}`;
  return d;
}
/** A valid SUE record with the marker in a free-text answer (the district). */
function sueDoc(): Record<string, any> {
  const d = readJson<Record<string, any>>(join(FIXTURES, "sue/valid/record-1.json"));
  d.bakgrund.stadsdel = `Område ${MARKER}`;
  return d;
}
const FIA_TEXT = JSON.stringify(fiaDoc(), null, 2);
const SUE_LINE = JSON.stringify(sueDoc());
const SUE_INVALID_LINE = JSON.stringify({ ...sueDoc(), bakgrund: { ...sueDoc().bakgrund, fodelsear: 1850 } });

const deepArray = (n: number) => "[".repeat(n) + "]".repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
const nested = (n: number, leaf: unknown = "x", key?: string) => {
  let v: unknown = leaf;
  for (let i = 0; i < n; i++) v = key === undefined ? [v] : { [key]: v };
  return v;
};

const polluted = () => ({}) as Record<string, unknown>;
const no = (text: string, what: RegExp | string, label: string) => {
  if (typeof what === "string") expect(text, label).not.toContain(what);
  else expect(text, label).not.toMatch(what);
};

/** The single-document commands: how each is run on a document path, and whether stdout may echo it. */
const DOC_COMMANDS: Array<{ name: string; argv: (doc: string, t: Tmp) => string[]; echo?: boolean; out?: boolean }> = [
  { name: "validate", argv: (d) => ["validate", "fia@1.0.0", d] },
  { name: "check", argv: (d) => ["check", "fia@1.0.0", d] },
  { name: "score", argv: (d) => ["score", "fia@1.0.0", d], echo: true },
  { name: "migrate", argv: (d, t) => ["migrate", d, "--to", "fia@2.0.0", "--out", t.path("ut.json"), "--date", "2025-01-01"], out: true },
];

/** After a refusal, migrate --out must not have created its file. */
const nothingWritten = (r: CliResult, t: Tmp) => expect(existsSync(t.path("ut.json")), "migrate --out created a file for refused input").toBe(false);

const cases: HostileCase[] = [];
/** Paths a case may have created outside its temporary directory (in schemas/): removed after every case. */
export const CLEANUP: string[] = [];
const add = (c: HostileCase) => cases.push(c);

// ---------------------------------------------------------------------------------------------
// 1. Malformed JSON documents: exit 2, one line on stderr, where and never what.

const truncations = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99];
const trailing: Array<[string, string]> = [
  ["x", "x"],
  ["obj", " {}"],
  ["comma", ","],
  ["bracket", "]"],
  ["nul", "\u0000"],
  ["comment", " // kommentar"],
  ["second-doc", "\n\n" + FIA_TEXT],
];
const malformed: Array<{ id: string; bytes: () => Buffer; message: RegExp }> = [
  ...truncations.map((f) => ({ id: `truncated-${Math.round(f * 100)}`, bytes: () => Buffer.from(FIA_TEXT.slice(0, Math.floor(FIA_TEXT.length * f))), message: /inte giltig JSON \(rad \d+, kolumn \d+: texten tar slut för tidigt\)$/ })),
  ...trailing.map(([id, tail]) => ({ id: `trailing-${id}`, bytes: () => Buffer.from(FIA_TEXT + tail), message: /inte giltig JSON \(rad \d+, kolumn \d+: oväntat tecken\)$/ })),
  { id: "bom-utf8", bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIA_TEXT)]), message: /inte giltig JSON \(rad 1, kolumn 1: oväntat tecken\)$/ },
  { id: "bom-utf16le", bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIA_TEXT, "utf16le")]), message: /inte giltig UTF-8 \(första felaktiga byte på position 0, räknat från 0\)$/ },
  { id: "empty", bytes: () => Buffer.alloc(0), message: /inte giltig JSON/ },
  { id: "single-quotes", bytes: () => Buffer.from(FIA_TEXT.replace(/"/g, "'")), message: /inte giltig JSON \(rad 2, kolumn 3: oväntat tecken\)$/ },
  { id: "nan", bytes: () => Buffer.from(FIA_TEXT.replace('"kommentar": "', '"tal": NaN, "kommentar": "')), message: /oväntat tecken/ },
  ...[0x00, 0x01, 0x08, 0x09, 0x0a, 0x0d, 0x1b, 0x1f].map((c) => ({
    id: `raw-control-${c.toString(16).padStart(2, "0")}-in-string`,
    bytes: () => Buffer.from(FIA_TEXT.replace(`Personnummer ${MARKER}`, `Personnummer ${String.fromCharCode(c)}${MARKER}`)),
    message: /inte giltig JSON \(rad \d+, kolumn \d+: oväntat tecken\)$/,
  })),
  { id: "cesu-surrogate-bytes", bytes: () => Buffer.concat([Buffer.from(FIA_TEXT.slice(0, 40)), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(FIA_TEXT.slice(40))]), message: /inte giltig UTF-8 \(första felaktiga byte på position 40, räknat från 0\)$/ },
];
for (const m of malformed) {
  for (const cmd of DOC_COMMANDS) {
    add({
      kind: "cli",
      family: "malformed-json",
      id: `malformed-json/${m.id}/${cmd.name}`,
      ms: 2000,
      exit: 2,
      argv: (t) => cmd.argv(t.file("svar.json", m.bytes()), t),
      check: (r, t) => {
        expect(r.out).toBe("");
        expect(r.errLines).toHaveLength(1);
        expect(r.err).toMatch(m.message);
        if (cmd.out) nothingWritten(r, t);
      },
    });
  }
}

// Escaped lone surrogates are valid JSON: the document is read and validated like any other.
for (const [id, s] of [["lone-high", "\\ud800"], ["lone-low", "\\udc00"], ["reversed-pair", "\\udc00\\ud800"], ["high-high", "\\ud83d\\ud83d"]] as const) {
  add({
    kind: "cli",
    family: "malformed-json",
    id: `malformed-json/escaped-${id}/validate`,
    ms: 2000,
    exit: 0,
    argv: (t) => ["validate", "fia@1.0.0", t.file("svar.json", FIA_TEXT.replace(`Personnummer ${MARKER}`, `Text ${s} ${MARKER}`))],
    check: (r) => expect(r.out).toMatch(/: giltigt$/),
  });
  add({
    kind: "cli",
    family: "malformed-json",
    id: `malformed-json/escaped-${id}/migrate-stdout`,
    ms: 2000,
    exit: 0,
    echo: true,
    argv: (t) => ["migrate", t.file("svar.json", FIA_TEXT.replace(`Personnummer ${MARKER}`, `Text ${s}`)), "--to", "fia@1.1.0", "--date", "2025-01-01"],
    // Written back as JSON escapes (JSON.stringify is well-formed), never as broken UTF-8.
    check: (r) => expect(r.out).toContain(`Text ${s}`),
  });
}

// The other JSON inputs: a schema file, an overlay, indicator definitions, a schema to lint.
const otherInputs: Array<{ name: string; argv: (p: string, t: Tmp) => string[] }> = [
  { name: "schema", argv: (p, t) => ["validate", p, t.file("svar.json", FIA_TEXT)] },
  { name: "lint", argv: (p) => ["lint", p] },
  { name: "overlay", argv: (p) => ["overlay", "check", p] },
  { name: "definitions", argv: (p, t) => ["indicators", "sue@1.0.0", t.file("poster.ndjson", SUE_LINE + "\n"), "--definitions", p] },
  { name: "diff-new", argv: (p) => ["diff", "fia@1.0.0", p] },
];
const badTexts: Array<{ id: string; bytes: () => Buffer; message: RegExp }> = [
  { id: "truncated", bytes: () => Buffer.from(fiaText.slice(0, 500)), message: /inte giltig JSON \(rad \d+, kolumn \d+: texten tar slut för tidigt\)$/ },
  { id: "latin1", bytes: () => Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc5, 0x73, 0x61]), Buffer.from('"}')]), message: /inte giltig UTF-8 \(första felaktiga byte på position 10, räknat från 0\)$/ },
  { id: "deep-100k", bytes: () => Buffer.from('{"title":' + deepArray(100_000) + "}"), message: /för djupt nästlad \(mer än 200 nivåer, rad 1, kolumn \d+\)$/ },
  { id: "number-1e400", bytes: () => Buffer.from('{"title":"x","maximum":1e400}'), message: /ett tal är för stort \(rad 1, kolumn 24\)$/ },
];
for (const b of badTexts) {
  for (const input of otherInputs) {
    add({
      kind: "cli",
      family: "malformed-json",
      id: `malformed-json/${input.name}-${b.id}`,
      ms: 2000,
      exit: 2,
      argv: (t) => input.argv(t.file("indata.json", b.bytes()), t),
      check: (r) => {
        expect(r.out).toBe("");
        expect(r.err).toMatch(b.message);
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Deep nesting in documents: refused before anything recursive sees it.

const deepDocs: Array<{ id: string; text: () => string; exit: number; message?: RegExp }> = [
  { id: "array-1k", text: () => deepArray(1000), exit: 2, message: /för djupt nästlad \(mer än 200 nivåer, rad 1, kolumn 201\)$/ },
  { id: "array-100k", text: () => deepArray(100_000), exit: 2, message: /för djupt nästlad \(mer än 200 nivåer, rad 1, kolumn 201\)$/ },
  { id: "object-1k-in-meta", text: () => '{"meta":' + deepObject(1000) + "}", exit: 2, message: /för djupt nästlad \(mer än 200 nivåer, rad 1, kolumn \d+\)$/ },
  { id: "object-100k-in-answer", text: () => FIA_TEXT.replace('"kommentar": "', '"djup": ' + deepObject(100_000) + ', "kommentar": "'), exit: 2, message: /för djupt nästlad \(mer än 200 nivåer, rad \d+, kolumn \d+\)$/ },
  { id: "mixed-100k", text: () => '{"a":'.repeat(50_000) + "[".repeat(50_000) + "]".repeat(50_000) + "}".repeat(50_000), exit: 2, message: /för djupt nästlad/ },
  { id: "unclosed-100k", text: () => "[".repeat(100_000), exit: 2, message: /för djupt nästlad|inte giltig JSON/ },
  // At the limit (200 levels) the text is read; the schema then says it is not an interview.
  { id: "array-200-at-limit", text: () => deepArray(200), exit: 1 },
  { id: "array-201", text: () => deepArray(201), exit: 2, message: /för djupt nästlad \(mer än 200 nivåer, rad 1, kolumn 201\)$/ },
  // Brackets inside a string are text, not nesting.
  { id: "brackets-in-string", text: () => FIA_TEXT.replace(`Personnummer ${MARKER}`, "[".repeat(100_000)), exit: 1 },
];
for (const d of deepDocs) {
  for (const cmd of DOC_COMMANDS) {
    add({
      kind: "cli",
      family: "deep-nesting",
      id: `deep-nesting/${d.id}/${cmd.name}`,
      ms: 2000,
      // A top-level array is no answer document: migrate cannot read its version (unusable input).
      exit: d.id === "array-200-at-limit" && cmd.name === "migrate" ? 2 : d.exit,
      echo: cmd.echo,
      argv: (t) => cmd.argv(t.file("djup.json", d.text()), t),
      check: (r, t) => {
        no(r.err + r.out, /Maximum call stack|RangeError/, "stack overflow shown");
        if (d.message) {
          expect(r.errLines).toHaveLength(1);
          expect(r.err).toMatch(d.message);
          if (cmd.out) nothingWritten(r, t);
        }
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Numbers beyond a double: refused, never turned into Infinity or null.

for (const [id, n] of [["1e400", "1e400"], ["-1e400", "-1e400"], ["1E+999", "1E+999"], ["-1.5e309", "-1.5e309"], ["2e308", "2e308"]] as const) {
  for (const cmd of DOC_COMMANDS) {
    add({
      kind: "cli",
      family: "numbers",
      id: `numbers/${id}/${cmd.name}`,
      ms: 2000,
      exit: 2,
      argv: (t) => cmd.argv(t.file("tal.json", FIA_TEXT.replace('"kommentar": "', `"tal": ${n}, "kommentar": "`)), t),
      check: (r, t) => {
        expect(r.errLines).toHaveLength(1);
        expect(r.err).toMatch(/: ett tal är för stort \(rad \d+, kolumn \d+\)$/);
        if (cmd.out) nothingWritten(r, t);
      },
    });
  }
}
// A large number inside the range is an ordinary number.
add({ kind: "cli", family: "numbers", id: "numbers/1e308-in-range/validate", ms: 2000, exit: 1, argv: (t) => ["validate", "fia@1.0.0", t.file("tal.json", FIA_TEXT.replace('"kommentar": "', '"tal": 1e308, "kommentar": "'))], check: (r) => expect(r.out).toMatch(/\/tal/) });

// ---------------------------------------------------------------------------------------------
// 4. Invalid UTF-8: refused with the byte offset, never rewritten as U+FFFD.

const badBytes: Array<[string, number[]]> = [
  ["latin1-a-ring", [0xc5]],
  ["latin1-a-umlaut", [0xe4]],
  ["latin1-o-umlaut", [0xf6]],
  ["overlong-slash-2", [0xc0, 0xaf]],
  ["overlong-c1", [0xc1, 0xbf]],
  ["overlong-slash-3", [0xe0, 0x80, 0xaf]],
  ["overlong-slash-4", [0xf0, 0x80, 0x80, 0xaf]],
  ["truncated-euro", [0xe2, 0x82]],
  ["truncated-emoji", [0xf0, 0x9f, 0x98]],
  ["surrogate-d800", [0xed, 0xa0, 0x80]],
  ["above-10ffff", [0xf4, 0x90, 0x80, 0x80]],
  ["f5-lead", [0xf5, 0x80, 0x80, 0x80]],
  ["ff", [0xff]],
  ["lone-continuation", [0x80]],
];
for (const [id, bytes] of badBytes) {
  const prefix = '{"meta":{"schema":"fia@1.0.0"},"namn":"';
  add({
    kind: "cli",
    family: "invalid-utf8",
    id: `invalid-utf8/${id}/document`,
    ms: 2000,
    exit: 2,
    argv: (t) => ["validate", "fia@1.0.0", t.file("utf8.json", Buffer.concat([Buffer.from(prefix), Buffer.from(bytes), Buffer.from(`${MARKER}"}`)]))],
    check: (r) => {
      expect(r.out).toBe("");
      expect(r.err).toMatch(new RegExp(`inte giltig UTF-8 \\(första felaktiga byte på position ${prefix.length}, räknat från 0\\)$`));
    },
  });
  add({
    kind: "cli",
    family: "invalid-utf8",
    id: `invalid-utf8/${id}/ndjson-line`,
    ms: 2000,
    exit: 2,
    argv: (t) => ["validate", "sue@1.0.0", t.file("poster.ndjson", Buffer.concat([Buffer.from(SUE_LINE + "\n" + '{"s":"'), Buffer.from(bytes), Buffer.from(`${MARKER}"}\n` + SUE_LINE + "\n")]))],
    check: (r) => {
      expect(r.out).toMatch(/poster\.ndjson rad 2: inte giltig UTF-8 \(första felaktiga byte på position 6 i raden, räknat från 0\)/);
      expect(r.out).toContain("3 dokument, 0 ogiltiga, 2 giltiga, 1 gick inte att läsa, 0 avvisade");
    },
  });
}

// ---------------------------------------------------------------------------------------------
// 5. NDJSON faults: every line counted; lines in = lines done + lines reported.

type LineKind = "V" | "I" | "B" | "W" | "J" | "D" | "DO" | "N" | "U" | "P" | "E";
const LINE: Record<LineKind, () => Buffer> = {
  V: () => Buffer.from(SUE_LINE),
  I: () => Buffer.from(SUE_INVALID_LINE),
  B: () => Buffer.alloc(0),
  W: () => Buffer.from("   \t "),
  J: () => Buffer.from(`{"bakgrund": {"stadsdel": "${MARKER}"`),
  D: () => Buffer.from(deepArray(1000)),
  DO: () => Buffer.from(deepObject(100_000)),
  N: () => Buffer.from(`{"x":1e400,"s":"${MARKER}"}`),
  U: () => Buffer.concat([Buffer.from('{"s":"'), Buffer.from([0xc5]), Buffer.from(`${MARKER}"}`)]),
  P: () => Buffer.from(`{"__proto__":{"polluted":"${MARKER}"},"constructor":{"prototype":{"polluted":1}}}`),
  E: () => Buffer.from("[]"),
};
/** How each kind of line ends up: valid, invalid (schema), blank, unreadable (not UTF-8 or JSON), refused (a limit). */
const STATUS: Record<LineKind, "valid" | "invalid" | "blank" | "unreadable" | "refused"> = { V: "valid", I: "invalid", B: "blank", W: "blank", J: "unreadable", D: "refused", DO: "refused", N: "refused", U: "unreadable", P: "invalid", E: "invalid" };
/** migrate: invalid documents without meta.schema (or not objects) cannot be moved (exit 2). */
const MOVABLE: Record<LineKind, boolean> = { V: true, I: true, B: false, W: false, J: false, D: false, DO: false, N: false, U: false, P: false, E: false };

const compositions: Array<[string, LineKind[]]> = [
  ["blank-lines", ["V", "B", "V", "W", "V"]],
  ["bad-json-middle", ["V", "J", "V"]],
  ["deep-lines", ["V", "D", "V", "DO", "V"]],
  ["number-and-invalid", ["V", "N", "I", "V"]],
  ["utf8-line", ["V", "U", "V"]],
  ["only-bad", ["J", "J"]],
  ["everything", ["V", "I", "B", "J", "D", "N", "U", "P", "W", "V"]],
  ["proto-and-array", ["V", "P", "E", "I"]],
  ["only-blank", ["B", "W", "B"]],
  ["eleven-bad", ["J", "J", "J", "J", "J", "J", "J", "J", "J", "J", "J", "V"]],
];
const terminators: Array<[string, string, boolean]> = [
  ["lf", "\n", true],
  ["crlf", "\r\n", true],
  ["cr", "\r", true],
  ["lf-no-final", "\n", false],
];

function ndjsonFile(t: Tmp, kinds: LineKind[], eol: string, final: boolean): string {
  const parts: Buffer[] = [];
  kinds.forEach((k, i) => {
    parts.push(LINE[k]());
    if (i < kinds.length - 1 || final) parts.push(Buffer.from(eol));
  });
  return t.file("poster.ndjson", Buffer.concat(parts));
}

function tally(kinds: LineKind[]) {
  const n = { read: 0, valid: 0, invalid: 0, unreadable: 0, refused: 0, movable: 0 };
  for (const k of kinds) {
    const s = STATUS[k];
    if (s === "blank") continue;
    n.read++;
    n[s]++;
    if (MOVABLE[k]) n.movable++;
  }
  return n;
}

for (const [cid, kinds] of compositions) {
  const n = tally(kinds);
  const unusable = n.unreadable > 0;
  for (const [tid, eol, final] of terminators) {
    const id = `ndjson/${cid}/${tid}`;
    const file = (t: Tmp) => ndjsonFile(t, kinds, eol, final);
    add({
      kind: "cli",
      family: "ndjson",
      id: `${id}/validate`,
      ms: 2000,
      exit: unusable ? 2 : n.invalid + n.refused > 0 ? 1 : 0,
      argv: (t) => ["validate", "sue@1.0.0", file(t)],
      check: (r) => {
        expect(r.outLines.at(-1)).toBe(`${n.read} dokument, ${n.invalid} ogiltiga, ${n.valid} giltiga, ${n.unreadable} gick inte att läsa, ${n.refused} avvisade`);
        expect(n.read).toBe(n.valid + n.invalid + n.unreadable + n.refused);
      },
    });
    for (const command of ["check", "score"] as const) {
      add({
        kind: "cli",
        family: "ndjson",
        id: `${id}/${command}`,
        ms: 2000,
        exit: unusable ? 2 : n.invalid + n.refused > 0 ? 1 : 0,
        echo: command === "score",
        argv: (t) => [command, "sue@1.0.0", file(t)],
        check: (r) => {
          const done = n.valid + n.invalid;
          expect(r.errLines.at(-1)).toBe(`${n.read} rader lästa: ${done} bedömda, ${n.read - done} inte bedömda`);
          const perDoc = command === "score" ? r.outLines.filter((l) => l.startsWith("{")) : r.outLines.filter((l) => / rad \d+: /.test(l));
          expect(perDoc).toHaveLength(done);
          // Every line not done is reported by its number.
          expect(r.errLines.filter((l) => / rad \d+: /.test(l))).toHaveLength(n.read - done);
        },
      });
    }
    add({
      kind: "cli",
      family: "ndjson",
      id: `${id}/migrate`,
      ms: 2000,
      exit: unusable || n.read - n.refused > n.movable ? 2 : n.refused > 0 || n.invalid > 0 ? 1 : 0,
      argv: (t) => ["migrate", file(t), "--to", "sue", "--out", t.path("ut.ndjson"), "--date", "2025-01-01"],
      check: (r, t) => {
        expect(r.out).toBe("");
        expect(r.errLines.at(-1)).toBe(`${n.read} rader lästa: ${n.movable} skrivna, ${n.read - n.movable} inte flyttade`);
        const written = readFileSync(t.path("ut.ndjson"), "utf8").split("\n").filter((l) => l !== "");
        expect(written).toHaveLength(n.movable);
      },
    });
    add({
      kind: "cli",
      family: "ndjson",
      id: `${id}/indicators`,
      ms: 3000,
      exit: n.read > n.valid ? 1 : 0,
      argv: (t) => ["indicators", "sue@1.0.0", file(t), "--format", "json"],
      check: (r) => {
        const report = JSON.parse(r.out) as { records: number };
        expect(report.records).toBe(n.valid);
        const left = n.read - n.valid;
        if (left > 0) expect(r.errLines.at(-1)).toMatch(new RegExp(`: ${left} (post|poster) av ${n.read} utelämnades ur indikatorerna`));
        else expect(r.err).toBe("");
        // Unreadable lines listed by number, at most ten, the rest counted.
        const listed = r.errLines.filter((l) => / rad \d+: /.test(l));
        expect(listed.length).toBe(Math.min(10, n.unreadable + n.refused));
      },
    });
  }
  add({
    kind: "lib",
    family: "ndjson",
    id: `ndjson/${cid}/readNdjson`,
    ms: 2000,
    outcome: "returns",
    run: async (t) => {
      const got: NdjsonItem[] = [];
      for await (const item of readNdjson(ndjsonFile(t, [...kinds, "V"], "\r\n", true), { maxLineBytes: 1 << 20 })) got.push(item);
      return got;
    },
    check: (value) => {
      const got = value as NdjsonItem[];
      const all = [...kinds, "V" as const];
      const expected = all.map((k, i) => ({ k, line: i + 1 })).filter(({ k }) => STATUS[k] !== "blank");
      expect(got.map((i) => i.line)).toEqual(expected.map((e) => e.line));
      got.forEach((item, i) => {
        const s = STATUS[expected[i]!.k];
        expect("error" in item, `line ${item.line}`).toBe(s === "unreadable" || s === "refused");
        if ("error" in item) {
          expect(item.error).not.toContain(MARKER);
          expect(!!item.refused, `line ${item.line} refused`).toBe(s === "refused");
        }
      });
    },
  });
}
// A line over the byte limit is reported and skipped; the library option makes it cheap to test.
for (const size of [1025, 4096, 100_000]) {
  add({
    kind: "lib",
    family: "ndjson",
    id: `ndjson/too-long-${size}/readNdjson`,
    ms: 2000,
    outcome: "returns",
    run: async (t) => {
      const got: NdjsonItem[] = [];
      const long = `{"s":"${MARKER}${"x".repeat(size)}"}`;
      for await (const item of readNdjson(t.file("lang.ndjson", `{"a":1}\n${long}\r\n{"b":2}\n${long}`), { maxLineBytes: 1024 })) got.push(item);
      return got;
    },
    check: (value) => {
      const got = value as NdjsonItem[];
      expect(got).toEqual([
        { line: 1, value: { a: 1 } },
        { line: 2, error: "raden är för lång (över 1024 byte)", refused: true },
        { line: 3, value: { b: 2 } },
        { line: 4, error: "raden är för lång (över 1024 byte)", refused: true },
      ]);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// 6. Oversized lists and objects: refused by the document limits (10,000), at once.

const sized: Array<{ id: string; doc: () => Record<string, any>; refused: RegExp | null }> = [
  { id: "list-10001", doc: () => ({ ...fiaDoc(), sammanstallning: { klientensRangordning: Array.from({ length: 10_001 }, (_, i) => `${MARKER}-${i}`) } }), refused: /för många rader \(10\s001, högst 10\s000\)/ },
  { id: "list-100k", doc: () => ({ ...fiaDoc(), sammanstallning: { klientensRangordning: Array.from({ length: 100_000 }, () => 1) } }), refused: /för många rader \(100\s000, högst 10\s000\)/ },
  { id: "list-10000-at-limit", doc: () => ({ ...fiaDoc(), sammanstallning: { klientensRangordning: Array.from({ length: 10_000 }, (_, i) => `o${i}`) } }), refused: null },
  { id: "keys-10001", doc: () => ({ ...fiaDoc(), intervju: Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, MARKER])) }), refused: /för många fält på ett ställe \(10\s001, högst 10\s000\)/ },
  { id: "keys-10000-at-limit", doc: () => ({ ...fiaDoc(), intervju: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 1])) }), refused: null },
  { id: "nested-list-in-unknown-key", doc: () => ({ ...fiaDoc(), okand: [[Array.from({ length: 20_000 }, () => MARKER)]] }), refused: /för många rader/ },
  { id: "values-210k-in-21-lists", doc: () => ({ ...fiaDoc(), okand: Array.from({ length: 21 }, () => Array.from({ length: 10_000 }, () => MARKER)) }), refused: /Svaren är för många \(högst 200\s000 svar i ett dokument\)/ },
  { id: "values-210k-in-21-objects", doc: () => ({ ...fiaDoc(), okand: Array.from({ length: 21 }, (_, k) => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [String(i), k]))) }), refused: /Svaren är för många/ },
  { id: "list-of-objects-10001", doc: () => ({ ...fiaDoc(), sammanstallning: { klientensRangordning: Array.from({ length: 10_001 }, () => ({ [MARKER]: MARKER })) } }), refused: /för många rader/ },
];
for (const s of sized) {
  for (const command of ["validate", "check"] as const) {
    add({
      kind: "cli",
      family: "oversized",
      id: `oversized/${s.id}/${command}`,
      ms: 3000,
      exit: 1,
      argv: (t) => [command, "fia@1.0.0", t.file("stor.json", JSON.stringify(s.doc()))],
      check: (r) => {
        if (s.refused) expect(r.out).toMatch(s.refused);
        else expect(r.out).not.toMatch(/högst 10\s000/);
      },
    });
  }
  add({
    kind: "lib",
    family: "oversized",
    id: `oversized/${s.id}/validate-library`,
    ms: 3000,
    outcome: "returns",
    run: () => validatorFor(fiaSchema).validate(s.doc()),
    check: (v) => {
      const r = v as ReturnType<ReturnType<typeof validatorFor>["validate"]>;
      expect(r.valid).toBe(false);
      expect(r.errors.length).toBeLessThanOrEqual(500);
      if (s.refused) {
        expect(r.refused).toBe(true);
        expect(r.errors[0]!.message).toMatch(s.refused);
      } else expect(r.refused).toBeUndefined();
    },
  });
  add({
    kind: "lib",
    family: "oversized",
    id: `oversized/${s.id}/checkDocument-library`,
    ms: 3000,
    outcome: "returns",
    run: () => checkDocument(fiaSchema, s.doc()),
    check: (v) => {
      const r = v as ReturnType<typeof checkDocument>;
      if (s.refused) {
        expect(r.refused).toBe(true);
        expect(r.results).toEqual([]);
      }
      expect(JSON.stringify(r)).not.toContain(MARKER);
    },
  });
}
// Many errors: the first 500 get messages, the rest are counted — also on the command line.
const manyInvalid = () => ({ ...readJson<Record<string, unknown>>(join(FIXTURES, "barnahuslogg/valid/moa.json")), handelser: Array.from({ length: 10_000 }, () => ({ datum: "fel", handelsetyp: MARKER })) });
add({
  kind: "lib",
  family: "oversized",
  id: "oversized/10000-invalid-rows/validate",
  ms: 5000,
  outcome: "returns",
  run: () => validatorFor(registry.get("barnahuslogg@1.0.0")!).validate(manyInvalid()),
  check: (v) => {
    const r = v as { errors: unknown[]; more?: number };
    expect(r.errors).toHaveLength(500);
    expect(r.more).toBeGreaterThan(5000);
    expect(JSON.stringify(r)).not.toContain(MARKER);
  },
});
add({
  kind: "cli",
  family: "oversized",
  id: "oversized/10000-invalid-rows/validate-cli",
  ms: 8000,
  exit: 1,
  argv: (t) => ["validate", "barnahuslogg@1.0.0", t.file("manga.json", JSON.stringify(manyInvalid()))],
  check: (r) => {
    const listed = r.outLines.filter((l) => l.startsWith("  /"));
    expect(listed.length).toBeLessThanOrEqual(500);
    // The errors beyond the 500 listed are counted, so the user is not told the total is 500.
    expect(r.out).toMatch(/och \d[\d\s]* fel till/);
    const total = Number(/ogiltigt \((\d+) fel\)/.exec(r.out)?.[1]);
    expect(total).toBeGreaterThan(5000);
  },
});

// ---------------------------------------------------------------------------------------------
// 7. __proto__, constructor, prototype: own keys like any other, nothing polluted.

const PROTO_KEYS = ["__proto__", "constructor", "prototype"] as const;
const protoDoc = (key: string, where: "root" | "section" | "row") => {
  const inner = `{"polluted":"${MARKER}","toString":"x"}`;
  const text = JSON.stringify(fiaDoc());
  if (where === "root") return text.replace(/^\{/, `{"${key}":${inner},`);
  if (where === "section") return text.replace('"intervju":{', `"intervju":{"${key}":${inner},`);
  return text.replace('"klientensRangordning":[', `"klientensRangordning":[{"${key}":${inner}},`);
};
for (const key of PROTO_KEYS) {
  for (const where of ["root", "section", "row"] as const) {
    for (const cmd of DOC_COMMANDS) {
      add({
        kind: "cli",
        family: "proto-keys",
        id: `proto-keys/answers-${key}-${where}/${cmd.name}`,
        ms: 2000,
        exit: 1,
        echo: cmd.echo,
        argv: (t) => cmd.argv(t.file("proto.json", protoDoc(key, where)), t),
        check: (r, t) => {
          // A key in an object is named by its pointer (in a list of codes the row itself is wrong).
          if (cmd.name === "validate" && where !== "row") expect(r.out).toContain(`/${key}`);
          if (cmd.out) {
            // Nothing is dropped: the key is in the migrated document (which is then invalid).
            const moved = readFileSync(t.path("ut.json"), "utf8");
            expect(moved).toContain(`"${key}"`);
          }
        },
      });
    }
    add({
      kind: "lib",
      family: "proto-keys",
      id: `proto-keys/answers-${key}-${where}/migrate-library`,
      ms: 2000,
      outcome: "returns",
      run: () => migrate(JSON.parse(protoDoc(key, where)), "fia@1.0.0", "fia@2.0.0", loadMigrations("fia", registry)),
      check: (v) => {
        const text = JSON.stringify((v as { document: unknown }).document);
        expect(text).toContain(`"${key}"`);
      },
    });
  }
}
// JSON Logic reads own properties only: a rule reading __proto__ or constructor finds nothing.
for (const path of ["__proto__", "constructor", "constructor.name", "__proto__.polluted", "meta.constructor", "meta.__proto__.toString", "toString", "hasOwnProperty"]) {
  const schemaWithRule = () => {
    const s = JSON.parse(fiaText) as Record<string, any>;
    s["x-rules"] = [{ id: "las", kind: "value", title: "Läser", expr: { var: path } }];
    return s;
  };
  add({
    kind: "cli",
    family: "proto-keys",
    id: `proto-keys/rule-var-${path}/score`,
    ms: 2000,
    // A rule reading a path the schema does not have is refused by lint's expression check
    // (issue 11), before any answer is read: never resolved through Object.prototype.
    exit: 2,
    argv: (t) => ["score", t.file("regel.schema.json", JSON.stringify(schemaWithRule())), t.file("svar.json", FIA_TEXT)],
    check: (r) => expect(r.errLines.join("\n")).toMatch(/Schemat har fel vid \/x-rules\/0\/expr/),
  });
}
// Schemas with such keys: they are property names like any other.
const protoSchemas: Array<{ id: string; schema: string; ok: string; bad: string }> = [
  { id: "property-__proto__", schema: '{"type":"object","additionalProperties":false,"required":["__proto__"],"properties":{"__proto__":{"type":"string"}}}', ok: '{"__proto__":"x"}', bad: '{"__proto__":5}' },
  { id: "property-constructor", schema: '{"type":"object","additionalProperties":false,"required":["constructor"],"properties":{"constructor":{"type":"string"}}}', ok: '{"constructor":"x"}', bad: "{}" },
  { id: "defs-__proto__", schema: '{"type":"object","properties":{"a":{"$ref":"#/$defs/__proto__"}},"$defs":{"__proto__":{"type":"integer"}}}', ok: '{"a":1}', bad: '{"a":"x"}' },
  { id: "defs-constructor", schema: '{"type":"object","properties":{"a":{"$ref":"#/$defs/constructor"}},"$defs":{"constructor":{"type":"integer"}}}', ok: '{"a":1}', bad: '{"a":"x"}' },
  { id: "required-prototype", schema: '{"type":"object","required":["prototype"]}', ok: '{"prototype":1}', bad: '{"x":1}' },
];
const PROTO_PROPERTY =
  "a schema declaring a property named __proto__ (additionalProperties: false) rejects a document carrying it: “Uppgiften ”__proto__” finns inte i formuläret” — plain Ajv2020 does the same; the engine should either accept it or refuse such a schema when it is loaded";
for (const p of protoSchemas) {
  for (const [which, doc, exit] of [["ok", p.ok, 0], ["bad", p.bad, 1]] as const) {
    const known = p.id === "property-__proto__" && which === "ok" ? PROTO_PROPERTY : undefined;
    add({
      ...(known ? { known } : {}),
      kind: "cli",
      family: "proto-keys",
      id: `proto-keys/schema-${p.id}/${which}`,
      ms: 2000,
      exit,
      argv: (t) => ["validate", t.file("proto.schema.json", p.schema), t.file("svar.json", doc)],
    });
  }
  add({
    kind: "lib",
    family: "proto-keys",
    id: `proto-keys/schema-${p.id}/validatorFor`,
    ms: 2000,
    outcome: "returns",
    ...(p.id === "property-__proto__" ? { known: PROTO_PROPERTY } : {}),
    run: () => [validatorFor(JSON.parse(p.schema) as JsonSchema).validate(JSON.parse(p.ok)).valid, validatorFor(JSON.parse(p.schema) as JsonSchema).validate(JSON.parse(p.bad)).valid],
    check: (v) => expect(v).toEqual([true, false]),
  });
}
// Overlays naming such keys: a rule violation (exit 1), never a polluted object.
const overlayBase = { name: "hostil", title: "Hostil kommun", base: "fia@1.0.0" };
const overlayWith = (key: string, where: string): string => {
  const k = JSON.stringify(key);
  const parts: Record<string, string> = {
    hide: `"hide":[${JSON.stringify(`intervju.${key}`)}]`,
    relabel: `"relabel":{${k}:"x","intervju":"y"}`,
    help: `"help":{${JSON.stringify(`${key}.polluted`)}:"x"}`,
    addItems: `"addItems":[{"key":${k},"schema":{"type":"string","title":"t"}}]`,
    reorder: `"reorder":{${k}:["a"]}`,
    top: `${k}:{"polluted":1}`,
  };
  return JSON.stringify(overlayBase).replace(/\}$/, "," + parts[where]! + "}");
};
for (const key of PROTO_KEYS) {
  for (const where of ["hide", "relabel", "help", "addItems", "reorder", "top"]) {
    add({
      kind: "cli",
      family: "proto-keys",
      id: `proto-keys/overlay-${where}-${key}/check`,
      ms: 2000,
      exit: 1,
      argv: (t) => ["overlay", "check", t.file("hostil.overlay.json", overlayWith(key, where))],
      check: (r) => expect(r.out).toMatch(/regelbrott/),
    });
  }
  add({
    kind: "lib",
    family: "proto-keys",
    id: `proto-keys/overlay-addItems-${key}/applyOverlay`,
    ms: 2000,
    outcome: "returns",
    run: () => applyOverlay(JSON.parse(overlayWith(key, "addItems")), fiaSchema),
    check: (v) => {
      const r = v as { schema?: unknown; violations: unknown[] };
      expect(r.schema).toBeUndefined();
      expect(r.violations.length).toBeGreaterThan(0);
    },
  });
}
// Indicator definitions naming such keys: refused (exit 2) or unknown, never resolved through the prototype.
const defWith = (patch: (d: Record<string, any>) => void) => {
  const d = structuredClone(sueDefRaw) as Record<string, any>;
  patch(d);
  return d;
};
const protoDefs: Array<{ id: string; text: () => string; exit: number }> = [
  { id: "groups-__proto__", text: () => JSON.stringify(defWith(() => {})).replace('"groups":{', '"groups":{"__proto__":{"title":"x","expr":{"var":"bakgrund.kon"}},'), exit: 2 },
  { id: "parameters-__proto__", text: () => JSON.stringify(defWith(() => {})).replace('"parameters":{', '"parameters":{"__proto__":{"title":"x","default":1},'), exit: 2 },
  { id: "labels-__proto__", text: () => JSON.stringify(defWith((d) => (d.groups.kon = { title: "Kön", expr: { var: "bakgrund.kon" }, labels: { kvinna: "K" } }))).replace('"labels":{', '"labels":{"__proto__":"x",'), exit: 0 },
  { id: "expr-var-__proto__", text: () => JSON.stringify(defWith((d) => (d.groups.kon = { title: "Kön", expr: { var: "__proto__.polluted" }, labels: { a: "b" } }))), exit: 0 },
  { id: "expr-var-constructor", text: () => JSON.stringify(defWith((d) => (d.groups.kon = { title: "Kön", expr: { var: "constructor.name" }, labels: { a: "b" } }))), exit: 0 },
];
for (const d of protoDefs) {
  add({
    kind: "cli",
    family: "proto-keys",
    id: `proto-keys/definitions-${d.id}/indicators`,
    ms: 3000,
    exit: d.exit,
    argv: (t) => ["indicators", "sue@1.0.0", t.file("poster.ndjson", SUE_LINE + "\n"), "--definitions", t.file("def.indicators.json", d.text()), "--format", "json", "--group-by", "kon"],
    check: (r) => {
      if (d.exit === 0) {
        // Nothing read through the prototype: the record's group is "Uppgift saknas" (no value) or its code.
        expect(r.out).not.toMatch(/"Object"|\[object Object\]|function/);
      }
    },
  });
}
// Names given on the command line must be looked up as own names.
for (const name of ["__proto__", "constructor", "hasOwnProperty", "toString", "valueOf"]) {
  add({
    kind: "cli",
    family: "proto-keys",
    id: `proto-keys/group-by-${name}/indicators`,
    ms: 3000,
    exit: 2,
    argv: (t) => ["indicators", "sue@1.0.0", t.file("poster.ndjson", SUE_LINE + "\n"), "--group-by", name],
    check: (r) => expect(r.err).toMatch(/Okänd gruppering/),
  });
  add({
    kind: "cli",
    family: "proto-keys",
    id: `proto-keys/indicator-${name}/indicators`,
    ms: 3000,
    exit: 2,
    argv: (t) => ["indicators", "sue@1.0.0", t.file("poster.ndjson", SUE_LINE + "\n"), "--indicator", name],
    check: (r) => expect(r.err).toMatch(/Okänd indikator/),
  });
}
for (const name of ["constructor", "toString", "valueOf", "hasOwnProperty"]) {
  add({
    kind: "cli",
    family: "proto-keys",
    id: `proto-keys/param-${name}/indicators`,
    ms: 3000,
    exit: 2,
    argv: (t) => ["indicators", "sue@1.0.0", t.file("poster.ndjson", SUE_LINE + "\n"), "--param", `${name}=5`],
    check: (r) => expect(r.err).toMatch(/Okänd parameter/),
  });
}
add({
  kind: "cli",
  family: "proto-keys",
  id: "proto-keys/param-__proto__/indicators",
  ms: 3000,
  exit: 2,
  argv: (t) => ["indicators", "sue@1.0.0", t.file("poster.ndjson", SUE_LINE + "\n"), "--param", "__proto__=5"],
});
add({
  kind: "lib",
  family: "proto-keys",
  id: "proto-keys/accumulator-parameters-constructor",
  ms: 2000,
  outcome: "throws",
  match: /constructor/,
  run: () => new IndicatorAccumulator(parseIndicatorFile(sueDefRaw), { parameters: JSON.parse('{"constructor":5}') }),
});

// ---------------------------------------------------------------------------------------------
// 8. Deep values handed to the library: refused or reported, never a stack overflow.

const deepLib: Array<{ id: string; run: () => unknown; outcome: "returns" | "throws"; match?: RegExp; check?: (v: unknown) => void; known?: string }> = [
  { id: "validate-array-100k", run: () => validatorFor(fiaSchema).validate({ meta: {}, intervju: nested(100_000) }), outcome: "returns", check: (v) => expect((v as { refused?: boolean }).refused).toBe(true) },
  { id: "validate-object-100k", run: () => validatorFor(fiaSchema).validate({ meta: {}, intervju: nested(100_000, 1, "a") }), outcome: "returns", check: (v) => expect((v as { refused?: boolean }).refused).toBe(true) },
  { id: "isValid-object-100k", run: () => validatorFor(fiaSchema).isValid(nested(100_000, 1, "a")), outcome: "returns", check: (v) => expect(v).toBe(false) },
  { id: "checkDocument-array-100k", run: () => checkDocument(fiaSchema, { meta: {}, livssituation: nested(100_000) }), outcome: "returns", check: (v) => expect((v as { refused?: boolean }).refused).toBe(true) },
  { id: "checkDocument-object-1k", run: () => checkDocument(fiaSchema, { ...fiaDoc(), intervju: nested(1000, 1, "datum") }), outcome: "returns", check: (v) => expect((v as { refused?: boolean }).refused).toBe(true) },
  {
    id: "migrate-array-100k",
    run: () => migrate({ meta: { schema: "fia@1.0.0" }, intervju: nested(100_000) }, "fia@1.0.0", "fia@2.0.0", loadMigrations("fia", registry)),
    outcome: "throws",
    match: /^(?!Maximum call stack).*(djup|nivåer)/,
  },
  { id: "lint-schema-object-100k", run: () => lintSchema({ type: "object", properties: { a: nested(100_000, {}, "items") } } as JsonSchema), outcome: "returns", check: (v) => expect((v as unknown[]).length).toBeGreaterThan(0) },
  { id: "validatorFor-schema-object-100k", run: () => validatorFor({ type: "object", properties: { a: nested(100_000, {}, "items") } } as JsonSchema), outcome: "throws", match: /Schemat/ },
  {
    id: "indicators-expr-100k",
    run: () => parseIndicatorFile(defWith((d) => (d.groups.kon = { title: "x", expr: nested(100_000, { var: "bakgrund.kon" }, "!") })), sueSchema),
    outcome: "throws",
    match: /nästlat djupare/,
  },
  { id: "overlay-addItems-100k", run: () => checkOverlay({ ...overlayBase, addItems: [{ key: "k", schema: nested(100_000, {}, "items") }] }, fiaSchema), outcome: "returns", check: (v) => expect(JSON.stringify(v)).toMatch(/nästlad djupare/) },
  { id: "overlay-relabel-100k", run: () => checkOverlay({ ...overlayBase, relabel: nested(100_000, "x", "a") }, fiaSchema), outcome: "returns", check: (v) => expect((v as unknown[]).length).toBeGreaterThan(0) },
];
for (const d of deepLib) add({ kind: "lib", family: "deep-nesting", ms: 3000, ...d, id: `deep-nesting/library-${d.id}` });

// Nested deeper than their own limits but within the 200 levels of the JSON reader.
add({
  kind: "cli",
  family: "deep-nesting",
  id: "deep-nesting/definitions-expr-150-levels/indicators",
  ms: 3000,
  exit: 2,
  argv: (t) => ["indicators", "sue@1.0.0", t.file("poster.ndjson", SUE_LINE + "\n"), "--definitions", t.file("djup.indicators.json", JSON.stringify(defWith((d) => (d.groups.kon = { title: "x", expr: nested(70, { var: "bakgrund.kon" }, "!"), labels: { a: "b" } }))))],
  check: (r) => expect(r.err).toMatch(/nästlat djupare än 64 nivåer/),
});
add({
  kind: "cli",
  family: "deep-nesting",
  id: "deep-nesting/overlay-schema-150-levels/check",
  ms: 3000,
  exit: 1,
  argv: (t) => ["overlay", "check", t.file("hostil.overlay.json", JSON.stringify({ ...overlayBase, addItems: [{ key: "k", schema: nested(150, { type: "string" }, "items") }] }))],
  check: (r) => expect(r.out).toMatch(/nästlad djupare än 40 nivåer/),
});

// ---------------------------------------------------------------------------------------------
// 9. CSV (formula) injection in `indicators --format csv`: no field starts with = + - @ tab CR.

const CSV_PAYLOADS: Array<[string, string]> = [
  ["equals", '=HYPERLINK("http://x.test","k")'],
  ["plus", "+1+1"],
  ["minus", "-2+3"],
  ["at", "@SUM(A1)"],
  ["tab", "\t=1"],
  ["cr", "\r=1"],
];
const csvPositions: Array<{ id: string; def: (p: string) => Record<string, any>; record: (p: string) => string; groupBy: string }> = [
  {
    id: "group-value",
    def: () => defWith((d) => (d.groups.stadsdel = { title: "Stadsdel", expr: { var: "bakgrund.stadsdel" }, freeTextGroupingSafe: true })),
    record: (p) => JSON.stringify({ ...sueDoc(), bakgrund: { ...sueDoc().bakgrund, stadsdel: p } }),
    groupBy: "stadsdel",
  },
  { id: "group-title", def: (p) => defWith((d) => (d.groups.kon.title = p)), record: () => SUE_LINE, groupBy: "kon" },
  { id: "group-label", def: (p) => defWith((d) => (d.groups.kon = { title: "Kön", expr: { var: "bakgrund.kon" }, labels: { kvinna: p, man: "M" } })), record: () => SUE_LINE, groupBy: "kon" },
  {
    id: "indicator-title",
    def: (p) => defWith((d) => ((d.indicators as Array<Record<string, unknown>>).find((i) => i.id === "jobbinriktadInsats")!.title = p)),
    record: () => SUE_LINE,
    groupBy: "kon",
  },
  {
    id: "indicator-question",
    def: (p) => defWith((d) => ((d.indicators as Array<Record<string, unknown>>).find((i) => i.id === "jobbinriktadInsats")!.question = p)),
    record: () => SUE_LINE,
    groupBy: "kon",
  },
];
for (const pos of csvPositions) {
  for (const [pid, payload] of CSV_PAYLOADS) {
    add({
      kind: "cli",
      family: "csv-injection",
      id: `csv-injection/${pos.id}/${pid}`,
      ms: 3000,
      exit: 0,
      argv: (t) => [
        "indicators",
        "sue@1.0.0",
        t.file("poster.ndjson", Array.from({ length: 6 }, () => pos.record(payload)).join("\n") + "\n"),
        "--definitions",
        t.file("def.indicators.json", JSON.stringify(pos.def(payload))),
        "--format",
        "csv",
        "--group-by",
        pos.groupBy,
        "--indicator",
        "jobbinriktadInsats",
      ],
      check: (r) => {
        const rows = parseCsv(r.out);
        expect(rows.length).toBeGreaterThan(1);
        for (const row of rows) for (const field of row) expect(field, JSON.stringify(field)).not.toMatch(/^[=+\-@\t\r]/);
        // Where the payload is published (a group value, a label, a title), it is there neutralised.
        if (pos.id !== "group-title" && pos.id !== "indicator-question") {
          const shown = payload.replace("\t", "\\t").replace("\r", "\\r");
          expect(rows.flat()).toContain("'" + shown);
        }
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 10. HTML in schema titles and labels: escaped in `diff --format html`.

const HTML_PAYLOADS: Array<[string, string]> = [
  ["script", "<script>alert(1)</script>"],
  ["img-onerror", "<img src=x onerror=alert(1)>"],
  ["svg-onload", '"><svg onload=alert(1)>'],
  ["table-breakout", "</td></tr></table><script>alert(2)</script>"],
  ["javascript-link", '<a href="javascript:alert(1)">klicka</a>'],
  ["attribute-quote", "' onmouseover='alert(1)"],
];
function firstOption(node: unknown): Record<string, unknown> | undefined {
  if (!node || typeof node !== "object") return undefined;
  const o = node as Record<string, unknown>;
  if (Array.isArray(o.oneOf) && (o.oneOf as Array<Record<string, unknown>>).every((x) => "const" in x && "title" in x)) return (o.oneOf as Array<Record<string, unknown>>)[0];
  for (const v of Object.values(o)) {
    const found = firstOption(v);
    if (found) return found;
  }
  return undefined;
}
const htmlPositions: Array<{ id: string; set: (s: Record<string, any>, p: string) => void }> = [
  { id: "instrument-title", set: (s, p) => (s["x-instrument"].title = p) },
  { id: "section-title", set: (s, p) => (s.$defs.intervju.title = p) },
  { id: "field-title", set: (s, p) => (s.$defs.intervju.properties.datum.title = p) },
  { id: "help", set: (s, p) => (s.$defs.intervju.properties.datum["x-ui"].help = p) },
  { id: "option-title", set: (s, p) => (firstOption(s.$defs)!.title = p) },
  { id: "new-field", set: (s, p) => (s.$defs.intervju.properties.nytt = { type: "string", title: p }) },
  { id: "rule-title", set: (s, p) => (s["x-rules"][0].title = p) },
];
const newVersion = (set: (s: Record<string, any>) => void) => {
  const s = JSON.parse(fiaText) as Record<string, any>;
  s.$id = String(s.$id).replace("1.0.0", "1.0.1");
  s["x-instrument"].version = "1.0.1";
  set(s);
  return JSON.stringify(s, null, 2);
};
const htmlSafe = (html: string, payload: string) => {
  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).not.toContain(payload);
  expect(html).not.toMatch(/<script|<img|<svg|<a href="javascript|onmouseover='/i);
};
for (const pos of htmlPositions) {
  for (const [pid, payload] of HTML_PAYLOADS) {
    add({
      kind: "cli",
      family: "html",
      id: `html/${pos.id}/${pid}`,
      ms: 3000,
      exit: 0,
      argv: (t) => ["diff", FIA_PATH, t.file("fia-1.0.1.schema.json", newVersion((s) => pos.set(s, payload))), "--format", "html"],
      check: (r) => htmlSafe(r.out, payload),
    });
  }
}
for (const [pid, payload] of HTML_PAYLOADS) {
  add({
    kind: "cli",
    family: "html",
    id: `html/out-file/${pid}`,
    ms: 3000,
    exit: 0,
    argv: (t) => ["diff", FIA_PATH, t.file("fia-1.0.1.schema.json", newVersion((s) => htmlPositions[2]!.set(s, payload))), "--format", "html", "--out", t.path("diff.html")],
    check: (r, t) => htmlSafe(readFileSync(t.path("diff.html"), "utf8"), payload),
  });
}

// ---------------------------------------------------------------------------------------------
// 11. Terminal escapes in anything printed: escaped, never raw; no forged lines.

const TERM_PAYLOADS: Array<[string, string]> = [
  ["csi-red", "\u001b[31mRÖD\u001b[0m"],
  ["csi-clear", "\u001b[2J\u001b[H"],
  ["osc-title", "\u001b]0;titel\u0007"],
  ["bel", "\u0007\u0007"],
  ["rlo", "\u202egnalp"],
  ["isolate", "\u2066gnalp\u2069"],
  ["newline-forge", "\nforged: giltigt"],
  ["cr-forge", "\rforged: giltigt"],
  ["line-separator", "\u2028forged"],
  ["c1-csi", "\u009b31m"],
  ["nul", "x\u0000y"],
];
const termPlaces: Array<{ id: string; exit: number; argv: (p: string, t: Tmp) => string[] }> = [
  { id: "answer-key-validate", exit: 1, argv: (p, t) => ["validate", "fia@1.0.0", t.file("svar.json", JSON.stringify({ ...fiaDoc(), ["x" + p]: 1 }))] },
  { id: "answer-key-check", exit: 1, argv: (p, t) => ["check", "fia@1.0.0", t.file("svar.json", JSON.stringify({ ...fiaDoc(), intervju: { ...fiaDoc().intervju, ["x" + p]: 1 } }))] },
  { id: "answer-key-validate-json", exit: 1, argv: (p, t) => ["validate", "fia@1.0.0", t.file("svar.json", JSON.stringify({ ...fiaDoc(), ["x" + p]: 1 })), "--json"] },
  { id: "file-name", exit: 2, argv: (p, t) => ["validate", "fia@1.0.0", t.path("saknas" + p.replace(/\u0000/g, "") + ".json")] },
  { id: "unknown-command", exit: 2, argv: (p) => ["kör" + p] },
  { id: "unknown-instrument", exit: 2, argv: (p, t) => ["validate", "fia" + p + "@1.0.0", t.file("svar.json", FIA_TEXT)] },
  { id: "group-by", exit: 2, argv: (p, t) => ["indicators", "sue@1.0.0", t.file("poster.ndjson", SUE_LINE + "\n"), "--group-by", "g" + p] },
  { id: "param", exit: 2, argv: (p, t) => ["indicators", "sue@1.0.0", t.file("poster.ndjson", SUE_LINE + "\n"), "--param", "a" + p] },
  { id: "schema-title-diff-text", exit: 0, argv: (p, t) => ["diff", FIA_PATH, t.file("fia-1.0.1.schema.json", newVersion((s) => (s.$defs.intervju.properties.datum.title = "Datum" + p)))] },
  { id: "schema-label-in-message", exit: 1, argv: (p, t) => ["validate", t.file("s.schema.json", JSON.stringify({ ...JSON.parse(fiaText), $defs: { ...JSON.parse(fiaText).$defs, intervju: { ...JSON.parse(fiaText).$defs.intervju, title: "Intervju" + p } } })), t.file("svar.json", JSON.stringify({ meta: fiaDoc().meta }))] },
  { id: "overlay-hide-path", exit: 1, argv: (p, t) => ["overlay", "check", t.file("o.overlay.json", JSON.stringify({ ...overlayBase, hide: ["intervju.x" + p] }))] },
  // Six records: a group under the suppression threshold is left out of the table (not shown at all), so
  // the hostile group value needs a group large enough to be published.
  { id: "csv-group-value", exit: 0, argv: (p, t) => ["indicators", "sue@1.0.0", t.file("poster.ndjson", (JSON.stringify({ ...sueDoc(), bakgrund: { ...sueDoc().bakgrund, stadsdel: "S" + p } }) + "\n").repeat(6)), "--definitions", t.file("d.indicators.json", JSON.stringify(csvPositions[0]!.def(""))), "--group-by", "stadsdel", "--format", "csv"] },
];
for (const place of termPlaces) {
  for (const [pid, payload] of TERM_PAYLOADS) {
    add({
      kind: "cli",
      family: "terminal",
      id: `terminal/${place.id}/${pid}`,
      ms: 3000,
      exit: place.id === "file-name" && pid === "nul" ? 2 : place.exit,
      argv: (t) => place.argv(payload, t),
      check: (r) => {
        if (place.id === "csv-group-value") {
          // A line break inside a CSV value is quoted (RFC 4180): it is data, and the table keeps its shape.
          const rows = parseCsv(r.out);
          for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
          expect(rows.flat().some((f) => f.includes("forged") || f.includes("gnalp") || f.includes("RÖD") || f.startsWith("'S") || f.startsWith("S"))).toBe(true);
        } else for (const l of [...r.outLines, ...r.errLines]) expect(l, JSON.stringify(l)).not.toMatch(/^forged/);
        // Where the hostile text is quoted, it is escaped (diff and overlay messages replace control characters instead).
        if (["answer-key-validate", "answer-key-check", "unknown-command", "group-by"].includes(place.id)) {
          expect(r.out + r.err).toMatch(/\\u001b|\\u0007|\\u202e|\\u2066|\\n|\\r|\\u2028|\\u009b|\\u0000/);
        }
      },
    });
  }
}

const DIFF_TEXT_BIDI =
  "diff (text) --out writes bidirectional controls (U+202A–U+202E, U+2066–U+2069) from schema titles raw into the report file: format-text.ts replaces C0/C1/U+2028/U+2029 but not these, which only the terminal output (output.ts) escapes";
// The text report written to a file is read in a terminal too (cat, less): no raw control characters in it.
for (const [pid, payload] of TERM_PAYLOADS) {
  add({
    kind: "cli",
    family: "terminal",
    id: `terminal/diff-text-out-file/${pid}`,
    ms: 3000,
    exit: 0,
    argv: (t) => ["diff", FIA_PATH, t.file("fia-1.0.1.schema.json", newVersion((s) => (s.$defs.intervju.properties.datum.title = "Datum" + payload))), "--out", t.path("diff.txt")],
    check: (r, t) => {
      const text = readFileSync(t.path("diff.txt"), "utf8");
      for (const l of text.split("\n")) {
        expect(l, JSON.stringify(l)).not.toMatch(RAW);
        expect(l).not.toMatch(/^forged/);
      }
    },
  });
}

// ---------------------------------------------------------------------------------------------
// 12. --out: never into schemas/, over a file without --force, through a symlink, over the input.

const EXEMPELBY = join(ROOT, "schemas/fia/variants/exempelby.overlay.json");
const outCommands: Array<{ name: string; argv: (out: string, t: Tmp) => string[]; ok: number }> = [
  { name: "diff", argv: (o) => ["diff", "fia@1.0.0", "fia@1.1.0", "--out", o], ok: 0 },
  { name: "diff-html", argv: (o) => ["diff", "fia@1.0.0", "fia@1.1.0", "--format", "html", "--out", o], ok: 0 },
  { name: "overlay-apply", argv: (o) => ["overlay", "apply", EXEMPELBY, "--out", o], ok: 0 },
  { name: "migrate-json", argv: (o, t) => ["migrate", t.file("svar.json", FIA_TEXT), "--to", "fia@1.1.0", "--out", o, "--date", "2025-01-01"], ok: 0 },
  { name: "migrate-ndjson", argv: (o, t) => ["migrate", t.file("svar.ndjson", SUE_LINE + "\n"), "--to", "sue", "--out", o, "--date", "2025-01-01"], ok: 0 },
  { name: "generate", argv: (o) => ["generate", "sue@1.0.0", "--count", "3", "--seed", "1", "--out", o], ok: 0 },
];
for (const cmd of outCommands) {
  const known: string | undefined = undefined;
  const scenarios: Array<{ id: string; exit: number; force?: boolean; setup: (t: Tmp) => { out: string; cleanup?: string; unchanged?: [string, string]; absent?: string }; known?: string }> = [
    {
      id: "into-schemas-new-file",
      exit: 2,
      setup: () => {
        const p = join(SCHEMAS_DIR, "sue", `hostile-${process.pid}-${cmd.name}.out`);
        CLEANUP.push(p);
        return { out: p, cleanup: p, absent: p };
      },
    },
    {
      id: "over-national-file-force",
      exit: 2,
      force: true,
      setup: () => {
        const p = join(SCHEMAS_DIR, "sue/1.0.0.synthetic.json");
        return { out: p, unchanged: [p, readFileSync(p, "utf8")] };
      },
    },
    {
      id: "through-symlinked-dir-into-schemas",
      exit: 2,
      force: true,
      setup: (t) => {
        const link = t.path("schemalänk");
        symlinkSync(join(SCHEMAS_DIR, "sue"), link);
        const p = join(SCHEMAS_DIR, "sue", `hostile-link-${process.pid}-${cmd.name}.out`);
        CLEANUP.push(p);
        return { out: join(link, `hostile-link-${process.pid}-${cmd.name}.out`), cleanup: p, absent: p };
      },
    },
    {
      id: "over-existing-file",
      exit: 2,
      setup: (t) => {
        const p = t.file("finns.txt", "gammal\n");
        return { out: p, unchanged: [p, "gammal\n"] };
      },
    },
    {
      id: "over-existing-file-force",
      exit: cmd.ok,
      force: true,
      setup: (t) => ({ out: t.file("finns.txt", "gammal\n") }),
    },
    {
      id: "symlink-force",
      exit: 2,
      force: true,
      setup: (t) => {
        const victim = t.file("offer.txt", "orörd\n");
        const link = t.path("ut.txt");
        symlinkSync(victim, link);
        return { out: link, unchanged: [victim, "orörd\n"] };
      },
    },
    {
      id: "dangling-symlink",
      exit: 2,
      setup: (t) => {
        const where = t.path("skapas-inte.txt");
        const link = t.path("ut.txt");
        symlinkSync(where, link);
        return { out: link, absent: where };
      },
    },
    {
      id: "hard-link-to-national-file-force",
      exit: 2,
      force: true,
      setup: (t) => {
        const national = join(SCHEMAS_DIR, "sue/1.0.0.synthetic.json");
        const hard = t.path("hard.json");
        try {
          linkSync(national, hard);
        } catch {
          writeFileSync(hard, readFileSync(national)); // another file system: the test then checks an ordinary copy
          return { out: hard };
        }
        return { out: hard, unchanged: [national, readFileSync(national, "utf8")] };
      },
    },
    {
      id: "a-directory",
      exit: 2,
      force: true,
      setup: (t) => {
        mkdirSync(t.path("katalog"));
        return { out: t.path("katalog") };
      },
    },
    { id: "missing-directory", exit: 2, setup: (t) => ({ out: t.path("saknas/ut.txt"), absent: t.path("saknas") }) },
  ];
  for (const s of scenarios) {
    let state: ReturnType<typeof s.setup> | undefined;
    const hard = s.id === "hard-link-to-national-file-force";
    add({
      kind: "cli",
      family: "out-guard",
      id: `out-guard/${cmd.name}/${s.id}`,
      ms: 3000,
      exit: s.id === "hard-link-to-national-file-force" ? 2 : s.exit,
      ...(known && s.exit === 2 && !["missing-directory", "a-directory"].includes(s.id) ? { known } : {}),
      argv: (t) => {
        state = s.setup(t);
        return [...cmd.argv(state.out, t), ...(s.force ? ["--force"] : [])];
      },
      check: (r) => {
        try {
          if (s.exit === 2 || hard) {
            expect(r.errLines.some((l) => l.includes(state!.out) || /Skriver inte|Kan inte skriva/.test(l)), r.err).toBe(true);
          }
          if (state!.unchanged) expect(readFileSync(state!.unchanged[0], "utf8")).toBe(state!.unchanged[1]);
          if (state!.absent) expect(existsSync(state!.absent)).toBe(false);
          if (s.id === "over-existing-file-force") expect(readFileSync(state!.out, "utf8")).not.toBe("gammal\n");
        } finally {
          if (state!.cleanup) rmSync(state!.cleanup, { force: true });
        }
      },
    });
  }
}
// The output file is the input file itself: refused even with --force.
for (const [id, argv] of [
  ["migrate-json", (t: Tmp) => { const p = t.file("svar.json", FIA_TEXT); return ["migrate", p, "--to", "fia@1.1.0", "--out", p, "--force"]; }],
  ["migrate-ndjson", (t: Tmp) => { const p = t.file("svar.ndjson", SUE_LINE + "\n"); return ["migrate", p, "--to", "sue", "--out", p, "--force"]; }],
  ["overlay-apply", (t: Tmp) => { const p = t.file("exempelby.overlay.json", readFileSync(EXEMPELBY)); return ["overlay", "apply", p, "--out", p, "--force"]; }],
  ["diff", (t: Tmp) => { const p = t.file("ny.schema.json", newVersion(() => {})); return ["diff", FIA_PATH, p, "--out", p, "--force"]; }],
] as const) {
  add({
    kind: "cli",
    family: "out-guard",
    id: `out-guard/${id}/over-its-input`,
    ms: 3000,
    exit: 2,
    echo: false,
    argv,
    check: (r, t) => {
      const input = ["svar.json", "svar.ndjson", "exempelby.overlay.json", "ny.schema.json"].map((f) => t.path(f)).find((p) => existsSync(p))!;
      const text = readFileSync(input, "utf8");
      expect(text.length).toBeGreaterThan(10);
      if (id === "migrate-json") expect(text).toBe(FIA_TEXT);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// 13. Remote $ref: refused, nothing fetched (a local server counts requests).

const remoteRefs: Array<{ id: string; schema: (port: number) => Record<string, unknown> }> = [
  { id: "http", schema: (port) => ({ type: "object", properties: { a: { $ref: `http://127.0.0.1:${port}/a.json` } } }) },
  { id: "https", schema: (port) => ({ type: "object", properties: { a: { $ref: `https://127.0.0.1:${port}/a.json` } } }) },
  { id: "protocol-relative", schema: (port) => ({ type: "object", properties: { a: { $ref: `//127.0.0.1:${port}/a.json` } } }) },
  { id: "relative-to-remote-id", schema: (port) => ({ $id: `http://127.0.0.1:${port}/root.json`, type: "object", properties: { a: { $ref: "a.json" } } }) },
  { id: "http-with-pointer", schema: (port) => ({ type: "object", properties: { a: { $ref: `http://127.0.0.1:${port}/a.json#/$defs/x` } } }) },
  { id: "file-url", schema: () => ({ type: "object", properties: { a: { $ref: "file:///etc/passwd" } } }) },
  { id: "absolute-path", schema: () => ({ type: "object", properties: { a: { $ref: "/etc/passwd" } } }) },
  { id: "installed-schema-id", schema: () => ({ type: "object", properties: { a: { $ref: "https://blankett.example/schemas/fia/1.0.0" } } }) },
  { id: "dynamic-ref", schema: (port) => ({ type: "object", properties: { a: { $dynamicRef: `http://127.0.0.1:${port}/a.json#meta` } } }) },
  { id: "remote-meta-schema", schema: (port) => ({ $schema: `http://127.0.0.1:${port}/meta.json`, type: "object" }) },
];
for (const ref of remoteRefs) {
  add({
    kind: "cli",
    family: "remote-ref",
    id: `remote-ref/${ref.id}/validate`,
    ms: 3000,
    exit: 2,
    argv: (t, ctx) => ["validate", t.file("fjarr.schema.json", JSON.stringify(ref.schema(ctx.port))), t.file("svar.json", '{"a":"x"}')],
    check: (r, t, ctx) => {
      expect(r.errLines).toHaveLength(1);
      expect(ctx.hits()).toBe(0);
    },
  });
  add({
    kind: "cli",
    family: "remote-ref",
    id: `remote-ref/${ref.id}/lint`,
    ms: 3000,
    exit: 1,
    argv: (t, ctx) => ["lint", t.file("fjarr.schema.json", JSON.stringify(ref.schema(ctx.port)))],
    check: (r, t, ctx) => expect(ctx.hits()).toBe(0),
  });
  add({
    kind: "lib",
    family: "remote-ref",
    id: `remote-ref/${ref.id}/validatorFor`,
    ms: 3000,
    outcome: "throws",
    match: /Schemat/,
    run: (t, ctx) => validatorFor(ref.schema(ctx.port) as JsonSchema).validate({ a: "x" }),
  });
  add({
    kind: "cli",
    family: "remote-ref",
    id: `remote-ref/${ref.id}/overlay-addItems`,
    ms: 3000,
    exit: 1,
    argv: (t, ctx) => {
      const s = ref.schema(ctx.port);
      const item = (s.properties as { a?: object } | undefined)?.a ?? { $schema: s.$schema, type: "string" };
      return ["overlay", "check", t.file("o.overlay.json", JSON.stringify({ ...overlayBase, addItems: [{ key: "fjarr", schema: { title: "F", ...item } }] }))];
    },
    check: (r, t, ctx) => expect(ctx.hits()).toBe(0),
  });
}

// ---------------------------------------------------------------------------------------------
// 14. The giants (≥ 5 MB): in a child process, with a peak-RSS bound.

const MiB = 1024 * 1024;
/** A file of `size` bytes written a MiB at a time (never held whole in the test process). */
function bigFile(path: string, head: string, fill: string, tail: string, size: number): string {
  const fd = openSync(path, "w");
  writeSync(fd, head);
  const block = fill.repeat(Math.ceil(MiB / fill.length)).slice(0, MiB);
  let left = size - head.length - tail.length;
  while (left > 0) {
    const n = Math.min(left, MiB);
    writeSync(fd, n === MiB ? block : block.slice(0, n));
    left -= n;
  }
  writeSync(fd, tail);
  closeSync(fd);
  return path;
}
const overCap = (t: Tmp, name: string) => bigFile(t.path(name), `{"meta":{"schema":"fia@1.0.0"},"x":"${MARKER}`, "a", '"}', MAX_JSON_BYTES + 4096);
const overCapBytes = () => Buffer.concat([Buffer.from(`{"meta":{"schema":"fia@1.0.0"},"x":"${MARKER}`), Buffer.alloc(MAX_JSON_BYTES + 4096, 0x61), Buffer.from('"}')]);
const hugeLineNdjson = (t: Tmp) => {
  const p = t.path("stor.ndjson");
  bigFile(p, SUE_LINE + "\n" + `{"s":"${MARKER}`, "x", '"}\n', MAX_JSON_BYTES + 2 * MiB);
  writeFileSync(p, SUE_LINE + "\n", { flag: "a" });
  return p;
};

add({ kind: "child", family: "giants", id: "giants/over-cap-file/validate", ms: 10_000, rssMiB: 400, exit: 2, argv: (t) => ["validate", "fia@1.0.0", overCap(t, "stor.json")], check: (r) => expect(r.err).toMatch(new RegExp(`är för stor \\(\\d+ byte, högst ${MAX_JSON_BYTES}\\)$`)) });
add({ kind: "child", family: "giants", id: "giants/over-cap-pipe-dev-stdin/validate", ms: 10_000, rssMiB: 400, exit: 2, stdin: () => ({ bytes: overCapBytes() }), argv: () => ["validate", "fia@1.0.0", "/dev/stdin"], check: (r) => expect(r.err.trim()).toBe(`Filen /dev/stdin är för stor (mer än ${MAX_JSON_BYTES} byte)`) });
add({ kind: "child", family: "giants", id: "giants/over-cap-pipe-dash/validate", ms: 10_000, rssMiB: 400, exit: 2, stdin: () => ({ bytes: overCapBytes() }), argv: () => ["validate", "fia@1.0.0", "-"], check: (r) => expect(r.err.trim()).toBe(`Filen - är för stor (mer än ${MAX_JSON_BYTES} byte)`) });
add({ kind: "child", family: "giants", id: "giants/over-cap-file-as-stdin/migrate", ms: 10_000, rssMiB: 400, exit: 2, stdin: (t) => ({ file: overCap(t, "stor-in.json") }), argv: () => ["migrate", "-", "--to", "fia@2.0.0"], check: (r) => expect(r.err).toMatch(/^Filen - är för stor/) });
add({
  kind: "child",
  family: "giants",
  id: "giants/ndjson-22mib-line/validate",
  ms: 10_000,
  rssMiB: 400,
  exit: 1,
  argv: (t) => ["validate", "sue@1.0.0", hugeLineNdjson(t)],
  check: (r) => {
    expect(r.out).toContain(`stor.ndjson rad 2: raden är för lång (över ${MAX_JSON_BYTES} byte)`);
    expect(r.outLines.at(-1)).toBe("3 dokument, 0 ogiltiga, 2 giltiga, 0 gick inte att läsa, 1 avvisade");
  },
});
add({
  kind: "child",
  family: "giants",
  id: "giants/ndjson-22mib-line/indicators",
  ms: 10_000,
  rssMiB: 400,
  exit: 1,
  argv: (t) => ["indicators", "sue@1.0.0", hugeLineNdjson(t), "--format", "json"],
  check: (r) => {
    expect((JSON.parse(r.out) as { records: number }).records).toBe(2);
    expect(r.errLines.at(-1)).toMatch(/: 1 post av 3 utelämnades ur indikatorerna/);
  },
});
add({
  kind: "child",
  family: "giants",
  id: "giants/ndjson-10m-brackets-line/validate",
  ms: 10_000,
  rssMiB: 400,
  exit: 1,
  argv: (t) => {
    const p = t.path("djup.ndjson");
    bigFile(p, SUE_LINE + "\n", "[", "\n", 10 * MiB);
    writeFileSync(p, SUE_LINE + "\n", { flag: "a" });
    return ["validate", "sue@1.0.0", p];
  },
  check: (r) => {
    expect(r.out).toMatch(/rad 2: för djupt nästlad \(mer än 200 nivåer, kolumn 201\)/);
    expect(r.outLines.at(-1)).toBe("3 dokument, 0 ogiltiga, 2 giltiga, 0 gick inte att läsa, 1 avvisade");
  },
});
add({ kind: "child", family: "giants", id: "giants/19mib-brackets-document/validate", ms: 10_000, rssMiB: 400, exit: 2, argv: (t) => ["validate", "fia@1.0.0", bigFile(t.path("djup.json"), "", "[", "", 19 * MiB)], check: (r) => expect(r.err).toMatch(/för djupt nästlad \(mer än 200 nivåer, rad 1, kolumn 201\)$/) });
add({
  kind: "child",
  family: "giants",
  id: "giants/15mib-list-of-7m-items/validate",
  ms: 10_000,
  rssMiB: 600,
  exit: 1,
  argv: (t) => {
    const text = JSON.stringify({ ...fiaDoc(), sammanstallning: { klientensRangordning: ["FYLL"] } });
    const [head, tail] = text.split('"FYLL"') as [string, string];
    return ["validate", "fia@1.0.0", bigFile(t.path("lista.json"), head, "9,", "9" + tail, 15 * MiB)];
  },
  check: (r) => expect(r.out).toMatch(/för många rader \([\d\s]+, högst 10\s000\)/),
});

// A municipality's schema with a catastrophic regular expression: validation time must stay
// bounded (refuse the pattern, or match it in linear time). Run in a child process, killed at its
// time bound, since a backtracking match cannot be interrupted in-process.
add({
  kind: "child",
  family: "schemas",
  id: "schemas/redos-pattern/validate",
  ms: 10_000,
  rssMiB: 400,
  // The pattern is refused before any answer is matched (lint's regex check, engine/lint/regex.ts).
  exit: 2,
  argv: (t) => ["validate", t.file("redos.schema.json", JSON.stringify({ type: "object", properties: { a: { type: "string", pattern: "^(a+)+$" } } })), t.file("svar.json", JSON.stringify({ a: "a".repeat(34) + "!" }))],
});

export const CASES: readonly HostileCase[] = cases;

/** Every output a case produced, for the checks that hold for all (no marker, no raw control character). */
export function commonChecks(c: CliCase | ChildCase, r: CliResult): void {
  for (const l of [...r.outLines, ...r.errLines]) expect(l, `raw control character in ${JSON.stringify(l.slice(0, 200))}`).not.toMatch(RAW);
  expect(r.err, "stderr carries an answer").not.toContain(MARKER);
  if (!("echo" in c && c.echo)) expect(r.out, "stdout carries an answer").not.toContain(MARKER);
  expect(r.err, "internal error").not.toMatch(/Internt fel|Maximum call stack|at .*\.ts:\d+/);
  expect(polluted().polluted, "Object.prototype polluted").toBeUndefined();
}
