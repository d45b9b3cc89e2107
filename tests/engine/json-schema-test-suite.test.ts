/**
 * The official JSON-Schema-Test-Suite (draft 2020-12, vendored under tests/vendor with its
 * licence and commit), run the way ajv runs it, as a differential test: on every group our engine
 * compiles, its verdicts must equal plain Ajv2020's (same formats, no rewrites). Groups the engine
 * refuses are counted by reason; they must be refused with a message, never judged wrongly.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { validatorFor, type JsonSchema } from "../../engine/compiler.ts";
import { formats } from "../../engine/validation/formats.ts";
import { ROOT } from "../helpers.ts";

interface Group {
  description: string;
  schema: JsonSchema | boolean;
  tests: Array<{ description: string; data: unknown; valid: boolean }>;
}

const DIR = join(ROOT, "tests/vendor/JSON-Schema-Test-Suite/draft2020-12");
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".json"));

function plainAjv(): InstanceType<typeof Ajv2020> {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format as never);
  return ajv;
}

/** Why the engine refused a group, from the first words of its message (no schema text). */
function reasonOf(message: string): string {
  if (/booleskt|boolean/i.test(message)) return "boolean schema";
  if (/\$ref|pekar|finns inte/i.test(message)) return "reference";
  if (/strict mode|strict/i.test(message)) return "strict mode";
  return message.replace(/["”“].*?["”“]/g, "…").slice(0, 60);
}

describe("JSON-Schema-Test-Suite (draft 2020-12): the engine judges as plain Ajv2020", () => {
  const refused = new Map<string, number>();
  const compared = { groups: 0, tests: 0 };
  const differences: string[] = [];

  for (const file of FILES) {
    const groups = JSON.parse(readFileSync(join(DIR, file), "utf8")) as Group[];
    for (const group of groups) {
      let reference: ((d: unknown) => boolean) | undefined;
      try {
        const check = plainAjv().compile(group.schema as never);
        reference = (d) => check(d) as boolean;
      } catch {
        // Plain ajv cannot compile it either (remote references): not ours to compare.
        refused.set("plain ajv refuses too (remote $ref)", (refused.get("plain ajv refuses too (remote $ref)") ?? 0) + 1);
        continue;
      }
      let engine: ((d: unknown) => boolean) | undefined;
      try {
        if (typeof group.schema !== "object") throw new Error("boolean schema");
        const v = validatorFor(structuredClone(group.schema));
        engine = (d) => v.isValid(d);
      } catch (e) {
        const reason = reasonOf((e as Error).message);
        refused.set(reason, (refused.get(reason) ?? 0) + 1);
        continue;
      }
      compared.groups++;
      for (const t of group.tests) {
        compared.tests++;
        const ours = engine(t.data);
        if (ours !== reference(t.data)) differences.push(`${file} / ${group.description} / ${t.description}: engine ${ours}, ajv ${!ours}`);
      }
    }
  }

  it("no verdict differs from plain Ajv2020 on the groups the engine compiles", () => {
    // What was compared and refused, for the record (closing notes quote it).
    console.log(JSON.stringify({ compared, refused: Object.fromEntries(refused) }));
    expect(differences).toEqual([]);
    expect(compared.groups).toBeGreaterThan(200);
  });
});
