import { describe, expect, it } from "vitest";
import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { compileLogic, LogicError, readPaths } from "../../engine/rules/logic/compile.ts";
import { costProblem } from "../../engine/rules/logic/cost.ts";
import { CUSTOM_OPERATIONS } from "../../engine/rules/logic/operations.ts";
import { addMonths, daysBetween } from "../../engine/rules/logic/dates.ts";

for (const [name, fn] of Object.entries(CUSTOM_OPERATIONS)) jsonLogic.add_operation(name, fn as never);

const data = {
  a: 3,
  b: "stor",
  c: true,
  z: 0,
  d: [1, 2, 3],
  s: ["stor", "viss"],
  e: { f: "2024-01-15", g: "2024-06-25", h: null },
  rows: [{ x: 1, y: "a" }, { x: 5, y: "b" }],
};

const paths = ["a", "b", "c", "z", "d", "s", "e.f", "e.g", "e.h", "rows", "saknas", "e.saknas.djup", "d.1"];
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...paths).map((p) => ({ var: p })),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom("stor", "viss", "", "2024-05-15", "a"),
  fc.boolean(),
  fc.constant(null),
);

const { expr } = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(fc.constantFrom("==", "===", "!=", "!==", ">", ">=", "<", "<=", "+", "-", "*", "%", "in", "cat", "min", "max", "merge", "days_between", "add_months", "add_days", "index_of"), tie("expr"), tie("expr")).map(([op, x, y]) => ({ [op]: [x, y] })),
    fc.tuple(fc.constantFrom("!", "!!", "count", "year", "var"), tie("expr")).map(([op, x]) => ({ [op]: op === "var" ? [x] : x })),
    fc.tuple(fc.constantFrom("and", "or", "if"), fc.array(tie("expr"), { minLength: 1, maxLength: 4 })).map(([op, xs]) => ({ [op]: xs })),
    fc.tuple(fc.constantFrom("map", "filter", "some", "all", "none"), fc.constantFrom("d", "s", "rows", "saknas"), tie("expr")).map(([op, p, body]) => ({ [op]: [{ var: p }, body] })),
    fc.constantFrom({ var: "x" }, { ">": [{ var: "x" }, 2] }, { reduce: [{ var: "d" }, { "+": [{ var: "current" }, { var: "accumulator" }] }, 0] }),
    fc.constantFrom({ missing: ["a", "saknas", "e.h"] }, { missing_some: [1, ["a", "saknas"]] }, { substr: [{ var: "b" }, 1, -1] }),
  ),
}));

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) && (typeof a !== "number" || Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b as number)));
}

describe("JSON Logic compiled to closures", () => {
  it("agrees with json-logic-js on generated expressions", () => {
    fc.assert(
      fc.property(expr, (e) => {
        fc.pre(costProblem(e) === undefined); // over the cost bound (cost.ts): refused at compile time, on purpose
        let ref: unknown;
        let refErr = false;
        try {
          ref = jsonLogic.apply(e as never, data);
        } catch {
          refErr = true;
        }
        let ours: unknown;
        let oursErr = false;
        try {
          ours = compileLogic(e)(data);
        } catch {
          oursErr = true;
        }
        expect(oursErr).toBe(refErr);
        if (!refErr) expect(same(ours, ref), JSON.stringify({ e, ours, ref })).toBe(true);
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });

  it("rejects an unknown operation at compile time", () => {
    expect(() => compileLogic({ eval: "1+1" })).toThrow(LogicError);
    expect(() => compileLogic({ and: [{ log: 1 }] })).toThrow(/Okänd operation ”log”/);
  });

  it("never reads inherited properties such as __proto__ or constructor", () => {
    expect(compileLogic({ var: "__proto__" })({})).toBeNull();
    expect(compileLogic({ var: "a.constructor" })({ a: {} })).toBeNull();
  });

  it("refuses hostile nesting", () => {
    let e: unknown = 1;
    for (let i = 0; i < 200; i++) e = { "!": e };
    expect(() => compileLogic(e)).toThrow(/djupare/);
  });

  it("lists the paths an expression reads, not those inside iteration bodies", () => {
    expect([...readPaths({ and: [{ var: "a.b" }, { some: [{ var: "rows" }, { var: "x" }] }] })]).toEqual(["a.b", "rows"]);
  });
});

describe("date operations (checked by hand against a calendar)", () => {
  it("counts days across a leap February", () => {
    expect(daysBetween("2024-01-15", "2024-06-25")).toBe(162);
    expect(daysBetween("2023-01-15", "2023-06-25")).toBe(161);
    expect(daysBetween("2024-02-30", "2024-03-01")).toBeNull();
  });
  it("adds calendar months, clamping to the month's last day", () => {
    expect(addMonths("2024-01-15", 4)).toBe("2024-05-15");
    expect(addMonths("2024-10-31", 4)).toBe("2025-02-28");
    expect(addMonths("2023-03-01", 60)).toBe("2028-03-01");
  });
});

describe("date operations agree with the platform's calendar", () => {
  it("on every day from 1999 to 2031, for day counts and added days and months", async () => {
    const { addDays, addMonths, daysBetween } = await import("../../engine/rules/logic/dates.ts");
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const start = Date.UTC(1999, 0, 1);
    for (let day = 0; day < 365 * 32; day += 1) {
      const t = start + day * 86_400_000;
      expect(daysBetween("1999-01-01", iso(t))).toBe(day);
      expect(addDays(iso(start), day)).toBe(iso(t));
      const d = new Date(t);
      const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 5, 1));
      const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      const expected = iso(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)));
      expect(addMonths(iso(t), 5)).toBe(expected);
    }
  });
});
