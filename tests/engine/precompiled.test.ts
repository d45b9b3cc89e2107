import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "../../engine/compiler.ts";
import { fixtureFiles, INSTRUMENTS, readJson, ROOT, schema } from "../helpers.ts";

describe("precompiled (standalone) validators", () => {
  it.each(INSTRUMENTS)("%s: contain no eval, new Function or require, and agree with the compiled validator on every fixture", async (name) => {
    const file = join(ROOT, `schemas/validators/${name}-1.0.0.js`);
    const source = readFileSync(file, "utf8");
    expect(source).not.toMatch(/\bnew Function\b|\beval\(|\brequire\(/);
    const mod = (await import(file)) as { default: never };
    const s = schema(name);
    const pre = new Validator(s, mod.default);
    const compiled = new Validator(s);
    const files = [...fixtureFiles(name, "valid"), ...fixtureFiles(name, "invalid")];
    expect(files.length).toBeGreaterThan(4);
    for (const f of files) {
      const doc = readJson(f);
      expect(pre.validate(doc), f).toEqual(compiled.validate(doc));
    }
  });
});
