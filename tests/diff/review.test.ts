import { describe, expect, it } from "vitest";
import "../../engine/compiler.ts";
import { diffSchemas } from "../../engine/diff/diff.ts";
import { parseReviewFile, reviewFileName } from "../../engine/diff/review.ts";
import { includes } from "../../engine/diff/inclusion.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";

const wrap = (field: unknown, version: string): JsonSchema => ({
  "x-instrument": { name: "prov", version, title: "Prov" },
  type: "object",
  additionalProperties: false,
  properties: { svar: field },
});

// An overlapping-by-pattern oneOf gaining a branch: the analysis cannot prove it either way.
const OLD = wrap({ oneOf: [{ type: "string", pattern: "^a" }, { type: "string", pattern: "^b" }] }, "1.0.0");
const NEW = wrap({ oneOf: [{ type: "string", pattern: "^a" }, { type: "string", pattern: "^b" }, { type: "string", pattern: "^c" }] }, "1.1.0");

describe("diff: review changes and review files", () => {
  it("an unproven change is class review, with a Swedish reason, and counts as breaking for the bump", () => {
    const report = diffSchemas(OLD, NEW);
    const review = report.changes.filter((c) => c.class === "review");
    expect(review).toHaveLength(1);
    expect(review[0]!.reason).toMatch(/granskare/);
    expect(report.counts.review).toBe(1);
    expect(report.bump.required).toBe("major");
    expect(report.bump.matches).toBe(false);
  });

  it("a review file accepting it makes the bump minor", () => {
    const file = parseReviewFile({
      from: "prov@1.0.0",
      to: "prov@1.1.0",
      accepted: [{ pointer: "/svar", kind: "keyword-changed", keyword: "oneOf", note: "Koder som börjar på c fanns inte förut.", by: "Granskare" }],
    });
    const report = diffSchemas(OLD, NEW, { accepted: file });
    const review = report.changes.find((c) => c.class === "review")!;
    expect(review.accepted).toEqual({ note: "Koder som börjar på c fanns inte förut.", by: "Granskare" });
    expect(report.bump.required).toBe("minor");
    expect(report.bump.matches).toBe(true);
    expect(reviewFileName("1.1.0")).toBe("1.1.0.review.json");
  });

  it("a review file never accepts a proven breaking change, nor one for other versions", () => {
    const broken = wrap({ type: "integer" }, "1.1.0");
    const file = parseReviewFile({ from: "prov@1.0.0", to: "prov@1.1.0", accepted: [{ pointer: "/svar", kind: "type-changed", note: "Godkänd." }] });
    const report = diffSchemas(wrap({ type: "number" }, "1.0.0"), broken, { accepted: file });
    expect(report.changes.some((c) => c.accepted)).toBe(false);
    expect(report.bump.required).toBe("major");
    expect(() => diffSchemas(OLD, NEW, { accepted: { ...file, to: "prov@9.0.0" } })).toThrow(/gäller prov@1.0.0 → prov@9.0.0/);
  });

  it("refuses a malformed review file, naming the place", () => {
    expect(() => parseReviewFile([])).toThrow(/vid \//);
    expect(() => parseReviewFile({ from: "prov", to: "prov@1.1.0", accepted: [] })).toThrow(/\/from/);
    expect(() => parseReviewFile({ from: "prov@1.0.0", to: "prov@1.1.0", accepted: [{ pointer: "/svar", kind: "keyword-changed" }] })).toThrow(/accepted\/0\/note/);
    expect(() => parseReviewFile({ from: "prov@1.0.0", to: "prov@1.1.0", accepted: [{ pointer: "svar", kind: "x", note: "n" }] })).toThrow(/pointer/);
    expect(() => parseReviewFile({ from: "prov@1.0.0", to: "prov@1.1.0", accepted: [], extra: 1 })).toThrow(/\/extra/);
  });
});

describe("diff: counter-example search", () => {
  it("turns an unproven change breaking and carries a synthetic witness valid before, invalid after", () => {
    const a = wrap({ type: "object", properties: { a: { type: "string" }, b: { type: "string" } } }, "1.0.0");
    const b = wrap({ type: "object", properties: { a: { type: "string" }, b: { type: "string" } }, if: { properties: { a: { const: "ja" } }, required: ["a"] }, then: { required: ["b"] } }, "2.0.0");
    expect(diffSchemas(a, b).counts.breaking).toBe(0);
    const report = diffSchemas(a, b, { search: true });
    const found = report.changes.find((c) => c.witness !== undefined)!;
    expect(found.class).toBe("breaking");
    expect(found.reason).toMatch(/Motexempel/);
    expect((found.witness as { svar: { a: string; b?: string } }).svar.a).toBe("ja");
    expect(found.searched!.validOld).toBeGreaterThan(0);
    expect(report.search!.witnesses).toBe(report.changes.filter((c) => c.witness !== undefined).length);
    expect(report.search!.tried).toBeGreaterThanOrEqual(report.search!.validOld);
  });

  it("finds nothing for a change the analysis proved compatible, and keeps to its budget", () => {
    const report = diffSchemas(wrap({ type: "integer", maximum: 5 }, "1.0.0"), wrap({ type: "number", maximum: 6 }, "1.1.0"), { search: true, budget: { perChange: 10 } });
    expect(report.counts.breaking).toBe(0);
    expect(report.changes.every((c) => c.witness === undefined)).toBe(true);
    for (const c of report.changes) if (c.searched) expect(c.searched.tried).toBeLessThanOrEqual(10);
  });
});

describe("diff: schema inclusion", () => {
  const t = (a: unknown, b: unknown) => includes({ root: {}, schema: a }, { root: {}, schema: b });
  it("proves, refutes, or says it cannot tell", () => {
    expect(t({ type: "integer", minimum: 1 }, { type: "number", exclusiveMinimum: 0 })).toBe("yes");
    expect(t({ enum: [1, 2] }, { enum: ["1", "2"] })).toBe("no");
    expect(t({ not: { type: "number" } }, { not: { type: "integer" } })).toBe("yes");
    expect(t({ type: "string" }, { oneOf: [{ type: "string" }, { type: "number" }] })).toBe("yes");
    expect(t({ type: "string" }, { oneOf: [{ type: "string" }, { type: "string", minLength: 1 }] })).toBe("unknown");
    expect(t({ type: "string", pattern: "^a" }, { type: "string", pattern: "^b" })).toBe("unknown");
    expect(t(true, false)).toBe("no");
    expect(t(false, { type: "string" })).toBe("yes");
  });
});
