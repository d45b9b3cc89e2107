import { describe, expect, it } from "vitest";
import { Validator, type JsonSchema } from "../../engine/compiler.ts";

// A small hand-written schema; every expected message below is written out by hand.
const schema: JsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  additionalProperties: false,
  required: ["handelse"],
  properties: {
    handelse: { $ref: "#/$defs/handelse", title: "Händelse" },
  },
  $defs: {
    handelse: {
      type: "object",
      additionalProperties: false,
      required: ["datum", "typ", "informerad"],
      properties: {
        datum: { type: "string", format: "date", title: "Datum för händelsen" },
        typ: { type: "string", title: "Typ av händelse", oneOf: [{ const: "barnforhor", title: "Barnförhör" }, { const: "annan", title: "Annan händelse" }] },
        informerad: { type: "boolean", title: "Har barnet fått veta?" },
        alder: { type: "integer", minimum: 0, maximum: 17, title: "Ålder" },
        beskrivning: { type: "string", maxLength: 5, title: "Beskrivning", "x-ui": { messages: { maxLength: "Skriv kortare" } } },
        personer: { type: "array", title: "Personer", items: { type: "string" }, "x-ui": { widget: "table" } },
      },
    },
  },
};

const v = new Validator(schema);

describe("Swedish messages", () => {
  it("names a missing date by its label, as an instruction", () => {
    const r = v.validate({ handelse: { typ: "annan", informerad: true } });
    expect(r.errors).toEqual([{ pointer: "/handelse/datum", keyword: "required", label: "Datum för händelsen", message: "Ange datum för händelsen" }]);
  });

  it("asks to choose when a missing answer is a choice, and to answer a yes/no question", () => {
    const r = v.validate({ handelse: { datum: "2024-03-01" } });
    expect(r.errors.map((e) => e.message)).toEqual(["Välj typ av händelse", "Svara på frågan ”Har barnet fått veta?”"]);
  });

  it("reports a wrong option once, not once per option", () => {
    const r = v.validate({ handelse: { datum: "2024-03-01", typ: "okand", informerad: true } });
    expect(r.errors).toEqual([{ pointer: "/handelse/typ", keyword: "oneOf", label: "Typ av händelse", message: "Välj ett av alternativen för ”Typ av händelse”" }]);
  });

  it("explains the date format, range, unknown fields and custom messages; all errors at once", () => {
    const r = v.validate({ handelse: { datum: "1 mars", typ: "annan", informerad: true, alder: 18, beskrivning: "för lång text", extra: 1 } });
    expect(r.errors.map((e) => [e.pointer, e.message])).toEqual([
      ["/handelse/extra", "Uppgiften ”extra” finns inte i formuläret"],
      ["/handelse/datum", "Skriv datumet för ”Datum för händelsen” som ÅÅÅÅ-MM-DD, till exempel 2024-03-01"],
      ["/handelse/alder", "”Ålder” får inte vara större än 17"],
      ["/handelse/beskrivning", "Skriv kortare"],
    ]);
  });

  it("rejects impossible calendar dates", () => {
    expect(v.validate({ handelse: { datum: "2024-02-30", typ: "annan", informerad: true } }).valid).toBe(false);
  });

  it("never repeats the answer's own text in a message", () => {
    const secret = "pappa slog mig";
    const r = v.validate({ handelse: { datum: secret, typ: secret, informerad: true, beskrivning: secret } });
    expect(r.errors.length).toBe(3);
    for (const e of r.errors) expect(e.message).not.toContain(secret);
  });

  it("in draft mode, lists missing answers as not yet answered instead of errors", () => {
    const r = v.validate({ handelse: { datum: "2024-03-01" } }, "draft");
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.unanswered.map((e) => e.pointer)).toEqual(["/handelse/typ", "/handelse/informerad"]);
  });

  it("in draft mode, still reports answers that are wrong", () => {
    const r = v.validate({ handelse: { datum: "igår" } }, "draft");
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.keyword)).toEqual(["format"]);
  });
});

describe("compilation", () => {
  it("refuses a remote $ref instead of fetching it", () => {
    expect(() => new Validator({ $schema: "https://json-schema.org/draft/2020-12/schema", $ref: "https://evil.example/x.json" })).toThrow(/Endast lokala \$ref stöds/);
  });

  it("refuses an unknown keyword (strict mode)", () => {
    expect(() => new Validator({ type: "object", titel: "x" })).toThrow(/Okänt nyckelord ”titel” — menade du ”title”\?/);
  });

  it("refuses a hint of the wrong type while compiling", () => {
    expect(() => new Validator({ type: "string", "x-ui": { rows: "tre" } })).toThrow(/x-ui/);
  });
});

describe("the date format", () => {
  const d = new Validator({ type: "string", format: "date" });
  it.each([["2024-02-29", true], ["2023-02-29", false], ["2024-13-01", false], ["2024-04-31", false], ["2024-1-01", false], ["2024-01-01T10:00:00Z", false], ["20240101", false], ["2024-01-01 ", false], ["0000-01-01", true]])("%s → %s", (value, ok) => {
    expect(d.isValid(value)).toBe(ok);
  });
});
