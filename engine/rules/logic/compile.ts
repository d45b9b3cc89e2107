import { CUSTOM_OPERATIONS } from "./operations.ts";
import { costProblem } from "./cost.ts";
import { LogicError, type Evaluator } from "./errors.ts";
import { compileScore } from "./scores.ts";
import { PLAIN_ROOT, type Root } from "./scope.ts";

/**
 * JSON Logic compiled to a tree of closures.
 *
 * Why not json-logic-js's `apply` on every call: it re-reads the expression tree, re-splits every
 * `var` path and allocates argument arrays on each evaluation, which made SUE indicators over a
 * million records several times slower than parsing them (see BENCHMARKS.md). Compiling once
 * into closures keeps the same semantics with none of that per-call work, and still builds no
 * code from text: no `eval`, no `new Function`, so it runs under a strict CSP. json-logic-js
 * remains the reference: tests/engine/logic.test.ts checks both agree on generated expressions.
 *
 * Differences from json-logic-js, on purpose: `var` reads own properties only (a schema cannot
 * reach `__proto__` or `constructor`), `log` is not offered (rules never write to the console),
 * and an unknown operation fails at compile time instead of at first use.
 */
export { LogicError, type Evaluator } from "./errors.ts";

export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

export function isLogic(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;
}

const constant = (v: unknown): Evaluator => () => v;

function compileVar(args: unknown[], root: Root): Evaluator {
  const [pathExpr, defExpr] = args;
  const notFoundFn = defExpr === undefined ? constant(null) : compileNode(defExpr, root);
  if (!isLogic(pathExpr)) {
    if (pathExpr === undefined || pathExpr === "" || pathExpr === null) return root.whole;
    const parts = String(pathExpr).split(".");
    if (defExpr === undefined) return root.path(parts, null);
    const read = root.path(parts);
    return (data) => {
      // Evaluated even when not needed, as json-logic-js does (it may throw).
      const notFound = notFoundFn(data);
      const v = read(data);
      return v === undefined ? notFound : v;
    };
  }
  const dynamic = compileNode(pathExpr, root);
  return (data) => {
    const p = dynamic(data);
    if (p === undefined || p === "" || p === null) return root.whole(data);
    const notFound = notFoundFn(data);
    const v = root.dynamic(data, String(p).split("."));
    return v === undefined ? notFound : v;
  };
}

type Scoped = (values: unknown[], root: Root) => Evaluator;

/** The list is read from the data; the body sees each item as its own, plain data. */
function scopedArrayOp(fn: (list: unknown[], body: Evaluator, data: unknown) => unknown, whenNotArray: unknown): Scoped {
  return (values, root) => {
    const source = compileNode(values[0], root);
    const body = compileNode(values[1], PLAIN_ROOT);
    return (data) => {
      const list = source(data);
      return Array.isArray(list) ? fn(list, body, data) : whenNotArray;
    };
  };
}

/** Whether some item's body is truthy (`wanted` true) or falsy (`wanted` false). */
function anyItem(list: unknown[], body: Evaluator, wanted: boolean): boolean {
  for (let i = 0; i < list.length; i++) if (i in list && truthy(body(list[i])) === wanted) return true;
  return false;
}

const SPECIAL: Record<string, Scoped> = {
  score: (values, root) => compileScore("score", values, root),
  score_sum: (values, root) => compileScore("score_sum", values, root),
  score_sum_answered: (values, root) => compileScore("score_sum_answered", values, root),
  if: compileIf,
  "?:": compileIf,
  and: (values, root) => {
    const parts = values.map((v) => compileNode(v, root));
    // Two operands, the common case: no loop over the parts array.
    if (parts.length === 2) {
      const [a, b] = parts as [Evaluator, Evaluator];
      return (data) => {
        const first = a(data);
        return truthy(first) ? b(data) : first;
      };
    }
    return (data) => {
      let current: unknown;
      for (const p of parts) {
        current = p(data);
        if (!truthy(current)) return current;
      }
      return current;
    };
  },
  or: (values, root) => {
    const parts = values.map((v) => compileNode(v, root));
    if (parts.length === 2) {
      const [a, b] = parts as [Evaluator, Evaluator];
      return (data) => {
        const first = a(data);
        return truthy(first) ? first : b(data);
      };
    }
    return (data) => {
      let current: unknown;
      for (const p of parts) {
        current = p(data);
        if (truthy(current)) return current;
      }
      return current;
    };
  },
  // Plain loops: Array.prototype.some and friends would need a closure per evaluation. Holes
  // are skipped, as those methods skip them.
  filter: scopedArrayOp((list, body) => {
    const out: unknown[] = [];
    for (let i = 0; i < list.length; i++) if (i in list && truthy(body(list[i]))) out.push(list[i]);
    return out;
  }, []),
  map: scopedArrayOp((list, body) => list.map((item) => body(item)), []),
  all: scopedArrayOp((list, body) => list.length > 0 && !anyItem(list, body, false), false),
  some: scopedArrayOp((list, body) => anyItem(list, body, true), false),
  none: scopedArrayOp((list, body) => !anyItem(list, body, true), true),
  reduce: (values, root) => {
    const source = compileNode(values[0], root);
    const body = compileNode(values[1], PLAIN_ROOT);
    const initial = values[2] === undefined ? constant(null) : compileNode(values[2], root);
    return (data) => {
      const list = source(data);
      const init = initial(data);
      if (!Array.isArray(list)) return init;
      return list.reduce((accumulator: unknown, current: unknown) => body({ current, accumulator }), init);
    };
  },
  var: compileVar,
  missing: (values, root) => {
    const args = values.map((v) => compileNode(v, root));
    return (data) => {
      const evaluated = args.map((a) => a(data));
      const keys = Array.isArray(evaluated[0]) ? (evaluated[0] as unknown[]) : evaluated;
      const missing: unknown[] = [];
      for (const key of keys) {
        const v = key === undefined || key === "" || key === null ? root.whole(data) : root.dynamic(data, String(key).split("."));
        if (v === undefined || v === null || v === "") missing.push(key);
      }
      return missing;
    };
  },
};

function compileIf(values: unknown[], root: Root): Evaluator {
  const parts = values.map((v) => compileNode(v, root));
  // `if` with a condition, a then and an else, the common case: no loop over the parts array.
  if (parts.length === 3) {
    const [cond, then, otherwise] = parts as [Evaluator, Evaluator, Evaluator];
    return (data) => (truthy(cond(data)) ? then(data) : otherwise(data));
  }
  return (data) => {
    let i = 0;
    for (; i < parts.length - 1; i += 2) {
      if (truthy(parts[i]!(data))) return parts[i + 1]!(data);
    }
    return i === parts.length - 1 ? parts[i]!(data) : null;
  };
}

type Plain = (...args: any[]) => unknown;

/** Standard operations with json-logic-js's own (JavaScript) semantics. */
const PLAIN: Record<string, Plain> = {
  "==": (a, b) => a == b,
  "===": (a, b) => a === b,
  "!=": (a, b) => a != b,
  "!==": (a, b) => a !== b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "<": (a, b, c) => (c === undefined ? a < b : a < b && b < c),
  "<=": (a, b, c) => (c === undefined ? a <= b : a <= b && b <= c),
  "!!": (a) => truthy(a),
  "!": (a) => !truthy(a),
  "%": (a, b) => a % b,
  in: (a, b) => (b && typeof b.indexOf === "function" ? b.indexOf(a) !== -1 : false),
  cat: (...args) => args.join(""),
  substr: (source, start, end) => {
    if (end < 0) {
      const temp = String(source).substr(start);
      return temp.substr(0, temp.length + end);
    }
    return String(source).substr(start, end);
  },
  "+": (...args) => args.reduce((a: number, b) => parseFloat(a as never) + parseFloat(b as never), 0),
  "*": (...args) => args.reduce((a, b) => parseFloat(a as never) * parseFloat(b as never)),
  "-": (a, b) => (b === undefined ? -a : a - b),
  "/": (a, b) => a / b,
  min: (...args) => Math.min(...(args as number[])),
  max: (...args) => Math.max(...(args as number[])),
  merge: (...args) => args.reduce((a: unknown[], b) => a.concat(b), []),
  ...CUSTOM_OPERATIONS,
};

export const KNOWN_OPERATIONS: ReadonlySet<string> = new Set([...Object.keys(SPECIAL), ...Object.keys(PLAIN), "missing_some"]);

const own = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

/**
 * Whether `op` is one of the engine's own operations. Own properties only: names every object
 * inherits (`constructor`, `toString`, `__proto__`, `hasOwnProperty`) are unknown operations.
 */
export function isKnownOperation(op: string): boolean {
  return own(SPECIAL, op) || own(PLAIN, op) || op === "missing_some";
}

/**
 * Dedicated closures for the operations rules use most. Each gets its own call sites, which V8
 * keeps monomorphic; the generic `fn(a(data), b(data))` closure is shared by every operation.
 * Same semantics as PLAIN (the differential test covers both paths).
 */
function specialise(op: string, values: unknown[], args: Evaluator[]): Evaluator | undefined {
  const [a, b] = args as [Evaluator, Evaluator];
  if (args.length === 1) {
    if (op === "!") return (data) => !truthy(a(data));
    if (op === "!!") return (data) => truthy(a(data));
    return undefined;
  }
  if (args.length !== 2) return undefined;
  // json-logic-js adds with parseFloat; for numbers that is the number itself, without the
  // round trip through a string.
  const num = (v: unknown) => (typeof v === "number" ? v : parseFloat(v as string));
  // A literal right-hand side (`{"==": [{"var": "x"}, "uppnatt"]}`, the common shape) is
  // captured as a value: one call less per evaluation.
  const k = values[1];
  if (k === null || (typeof k !== "object" && k !== undefined)) {
    const c = k as number;
    switch (op) {
      case "==":
        return (data) => a(data) == c;
      case "===":
        return (data) => a(data) === c;
      case "!=":
        return (data) => a(data) != c;
      case "!==":
        return (data) => a(data) !== c;
      case ">":
        return (data) => (a(data) as number) > c;
      case ">=":
        return (data) => (a(data) as number) >= c;
      case "<":
        return (data) => (a(data) as number) < c;
      case "<=":
        return (data) => (a(data) as number) <= c;
    }
  }
  switch (op) {
    case "+":
      return (data) => num(a(data)) + num(b(data));
    case "in": {
      if (Array.isArray(values[1]) && isPlainData(values[1])) {
        const list = values[1] as unknown[];
        return (data) => list.indexOf(a(data)) !== -1;
      }
      return (data) => {
        const x = a(data);
        const list = b(data) as { indexOf?: unknown } | null;
        return list && typeof list.indexOf === "function" ? (list as unknown[]).indexOf(x) !== -1 : false;
      };
    }
    case "==":
      return (data) => a(data) == b(data);
    case "===":
      return (data) => a(data) === b(data);
    case "!=":
      return (data) => a(data) != b(data);
    case "!==":
      return (data) => a(data) !== b(data);
    case ">":
      return (data) => (a(data) as number) > (b(data) as number);
    case ">=":
      return (data) => (a(data) as number) >= (b(data) as number);
    case "<":
      return (data) => (a(data) as number) < (b(data) as number);
    case "<=":
      return (data) => (a(data) as number) <= (b(data) as number);
    default:
      return undefined;
  }
}

const MAX_DEPTH = 64;
let depth = 0;

/** True when a value holds no operation anywhere, so it can be evaluated once, at compile time. */
function isPlainData(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isPlainData);
  return !isLogic(value) && (value === null || typeof value !== "object" || Object.values(value).every(isPlainData));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function compileNode(expr: unknown, root: Root): Evaluator {
  if (Array.isArray(expr)) {
    // A literal list such as ["stor", "viss"] is built once, not on every evaluation.
    if (isPlainData(expr)) return constant(deepFreeze(structuredClone(expr)));
    const items = expr.map((e) => compileNode(e, root));
    return (data) => items.map((f) => f(data));
  }
  if (!isLogic(expr)) return constant(expr);
  if (++depth > MAX_DEPTH) {
    depth = 0;
    throw new LogicError(`Uttrycket är nästlat djupare än ${MAX_DEPTH} nivåer`);
  }
  try {
    const op = Object.keys(expr)[0]!;
    const raw = expr[op];
    const values = Array.isArray(raw) ? raw : [raw];
    // Own properties only: `SPECIAL.constructor` is Object, which would "compile" and fail later.
    const special = own(SPECIAL, op) ? SPECIAL[op] : undefined;
    if (special) return special(values, root);
    if (op === "missing_some") {
      const need = compileNode(values[0], root);
      const missing = SPECIAL.missing!([values[1]], root);
      const options = compileNode(values[1], root);
      return (data) => {
        const m = missing(data) as unknown[];
        const opts = options(data) as unknown[];
        return opts.length - m.length >= (need(data) as number) ? [] : m;
      };
    }
    const fn = own(PLAIN, op) ? PLAIN[op] : undefined;
    if (!fn) throw new LogicError(`Okänd operation ”${op}” i regeluttryck`);
    const args = values.map((v) => compileNode(v, root));
    const fast = specialise(op, values, args);
    if (fast) return fast;
    switch (args.length) {
      case 1: {
        const [a] = args as [Evaluator];
        return (data) => fn(a(data));
      }
      case 2: {
        const [a, b] = args as [Evaluator, Evaluator];
        return (data) => fn(a(data), b(data));
      }
      case 3: {
        const [a, b, c] = args as [Evaluator, Evaluator, Evaluator];
        return (data) => fn(a(data), b(data), c(data));
      }
      default:
        return (data) => fn(...args.map((f) => f(data)));
    }
  } finally {
    depth = Math.max(0, depth - 1);
  }
}

const cache = new WeakMap<object, Evaluator>();

/** Compiles a JSON Logic expression once; the same expression object is compiled only once. */
export function compileLogic(expr: unknown): Evaluator {
  if (typeof expr !== "object" || expr === null) return constant(expr);
  let fn = cache.get(expr);
  if (!fn) {
    depth = 0;
    fn = compileNode(expr, PLAIN_ROOT);
    refuseCostly(expr);
    cache.set(expr, fn);
  }
  return fn;
}

/**
 * Compiles an expression whose top-level `var`s read through `root` (scope.ts: a rule's document
 * with the names it binds). Not cached: the same expression means different things under
 * different roots, and rules keep what they compile.
 */
export function compileWith(expr: unknown, root: Root): Evaluator {
  if (typeof expr !== "object" || expr === null) return constant(expr);
  depth = 0;
  const fn = compileNode(expr, root);
  refuseCostly(expr);
  return fn;
}

/**
 * The cost bound (cost.ts) without the schema: every list counts as 1,000 items and the budget is
 * one list level above the schema check's. Indicator definitions and migrations meet it here;
 * schemas and overlays have met the tighter check with their own bounds when they were linted
 * or compiled.
 */
function refuseCostly(expr: unknown): void {
  const problem = costProblem(expr);
  if (problem) throw new LogicError(problem);
}

/** `var` paths an expression reads from its own data (not from inside map/filter bodies). */
export function readPaths(expr: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(expr)) {
    for (const e of expr) readPaths(e, out);
    return out;
  }
  if (!isLogic(expr)) return out;
  const op = Object.keys(expr)[0]!;
  const raw = expr[op];
  const values = Array.isArray(raw) ? raw : [raw];
  if (op === "var") {
    if (typeof values[0] === "string" && values[0] !== "") out.add(values[0]);
    else if (typeof values[0] === "number") out.add(String(values[0]));
    return out;
  }
  if (op === "score" || op === "score_sum" || op === "score_sum_answered") {
    // Literal paths of questions or groups, read from the document like a `var`.
    for (const v of values) if (typeof v === "string" && v !== "") out.add(v);
    return out;
  }
  if (["map", "filter", "all", "some", "none", "reduce"].includes(op)) {
    readPaths(values[0], out);
    if (op === "reduce") readPaths(values[2], out);
    return out;
  }
  for (const v of values) readPaths(v, out);
  return out;
}
