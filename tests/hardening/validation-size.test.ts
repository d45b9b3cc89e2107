/**
 * Validation time must grow with the document's size, not its square (issue 10, item 1). Before:
 * 100,000 ranked strings in FIA took over a minute, 60,000 invalid events 36–46 s. The bounds
 * here are generous (a loaded CI machine); `npx tsx --conditions=@blankett/source
 * bench/hostile-sizes.ts` prints the times.
 */
import { describe, expect, it } from "vitest";
import { checkDocument, DOCUMENT_LIMITS, MAX_REPORTED_ERRORS, validatorFor } from "../../engine/compiler.ts";
import { hostileDocs } from "../../bench/hostile-sizes.ts";

const docs = hostileDocs();
const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
};

describe("validation is bounded by the document's size", () => {
  it.each(docs.filter((d) => d.outcome === "refused"))("$name: refused by a limit, at once", ({ schema, doc }) => {
    validatorFor(schema);
    const { value, ms } = timed(() => validatorFor(schema).validate(doc));
    expect(value.refused).toBe(true);
    expect(value.errors).toHaveLength(1);
    expect(value.errors[0]!.message).toMatch(/för många rader .*högst 10\s000|för många \(högst 200\s000 svar/);
    expect(ms).toBeLessThan(1000);
    const check = timed(() => checkDocument(schema, doc));
    expect(check.value.refused).toBe(true);
    expect(check.value.results).toEqual([]);
    expect(check.ms).toBeLessThan(1000);
  });

  it.each(docs.filter((d) => d.outcome === "listed"))("$name: validated and checked in linear time, the first errors listed and the rest counted", ({ schema, doc }) => {
    validatorFor(schema);
    const { value, ms } = timed(() => validatorFor(schema).validate(doc));
    expect(value.valid).toBe(false);
    expect(value.refused).toBeUndefined();
    expect(value.errors.length).toBe(MAX_REPORTED_ERRORS);
    expect(value.more).toBeGreaterThan(5000);
    // Bounded by the answers limit: at most a few errors per answer (a wrong key, a missing one).
    expect(value.errors.length + value.more!).toBeLessThanOrEqual(2 * DOCUMENT_LIMITS.maxValues);
    expect(ms).toBeLessThan(3000);
    expect(timed(() => checkDocument(schema, doc)).ms).toBeLessThan(3000);
  });

  it.each(docs.filter((d) => d.outcome === "few errors"))("$name: a long answer costs its length, not more", ({ schema, doc }) => {
    validatorFor(schema);
    const { value, ms } = timed(() => checkDocument(schema, doc));
    expect(value.refused).toBeUndefined();
    expect(value.errors.some((e) => e.pointer === "/plan/mal")).toBe(true);
    expect(ms).toBeLessThan(3000);
  });

  it("a document deeper than the limit is refused without a stack overflow", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const { schema } = docs[0]!;
    const result = validatorFor(schema).validate({ meta: {}, sammanstallning: deep });
    expect(result.refused).toBe(true);
    expect(result.errors[0]!.message).toContain(`högst ${DOCUMENT_LIMITS.maxDepth} nivåer`);
    expect(validatorFor(schema).isValid({ sammanstallning: deep })).toBe(false);
  });

  it("a list at the limit is still validated (the limit is not off by one)", () => {
    const { schema, doc } = docs.find((d) => d.name.startsWith("fia: 10,000"))!;
    const result = validatorFor(schema).validate(doc);
    expect(result.refused).toBeUndefined();
    // The list is longer than the question allows (14): that is the schema's own error.
    expect(result.errors.some((e) => e.keyword === "maxItems" && e.pointer === "/sammanstallning/klientensRangordning")).toBe(true);
  });
});

describe("blankett validate says how many errors it did not list", () => {
  it("lists the first errors and counts the rest, and the total adds up", async () => {
    const { run } = await import("../../engine/cli/main.ts");
    const { mkdtempSync, writeFileSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const { FIXTURES } = await import("../helpers.ts");
    const doc = JSON.parse(readFileSync(join(FIXTURES, "sue/valid/record-1.json"), "utf8"));
    doc.insatser = Array.from({ length: 3000 }, () => ({ typ: 99 }));
    const file = join(mkdtempSync(join(tmpdir(), "blankett-more-")), "many.json");
    writeFileSync(file, JSON.stringify(doc));
    const out: string[] = [];
    const code = await run(["validate", "sue@1.0.0", file], { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(1);
    const total = Number(/ogiltigt \((\d+) fel\)/.exec(out[0]!)![1]);
    const listed = out.filter((l) => /^ {2}\//.test(l)).length;
    const more = Number(/… och (\d+) fel till/.exec(out[out.length - 1]!)![1]);
    expect(listed).toBe(MAX_REPORTED_ERRORS);
    expect(listed + more).toBe(total);
  });
});
