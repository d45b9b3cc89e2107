import { describe, expect, it } from "vitest";
import { basename } from "node:path";
import { validatorFor, lowerFirst, schemaAt, uiOf } from "../../engine/compiler.ts";
import { fixtureFiles, INSTRUMENTS, readJson, schema, type Expectation } from "../helpers.ts";

describe.each(INSTRUMENTS)("%s 1.0.0 fixtures", (instrument) => {
  const validator = validatorFor(schema(instrument));

  it("has valid and invalid fixtures", () => {
    expect(fixtureFiles(instrument, "valid").length).toBeGreaterThan(0);
    expect(fixtureFiles(instrument, "invalid").length).toBeGreaterThanOrEqual(4);
  });

  for (const file of fixtureFiles(instrument, "valid")) {
    it(`accepts ${basename(file)}`, () => {
      const result = validator.validate(readJson(file));
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    });
  }

  for (const file of fixtureFiles(instrument, "invalid")) {
    it(`rejects ${basename(file)} at the expected field, in Swedish, naming it`, () => {
      const expected = readJson<Expectation>(file.replace(/\.json$/, ".expect.json"));
      const result = validator.validate(readJson(file));
      expect(result.valid).toBe(false);
      const hit = result.errors.find((e) => e.pointer === expected.pointer);
      expect(hit, JSON.stringify(result.errors)).toBeDefined();
      expect(hit!.keyword).toBe(expected.keyword);
      expect(hit!.label).toBe(expected.label);
      // The message names the question, unless the schema words this message itself (x-ui.messages).
      const custom = uiOf(schemaAt(validator.schema, expected.pointer)).messages?.[expected.keyword];
      if (custom) expect(hit!.message).toBe(custom);
      else expect(hit!.message.toLowerCase()).toContain(lowerFirst(expected.label).toLowerCase());
      expect(hit!.message).not.toMatch(/must|property|should/);
    });
  }

  for (const file of fixtureFiles(instrument, "draft")) {
    it(`saves the half-filled ${basename(file)} as a draft, listing what is not answered`, () => {
      const doc = readJson(file);
      const draft = validator.validate(doc, "draft");
      expect(draft.valid).toBe(true);
      expect(draft.unanswered.length).toBeGreaterThan(0);
      const complete = validator.validate(doc, "complete");
      expect(complete.valid).toBe(false);
      expect(complete.errors.every((e) => e.keyword === "required")).toBe(true);
    });
  }
});
