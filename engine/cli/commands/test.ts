import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError, SCHEMAS_DIR, readJsonFile, resolveSchemaRef, type ResolvedRef } from "../../node/files.ts";
import { parseRuleTests, runCase, RuleTestsError } from "../../rules/ruleTests.ts";
import { EXIT_INVALID, EXIT_OK, type Output } from "../output.ts";

const SCHEMA_SUFFIX = ".schema.json";

/**
 * The tests file of a schema: beside a schema file with the same version stem, else in the
 * package; a local variant's beside its overlay (`variants/<name>.tests.json`), as the national
 * cases' answers are not the variant's (hidden items, required local ones).
 */
function testsFileFor(ref: string, resolved: ResolvedRef): string {
  const { schema, variant } = resolved;
  if (variant) return join(dirname(variant.file), `${variant.name}.tests.json`);
  if (ref.endsWith(".json")) {
    const name = basename(ref);
    if (!name.endsWith(SCHEMA_SUFFIX)) throw new InputError(`Schemafilen ${ref} ska heta <version>${SCHEMA_SUFFIX}, så att testfilen <version>.tests.json kan hittas bredvid den`);
    return join(dirname(ref), name.slice(0, -SCHEMA_SUFFIX.length) + ".tests.json");
  }
  const inst = schema["x-instrument"] as { name: string; version: string };
  return join(SCHEMAS_DIR, inst.name, `${inst.version}.tests.json`);
}

/**
 * `blankett test`: runs the rule tests of one schema version and prints ok or fel per case, with
 * what differed (rule id, expected and got). Never prints the answer documents. Exit 0 when every
 * case passes, 1 when any fails, 2 when the schema or tests file cannot be used.
 */
export function testCommand(io: Output, ref: string): number {
  const resolved = resolveSchemaRef(ref);
  const { schema } = resolved;
  const file = testsFileFor(ref, resolved);
  if (!existsSync(file)) throw new InputError(`Ingen testfil för ${ref}: ${file} finns inte`);
  let tests;
  try {
    tests = parseRuleTests(readJsonFile(file), schema);
  } catch (e) {
    if (e instanceof RuleTestsError) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
  let failed = 0;
  for (const c of tests.cases) {
    let outcome;
    try {
      outcome = runCase(schema, tests, c);
    } catch (e) {
      if (e instanceof RuleTestsError) throw new InputError(`${file}: ${e.message}`);
      throw e;
    }
    io.out(`${outcome.ok ? "ok " : "fel"}  ${c.name}`);
    for (const d of outcome.differences) io.out(`       ${d.text}`);
    if (!outcome.ok) failed++;
  }
  const total = tests.cases.length;
  io.out(`${tests.schema}: ${total} fall, ${total - failed} ok, ${failed} fel`);
  return failed ? EXIT_INVALID : EXIT_OK;
}
