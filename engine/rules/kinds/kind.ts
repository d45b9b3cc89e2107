/**
 * What a rule kind is made of (one module per kind in this folder, listed in index.ts): how its
 * definition compiles into something that runs on a document, and how `blankett lint` checks its
 * expressions against the schema. Both get what they need from the engine through a context, so
 * a kind's module holds only what is its own.
 */
import type { Evaluator } from "../logic/compile.ts";
import type { Root, Scope, ScopeNames } from "../logic/scope.ts";
import { RESULTS_KEY } from "../explain.ts";
import type { Explanation, RuleDefinition, RulesReport } from "../types.ts";
import type { JsonSchema } from "../../schema/types.ts";

/** The names every rule binds on top of the document: the results of earlier rules (`@`). */
export const BASE: ScopeNames = [RESULTS_KEY];

export interface RuleKindModule<D extends RuleDefinition> {
  /** How a Swedish message names a rule of this kind, with its article ("en kontroll"). */
  word: string;
  /** Whether the kind gives a result that later rules read as `@.<id>` (a check gives findings only). */
  givesResult: boolean;
  /** Compiles a definition (valid against hints.meta.json's rule) once; the runner runs per document. */
  compile(def: D, ctx: CompileContext): RuleRunner;
  /**
   * Type-checks the definition's expressions against the schema and gives the shape of its
   * result, as later rules read it with `@.<id>` (undefined: the kind gives no result). The
   * definition is read as it stands: lint checks it whether or not it meets the meta-schema.
   */
  check(def: Unchecked<D>, ctx: CheckContext): Shape | undefined;
}

/** Runs a compiled rule: `scope` binds BASE (the document and the results so far). */
export type RuleRunner = (scope: Scope, report: RulesReport, explain: boolean) => void;

export interface CompileContext {
  /** Compiles an expression whose `var`s read the document and `names` (BASE unless given). */
  compile(expr: unknown, names?: ScopeNames): Evaluator;
  /** The root (scope.ts) that expressions compiled with these bound names read through. */
  rootOf(names: ScopeNames): Root;
  /** Compiles an expression against a root of the kind's own, one that wraps `rootOf` (kinds/table.ts). */
  compileWithRoot(expr: unknown, root: Root): Evaluator;
  /** `compile` for each entry of a map of named expressions, in its order. */
  compileAll(exprs: Record<string, unknown> | undefined, names: ScopeNames): Array<[string, Evaluator]>;
  /** Reads a dot path (of the document, or `@.<id>`) from a BASE scope, own properties only. */
  read(path: string): (scope: Scope) => unknown;
  /** Gives the rule's result: into the report (with its explanation) and to later rules as `@.<id>`. */
  publish(scope: Scope, report: RulesReport, value: unknown, explain: boolean): void;
  /** The rule's explanation, read from a scope that binds `names` (BASE unless given). */
  explainer(names?: ScopeNames): (scope: Scope) => Explanation;
}

/** A definition before the meta-schema has vouched for it: the kind's keys, any values. */
export type Unchecked<D> = { readonly [K in keyof D]?: unknown };

// --- lint -----------------------------------------------------------------------------------

/** Numbers an expression can give: a closed interval, and whether only whole numbers. */
export interface NumberRange {
  min: number;
  max: number;
  integer: boolean;
}

/** What a value can be, as far as the expression check knows. */
export interface Shape {
  /** The schema of a value read from the document. */
  schema?: JsonSchema;
  /** An object built by the engine (a table row, a category result, a rule's scope). */
  fields?: Record<string, Shape>;
  /** A list built by the engine (a table's rows, a map's result). */
  items?: Shape;
  /** The same path read from several places (a table's `item.value`, one per row). */
  alts?: Array<{ label: string; shape: Shape }>;
  /** Nothing is known: paths into it are not checked. */
  open?: boolean;
  /** It may be missing or null. */
  absent: boolean;
  /** The `var` paths whose absence makes it absent (for guards). */
  via?: string[];
  /** The only values it can take (codes of a coded field, true/false). */
  codes?: unknown[];
  num?: NumberRange;
  /** The value is a list of options (a multiple choice): the codes are its items'. */
  list?: boolean;
}

export const UNKNOWN: Shape = { open: true, absent: false };
export const KNOWN: Shape = { open: true, absent: false };
export const BOOLEAN: Shape = { absent: false, codes: [true, false] };

/** Where top-level `var`s read: bound names (`@`, `item`, `row`, …) and the document. */
export interface Frame {
  names: Record<string, Shape>;
  doc: Shape;
  /** In a rule: its index, to check `@.<id>` references. */
  rule?: number;
}

/**
 * The expression check of one rule (engine/lint/expressions.ts). Issues are reported in Swedish,
 * about the rule (`Regeln ”id” …`), at JSON Pointers into the schema.
 */
export interface CheckContext {
  /** JSON Pointer of the rule (`/x-rules/3`). */
  at: string;
  /** The frame of the rule's expressions: the document, and earlier results under `@`. */
  base: Frame;
  /** The base frame with more bound names (a table's `item`, a check's `row`). */
  frame(names: Record<string, Shape>): Frame;
  /** Checks the expression under the rule's `key` in `frame` (base by default); undefined when there is none. */
  expr(key: string, frame?: Frame, guards?: ReadonlySet<string>): Shape | undefined;
  /** Reads the dot path under the rule's `key` (`judgement`, `forEach`); undefined when there is none. */
  dotPath(key: string, frame: Frame): Shape | undefined;
  /** Checks an expression at `at`; `guards` are paths known to be present there. */
  infer(expr: unknown, at: string, frame: Frame, guards?: ReadonlySet<string>): Shape;
  /** Reads a dot path in `frame`, reporting one that does not exist. */
  readVar(path: string, at: string, frame: Frame): Shape;
  /** Paths a condition guarantees to be present when it holds. */
  ensured(condition: unknown): Set<string>;
  /** Reports that no case or more than one holds for some input the conditions read (gaps, overlaps). */
  cases(cases: unknown[]): void;
  error(at: string, message: string): void;
  warn(at: string, message: string): void;
  /** The shape of one element of a list. */
  elementOf(list: Shape): Shape;
  /** The shape with itself and every field marked as possibly missing, read through `via`. */
  markAbsent(shape: Shape, via: string): Shape;
  /** The JSON types a schema allows (`type`, as a list). */
  typesOf(schema: JsonSchema): string[];
}
