import { describe, expect, it } from "vitest";
import { compileLogic, isKnownOperation, LogicError } from "../../engine/rules/logic/compile.ts";

describe("operation names", () => {
  it("knows the engine's own operations", () => {
    for (const op of ["var", "if", "map", "reduce", "missing", "missing_some", "==", "cat", "merge", "days_between"]) {
      expect(isKnownOperation(op), op).toBe(true);
    }
  });

  it("treats names every object inherits as unknown", () => {
    for (const op of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf", "log", "okänd"]) {
      expect(isKnownOperation(op), op).toBe(false);
    }
  });

  it("refuses inherited names at compile time", () => {
    for (const op of ["constructor", "toString", "valueOf", "hasOwnProperty", "__defineGetter__"]) {
      expect(() => compileLogic({ [op]: [1, 2] }), op).toThrow(LogicError);
      expect(() => compileLogic({ [op]: [1, 2] }), op).toThrow(/Okänd operation/);
    }
    const proto = JSON.parse('{"__proto__": [1]}') as unknown;
    expect(() => compileLogic(proto)).toThrow(/Okänd operation/);
  });
});
