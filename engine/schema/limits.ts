/** The one limit on how deep a schema may nest, and how an overrun is said (traverse.ts walks with it). */

/**
 * How deep a schema may nest: subschema steps from the root (a property, a list's items, a branch
 * of `oneOf`, a `$ref` followed each count one). 64 because
 * - our instruments nest far less: at most 4 levels as written and 9 with every `$ref` followed
 *   (fia; tests/engine/traverse.test.ts checks that every schema in schemas/ stays below a quarter
 *   of the limit), so it refuses nothing real;
 * - every walker before this one allowed 64 (lint, the pattern and cost checks, the expression
 *   check, the diff) or less (the form model 24, a chain of `$ref` 32, indicator groupings 8,
 *   overlay checks 16 and 32), so nothing that worked before is refused now, and no walker
 *   accepts a schema another one refuses (lint runs first: what it passes, the others can walk);
 * - an answer document may nest 200 levels (DOCUMENT_LIMITS.maxDepth), and every level of an
 *   answer costs at least one level of schema, so 64 still describes answers three times deeper
 *   than the forms we draw; and 64 frames of recursion in the walkers that recurse (the form
 *   model, the validation rewrite) is far from any stack limit.
 */
export const SCHEMA_LIMITS: Readonly<{ maxDepth: number }> = Object.freeze({ maxDepth: 64 });

/** A subschema nested deeper than SCHEMA_LIMITS.maxDepth: where, and the message (Swedish). */
export interface SchemaDepthOverrun {
  /** JSON Pointer (into the schema document) of the first subschema past the limit. */
  pointer: string;
  limit: number;
  message: string;
}

/** The message of every schema depth overrun (without where: that is the pointer's job). */
export function depthMessage(limit: number = SCHEMA_LIMITS.maxDepth): string {
  return `Schemat är nästlat djupare än ${limit} nivåer`;
}

export function depthOverrun(pointer: string): SchemaDepthOverrun {
  return { pointer, limit: SCHEMA_LIMITS.maxDepth, message: depthMessage() };
}

/** The overrun thrown, for walkers that cannot go on without the part they could not reach. */
export class SchemaDepthError extends Error {
  readonly pointer: string;
  readonly limit: number;
  constructor(overrun: SchemaDepthOverrun) {
    super(`${overrun.message} (vid ${overrun.pointer === "" ? "schemats rot" : overrun.pointer})`);
    this.name = "SchemaDepthError";
    this.pointer = overrun.pointer;
    this.limit = overrun.limit;
  }
}

/** For walkers that recurse on their own (building a result per node): throws past the limit. */
export function checkSchemaDepth(depth: number, pointer: string): void {
  if (depth > SCHEMA_LIMITS.maxDepth) throw new SchemaDepthError(depthOverrun(pointer));
}

