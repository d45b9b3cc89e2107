/**
 * The rule kinds of `x-rules`, one module each (as ajv has one file per keyword). Each module
 * compiles its kind's definition for the engine and type-checks it for `blankett lint`
 * (kind.ts: `RuleKindModule`).
 *
 * Adding a kind takes three things:
 *   1. a module in this folder (`export const mykind: RuleKindModule<MyKindRule>`, its definition
 *      type in ../types.ts, added to `RuleKind` and `RuleDefinition`);
 *   2. one line in RULE_KINDS below;
 *   3. the kind in schemas/hints.meta.json's `$defs/rule`: `kind`'s enum, its fields under
 *      `properties`, and an `if`/`then` with the ones it requires.
 * tests/rules/kinds.test.ts fails while the registry and the meta-schema's enum disagree.
 */
import type { RuleDefinition, RuleKind, RuleOf } from "../types.ts";
import type { RuleKindModule } from "./kind.ts";
import { value } from "./value.ts";
import { indication } from "./indication.ts";
import { category } from "./category.ts";
import { table } from "./table.ts";
import { check } from "./check.ts";

export const RULE_KINDS: { readonly [K in RuleKind]: RuleKindModule<RuleOf<K>> } = {
  value,
  indication,
  category,
  table,
  check,
};

/** The module of a kind; undefined for a kind the engine does not have. */
export function kindModule(kind: unknown): RuleKindModule<RuleDefinition> | undefined {
  if (typeof kind !== "string" || !Object.prototype.hasOwnProperty.call(RULE_KINDS, kind)) return undefined;
  return RULE_KINDS[kind as RuleKind] as RuleKindModule<RuleDefinition>;
}

export type { RuleKindModule, RuleRunner, CompileContext, CheckContext, Shape, Frame, NumberRange, Unchecked } from "./kind.ts";
