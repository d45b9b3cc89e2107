import { joinPointer } from "../../schema/pointer.ts";
import { isSchemaObject, type JsonSchema } from "../../schema/types.ts";
import { childSchema, choiceOptions, deref } from "../../schema/walk.ts";
import { walkSchema } from "../../schema/traverse.ts";

/**
 * A static bound on what one evaluation of a JSON Logic expression may cost, so that an overlay
 * or a rule cannot make every keystroke take seconds (three nested `map` over 300-item lists in a
 * `visibleWhen`) or run the process out of memory (`reduce` with `merge` or `cat` doubling its
 * accumulator). The estimate is checked when an expression is compiled from a schema, an overlay
 * or an indicator definition; an expression over budget is refused with a Swedish message that
 * names the limit. The limits are stated in schemas/README.md ("Kostnadsgränser").
 *
 * The unit is a *step*: one operation evaluated, or one list item or character copied, searched
 * or iterated over. Steps are counted as an upper bound:
 *
 * - `map`/`filter`/`all`/`some`/`none` cost their list's length times their body, so nested list
 *   operations multiply; `reduce` likewise, with its accumulator's size followed step by step;
 * - a list read with `var` is as long as the schema allows: `maxItems`, or the number of options
 *   of a multiple choice (`uniqueItems` over coded options); a string as long as its `maxLength`
 *   or its longest option; a number or boolean counts 1; anything else counts DEFAULT_LIST_BOUND;
 * - a literal list counts its length; `merge`, `cat` and `substr` cost the size of what they
 *   build, and `in` the size of what it searches.
 *
 * Without the schema at hand (compileLogic / compileWith: indicator definitions, migrations, and
 * the rules and conditions the engine compiles at run time) every list counts DEFAULT_LIST_BOUND
 * and the budget is UNSCHEMAED_MAX_COST, one list level more than MAX_COST: a schema's `maxItems`
 * may make an expression cheaper than the default assumes, and the schema check (lint, the
 * validator compile, `overlay check`) has already held it to MAX_COST with the real bounds.
 */

/** Steps one evaluation of an expression from a schema or overlay may take (about 0.1 s at worst). */
export const MAX_COST = 1_000_000;
/** Length assumed for a list or string whose schema gives no bound (no `maxItems`, `maxLength`, options). */
export const DEFAULT_LIST_BOUND = 1_000;
/** The budget when the schema is not at hand: every list counts DEFAULT_LIST_BOUND. */
export const UNSCHEMAED_MAX_COST = MAX_COST * DEFAULT_LIST_BOUND;
/** Items in all the literal lists of one expression together. */
export const MAX_LITERAL_ITEMS = 10_000;
/** Items or characters of any value an expression may build (a list from `merge`, a string from `cat`). */
export const MAX_VALUE_SIZE = 10_000_000;
/** Nodes the estimate itself may visit (a `reduce` is followed step by step); beyond it the expression is refused. */
const MAX_WORK = 2_000_000;
const MAX_NESTING = 128;

/** What is known of a value before it exists: an upper bound on its length, and how to read its items. */
export interface Bound {
  size: number;
  /** The bound of the value at a path inside each of its items (for the body of `map` and friends). */
  item: Scope;
}

/** The bound of the value at a `var` path (already split at "."); `[]` is the data itself. */
export type Scope = (parts: readonly string[]) => Bound;

export const DEFAULT_SCOPE: Scope = () => DEFAULT_BOUND;
const DEFAULT_BOUND: Bound = { size: DEFAULT_LIST_BOUND, item: DEFAULT_SCOPE };
const SCALAR: Bound = { size: 1, item: DEFAULT_SCOPE };

export interface Estimate {
  /** Steps one evaluation may take. */
  cost: number;
  /** Largest value (items or characters) it may build. */
  size: number;
  /** Items in its literal lists. */
  literalItems: number;
}

export interface CostOptions {
  /** Where top-level `var`s read from; default: every list DEFAULT_LIST_BOUND long. */
  scope?: Scope;
  /** Default: MAX_COST with a scope, UNSCHEMAED_MAX_COST without. */
  maxCost?: number;
}

class Overrun extends Error {}

interface Value {
  cost: number;
  size: number;
  item: Scope;
}

const LIST_OPS = new Set(["map", "filter", "all", "some", "none"]);
const isLogicNode = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1;

/** Upper bounds on one evaluation of `expr`; throws Overrun (internally) when the estimate itself runs away. */
function estimate(expr: unknown, scope: Scope, limit: number): Estimate {
  let work = 0;
  let literalItems = 0;

  /** A literal (no operation inside): its size, and its items' sizes for a body reading them. */
  const literal = (v: unknown, depth: number): Value => {
    if (depth > MAX_NESTING) throw new Overrun("nesting");
    if (typeof v === "string") return { cost: 0, size: v.length, item: DEFAULT_SCOPE };
    if (Array.isArray(v)) {
      literalItems += v.length;
      if (literalItems > MAX_LITERAL_ITEMS) throw new Overrun("literal");
      let largest = 1;
      for (const x of v) largest = Math.max(largest, literal(x, depth + 1).size);
      const itemBound: Bound = { size: largest, item: DEFAULT_SCOPE };
      return { cost: 0, size: v.length, item: () => itemBound };
    }
    if (v !== null && typeof v === "object") {
      let size = 0;
      for (const x of Object.values(v)) size += literal(x, depth + 1).size;
      return { cost: 0, size: Math.max(1, size), item: DEFAULT_SCOPE };
    }
    return { cost: 0, size: 1, item: DEFAULT_SCOPE };
  };

  const node = (e: unknown, sc: Scope, depth: number): Value => {
    if (++work > MAX_WORK) throw new Overrun("work");
    if (depth > MAX_NESTING) throw new Overrun("nesting");
    if (Array.isArray(e)) {
      if (!e.some(hasLogic)) return literal(e, depth);
      let cost = 1;
      let size = 0;
      for (const x of e) {
        const v = node(x, sc, depth + 1);
        cost += v.cost;
        size += Math.max(1, v.size);
      }
      return { cost, size, item: DEFAULT_SCOPE };
    }
    if (!isLogicNode(e)) return literal(e, depth);
    const op = Object.keys(e)[0]!;
    const raw = e[op];
    const args = Array.isArray(raw) ? raw : [raw];
    if (op === "var") return readVar(args, sc, depth);
    if (LIST_OPS.has(op)) {
      const source = node(args[0], sc, depth + 1);
      const n = source.size;
      const body = node(args[1], source.item, depth + 1);
      const cost = 1 + source.cost + n * (1 + body.cost);
      check(cost, n);
      return op === "map" || op === "filter" ? { cost, size: n, item: op === "filter" ? source.item : DEFAULT_SCOPE } : { cost, size: 1, item: DEFAULT_SCOPE };
    }
    if (op === "reduce") return reduce(args, sc, depth);
    const parts = args.map((a) => node(a, sc, depth + 1));
    let cost = 1;
    let total = 0;
    let largest = 1;
    for (const p of parts) {
      cost += p.cost;
      total += p.size;
      largest = Math.max(largest, p.size);
    }
    switch (op) {
      case "merge":
      case "cat":
        // Both copy everything they are given into a new value.
        return checked({ cost: cost + total, size: Math.max(1, total), item: DEFAULT_SCOPE });
      case "substr":
        return checked({ cost: cost + (parts[0]?.size ?? 1), size: parts[0]?.size ?? 1, item: DEFAULT_SCOPE });
      case "in":
        return checked({ cost: cost + (parts[1]?.size ?? 1), size: 1, item: DEFAULT_SCOPE });
      case "index_of":
      case "count":
        return checked({ cost: cost + (parts[0]?.size ?? 1), size: 1, item: DEFAULT_SCOPE });
      case "missing":
      case "missing_some":
        return checked({ cost: cost + total, size: total, item: DEFAULT_SCOPE });
      case "min":
      case "max":
      case "+":
      case "*":
        return checked({ cost, size: 1, item: DEFAULT_SCOPE });
      case "if":
      case "?:":
      case "and":
      case "or":
        // Any branch may be the value; all may be evaluated.
        return checked({ cost, size: largest, item: DEFAULT_SCOPE });
      case "band":
        return checked({ cost: cost + (parts[1]?.size ?? 1), size: parts[2]?.size ?? 1, item: DEFAULT_SCOPE });
      default:
        return checked({ cost, size: 1, item: DEFAULT_SCOPE });
    }
  };

  const check = (cost: number, size: number): void => {
    if (cost > limit || !Number.isFinite(cost)) throw new Overrun("cost");
    if (size > MAX_VALUE_SIZE || !Number.isFinite(size)) throw new Overrun("size");
  };
  const checked = (v: Value): Value => {
    check(v.cost, v.size);
    return v;
  };

  const readVar = (args: unknown[], sc: Scope, depth: number): Value => {
    const [path, fallback] = args;
    let cost = 1;
    let alt = 0;
    if (fallback !== undefined) {
      const f = node(fallback, sc, depth + 1);
      cost += f.cost;
      alt = f.size;
    }
    let bound: Bound;
    if (isLogicNode(path) || Array.isArray(path)) {
      cost += node(path, sc, depth + 1).cost;
      bound = DEFAULT_BOUND; // a path computed at run time: nothing known
    } else if (path === undefined || path === null || path === "") bound = sc([]);
    else bound = sc(String(path).split("."));
    return checked({ cost, size: Math.max(bound.size, alt), item: bound.item });
  };

  const reduce = (args: unknown[], sc: Scope, depth: number): Value => {
    const source = node(args[0], sc, depth + 1);
    const initial = args[2] === undefined ? { cost: 0, size: 1 } : node(args[2], sc, depth + 1);
    const n = source.size;
    let cost = 1 + source.cost + initial.cost;
    let acc = initial.size;
    let largest = acc;
    // The body sees {current, accumulator}; the accumulator's size is followed step by step, so
    // `merge` of the accumulator with itself (doubling) is seen to outgrow any budget.
    for (let k = 0; k < n; k++) {
      const accBound: Bound = { size: acc, item: DEFAULT_SCOPE };
      const bodyScope: Scope = (parts) => {
        if (parts[0] === "current") return source.item(parts.slice(1));
        if (parts[0] === "accumulator") return parts.length === 1 ? accBound : DEFAULT_BOUND;
        if (parts.length === 0) return { size: 2, item: DEFAULT_SCOPE };
        return SCALAR; // null
      };
      const body = node(args[1], bodyScope, depth + 1);
      cost += 1 + body.cost;
      if (body.size === acc) {
        cost += (n - k - 1) * (1 + body.cost); // every later step is the same
        check(cost, acc);
        break;
      }
      acc = body.size;
      largest = Math.max(largest, acc);
      check(cost, largest);
    }
    return checked({ cost, size: largest, item: DEFAULT_SCOPE });
  };

  const v = node(expr, scope, 0);
  return { cost: v.cost, size: v.size, literalItems };
}

function hasLogic(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasLogic);
  if (isLogicNode(v)) return true;
  return v !== null && typeof v === "object" && Object.values(v).some(hasLogic);
}

/** "1 000 000", as numbers are written in Swedish. */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/**
 * Why `expr` is refused (Swedish), or undefined when it is within the limits. With a `scope`
 * (the schema's bounds) the budget is MAX_COST; without, every list counts DEFAULT_LIST_BOUND and
 * the budget is UNSCHEMAED_MAX_COST.
 */
export function costProblem(expr: unknown, options: CostOptions = {}): string | undefined {
  const limit = options.maxCost ?? (options.scope ? MAX_COST : UNSCHEMAED_MAX_COST);
  try {
    estimate(expr, options.scope ?? DEFAULT_SCOPE, limit);
    return undefined;
  } catch (e) {
    if (!(e instanceof Overrun)) throw e;
    switch (e.message) {
      case "literal":
        return `Uttrycket har för stora listor: högst ${formatCount(MAX_LITERAL_ITEMS)} element i uttryckets listor tillsammans`;
      case "size":
        return (
          `Uttrycket kan bygga ett värde med fler än ${formatCount(MAX_VALUE_SIZE)} element eller tecken ` +
          "(merge, cat eller reduce som växer för varje steg); gör det mindre"
        );
      case "nesting":
        return `Uttrycket är nästlat djupare än ${MAX_NESTING} nivåer`;
      default:
        return (
          `Uttrycket är för kostsamt att beräkna: uppskattningsvis mer än ${formatCount(limit)} steg per beräkning, vilket är gränsen. ` +
          "Nästlade map, filter, reduce, all, some och none multipliceras med listornas längd " +
          `(maxItems i schemat, annars ${formatCount(DEFAULT_LIST_BOUND)}); nästla färre listoperationer eller sätt maxItems`
        );
    }
  }
}

/** The estimate itself (for tests and tools); undefined when it runs over `limit`. */
export function estimateCost(expr: unknown, scope: Scope = DEFAULT_SCOPE, limit = Number.POSITIVE_INFINITY): Estimate | undefined {
  try {
    return estimate(expr, scope, limit);
  } catch (e) {
    if (e instanceof Overrun) return undefined;
    throw e;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Bounds from a schema                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** How long the value of `schema` can be: maxItems, the options of a multiple choice, maxLength, an option's length. */
function sizeOf(root: JsonSchema, schema: JsonSchema): number {
  if (typeof schema.maxItems === "number") return schema.maxItems;
  if (typeof schema.maxLength === "number") return schema.maxLength;
  if (isSchemaObject(schema.items) && schema.uniqueItems === true) {
    const options = choiceOptions(root, schema.items);
    if (options) return options.length;
  }
  if ("const" in schema) return Math.max(1, JSON.stringify(schema.const ?? null).length);
  const options = choiceOptions(root, schema);
  if (options) return Math.max(1, ...options.map((o) => o.code.length));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && types.every((t) => t === "number" || t === "integer" || t === "boolean" || t === "null")) return 1;
  if (schema.type === "string" && schema.format === "date") return 10;
  return DEFAULT_LIST_BOUND;
}

/** A scope whose `var` paths are read against `schema` (a document, a row, an item). */
export function schemaScope(root: JsonSchema, schema: JsonSchema | undefined): Scope {
  return (parts) => {
    let node = schema;
    try {
      for (const p of parts) node = node ? childSchema(root, node, p) : undefined;
      if (!node) return DEFAULT_BOUND;
      const s = deref(root, node);
      return { size: sizeOf(root, s), item: schemaScope(root, isSchemaObject(s.items) ? s.items : undefined) };
    } catch {
      return DEFAULT_BOUND; // a broken $ref: lint reports it on its own
    }
  };
}

export interface CostIssue {
  /** JSON Pointer into the schema document. */
  at: string;
  message: string;
}

/** A rule's own names (scope.ts) on top of the document: `@` results, `item`, `row`/`prev`/`index`. */
function ruleScope(root: JsonSchema, rule: JsonSchema): Scope {
  const doc = schemaScope(root, root);
  const rows = typeof rule.forEach === "string" ? schemaScope(root, root)(rule.forEach.split(".")).item : DEFAULT_SCOPE;
  return (parts) => {
    switch (parts[0]) {
      case "@":
      case "item":
        return DEFAULT_BOUND;
      case "row":
      case "prev":
        return rows(parts.slice(1));
      case "index":
        return parts.length === 1 ? SCALAR : DEFAULT_BOUND;
      default:
        return doc(parts);
    }
  };
}

const RULE_EXPRESSIONS = ["expr", "assert", "when"] as const;
const RULE_EXPRESSION_MAPS = ["fields", "values"] as const;

/**
 * Every JSON Logic expression a schema holds — `x-ui.visibleWhen` anywhere, the expressions of
 * `x-rules` — held to MAX_COST with the schema's own bounds.
 */
export function schemaCostIssues(root: JsonSchema): CostIssue[] {
  const issues: CostIssue[] = [];
  const add = (expr: unknown, scope: Scope, at: string): void => {
    if (expr === undefined || typeof expr !== "object" || expr === null) return;
    let problem: string | undefined;
    try {
      problem = costProblem(expr, { scope, maxCost: MAX_COST });
    } catch {
      problem = "Uttryckets kostnad kan inte uppskattas; förenkla det"; // a schema broken elsewhere (a $ref loop, say)
    }
    if (problem) issues.push({ at, message: problem });
  };
  const rules = root["x-rules"];
  if (Array.isArray(rules)) {
    rules.forEach((rule, i) => {
      if (!isSchemaObject(rule)) return;
      const scope = ruleScope(root, rule);
      for (const k of RULE_EXPRESSIONS) add(rule[k], scope, joinPointer("", "x-rules", i, k));
      for (const k of RULE_EXPRESSION_MAPS) {
        const map = rule[k];
        if (isSchemaObject(map)) for (const [name, e] of Object.entries(map)) add(e, scope, joinPointer("", "x-rules", i, k, name));
      }
      if (Array.isArray(rule.cases)) {
        rule.cases.forEach((c, j) => {
          if (!isSchemaObject(c)) return;
          add(c.when, scope, joinPointer("", "x-rules", i, "cases", j, "when"));
          add(c.value, scope, joinPointer("", "x-rules", i, "cases", j, "value"));
        });
      }
    });
  }
  const doc = schemaScope(root, root);
  // Past the schema depth limit nothing is costed here: lint reports the overrun itself.
  walkSchema<JsonSchema | undefined>(root, (node, place) => {
    if (!isSchemaObject(node)) return "skip";
    // A list's items are a row; nothing under $defs is in one until it is referenced.
    const row = place.keyword === "items" ? node : place.keyword === "$defs" ? undefined : place.context;
    const ui = node["x-ui"];
    if (isSchemaObject(ui) && ui.visibleWhen !== undefined) {
      const rowScope = schemaScope(root, row);
      const scope: Scope = (parts) => (parts[0] === "row" ? rowScope(parts.slice(1)) : doc(parts));
      add(ui.visibleWhen, scope, joinPointer(place.pointer, "x-ui", "visibleWhen"));
    }
    return { context: row };
  });
  return issues;
}
