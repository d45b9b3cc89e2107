import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deref, evaluateCondition, isSchemaObject, uiOf, validatorFor, type JsonSchema } from "../../engine/compiler.ts";
import {
  compileProfile,
  generateDocument,
  generateDocuments,
  ProfileError,
  type SyntheticProfile,
} from "../../engine/generate/generate.ts";
import { createRng, dayToIso, isIsoDate, isoToDay } from "../../engine/generate/random.ts";
import { generateCommand } from "../../engine/cli/commands/generate.ts";
import { InputError } from "../../engine/node/files.ts";
import type { Output } from "../../engine/cli/output.ts";
import { INSTRUMENTS, ROOT, readJson, schema } from "../helpers.ts";

type Doc = Record<string, any>;

function profile(name: string): SyntheticProfile {
  return readJson<SyntheticProfile>(join(ROOT, "schemas", name, "1.0.0.synthetic.json"));
}

function docs(name: string, count: number, seed = 1): Doc[] {
  return [...generateDocuments(schema(name), profile(name), { count, seed })];
}

/** Every field present in `value` whose x-ui.visibleWhen is false (the generator must never write one). */
function hiddenButPresent(root: JsonSchema, node: JsonSchema, value: unknown, doc: unknown, row: unknown, path: string, out: string[]): void {
  const s = deref(root, node);
  if (Array.isArray(value) && isSchemaObject(s.items)) {
    const items = deref(root, s.items);
    value.forEach((item, i) => hiddenButPresent(root, items, item, doc, isSchemaObject(item) ? item : row, `${path}/${i}`, out));
    return;
  }
  if (!isSchemaObject(value) || !isSchemaObject(s.properties)) return;
  for (const [key, child] of Object.entries(value)) {
    const cs = deref(root, s.properties[key] as JsonSchema);
    const cond = uiOf(cs).visibleWhen;
    if (cond !== undefined && !evaluateCondition(cond, doc, row)) out.push(`${path}/${key}`);
    hiddenButPresent(root, cs, child, doc, row, `${path}/${key}`, out);
  }
}

describe("random", () => {
  it("is reproducible and stays in range", () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 1000 }, () => a.float());
    expect(Array.from({ length: 1000 }, () => b.float())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 10 }, () => createRng(43).float())[0]).not.toBe(xs[0]);
    const r = createRng(1);
    const ints = Array.from({ length: 5000 }, () => r.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
    const counts: Record<string, number> = { a: 0, b: 0 };
    for (let i = 0; i < 10000; i++) counts[r.weighted({ a: 1, b: 3 })]!++;
    expect(counts.b! / 10000).toBeCloseTo(0.75, 1);
    expect(r.pick(["x"])).toBe("x");
    for (let i = 0; i < 200; i++) {
      const d = r.date("2024-02-27", "2024-03-02");
      expect(isIsoDate(d)).toBe(true);
      expect(d >= "2024-02-27" && d <= "2024-03-02").toBe(true);
    }
  });

  it("converts dates without a Date object", () => {
    for (const iso of ["1970-01-01", "2000-02-29", "2024-12-31", "1900-03-01", "2100-02-28"]) expect(dayToIso(isoToDay(iso))).toBe(iso);
    expect(isoToDay("1970-01-02")).toBe(1);
    expect(dayToIso(isoToDay("2023-12-31") + 1)).toBe("2024-01-01");
    expect(isIsoDate("2023-02-30")).toBe(false);
  });
});

describe.each(INSTRUMENTS)("synthetic %s@1.0.0", (name) => {
  it("gives 1,000 documents that are all valid", () => {
    const validator = validatorFor(schema(name));
    for (const [i, doc] of docs(name, 1000, 7).entries()) {
      const result = validator.validate(doc);
      if (!result.valid) expect.fail(`document ${i}: ${JSON.stringify(result.errors[0])}\n${JSON.stringify(doc)}`);
    }
  });

  it("marks every document as synthetic-complete for its own version", () => {
    for (const doc of docs(name, 50)) expect(doc.meta).toEqual({ schema: `${name}@1.0.0`, status: "complete" });
  });

  it("never writes a field that its visibleWhen hides", () => {
    const root = schema(name);
    const hidden: string[] = [];
    for (const doc of docs(name, 1000, 3)) hiddenButPresent(root, root, doc, doc, undefined, "", hidden);
    expect(hidden).toEqual([]);
    expect(compileProfile(root, profile(name)).secondPass).toBe(false);
  });

  it("is reproducible: same seed same documents, another seed others", () => {
    const a = JSON.stringify(docs(name, 200, 11));
    expect(JSON.stringify(docs(name, 200, 11))).toBe(a);
    expect(JSON.stringify(docs(name, 200, 12))).not.toBe(a);
  });

  it("draws document i from (seed, i) alone, whatever the count", () => {
    const few = docs(name, 5, 99);
    const many = docs(name, 50, 99);
    expect(many.slice(0, 5)).toEqual(few);
    expect(generateDocument(schema(name), profile(name), createRng(99, 3), 3)).toEqual(few[3]);
  });
});

describe("FIA distributions (expected shares from domain/fia.md)", () => {
  const all = docs("fia", 20000, 2024);
  const share = (pred: (d: Doc) => boolean, of: Doc[] = all) => of.filter(pred).length / of.length;

  it("boende applies (stor or viss) for 16 %", () => {
    expect(share((d) => ["stor", "viss"].includes(d.livssituation.boende.omfattning))).toBeGreaterThan(0.14);
    expect(share((d) => ["stor", "viss"].includes(d.livssituation.boende.omfattning))).toBeLessThan(0.18);
  });

  it("of those, 56 % have a very big to moderate problem", () => {
    const applies = all.filter((d) => d.livssituation.boende.problemstorlek !== undefined);
    expect(Math.abs(share((d) => ["mycket_stort", "stort", "mattligt"].includes(d.livssituation.boende.problemstorlek), applies) - 0.56)).toBeLessThan(0.04);
  });

  it("64 % wish arbetspraktik, 52 % utbildning", () => {
    expect(Math.abs(share((d) => d.insatserKrav.onskadeInsatser.includes("arbetspraktik")) - 0.64)).toBeLessThan(0.02);
    expect(Math.abs(share((d) => d.insatserKrav.onskadeInsatser.includes("utbildning")) - 0.52)).toBeLessThan(0.02);
  });

  it("demands: too high 10 %, too low 7 %", () => {
    expect(Math.abs(share((d) => d.insatserKrav.synPaKrav === "for_hoga") - 0.1)).toBeLessThan(0.015);
    expect(Math.abs(share((d) => d.insatserKrav.synPaKrav === "for_laga") - 0.07)).toBeLessThan(0.015);
  });

  it("judgement categories 31/23/17/29 %, so 46 % support need in work and 52 % social", () => {
    const cat = (arbete: boolean, socialt: boolean) =>
      share((d) => d.bedomning.stodbehovArbete === arbete && d.bedomning.socialtStodbehov === socialt);
    expect(Math.abs(cat(false, false) - 0.31)).toBeLessThan(0.02);
    expect(Math.abs(cat(false, true) - 0.23)).toBeLessThan(0.02);
    expect(Math.abs(cat(true, false) - 0.17)).toBeLessThan(0.02);
    expect(Math.abs(cat(true, true) - 0.29)).toBeLessThan(0.02);
    expect(Math.abs(share((d) => d.bedomning.stodbehovArbete === true) - 0.46)).toBeLessThan(0.02);
    expect(Math.abs(share((d) => d.bedomning.socialtStodbehov === true) - 0.52)).toBeLessThan(0.02);
  });

  it("asks the problem size only where the area applies", () => {
    for (const d of all.slice(0, 2000)) {
      const b = d.livssituation.boende;
      if (!["stor", "viss"].includes(b.omfattning)) expect(b.problemstorlek).toBeUndefined();
      const barn = d.livssituation.barnensSituation;
      if (barn.arForalder !== true) expect(Object.keys(barn)).toEqual(["arForalder"]);
      if (!d.insatserKrav.onskadeInsatser.includes("annat")) expect(d.insatserKrav.onskadeInsatserAnnat).toBeUndefined();
    }
  });

  it("puts every follow-up date after the interview", () => {
    for (const d of all.slice(0, 2000)) {
      for (const mal of d.plan.mal) if (mal.uppfoljningsdatum) expect(mal.uppfoljningsdatum > d.intervju.datum).toBe(true);
      if (d.plan.nastaUppfoljning) expect(d.plan.nastaUppfoljning > d.intervju.datum).toBe(true);
    }
  });
});

describe("SUE distributions and dates", () => {
  const all = docs("sue", 20000, 2024);

  it("splits the sexes about 50/50", () => {
    const women = all.filter((d) => d.bakgrund.kon === "kvinna").length / all.length;
    expect(Math.abs(women - 0.5)).toBeLessThan(0.03);
  });

  it("draws sex and household type together (a single man is a man)", () => {
    for (const d of all) {
      if (["3", "4"].includes(d.bakgrund.hushallstyp)) expect(d.bakgrund.kon).toBe("man");
      if (["5", "6"].includes(d.bakgrund.hushallstyp)) expect(d.bakgrund.kon).toBe("kvinna");
    }
    const count = (h: string) => all.filter((d) => d.bakgrund.hushallstyp === h).length;
    const order = ["1", "3", "4", "5", "6", "7", "8", "9"].sort((a, b) => count(b) - count(a));
    expect(order.slice(0, 2)).toEqual(["3", "6"]);
  });

  it("has 30–40 % long-term support (10 months or more)", () => {
    const months = all.map((d) => d.bakgrund.manaderMedBistandSenaste12).filter((m) => m !== undefined);
    const long = months.filter((m) => m >= 10).length / months.length;
    expect(long).toBeGreaterThan(0.3);
    expect(long).toBeLessThan(0.4);
  });

  it("keeps dates consistent", () => {
    const bad: string[] = [];
    const check = (ok: boolean, what: string, d: Doc) => {
      if (!ok && bad.length < 5) bad.push(`${what}: ${JSON.stringify(d)}`);
    };
    for (const d of all) {
      const start = d.bakgrund.arendeStart;
      check(start >= "2022-01-01" && start <= "2024-12-31", "case start in 2022–2024", d);
      for (const insats of d.insatser ?? []) {
        check(insats.startdatum >= start, "intervention after case start", d);
        if (insats.slutdatum) check(insats.slutdatum > insats.startdatum, "intervention ends after it starts", d);
      }
      const closed = d.avslutning?.avslutsdatum;
      if (closed) {
        check(closed > start, "closed after start", d);
        for (const insats of d.insatser ?? []) check(closed > (insats.slutdatum ?? insats.startdatum), "closed after interventions", d);
      }
      if (d.ateraktualisering) check(d.ateraktualisering.ateraktualiseradDatum > closed, "reopened after closing", d);
      const plan = d.foreInsats?.planUpprattadDatum;
      if (plan) check(plan > d.foreInsats.forstaKontakt, "plan after first contact", d);
      if (d.foreInsats?.forstaKontakt) check(d.foreInsats.forstaKontakt <= start, "first contact before case start", d);
    }
    expect(bad).toEqual([]);
    expect(all.some((d) => d.ateraktualisering)).toBe(true);
    expect(all.some((d) => d.avslutning?.avslutsdatum && !d.ateraktualisering)).toBe(true);
    expect(all.some((d) => !d.avslutning)).toBe(true);
  });
});

describe("barnahuslogg", () => {
  it("keeps the events in date order and starts the investigation before it ends", () => {
    for (const d of docs("barnahuslogg", 1000, 5)) {
      const dates = d.handelser.map((h: Doc) => h.datum);
      expect(dates.every((x: unknown) => typeof x === "string")).toBe(true);
      expect([...dates].sort()).toEqual(dates);
      expect(d.handelser.length).toBeGreaterThanOrEqual(3);
      expect(d.handelser.length).toBeLessThanOrEqual(15);
      if (d.utredning.avslutsdatum) expect(d.utredning.avslutsdatum > d.utredning.startdatum).toBe(true);
      expect(d.utredning.startdatum >= dates[0]).toBe(true);
    }
  });
});

// A small schema of our own for the profile features the three instruments do not all exercise.
const mini: JsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  "x-instrument": { name: "mini", version: "1.0.0", title: "Mini" },
  type: "object",
  additionalProperties: false,
  required: ["meta", "a"],
  properties: {
    meta: {
      type: "object",
      properties: { schema: { const: "mini@1.0.0" }, status: { type: "string", oneOf: [{ const: "draft" }, { const: "complete" }] } },
    },
    a: {
      type: "object",
      required: ["typ", "rader", "id"],
      properties: {
        // Shown when a later field says so: the generator needs its pruning pass here.
        extra: { type: "string", maxLength: 10, "x-ui": { visibleWhen: { "==": [{ var: "a.typ" }, "x"] } } },
        typ: { type: "string", oneOf: [{ const: "x" }, { const: "y" }] },
        id: { type: "string", pattern: "^M-[0-9]+$" },
        rader: {
          type: "array",
          maxItems: 30,
          items: {
            type: "object",
            required: ["datum"],
            properties: { datum: { type: "string", format: "date" }, n: { type: "integer", minimum: 0, maximum: 9 } },
          },
        },
        val: { type: "array", uniqueItems: true, minItems: 2, items: { type: "string", oneOf: [{ const: "p" }, { const: "q" }, { const: "r" }] } },
      },
    },
  },
};

function miniProfile(fields: SyntheticProfile["fields"]): SyntheticProfile {
  return { instrument: "mini@1.0.0", fields: { "a.id": { template: "M-{n:4}" }, ...fields } };
}

function profileError(p: SyntheticProfile, s: JsonSchema = mini): string {
  try {
    compileProfile(s, p);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return (e as Error).message;
  }
  return expect.fail("no ProfileError");
}

describe("profile features", () => {
  it("sorts rows by a date field with sorted: true", () => {
    const p = miniProfile({ "a.rader": { size: [20, 30], sorted: true }, "a.rader[].datum": { range: ["2020-01-01", "2020-12-31"] } });
    for (const d of generateDocuments(mini, p, { count: 100, seed: 1 }) as Iterable<Doc>) {
      const dates = d.a.rader.map((r: Doc) => r.datum);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.length).toBeGreaterThanOrEqual(20);
    }
    // Unsorted, 20+ random dates are practically never in order.
    const unsorted = generateDocument(mini, miniProfile({ "a.rader": { size: [20, 20] } }), createRng(1), 0) as Doc;
    const dates = unsorted.a.rader.map((r: Doc) => r.datum);
    expect([...dates].sort()).not.toEqual(dates);
  });

  it("prunes fields hidden by a later field (second pass)", () => {
    const p = miniProfile({ "a.extra": { p: 1 } });
    expect(compileProfile(mini, p).secondPass).toBe(true);
    let shown = 0;
    for (const d of generateDocuments(mini, p, { count: 200, seed: 1 }) as Iterable<Doc>) {
      if (d.a.typ === "x") {
        expect(d.a.extra).toBeDefined();
        shown++;
      } else expect(d.a.extra).toBeUndefined();
    }
    expect(shown).toBeGreaterThan(50);
  });

  it("fills templates, integer weights and multiple-choice minimums", () => {
    const p = miniProfile({ "a.rader": { size: [1, 1] }, "a.rader[].n": { p: 1, weights: { "0": 1, "7-9": 1 } }, "a.val": { p: 1, include: { p: 0, q: 0, r: 0 } } });
    const d = generateDocument(mini, p, createRng(5), 42) as Doc;
    expect(d.meta).toEqual({ schema: "mini@1.0.0", status: "complete" });
    expect(d.a.id).toBe("M-0042");
    expect([0, 7, 8, 9]).toContain(d.a.rader[0].n);
    expect(d.a.val).toHaveLength(2);
  });

  it("names an unknown path, and suggests the near one", () => {
    expect(profileError(miniProfile({ "a.typp": { weights: { x: 1 } } }))).toMatch(/okänd sökväg ”a\.typp”.*Menade du ”a\.typ”/);
    const fia = { ...profile("fia") };
    fia.fields = { ...fia.fields, "livssituation.bonde.omfattning": { weights: { stor: 1 } } };
    expect(profileError(fia, schema("fia"))).toContain("okänd sökväg ”livssituation.bonde.omfattning”");
  });

  it("rejects specs that do not fit the field", () => {
    expect(profileError(miniProfile({ "a.typ": { weights: { z: 1 } } }))).toContain("okänd kod ”z”");
    expect(profileError(miniProfile({ "a.typ": { p: 0.5 } }))).toContain("obligatoriskt");
    expect(profileError(miniProfile({ "a.typ": { size: [1, 2] } }))).toContain("nyckeln ”size” gäller inte här");
    expect(profileError(miniProfile({ "a.id": { template: "X-{n}" } }))).toContain("mönster");
    expect(profileError({ instrument: "mini@1.0.0" })).toContain("”a.id”: schemat kräver ett visst format");
    expect(profileError(miniProfile({ "a.rader[].datum": { after: "a.typ", days: [0, 1] } }))).toContain("inget datumfält");
    expect(profileError(miniProfile({ "a.rader[].datum": { after: "a.rader[].n", days: [0, 1] } }))).toContain("inget fält som skapas före");
    expect(profileError(miniProfile({ "a.rader": { size: [0, 31] } }))).toContain("utanför schemats gränser");
    expect(profileError({ ...miniProfile({}), instrument: "fia@1.0.0" })).toContain("gäller ”fia@1.0.0”");
    expect(profileError(miniProfile({ "meta.status": { weights: { draft: 1 } } }))).toContain("meta sätts av generatorn");
  });
});

describe("generate command", () => {
  const quiet = (): Output & { errs: string[] } => {
    const errs: string[] = [];
    return { errs, out: () => expect.fail("nothing may go to io.out"), err: (l) => errs.push(l) };
  };

  it("writes NDJSON to a file and a one-line note to stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "blankett-gen-"));
    try {
      const io = quiet();
      const file = join(dir, "sue.ndjson");
      expect(await generateCommand(io, "sue@1.0.0", { count: 300, seed: 9, out: file })).toBe(0);
      const lines = readFileSync(file, "utf8").trimEnd().split("\n");
      expect(lines).toHaveLength(300);
      expect(lines.map((l) => JSON.parse(l))).toEqual(docs("sue", 300, 9));
      expect(io.errs).toEqual(["Syntetiska data: 300 dokument, frö 9"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an unknown instrument, a schema whose patterned text no profile covers and an unwritable file in one Swedish line", async () => {
    await expect(generateCommand(quiet(), "okand@1.0.0", { count: 1, seed: 1 })).rejects.toThrow(InputError);
    await expect(generateCommand(quiet(), "okand@1.0.0", { count: 1, seed: 1 })).rejects.toThrow(/Okänt formulär/);
    const dir = mkdtempSync(join(tmpdir(), "blankett-gen-"));
    try {
      const copy = join(dir, "1.0.0.schema.json");
      await import("node:fs").then((fs) => fs.copyFileSync(join(ROOT, "schemas/sue/1.0.0.schema.json"), copy));
      // No profile file: the empty profile (issue 11.8); SUE's patterned case number still needs values or a template.
      await expect(generateCommand(quiet(), copy, { count: 1, seed: 1 })).rejects.toThrow(/schemat kräver ett visst format; ange values eller template/);
      await expect(generateCommand(quiet(), "sue@1.0.0", { count: 1, seed: 1, out: join(dir, "saknas", "x.ndjson") })).rejects.toThrow(
        /Kan inte skriva filen/,
      );
      await expect(generateCommand(quiet(), "sue@1.0.0", { count: -1, seed: 1 })).rejects.toThrow(/--count/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a schema without a profile file gets answers from the schema alone, all valid", async () => {
    const dir = mkdtempSync(join(tmpdir(), "blankett-gen-"));
    try {
      const copy = join(dir, "1.0.0.schema.json");
      await import("node:fs").then((fs) => fs.copyFileSync(join(ROOT, "schemas/fia/1.0.0.schema.json"), copy));
      const out = join(dir, "ut.ndjson");
      expect(await generateCommand(quiet(), copy, { count: 20, seed: 3, out })).toBe(0);
      const lines = readFileSync(out, "utf8").trim().split("\n");
      expect(lines).toHaveLength(20);
      const v = validatorFor(JSON.parse(readFileSync(copy, "utf8")));
      for (const l of lines) expect(v.isValid(JSON.parse(l))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
