import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validatorFor } from "../../engine/compiler.ts";
import { diffSchemas } from "../../engine/diff/diff.ts";
import type { JsonSchema } from "../../engine/schema/types.ts";
import { applyOp, documentArb, nextVersion, opArb, recipeArb, restamp, schemaOf, type Op } from "./random-schemas.ts";

/**
 * The classification's promise, tested on generated schema pairs: start from a small random
 * instrument, apply a random sequence of change operations, diff. When the diff finds nothing
 * breaking, every answer document valid under the old version (re-stamped, as a migration does)
 * must be valid under the new one.
 */

const NEW = "1.1.0";

function evolve(old: JsonSchema, ops: Op[]): JsonSchema {
  const next = nextVersion(old, NEW);
  for (const op of ops) applyOp(next, op);
  return next;
}

/** A schema with its own documents: the documents are drawn from the schema they must satisfy. */
const caseArb = recipeArb.chain((recipe) => {
  const old = schemaOf(recipe);
  return fc.record({
    old: fc.constant(old),
    ops: fc.array(opArb, { minLength: 1, maxLength: 6 }),
    docs: fc.array(documentArb(old), { minLength: 8, maxLength: 20 }),
  });
});

describe("diff property: compatible changes keep old answers valid", { timeout: 240_000 }, () => {
  it("the document generator only makes documents valid under their schema (so the property is not vacuous)", () => {
    fc.assert(
      fc.property(caseArb, ({ old, docs }) => {
        const v = validatorFor(old);
        for (const doc of docs) expect(v.validate(doc).errors, JSON.stringify(doc)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("compatible or wording-only ⇒ every old answer stays valid", () => {
    let checked = 0;
    fc.assert(
      fc.property(caseArb, ({ old, ops, docs }) => {
        const next = evolve(old, ops);
        const report = diffSchemas(old, next);
        if (report.counts.breaking > 0 || report.counts.review > 0) return;
        checked++;
        const v = validatorFor(next);
        for (const doc of docs) {
          const result = v.validate(restamp(doc, NEW));
          expect(result.errors, `${ops.map((o) => o.name).join(", ")}: ${JSON.stringify(doc)}`).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
    // Enough of the runs must reach the check for the property to mean anything.
    expect(checked).toBeGreaterThan(60);
  });

  it("each operation, alone, is reported with its kind and class", () => {
    fc.assert(
      fc.property(recipeArb, opArb, (recipe, op) => {
        const old = schemaOf(recipe);
        const next = nextVersion(old, NEW);
        const expected = applyOp(next, op);
        fc.pre(expected !== null);
        const report = diffSchemas(old, next);
        const kinds = report.changes.map((c) => `${c.kind}/${c.class}`);
        expect(kinds, op.name).toContain(`${expected!.kind}/${expected!.class}`);
        if (expected!.class === "breaking") expect(report.bump.required).toBe("major");
      }),
      { numRuns: 400 },
    );
  });

  it("the harness catches a wrong 'compatible': narrowing finds an old answer that becomes invalid", () => {
    // If the diff called a narrowed maximum compatible, the property above must be able to fail.
    const old = schemaOf({ fields: [{ field: { t: "integer", min: 0, max: 50 }, required: true }], group: [{ field: { t: "boolean" }, required: false }], groupOpen: false, groupRequired: false });
    const next = nextVersion(old, NEW);
    expect(applyOp(next, { name: "tightenMax", pick: 0 })).toEqual({ kind: "constraint-narrowed", class: "breaking" });
    const v = validatorFor(next);
    const outcome = fc.check(fc.property(documentArb(old), (doc) => v.isValid(restamp(doc, NEW))), { numRuns: 500 });
    expect(outcome.failed).toBe(true);
  });
});
