import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURES, ROOT, readJson, schema } from "../helpers.ts";
import { run } from "../../engine/cli/main.ts";
import { IndicatorAccumulator } from "../../engine/indicators/accumulate.ts";
import { parseIndicatorFile } from "../../engine/indicators/definition.ts";
import { toCsv } from "../../engine/indicators/format.ts";
import { suppress } from "../../engine/indicators/suppress.ts";
import type { IndicatorFile, IndicatorReport } from "../../engine/indicators/types.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";

const sue = schema("sue");
const sueDefRaw = readJson<Record<string, unknown>>(join(ROOT, "schemas/sue/1.0.0.indicators.json"));
const tmp = mkdtempSync(join(tmpdir(), "blankett-hardening-indicators-"));

/** The CLI in-process, with what it writes to stdout and stderr. */
async function blankett(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The CLI as a process (exit code and streams as a user sees them). */
function blankettProcess(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/blankett.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

const record1 = readJson<Record<string, unknown>>(join(FIXTURES, "sue/valid/record-1.json"));
/** A valid SUE record with the district set. */
function withDistrict(stadsdel: string): Record<string, unknown> {
  const r = structuredClone(record1) as { bakgrund: Record<string, unknown> };
  r.bakgrund.stadsdel = stadsdel;
  return r;
}

/** RFC 4180 parsing (comma separated, quoted fields may hold commas, quotes, CR and LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\n" || ch === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  row.push(field);
  rows.push(row);
  return rows;
}

/** The raw fields of a CSV line, quotes kept (no field in these tests holds a comma). */
const DANGEROUS_START = /^[=+\-@\t\r]/;

describe("CSV output: spreadsheet formula injection (OWASP CSV injection rule)", () => {
  const nasty = ["=HYPERLINK(\"http://x.test\",\"klicka\")", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tTabb", "\rRetur", "Norr\rSöder", 'Kv"arn', "a;b", "Rad\nbrytning"];
  const def = {
    schema: "sue@1.0.0",
    title: "Test",
    parameters: { suppressBelow: { title: "Dölj", default: 5 } },
    groups: {
      stadsdel: { title: "Stadsdel", expr: { var: "bakgrund.stadsdel" }, freeTextGroupingSafe: true, labels: { etikett: "=1+1" } },
    },
    indicators: [{ id: "alla", kind: "rate", title: "@titel", question: "Fråga", denominator: true, numerator: true }],
  } as unknown as IndicatorFile;
  const report: IndicatorReport = {
    schema: "sue@1.0.0",
    parameters: { suppressBelow: 5 },
    groupBy: ["stadsdel"],
    records: 100,
    invalidRecords: 0,
    cells: [...nasty, "etikett"].map((code) => ({
      indicator: "alla",
      group: { stadsdel: code },
      numerator: 10,
      denominator: 10,
      share: 1,
      suppressed: false as const,
    })),
  };
  const csv = toCsv(report, def, sue as JsonSchema);
  const rows = parseCsv(csv);

  it("keeps one row per cell: a bare CR or LF inside a value is quoted, not a line break", () => {
    expect(rows).toHaveLength(1 + nasty.length + 1);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
  });

  it("prefixes a value starting with = + - @ tab or CR with a single quote, and quotes it", () => {
    for (const value of nasty.slice(0, 6)) {
      expect(csv).toContain(`"'${value.replace(/"/g, '""')}"`);
    }
    const parsed = rows.slice(1).map((r) => r[2]);
    expect(parsed).toContain("'=HYPERLINK(\"http://x.test\",\"klicka\")");
    expect(parsed).toContain("'\rRetur");
    expect(parsed).toContain("'\tTabb");
    // A label from the definition (user's file) and a title get the same treatment.
    expect(parsed).toContain("'=1+1");
    expect(rows[1]![1]).toBe("'@titel");
    for (const r of rows) for (const f of r) expect(f, JSON.stringify(f)).not.toMatch(DANGEROUS_START);
  });

  it("quotes fields with quotes, semicolons, CR or LF, doubling inner quotes", () => {
    expect(csv).toContain('"Kv""arn"');
    expect(csv).toContain('"a;b"');
    expect(csv).toContain('"Norr\rSöder"');
    expect(csv).toContain('"Rad\nbrytning"');
    const parsed = rows.slice(1).map((r) => r[2]);
    expect(parsed).toEqual(expect.arrayContaining(['Kv"arn', "a;b", "Norr\rSöder", "Rad\nbrytning"]));
  });

  it("applies the rule to header cells too", () => {
    const withHeader: IndicatorReport = { ...report, groupBy: ["=grupp"], cells: [{ ...report.cells[0]!, group: { "=grupp": "x" } }] };
    const def2 = { ...def, groups: { "=grupp": def.groups.stadsdel! } } as IndicatorFile;
    const head = parseCsv(toCsv(withHeader, def2, sue as JsonSchema))[0]!;
    expect(head).toContain("'=grupp");
  });
});

describe("free-text fields as groupings", () => {
  const defWith = (group: Record<string, unknown>) => ({ ...sueDefRaw, groups: { ...(sueDefRaw.groups as object), stadsdel: group } });

  it("refuses a grouping by a free-text field, naming the grouping and the field", () => {
    expect(() => parseIndicatorFile(defWith({ title: "Stadsdel", expr: { var: "bakgrund.stadsdel" } }), sue)).toThrow(/stadsdel.*bakgrund\.stadsdel|bakgrund\.stadsdel.*stadsdel/);
  });

  it("refuses a free-text value reaching the group through an expression (if, cat, map over a list)", () => {
    expect(() => parseIndicatorFile(defWith({ title: "X", expr: { if: [{ var: "bakgrund.kon" }, { cat: ["S: ", { var: "bakgrund.stadsdel" }] }, "okänd"] } }), sue)).toThrow(/bakgrund\.stadsdel/);
    expect(() => parseIndicatorFile(defWith({ title: "X", expr: { map: [{ var: "foreInsats.malSatta" }, { var: "" }] } }), sue)).toThrow(/foreInsats\.malSatta/);
    expect(() => parseIndicatorFile(defWith({ title: "X", expr: { var: "foreInsats.malSatta" } }), sue)).toThrow(/foreInsats\.malSatta/);
  });

  it("refuses a string whose pattern is not a code list (a case number)", () => {
    expect(() => parseIndicatorFile(defWith({ title: "Ärende", expr: { var: "bakgrund.arendenummer" } }), sue)).toThrow(/bakgrund\.arendenummer/);
  });

  it("accepts codes: options, enums, code-list patterns, and values computed from free text (a year, a band)", () => {
    const tiny: JsonSchema = {
      type: "object",
      properties: {
        kod: { type: "string", pattern: "^(nord|syd|öst)$" },
        nummer: { type: "string", pattern: "^[0-9]{4}$" },
        val: { type: "string", enum: ["a", "b"] },
        datum: { type: "string", format: "date" },
      },
    } as JsonSchema;
    const base = { schema: "x@1.0.0", title: "T", parameters: { suppressBelow: { title: "D", default: 5 } }, indicators: sueDefRaw.indicators };
    expect(() => parseIndicatorFile({ ...base, groups: { kod: { title: "K", expr: { var: "kod" } }, val: { title: "V", expr: { var: "val" } }, ar: { title: "Å", expr: { year: { var: "datum" } } } } }, tiny)).not.toThrow();
    expect(() => parseIndicatorFile({ ...base, groups: { nummer: { title: "N", expr: { var: "nummer" } } } }, tiny)).toThrow(/nummer/);
    // The shipped SUE definitions pass.
    expect(() => parseIndicatorFile(sueDefRaw, sue)).not.toThrow();
  });

  it("accepts a free-text grouping declared safe", () => {
    expect(() => parseIndicatorFile(defWith({ title: "Stadsdel", expr: { var: "bakgrund.stadsdel" }, freeTextGroupingSafe: true }), sue)).not.toThrow();
    expect(() => parseIndicatorFile(defWith({ title: "Stadsdel", expr: { var: "bakgrund.stadsdel" }, freeTextGroupingSafe: "ja" }), sue)).toThrow();
  });

  it("the indicators command refuses it with exit 2 and a Swedish message", async () => {
    const defs = write("stadsdel.indicators.json", JSON.stringify(defWith({ title: "Stadsdel", expr: { var: "bakgrund.stadsdel" } })));
    const records = write("stadsdel.ndjson", JSON.stringify(withDistrict("Norr")) + "\n");
    const r = await blankett("indicators", "sue@1.0.0", records, "--definitions", defs, "--format", "csv");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/stadsdel/);
    expect(r.err).toMatch(/bakgrund\.stadsdel/);
    expect(r.err).toMatch(/fritext/);
    expect(r.err).toMatch(/freeTextGroupingSafe/);
  });

  it("the indicators command accepts it declared safe, and its CSV carries no formula", async () => {
    const defs = write("stadsdel-ok.indicators.json", JSON.stringify(defWith({ title: "Stadsdel", expr: { var: "bakgrund.stadsdel" }, freeTextGroupingSafe: true })));
    const lines = Array.from({ length: 6 }, () => JSON.stringify(withDistrict('=HYPERLINK("http://x.test","k")'))).join("\n");
    const records = write("stadsdel-ok.ndjson", lines + "\n");
    const r = await blankett("indicators", "sue@1.0.0", records, "--definitions", defs, "--format", "csv", "--group-by", "stadsdel", "--indicator", "jobbinriktadInsats");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    expect(rows[1]![2]).toBe("'=HYPERLINK(\"http://x.test\",\"k\")");
  });
});

describe("records left out are reported in every format", () => {
  const secret = "Hemliga Hansson";
  const valid = JSON.stringify(record1);
  const invalid = JSON.stringify({ ...record1, bakgrund: { ...(record1.bakgrund as object), arendenummer: "19880312-0000", stadsdel: secret } });
  const unparsable = `{"bakgrund": {"stadsdel": "${secret}"`;
  const onlyInvalid = write("only-invalid.ndjson", [valid, invalid, valid].join("\n") + "\n");
  const mixed = write("mixed.ndjson", [valid, invalid, unparsable, valid].join("\n") + "\n");

  it.each(["csv", "table", "json"])("%s: invalid records counted on stderr, exit 1, no contents", async (format) => {
    const r = await blankett("indicators", "sue@1.0.0", onlyInvalid, "--format", format);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/1 post.*utelämna|utelämna.*1 post/i);
    expect(r.err).toMatch(/1 ogiltig/);
    expect(r.err).not.toContain("19880312");
    expect(r.out).not.toContain("19880312");
  });

  it.each(["csv", "table", "json"])("%s: invalid and unparsable counted apart, exit 1, no contents", async (format) => {
    const r = await blankett("indicators", "sue@1.0.0", mixed, "--format", format);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/2 poster/);
    expect(r.err).toMatch(/1 ogiltig/);
    expect(r.err).toMatch(/1 oläsbar/);
    expect(r.err).toMatch(/rad 3/);
    expect(r.err).not.toContain("Hemliga");
    expect(r.err).not.toContain("19880312");
  });

  it("as a process: csv on stdout, the count on stderr, exit 1", () => {
    const r = blankettProcess("indicators", "sue@1.0.0", mixed, "--format", "csv");
    expect(r.code).toBe(1);
    expect(r.out.split("\n")[0]).toMatch(/^indikator,titel/);
    expect(r.err).toMatch(/utelämna/i);
    expect(r.err).not.toContain("Hemliga");
  });

  it("nothing on stderr and exit 0 when every record was counted", async () => {
    const all = write("all-valid.ndjson", [valid, valid].join("\n") + "\n");
    const r = await blankett("indicators", "sue@1.0.0", all, "--format", "csv");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
  });
});

describe("small-cell suppression has a floor of 3", () => {
  const records = write("floor.ndjson", JSON.stringify(record1) + "\n");

  it.each(["0", "1", "2"])("refuses --param suppressBelow=%s with exit 2, naming the floor", async (n) => {
    const r = await blankett("indicators", "sue@1.0.0", records, "--format", "csv", "--param", `suppressBelow=${n}`);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/suppressBelow/);
    expect(r.err).toMatch(/\b3\b/);
  });

  it("accepts 3, and the default stays 5", async () => {
    expect((await blankett("indicators", "sue@1.0.0", records, "--format", "json", "--param", "suppressBelow=3")).code).toBe(0);
    const r = await blankett("indicators", "sue@1.0.0", records, "--format", "json");
    expect(JSON.parse(r.out).parameters.suppressBelow).toBe(5);
  });

  it("the library refuses a lower threshold: parameters, the report, the suppression itself", () => {
    const def = parseIndicatorFile(sueDefRaw);
    expect(() => new IndicatorAccumulator(def, { parameters: { suppressBelow: 1 } })).toThrow(/3/);
    expect(() => new IndicatorAccumulator(def, { parameters: { suppressBelow: 2 } })).toThrow(/3/);
    const acc = new IndicatorAccumulator(def);
    acc.add(record1);
    expect(() => acc.report(1)).toThrow(/3/);
    expect(() => acc.report(2.5)).toThrow(/3/);
    expect(acc.report(3).cells.length).toBeGreaterThan(0);
    expect(() => suppress([{ coords: [], numerator: 1, denominator: 1, suppressed: false }], 1, true)).toThrow(/3/);
  });

  it("a definition whose default is below the floor is refused", () => {
    const low = { ...sueDefRaw, parameters: { ...(sueDefRaw.parameters as object), suppressBelow: { title: "Dölj", default: 1, minimum: 1 } } };
    expect(() => new IndicatorAccumulator(parseIndicatorFile(low))).toThrow(/3/);
  });

  it("the documentation states the floor", () => {
    const doc = readFileSync(join(ROOT, "schemas/README.md"), "utf8");
    expect(doc).toMatch(/never below 3|at least 3|floor of 3/i);
  });
});

describe("a definition without suppressBelow", () => {
  it("is counted with the default threshold 5, not refused as an internal error", async () => {
    const { suppressBelow: _dropped, ...rest } = sueDefRaw.parameters as Record<string, unknown>;
    const defs = write("no-threshold.indicators.json", JSON.stringify({ ...sueDefRaw, parameters: rest }));
    const records = write("no-threshold.ndjson", JSON.stringify(record1) + "\n");
    const r = await blankett("indicators", "sue@1.0.0", records, "--definitions", defs, "--format", "json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).cells.every((c: { suppressed: unknown }) => c.suppressed !== false)).toBe(true);
  });
});
