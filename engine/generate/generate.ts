import { Rng } from "./random.ts";
import { compilePlan } from "./compile.ts";
import type { CompiledProfile } from "./plan.ts";
import type { GenerateOptions, SyntheticProfile } from "./profile.ts";
import type { JsonSchema } from "../schema/types.ts";

/**
 * Seeded synthetic answer documents, driven by the schema and a profile (data, see
 * schemas/SYNTHETIC.md). The schema says what a valid document looks like; the profile only says
 * how often things happen. Schema and profile are compiled once into a small plan; generating a
 * document then only walks the plan, so a million records take seconds, not minutes.
 *
 * Document i is drawn from its own random stream (seed, i): it does not depend on how many
 * documents come before it, and the same seed always gives the same documents.
 *
 * This is the public entry (`@blankett/engine/generate`). The work is in:
 *   profile.ts  the profile format: types, defaults, the check against synthetic.meta.json
 *   compile.ts  schema + profile → a plan: the walk, objects, arrays, joint tables
 *   fields.ts   the leaves of that walk: choices, yes/no, numbers, dates, free text
 *   state.ts    what compiling carries along, and the checks every kind of field shares
 *   paths.ts    the paths a profile's `after` and a schema's conditions read
 *   plan.ts     the plan's types
 *   sample.ts   plan + random stream → a document
 *   random.ts   the seeded random streams
 */

export { FILLER_PHRASES, ProfileError, type FieldSpec, type GenerateOptions, type SyntheticProfile } from "./profile.ts";
export type { CompiledProfile } from "./plan.ts";

const compiled = new WeakMap<JsonSchema, WeakMap<object, CompiledProfile>>();

/** Checks a profile against its schema and compiles both; throws a ProfileError naming the path. */
export function compileProfile(schema: JsonSchema, profile: SyntheticProfile): CompiledProfile {
  let bySchema = compiled.get(schema);
  if (!bySchema) compiled.set(schema, (bySchema = new WeakMap()));
  let plan = bySchema.get(profile);
  if (!plan) bySchema.set(profile, (plan = compilePlan(schema, profile)));
  return plan;
}

/** One synthetic document. `index` is the document's number (it fills {n} in templates). */
export function generateDocument(schema: JsonSchema, profile: SyntheticProfile, rng: Rng, index: number): Record<string, unknown> {
  return compileProfile(schema, profile).generate(rng, index);
}

/** `count` synthetic documents, one at a time: memory stays flat however many are asked for. */
export function* generateDocuments(schema: JsonSchema, profile: SyntheticProfile, opts: GenerateOptions): Generator<Record<string, unknown>> {
  if (!Number.isSafeInteger(opts.count) || opts.count < 0) throw new RangeError(`count must be a non-negative integer, got ${opts.count}`);
  const plan = compileProfile(schema, profile);
  for (let i = 0; i < opts.count; i++) yield plan.generate(new Rng(opts.seed, i), i);
}
