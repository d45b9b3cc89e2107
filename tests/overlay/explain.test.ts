import { describe, expect, it } from "vitest";
import { checkVariant, explainViolation, RULES, type Explanation, type RuleId, type Violation } from "../../engine/overlay/overlay.ts";
import { rebaseOverlay } from "../../engine/overlay/rebase.ts";
import { demo, fia, fiaOverlay, sue, sueIndicators, sueOverlay } from "./helpers.ts";
import type { JsonSchema } from "../../engine/compiler.ts";
import type { Overlay } from "../../engine/overlay/types.ts";

/** The one violation of a rule that an overlay produces (there must be exactly one of that rule). */
function only(rule: RuleId, overlay: unknown, base: JsonSchema = fia, indicators?: unknown): Violation {
  const found = checkVariant(overlay, base, indicators !== undefined ? { indicators } : {}).violations.filter((v) => v.rule === rule);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** What every explanation promises: plain words, no rule id, no rule name, no JSON Pointer, no dot path. */
function plain(e: Explanation, v: Violation): void {
  for (const text of [e.what, e.why]) {
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toContain(v.rule);
    expect(text).not.toContain(RULES[v.rule]);
    expect(text).not.toMatch(/\/[A-Za-z0-9]/);
    expect(text).not.toContain("[]");
    if (v.path !== undefined && v.path.includes(".")) expect(text).not.toContain(v.path);
    expect(text).toMatch(/[.!?]$/);
  }
}

function explained(v: Violation, base: JsonSchema = fia): Explanation {
  const e = explainViolation(v, base);
  plain(e, v);
  return e;
}

describe("explainViolation: one plain Swedish explanation per rule", () => {
  it("format", () => {
    const v = only("format", { ...fiaOverlay(), hide: "intervju.intervjuare" });
    const e = explained(v);
    expect(e.what).toContain("de dolda frågorna");
    expect(e.path).toBeUndefined();
  });

  it("grundversion", () => {
    const e = explained(only("grundversion", sueOverlay(), fia));
    expect(e.why).toContain("version");
    expect(e.why).toContain("1.0.0");
  });

  it("sokvag: an item that does not exist, and one that exists but cannot take the change", () => {
    const missing = explained(only("sokvag", fiaOverlay({ hide: ["intervju.finnsInte"] })));
    expect(missing.what).toContain("inte finns");
    expect(missing.path).toBeUndefined();
    const v = only("sokvag", fiaOverlay({ restrictOptions: { "intervju.intervjuare": ["a"] } }));
    const e = explained(v);
    expect(e).toMatchObject({ path: "intervju.intervjuare", label: "Intervjuare" });
    expect(e.what).toContain("”Intervjuare”");
  });

  it("otillaten-nyckel", () => {
    const e = explained(only("otillaten-nyckel", fiaOverlay({ hide: ["intervju.__proto__"] })));
    expect(e.what).toContain("spärrat");
  });

  it("meta", () => {
    const e = explained(only("meta", fiaOverlay({ hide: ["meta.variant"] })));
    expect(e.what).toContain("version och variant");
  });

  it("dolj-obligatorisk: names the question by its title and the version", () => {
    const v = only("dolj-obligatorisk", fiaOverlay({ hide: ["bedomning.motivering"] }));
    const e = explained(v);
    expect(e.path).toBe("bedomning.motivering");
    expect(e.what).toBe(`Frågan ”${e.label}” går inte att dölja.`);
    expect(e.why).toContain("obligatorisk");
    expect(e.why).toContain("1.0.0");
  });

  it("dolj-poangsatt by a rule: names the rule's title and says the result would be computed differently", () => {
    const v = only("dolj-poangsatt", fiaOverlay({ hide: ["arbete.arbetslivserfarenhetAr"] }));
    expect(v.reader).toEqual({ kind: "rule", id: "indikationArbete", title: "Indikation: stödbehov i arbete" });
    const e = explained(v);
    expect(e.label).toBe("Hur många år har du arbetat sammanlagt?");
    expect(e.what).toContain("”Hur många år har du arbetat sammanlagt?”");
    expect(e.why).toContain("regeln ”Indikation: stödbehov i arbete”");
    expect(e.why).toContain("räknas annorlunda");
  });

  it("dolj-poangsatt by an indicator and by a grouping (SUE with its indicator definitions)", () => {
    const byIndicator = explained(only("dolj-poangsatt", sueOverlay({ hide: ["foreInsats.forstaKontakt"] }), sue, sueIndicators), sue);
    expect(byIndicator.why).toContain("indikatorn ”Plan mot egen försörjning inom tre månader från första kontakten”");
    const hideKon = checkVariant(sueOverlay({ hide: ["bakgrund.kon"] }), sue, { indicators: sueIndicators }).violations.find((x) => x.rule === "dolj-poangsatt")!;
    const byGrouping = explained(hideKon, sue);
    expect(byGrouping).toMatchObject({ label: "Kön", what: "Frågan ”Kön” går inte att dölja." });
    expect(byGrouping.why).toContain("statistikens indelning efter ”Kön”");
  });

  it("dolj-villkor: names both questions", () => {
    const v = only("dolj-villkor", fiaOverlay({ hide: ["livssituation.overgreppTvang.fysisktVald.nagonsin"] }));
    const e = explained(v);
    expect(e.what).toContain("”Har du någon gång blivit utsatt för fysiskt våld?”");
    expect(e.why).toContain("”Har det hänt under det senaste året?”");
    expect(e.why).toContain("Dölj båda");
  });

  it("nationella-koder", () => {
    const e = explained(only("nationella-koder", fiaOverlay({ restrictOptions: { "livssituation.utsatthetBrott.ran": ["nej", "Senaste_aret"] } })));
    expect(e.path).toBe("livssituation.utsatthetBrott.ran");
    expect(e.what).toContain(`”${e.label}”`);
  });

  it("utoka-alternativ", () => {
    const e = explained(only("utoka-alternativ", fiaOverlay({ restrictOptions: { "livssituation.utsatthetBrott.ran": ["nej", "vet_inte"] } })));
    expect(e.what).toContain("lägger till");
    expect(e.why).toContain("lokal fråga");
  });

  it("begransa-poangsatt", () => {
    const v = only("begransa-poangsatt", sueOverlay({ restrictOptions: { "bakgrund.hushallstyp": ["1", "3"] } }), sue, sueIndicators);
    const e = explained(v, sue);
    expect(e).toMatchObject({ path: "bakgrund.hushallstyp", label: "Hushållstyp" });
    expect(e.what).toBe("Svarsalternativen till ”Hushållstyp” går inte att begränsa.");
    expect(e.why).toContain("”Hushållstyp”");
  });

  it("lokal-namnrymd: a local item named by its own title", () => {
    const v = only("lokal-namnrymd", fiaOverlay({ addItems: [{ key: "intervju.tolk", schema: { type: "boolean", title: "Behövs tolk?" } }] }));
    const e = explained(v);
    expect(e.label).toBe("Behövs tolk?");
    expect(e.what).toContain("”Behövs tolk?”");
  });

  it("lokalt-schema", () => {
    const v = only("lokalt-schema", fiaOverlay({ addItems: [{ key: "nummer", schema: { type: "string", title: "Nummer", pattern: "^a+$" } }] }));
    const e = explained(v);
    expect(e).toMatchObject({ path: "lokalt.nummer", label: "Nummer" });
    expect(e.what).toContain("”Nummer”");
  });

  it("motstridiga", () => {
    const v = only("motstridiga", fiaOverlay({ hide: ["intervju.intervjuare"], relabel: { "intervju.intervjuare": "Handläggare" } }));
    const e = explained(v);
    expect(e.what).toContain("”Intervjuare”");
  });

  it("lint: a local condition on a question that does not exist", () => {
    const v = only("lint", fiaOverlay({ addItems: [{ key: "fraga", schema: { type: "string", title: "Fråga", "x-ui": { visibleWhen: { "==": [{ var: "intervju.finnsInte" }, true] } } } }] }));
    const e = explained(v);
    expect(e).toMatchObject({ path: "lokalt.fraga", label: "Fråga" });
    expect(e.what).toContain("”Fråga”");
  });

  it("standardvarde", () => {
    const v = only("standardvarde", fiaOverlay({ defaults: { "intervju.intervjuare": 5 } }));
    const e = explained(v);
    expect(e.what).toBe("Standardsvaret för ”Intervjuare” går inte att använda.");
  });

  it("standard-poangsatt", () => {
    const v = only("standard-poangsatt", fiaOverlay({ defaults: { "arbete.arbetslivserfarenhetAr": 3 } }));
    const e = explained(v);
    expect(e.what).toContain("standardsvar");
    expect(e.why).toContain("regeln ”Indikation: stödbehov i arbete”");
  });
});

describe("explainViolation: rebase conflicts", () => {
  const v1 = demo("1.0.0", { a: { type: "string", title: "Fråga A" }, b: { type: "string", title: "Fråga B", enum: ["x", "y"] }, c: { type: "string", title: "Fråga C" }, d: { type: "string", title: "Fråga D" } }, []);
  const v2 = demo(
    "2.0.0",
    { a: { type: "integer", title: "Fråga A" }, b: { type: "string", title: "Fråga B", enum: ["x", "z"] }, c: { type: "string", title: "Ny fråga C" }, d: { type: "string", title: "Fråga D" } },
    ["d"],
    [{ id: "summa", kind: "value", title: "Summan", expr: { var: "del.b" } }],
  );
  const overlay: Overlay = {
    name: "test",
    title: "T",
    base: "demo@1.0.0",
    hide: ["del.d"],
    relabel: { "del.c": "Lokal C", "del.a": "Lokal A" },
    restrictOptions: { "del.b": ["x", "y"] },
    help: { "del.saknas": "x" },
  };
  const conflicts = rebaseOverlay(overlay, v1, v2).violations;
  const byRule = (rule: RuleId) => conflicts.find((c) => c.rule === rule);

  for (const rule of ["konflikt-typ", "konflikt-obligatorisk", "konflikt-poangsatt", "konflikt-koder", "konflikt-text"] as RuleId[]) {
    it(rule, () => {
      const v = byRule(rule);
      expect(v, JSON.stringify(conflicts)).toBeDefined();
      const e = explained(v!, v1);
      expect(e.label).toMatch(/^Fråga /);
      expect(e.what).toContain(`”${e.label}”`);
    });
  }

  it("konflikt-saknas", () => {
    const gone = demo("2.0.0", { b: { type: "string", title: "Fråga B", enum: ["x", "y"] } }, []);
    const v = rebaseOverlay(fiaLike(), v1, gone).violations.find((c) => c.rule === "konflikt-saknas")!;
    const e = explained(v, v1);
    expect(e.what).toContain("”Fråga A”");
    expect(e.what).toContain("finns inte längre");
  });

  it("konflikt-poangsatt names the new reader", () => {
    expect(explained(byRule("konflikt-poangsatt")!, v1).what).toContain("regeln ”Summan”");
  });
});

function fiaLike(): Overlay {
  return { name: "test", title: "T", base: "demo@1.0.0", relabel: { "del.a": "Lokal A" } };
}

it("every rule has an explanation", () => {
  for (const rule of Object.keys(RULES) as RuleId[]) {
    const e = explainViolation({ pointer: "", rule, message: "x" });
    expect(e.what.length).toBeGreaterThan(10);
    expect(e.why.length).toBeGreaterThan(10);
  }
});
