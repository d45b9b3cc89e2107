import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../engine/diff/diff.ts";
import type { ChangeClass, ChangeKind } from "../../engine/diff/types.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";
import { rulePaths } from "../../engine/diff/rules.ts";
import { base, changed } from "./pairs.ts";

/**
 * One hand-made schema pair per change kind. Every expectation was worked out from the change
 * and the classification rules in schemas/DIFF.md, not read off the diff's output: the list of
 * changes (other than the version stamp) must be exactly the expected one.
 */

type Expected = { kind: ChangeKind; class: ChangeClass; pointer: string; newPointer?: string; keyword?: string; rule?: string };

function changesOf(oldSchema: JsonSchema, newSchema: JsonSchema) {
  const report = diffSchemas(oldSchema, newSchema);
  const found = report.changes
    .filter((c) => c.kind !== "version-stamp")
    .map((c) => {
      const e: Expected = { kind: c.kind, class: c.class, pointer: c.pointer };
      if (c.newPointer !== undefined) e.newPointer = c.newPointer;
      if (c.keyword !== undefined) e.keyword = c.keyword;
      if (c.rule !== undefined) e.rule = c.rule;
      return e;
    });
  return { report, found };
}

type Case = [name: string, edit: Parameters<typeof changed>[1], expected: Expected[], bump: "major" | "minor" | "patch" | "none"];

const at = (pointer: string, kind: ChangeKind, cls: ChangeClass, more: Partial<Expected> = {}): Expected => ({ kind, class: cls, pointer, ...more });

const cases: Case[] = [
  // wording
  ["question label", (_s, d) => void (d.del!.properties.svar!.title = "Hur ofta händer det?"), [at("/del/svar", "label-changed", "wording")], "patch"],
  ["help text", (_s, d) => void ((d.del!.properties.svar!["x-ui"] as Record<string, unknown>).help = "Välj det som stämmer bäst."), [at("/del/svar", "help-changed", "wording")], "patch"],
  ["description", (_s, d) => void (d.del!.description = "The first part, reworded."), [at("/del", "description-changed", "wording")], "patch"],
  ["section label in $defs", (_s, d) => void (d.del!.title = "Första delen"), [at("/del", "label-changed", "wording")], "patch"],
  ["placeholder (a text hint)", (_s, d) => void ((d.del!.properties.text!["x-ui"] as Record<string, unknown>).placeholder = "Skriv fritt"), [at("/del/text", "hint-changed", "wording", { keyword: "placeholder" })], "patch"],
  ["instrument title", (s) => void ((s["x-instrument"] as Record<string, unknown>).title = "Provet"), [at("", "instrument-changed", "wording", { keyword: "title" })], "patch"],
  // options
  ["option added to a shared scale", (_s, d) => void (d.skala!.oneOf as unknown[]).push({ const: "sallan", title: "Sällan" }), [at("/del/svar", "option-added", "compatible", { keyword: "sallan" })], "minor"],
  ["option removed", (_s, d) => void (d.skala!.oneOf = (d.skala!.oneOf as Array<{ const: string }>).filter((o) => o.const !== "aldrig")), [at("/del/svar", "option-removed", "breaking", { keyword: "aldrig" })], "major"],
  [
    "option recoded: same label, new code",
    (_s, d) => void (d.skala!.oneOf = [{ const: "ofta", title: "Ofta" }, { const: "ibland_ny", title: "Ibland" }, { const: "aldrig", title: "Aldrig" }]),
    [at("/del/svar", "option-recoded", "breaking", { keyword: "ibland" })],
    "major",
  ],
  ["option recoded: same code, new label", (_s, d) => void ((d.skala!.oneOf as Array<{ title: string }>)[0]!.title = "Varje dag"), [at("/del/svar", "option-recoded", "breaking", { keyword: "ofta" })], "major"],
  ["option relabelled: case and punctuation only", (_s, d) => void ((d.skala!.oneOf as Array<{ title: string }>)[0]!.title = "ofta."), [at("/del/svar", "option-relabelled", "wording", { keyword: "ofta" })], "patch"],
  ["multiple choice: option added", (_s, d) => void ((d.del!.properties.val!.items as { oneOf: unknown[] }).oneOf.push({ const: "d", title: "D" })), [at("/del/val", "option-added", "compatible", { keyword: "d" })], "minor"],
  ["multiple choice: option removed", (_s, d) => void ((d.del!.properties.val!.items as { oneOf: unknown[] }).oneOf.pop()), [at("/del/val", "option-removed", "breaking", { keyword: "c" })], "major"],
  [
    "fixed options where there were none",
    (_s, d) => void (d.del!.properties.text!.oneOf = [{ const: "x", title: "X" }]),
    [at("/del/text", "constraint-narrowed", "breaking", { keyword: "enum" })],
    "major",
  ],
  // constraints
  ["maximum narrowed", (_s, d) => void (d.del!.properties.antal!.maximum = 50), [at("/del/antal", "constraint-narrowed", "breaking", { keyword: "maximum" })], "major"],
  ["maximum widened", (_s, d) => void (d.del!.properties.antal!.maximum = 200), [at("/del/antal", "constraint-widened", "compatible", { keyword: "maximum" })], "minor"],
  ["minimum raised", (_s, d) => void (d.del!.properties.antal!.minimum = 1), [at("/del/antal", "constraint-narrowed", "breaking", { keyword: "minimum" })], "major"],
  ["minimum removed", (_s, d) => void delete d.del!.properties.antal!.minimum, [at("/del/antal", "constraint-widened", "compatible", { keyword: "minimum" })], "minor"],
  ["maxLength lowered", (_s, d) => void (d.del!.properties.text!.maxLength = 100), [at("/del/text", "constraint-narrowed", "breaking", { keyword: "maxLength" })], "major"],
  ["maxLength removed", (_s, d) => void delete d.del!.properties.text!.maxLength, [at("/del/text", "constraint-widened", "compatible", { keyword: "maxLength" })], "minor"],
  ["minLength added", (_s, d) => void (d.del!.properties.text!.minLength = 1), [at("/del/text", "constraint-narrowed", "breaking", { keyword: "minLength" })], "major"],
  ["pattern changed", (_s, d) => void (d.del!.properties.kod!.pattern = "^[A-Z]{3}$"), [at("/del/kod", "constraint-narrowed", "breaking", { keyword: "pattern" })], "major"],
  ["pattern removed", (_s, d) => void delete d.del!.properties.kod!.pattern, [at("/del/kod", "constraint-widened", "compatible", { keyword: "pattern" })], "minor"],
  ["format added", (_s, d) => void (d.extra!.properties.notis!.format = "email"), [at("/extra/notis", "constraint-narrowed", "breaking", { keyword: "format" })], "major"],
  ["format removed", (_s, d) => void delete d.extra!.properties.datum!.format, [at("/extra/datum", "constraint-widened", "compatible", { keyword: "format" })], "minor"],
  ["maxItems lowered", (_s, d) => void (d.del!.properties.val!.maxItems = 2), [at("/del/val", "constraint-narrowed", "breaking", { keyword: "maxItems" })], "major"],
  ["minItems added", (_s, d) => void (d.del!.properties.val!.minItems = 1), [at("/del/val", "constraint-narrowed", "breaking", { keyword: "minItems" })], "major"],
  ["uniqueItems dropped", (_s, d) => void delete d.del!.properties.val!.uniqueItems, [at("/del/val", "constraint-widened", "compatible", { keyword: "uniqueItems" })], "minor"],
  ["another validation keyword added (not)", (_s, d) => void (d.del!.properties.kod!.not = { const: "XX" }), [at("/del/kod", "keyword-changed", "breaking", { keyword: "not" })], "major"],
  // types
  ["type widened: integer → number", (_s, d) => void (d.del!.properties.antal!.type = "number"), [at("/del/antal", "type-changed", "compatible", { keyword: "type" })], "minor"],
  ["type changed: integer → string", (_s, d) => void (d.del!.properties.antal!.type = "string"), [at("/del/antal", "type-changed", "breaking", { keyword: "type" })], "major"],
  [
    "multiple choice turned into a list of rows",
    (_s, d) => void (d.del!.properties.val!.items = { type: "object", additionalProperties: false, properties: { kod: { type: "string" } } }),
    [
      at("/del/val", "type-changed", "breaking", { keyword: "items.type" }),
      at("/del/val", "constraint-widened", "compatible", { keyword: "enum" }),
      at("/del/val/*", "item-added", "compatible"),
    ],
    "major",
  ],
  // required
  ["required added", (_s, d) => void d.del!.required!.push("antal"), [at("/del/antal", "required-added", "breaking")], "major"],
  ["required removed", (_s, d) => void (d.del!.required = []), [at("/del/svar", "required-removed", "compatible")], "minor"],
  // items
  ["optional item added", (_s, d) => void (d.extra!.properties.ny = { type: "string", title: "Ny" }), [at("/extra/ny", "item-added", "compatible")], "minor"],
  [
    "required item added",
    (_s, d) => {
      d.del!.properties.ny = { type: "string", title: "Ny" };
      d.del!.required!.push("ny");
    },
    [at("/del/ny", "item-added", "breaking")],
    "major",
  ],
  ["item removed", (_s, d) => void delete d.extra!.properties.datum, [at("/extra/datum", "item-removed", "breaking")], "major"],
  [
    "optional group added",
    (s) => void ((s.properties as Record<string, unknown>).tillagg = { type: "object", title: "Tillägg", additionalProperties: false, required: ["a"], properties: { a: { type: "string" } } }),
    [at("/tillagg", "item-added", "compatible")],
    "minor",
  ],
  [
    "item moved to another parent",
    (_s, d) => {
      d.del!.properties.notis = d.extra!.properties.notis!;
      delete d.extra!.properties.notis;
    },
    [at("/extra/notis", "item-moved", "breaking", { newPointer: "/del/notis" })],
    "major",
  ],
  [
    "group moved (and its questions with it)",
    (s, d) => {
      d.del!.properties.extra = { $ref: "#/$defs/extra" };
      delete (s.properties as Record<string, unknown>).extra;
      s["x-ui"] = { order: ["meta", "del"] };
    },
    [at("/extra", "item-moved", "breaking", { newPointer: "/del/extra" })],
    "major",
  ],
  ["order changed (x-ui.order)", (_s, d) => void ((d.del!["x-ui"] as Record<string, unknown>).order = ["kod", "val", "text", "antal", "svar"]), [at("/del", "item-reordered", "compatible", { keyword: "order" })], "minor"],
  // conditions and hints
  [
    "condition changed",
    (_s, d) => void ((d.del!.properties.text!["x-ui"] as Record<string, unknown>).visibleWhen = { "==": [{ var: "del.svar" }, "ibland"] }),
    [at("/del/text", "condition-changed", "compatible", { keyword: "visibleWhen" })],
    "minor",
  ],
  ["condition removed", (_s, d) => void delete (d.del!.properties.text!["x-ui"] as Record<string, unknown>).visibleWhen, [at("/del/text", "condition-changed", "compatible", { keyword: "visibleWhen" })], "minor"],
  ["widget changed", (_s, d) => void ((d.del!.properties.svar!["x-ui"] as Record<string, unknown>).widget = "select"), [at("/del/svar", "hint-changed", "compatible", { keyword: "widget" })], "minor"],
  ["unit changed (stored numbers change meaning)", (_s, d) => void ((d.del!.properties.antal!["x-ui"] as Record<string, unknown>).unit = "veckor"), [at("/del/antal", "hint-changed", "breaking", { keyword: "unit" })], "major"],
  // rules
  ["value rule added", (s) => void (s["x-rules"] as unknown[]).push({ id: "dubbel", kind: "value", title: "Dubbelt", expr: { "*": [{ var: "del.antal" }, 2] } }), [at("", "rule-added", "compatible", { rule: "dubbel" })], "minor"],
  ["rule removed", (s) => void (s["x-rules"] = (s["x-rules"] as Array<{ id: string }>).filter((r) => r.id !== "summa")), [at("", "rule-removed", "compatible", { rule: "summa" })], "minor"],
  ["rule logic changed", (s) => void ((s["x-rules"] as Array<Record<string, unknown>>)[0]!.expr = { "+": [{ var: "del.antal" }, 2] }), [at("", "rule-changed", "compatible", { rule: "summa" })], "minor"],
  ["rule title only", (s) => void ((s["x-rules"] as Array<Record<string, unknown>>)[0]!.title = "Summan"), [at("", "rule-changed", "wording", { rule: "summa" })], "patch"],
  [
    "error check added",
    (s) =>
      void (s["x-rules"] as unknown[]).push({ id: "antalKravs", kind: "check", severity: "error", title: "Antal krävs", assert: { "!!": [{ var: "del.antal" }] }, message: "Ange antal.", pointer: "/del/antal" }),
    [at("", "rule-added", "breaking", { rule: "antalKravs" })],
    "major",
  ],
  ["warning raised to error", (s) => void ((s["x-rules"] as Array<Record<string, unknown>>)[1]!.severity = "error"), [at("", "rule-changed", "breaking", { rule: "rimligtAntal" })], "major"],
  ["warning check tightened (still a warning)", (s) => void ((s["x-rules"] as Array<Record<string, unknown>>)[1]!.assert = { "<": [{ var: "del.antal" }, 10] }), [at("", "rule-changed", "compatible", { rule: "rimligtAntal" })], "minor"],
  ["error check logic changed", (s) => void ((s["x-rules"] as Array<Record<string, unknown>>)[2]!.when = { "in": [{ var: "del.svar" }, ["ofta", "ibland"]] }), [at("", "rule-changed", "breaking", { rule: "kodKravs" })], "major"],
  ["error lowered to warning", (s) => void ((s["x-rules"] as Array<Record<string, unknown>>)[2]!.severity = "warning"), [at("", "rule-changed", "compatible", { rule: "kodKravs" })], "minor"],
  ["error check message only", (s) => void ((s["x-rules"] as Array<Record<string, unknown>>)[2]!.message = "Skriv en kod med två bokstäver."), [at("", "rule-changed", "wording", { rule: "kodKravs" })], "patch"],
  [
    "rules reordered",
    (s) => {
      const r = s["x-rules"] as unknown[];
      s["x-rules"] = [r[1], r[0], r[2]];
    },
    [at("", "rules-reordered", "compatible")],
    "minor",
  ],
];

describe("diff: one change kind per schema pair", () => {
  for (const [name, edit, expected, bump] of cases) {
    it(name, () => {
      const { report, found } = changesOf(base(), changed("1.1.0", edit));
      expect(found).toEqual(expected);
      expect(report.bump.required).toBe(bump);
    });
  }
});

describe("diff: compares by meaning, not by where a schema is defined", () => {
  it("an inlined $ref is no change", () => {
    const { found } = changesOf(
      base(),
      changed("1.0.1", (_s, d) => {
        const { $ref: _r, ...rest } = d.del!.properties.svar!;
        d.del!.properties.svar = { ...d.skala!, ...rest };
      }),
    );
    expect(found).toEqual([]);
  });

  it("a renamed $defs entry is no change", () => {
    const { found } = changesOf(
      base(),
      changed("1.0.1", (_s, d) => {
        d.frekvens = d.skala!;
        delete d.skala;
        d.del!.properties.svar!.$ref = "#/$defs/frekvens";
      }),
    );
    expect(found).toEqual([]);
  });

  it("a section copied inline instead of referenced is no change", () => {
    const { found } = changesOf(base(), changed("1.0.1", (s, d) => void ((s.properties as Record<string, unknown>).del = structuredClone(d.del))));
    expect(found).toEqual([]);
  });

  it("a change in a shared $def is reported at every question that uses it", () => {
    const old = base();
    const next = changed("1.1.0", (_s, d) => {
      d.extra!.properties.hur = { $ref: "#/$defs/skala", title: "Hur ofta annars?" };
      (d.skala!.oneOf as unknown[]).push({ const: "sallan", title: "Sällan" });
    });
    const { found } = changesOf(old, next);
    expect(found).toEqual([at("/del/svar", "option-added", "compatible", { keyword: "sallan" }), at("/extra/hur", "item-added", "compatible")]);
  });
});

describe("diff: objects that accept undeclared keys", () => {
  const open = (s: JsonSchema) => void delete (s.$defs as Record<string, JsonSchema>).extra!.additionalProperties;
  it("removing an item from an open group is compatible (old answers are still allowed)", () => {
    const old = base();
    open(old);
    const next = changed("1.1.0", (s, d) => {
      open(s);
      delete d.extra!.properties.datum;
    });
    expect(changesOf(old, next).found).toEqual([at("/extra/datum", "item-removed", "compatible")]);
  });

  it("adding an item to an open group is breaking (old answers may have that key with any value)", () => {
    const old = base();
    open(old);
    const next = changed("1.1.0", (s, d) => {
      open(s);
      d.extra!.properties.ny = { type: "integer" };
    });
    expect(changesOf(old, next).found).toEqual([at("/extra/ny", "item-added", "breaking")]);
  });

  it("closing a group is narrowing, opening it widening", () => {
    const old = base();
    const opened = changed("1.1.0", open);
    expect(changesOf(old, opened).found).toEqual([at("/extra", "constraint-widened", "compatible", { keyword: "additionalProperties" })]);
    expect(changesOf(opened, old).found).toEqual([at("/extra", "constraint-narrowed", "breaking", { keyword: "additionalProperties" })]);
  });
});

describe("diff: the version stamp", () => {
  it("meta.schema's const is bookkeeping, not a breaking change", () => {
    const report = diffSchemas(base(), base("1.0.1"));
    expect(report.changes.map((c) => [c.kind, c.class, c.pointer])).toEqual([["version-stamp", "bookkeeping", "/meta/schema"]]);
    expect(report.counts).toEqual({ breaking: 0, compatible: 0, wording: 0, bookkeeping: 1, review: 0 });
    expect(report.bump.required).toBe("none");
    // A new number for no change at all says more than happened.
    expect(report.bump.matches).toBe(false);
  });

  it("identical schemas: no changes, no bump, numbers match", () => {
    const report = diffSchemas(base(), base());
    expect(report.changes).toEqual([]);
    expect(report.bump).toEqual({ required: "none", declared: "none", matches: true });
  });
});

describe("diff: where and what", () => {
  it("says where (pointer and label), what it was and what it became", () => {
    const { report } = changesOf(base(), changed("2.0.0", (_s, d) => void (d.del!.properties.antal!.maximum = 50)));
    const c = report.changes.find((x) => x.kind === "constraint-narrowed")!;
    expect(c).toMatchObject({ pointer: "/del/antal", label: "Antal", keyword: "maximum", before: 100, after: 50, class: "breaking" });
    expect(c.summary).toBe("Högsta värde: 100 → 50.");
    const item = report.items.find((i) => i.pointer === "/del/antal")!;
    expect(item.old?.constraints.maximum).toBe(100);
    expect(item.new?.constraints.maximum).toBe(50);
  });

  it("rule changes name the rule and the answers it reads", () => {
    const { report } = changesOf(base(), changed("1.1.0", (s) => void ((s["x-rules"] as Array<Record<string, unknown>>)[2]!.severity = "warning")));
    const c = report.changes.find((x) => x.kind === "rule-changed")!;
    expect(c.rule).toBe("kodKravs");
    expect(c.label).toBe("Kod krävs vid ofta");
    expect(c.reads).toEqual(["/del/kod", "/del/svar"]);
    expect(c.before).toEqual({ severity: "error" });
    expect(c.after).toEqual({ severity: "warning" });
  });

  it("a rule's answer paths follow forEach rows and some/all/filter scopes", () => {
    const rule = {
      id: "r",
      kind: "check",
      severity: "error",
      title: "R",
      forEach: "plan.mal",
      assert: { and: [{ ">": [{ var: "row.datum" }, { var: "intervju.datum" }] }, { some: [{ var: "row.delmal" }, { "!!": [{ var: "text" }] }] }, { all: [{ var: "logg" }, { var: "typ" }] }] },
      message: "M",
      pointer: "/plan/mal/{index}",
      values: { n: { var: "@.annan" } },
    };
    expect(rulePaths(rule)).toEqual(["/intervju/datum", "/logg", "/logg/*/typ", "/plan/mal", "/plan/mal/*/datum", "/plan/mal/*/delmal", "/plan/mal/*/delmal/*/text"]);
  });

  it("lists restructured groups: removed, added, moved", () => {
    const next = changed("2.0.0", (s, d) => {
      d.del!.properties.extra = { $ref: "#/$defs/extra" };
      delete (s.properties as Record<string, unknown>).extra;
      (s.properties as Record<string, unknown>).tillagg = { type: "object", title: "Tillägg", additionalProperties: false, properties: { a: { type: "string" }, b: { type: "string" } } };
    });
    const { report } = changesOf(base(), next);
    expect(report.restructured).toEqual([
      { action: "moved", pointer: "/extra", newPointer: "/del/extra", label: "Extra", items: 2, class: "breaking" },
      { action: "added", pointer: "/tillagg", label: "Tillägg", items: 2, class: "compatible" },
    ]);
  });

  it("a self-referencing schema does not loop", () => {
    const tree = (version: string, max: number): JsonSchema => ({
      $id: `https://blankett.example/schemas/trad/${version}`,
      "x-instrument": { name: "trad", version, title: "Träd" },
      $ref: "#/$defs/nod",
      $defs: { nod: { type: "object", additionalProperties: false, properties: { namn: { type: "string", maxLength: max }, barn: { type: "array", items: { $ref: "#/$defs/nod" } } } } },
    });
    const report = diffSchemas(tree("1.0.0", 10), tree("2.0.0", 5));
    expect(report.changes.filter((c) => c.kind === "constraint-narrowed").map((c) => c.pointer)).toContain("/namn");
    expect(report.bump.required).toBe("major");
  });
});
