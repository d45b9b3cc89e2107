import { compileLogic, isKnownOperation, isLogic, KNOWN_OPERATIONS, truthy } from "../rules/logic/compile.ts";
import { scoreLookup } from "../schema/scores.ts";
import { childSchema, deref } from "../schema/walk.ts";
import { walkSchema } from "../schema/traverse.ts";
import { joinPointer } from "../schema/pointer.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { suggest } from "./suggest.ts";
import { kindModule } from "../rules/kinds/index.ts";
import { BOOLEAN, KNOWN, UNKNOWN, type CheckContext, type Frame, type NumberRange, type Shape } from "../rules/kinds/kind.ts";

/**
 * Type-checks the JSON Logic of a schema: every `x-rules` expression and every `x-ui.visibleWhen`.
 * The engine runs whatever an expression says; a misspelt path reads null, and `null <= 7` is
 * true, so a typo silently moves a person into another category. This check reads each
 * expression against the schema (paths, codes, rule order) before anything runs.
 */

export interface ExpressionIssue {
  /** JSON Pointer of the expression inside the schema. */
  at: string;
  message: string;
  severity: "error" | "warning";
}

const ANY_NUMBER: NumberRange = { min: -Infinity, max: Infinity, integer: false };
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const MAX_DEPTH = 64;
/** Indicator parameters: `{"var": "@param.<name>"}` (engine/indicators/accumulate.ts). */
const PARAM_KEY = "@param";

const ARITHMETIC = new Set(["+", "-", "*", "/", "%", "min", "max"]);
const ORDERING = new Set(["<", "<=", ">", ">="]);
const EQUALITY = new Set(["==", "===", "!=", "!=="]);
const ARRAY_BODY = new Set(["map", "filter", "all", "some", "none", "reduce"]);

interface RuleInfo {
  id: string;
  kind: string;
  index: number;
  shape?: Shape;
  /** Rule ids this rule reads with `@.<id>`, each with where it first does. */
  reads: Map<string, string>;
}

const show = (v: unknown) => JSON.stringify(v);

function codesOf(root: JsonSchema, s: JsonSchema): unknown[] | undefined {
  if ("const" in s) return [s.const];
  if (Array.isArray(s.enum)) return s.enum;
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = s[key];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const out: unknown[] = [];
    for (const b of branches) {
      if (!isSchemaObject(b)) return undefined;
      const d = deref(root, b);
      if (!("const" in d)) return undefined;
      out.push(d.const);
    }
    return out;
  }
  if (s.type === "boolean") return [true, false];
  return undefined;
}

function types(s: JsonSchema): string[] {
  return Array.isArray(s.type) ? s.type.map(String) : typeof s.type === "string" ? [s.type] : [];
}

function fromSchema(root: JsonSchema, raw: JsonSchema, absent: boolean, via: string): Shape {
  const s = deref(root, raw);
  const t = types(s);
  const shape: Shape = { schema: s, absent: absent || t.includes("null") };
  if (shape.absent) shape.via = [via];
  const codes = codesOf(root, s);
  if (codes) shape.codes = codes;
  if (t.includes("integer") || t.includes("number")) {
    const lower = typeof s.minimum === "number" ? s.minimum : typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum : -Infinity;
    const upper = typeof s.maximum === "number" ? s.maximum : typeof s.exclusiveMaximum === "number" ? s.exclusiveMaximum : Infinity;
    shape.num = { min: lower, max: upper, integer: !t.includes("number") };
  }
  if (t.includes("array") && isSchemaObject(s.items)) {
    const itemCodes = codesOf(root, deref(root, s.items));
    if (itemCodes) {
      shape.codes = itemCodes;
      shape.list = true;
    }
  }
  return shape;
}

/** One step of a path into a shape: the child, or undefined when it does not exist. */
function step(root: JsonSchema, shape: Shape, key: string, via: string): Shape | { missingIn: string } | undefined {
  if (shape.open) return UNKNOWN;
  if (shape.alts) {
    const alts: Array<{ label: string; shape: Shape }> = [];
    for (const alt of shape.alts) {
      const next = step(root, alt.shape, key, via);
      if (next === undefined) return { missingIn: alt.label };
      if ("missingIn" in next) return next;
      alts.push({ label: alt.label, shape: next });
    }
    const codes = alts.every((a) => a.shape.codes) ? [...new Set(alts.flatMap((a) => a.shape.codes!))] : undefined;
    const absent = alts.some((a) => a.shape.absent);
    return { alts, absent, ...(absent ? { via: [via] } : {}), ...(codes ? { codes } : {}) };
  }
  if (shape.fields) return hasOwn(shape.fields, key) ? withAbsence(shape.fields[key]!, shape.absent, via) : undefined;
  if (shape.items) {
    if (/^\d+$/.test(key)) return withAbsence(shape.items, true, via);
    if (key === "length") return { absent: shape.absent, num: { min: 0, max: Infinity, integer: true } };
    return undefined;
  }
  const s = shape.schema;
  if (!s) return undefined;
  // `properties.__proto__` would be Object.prototype, not a declared property.
  const inherited = key in Object.prototype && !(isSchemaObject(s.properties) && hasOwn(s.properties, key));
  const child = inherited ? undefined : childSchema(root, s, key);
  if (child) {
    const required = Array.isArray(s.required) && s.required.includes(key);
    return fromSchema(root, child, shape.absent || !required || /^\d+$/.test(key), via);
  }
  const t = types(s);
  if (key === "length" && (t.includes("array") || t.includes("string"))) return { absent: shape.absent, num: { min: 0, max: Infinity, integer: true } };
  if (isSchemaObject(s.additionalProperties)) return fromSchema(root, s.additionalProperties, true, via);
  if (s.additionalProperties === false || isSchemaObject(s.properties) || isSchemaObject(s.patternProperties) || (t.length > 0 && !t.includes("object"))) return undefined;
  return UNKNOWN;
}

/** The names a shape has, for "did you mean". */
function knownKeys(shape: Shape): string[] {
  if (shape.fields) return Object.keys(shape.fields);
  if (shape.alts) return shape.alts.length > 0 ? knownKeys(shape.alts[0]!.shape) : [];
  return shape.schema && isSchemaObject(shape.schema.properties) ? Object.keys(shape.schema.properties) : [];
}

function withAbsence(shape: Shape, absent: boolean, via: string): Shape {
  if (!absent || shape.absent) return shape.absent && !shape.via ? { ...shape, via: [via] } : shape;
  return { ...shape, absent: true, via: [via] };
}

/** The shape of one element of a list. */
function elementOf(root: JsonSchema, list: Shape): Shape {
  if (list.items) return { ...list.items };
  if (list.schema && isSchemaObject(list.schema.items)) return fromSchema(root, list.schema.items, false, "");
  return KNOWN;
}

function union(shapes: Shape[]): Shape {
  if (shapes.length === 0) return UNKNOWN;
  if (shapes.length === 1) return shapes[0]!;
  const absent = shapes.some((s) => s.absent);
  const via = [...new Set(shapes.flatMap((s) => s.via ?? []))];
  const out: Shape = { open: true, absent, ...(via.length ? { via } : {}) };
  if (shapes.every((s) => s.codes && !s.list)) out.codes = [...new Set(shapes.flatMap((s) => s.codes!))];
  if (shapes.every((s) => s.num)) {
    out.num = {
      min: Math.min(...shapes.map((s) => s.num!.min)),
      max: Math.max(...shapes.map((s) => s.num!.max)),
      integer: shapes.every((s) => s.num!.integer),
    };
  }
  return out;
}

function literal(v: unknown): Shape {
  if (v === null) return { absent: true, codes: [null] };
  if (typeof v === "number") return { absent: false, codes: [v], num: { min: v, max: v, integer: Number.isInteger(v) } };
  if (typeof v === "string" || typeof v === "boolean") return { absent: false, codes: [v] };
  return KNOWN;
}

const argsOf = (expr: Record<string, unknown>, op: string): unknown[] => {
  const raw = expr[op];
  return Array.isArray(raw) ? raw : [raw];
};

const varPathOf = (e: unknown): string | undefined => {
  if (!isLogic(e) || !("var" in e)) return undefined;
  const a = argsOf(e, "var");
  if (a.length > 1 && a[1] !== null && a[1] !== undefined) return undefined;
  return typeof a[0] === "string" && a[0] !== "" ? a[0] : typeof a[0] === "number" ? String(a[0]) : undefined;
};

const isNullLiteral = (e: unknown) => e === null;
const isPlainLiteral = (e: unknown) => e === null || typeof e === "string" || typeof e === "number" || typeof e === "boolean";

/** Paths a condition guarantees to be present when it does not hold (an `if`'s else branch). */
function ensuredWhenFalse(cond: unknown, out: Set<string>, depth = 0): Set<string> {
  if (!isLogic(cond) || depth > MAX_DEPTH) return out;
  const op = Object.keys(cond)[0]!;
  const args = argsOf(cond, op);
  if (op === "!") ensured(args[0], out, depth + 1);
  else if (op === "or") for (const a of args) ensuredWhenFalse(a, out, depth + 1);
  else if (op === "missing") {
    for (const k of args) if (typeof k === "string") out.add(k);
  } else if (op === "==" || op === "===") {
    for (const [x, y] of [[args[0], args[1]], [args[1], args[0]]] as const) {
      const p = varPathOf(x);
      if (p && isNullLiteral(y)) out.add(p);
    }
  }
  return out;
}

/** Paths a condition guarantees to be present (not null) when it holds. */
function ensured(cond: unknown, out: Set<string> = new Set(), depth = 0): Set<string> {
  if (!isLogic(cond) || depth > MAX_DEPTH) return out;
  const op = Object.keys(cond)[0]!;
  const args = argsOf(cond, op);
  const direct = varPathOf(cond);
  if (direct) out.add(direct);
  else if (op === "!!") {
    const p = varPathOf(args[0]);
    if (p) out.add(p);
  } else if (op === "and") for (const a of args) ensured(a, out, depth + 1);
  else if (op === "!=" || op === "!==" || op === "==" || op === "===") {
    const negated = op.startsWith("!");
    for (const [x, y] of [[args[0], args[1]], [args[1], args[0]]] as const) {
      const p = varPathOf(x);
      if (!p || !isPlainLiteral(y)) continue;
      // `null == 0` and `null == false` are false too: any non-null literal that matches rules null out.
      if (negated ? isNullLiteral(y) : !isNullLiteral(y)) out.add(p);
    }
  } else if (op === "in") {
    const p = varPathOf(args[0]);
    if (p && Array.isArray(args[1]) && args[1].every((v) => isPlainLiteral(v) && v !== null)) out.add(p);
  } else if (op === "!") {
    const inner = args[0];
    if (isLogic(inner) && "missing" in inner) for (const k of argsOf(inner, "missing")) if (typeof k === "string") out.add(k);
  }
  return out;
}

function isGuarded(shape: Shape, guards: ReadonlySet<string>): boolean {
  const via = shape.via ?? [];
  if (via.length === 0) return false;
  return via.every((p) => {
    if (guards.has(p)) return true;
    for (const g of guards) if (g.startsWith(p + ".")) return true;
    return false;
  });
}

/** Whether the engine's comparison `op` can ever hold between `value` and one of `codes`. */
function matchesSome(op: string, value: unknown, codes: unknown[]): boolean {
  // eslint-disable-next-line eqeqeq
  return codes.some((c) => (op === "==" || op === "!=" ? c == value : c === value));
}

export function expressionIssues(root: JsonSchema): ExpressionIssue[] {
  return checkExpressions(root);
}

/**
 * The expressions of an indicator definition (`<version>.indicators.json`) read against the
 * schema of its records: groupings, rates, distributions, `labelsFrom` paths, `@param.<name>`.
 */
export function indicatorExpressionIssues(root: JsonSchema, definition: unknown): ExpressionIssue[] {
  return checkExpressions(root, isSchemaObject(definition) ? definition : {});
}

function checkExpressions(root: JsonSchema, indicators?: JsonSchema): ExpressionIssue[] {
  const issues: ExpressionIssue[] = [];
  const scores = scoreLookup(root);
  const docShape: Shape = { schema: root, absent: false };
  const rules = Array.isArray(root["x-rules"]) ? (root["x-rules"] as unknown[]) : [];
  const infos = new Map<string, RuleInfo>();
  rules.forEach((r, index) => {
    if (isSchemaObject(r) && typeof r.id === "string" && !infos.has(r.id)) infos.set(r.id, { id: r.id, kind: String(r.kind), index, reads: new Map() });
  });

  /** Who an issue is about: `Regeln ”id”` or `Villkoret för ”fält”`. */
  let who = "";
  let currentRule: RuleInfo | undefined;

  const error = (at: string, message: string) => issues.push({ at, message: `${who} ${message}`, severity: "error" });
  const warn = (at: string, message: string) => issues.push({ at, message: `${who} ${message}`, severity: "warning" });

  const readResult = (path: string, at: string, frame: Frame): Shape => {
    const parts = path.split(".");
    const id = parts[1] ?? "";
    if (frame.rule === undefined || id === "") return UNKNOWN;
    const target = infos.get(id);
    if (!target) {
      const guess = suggest(id, [...infos.values()].filter((i) => i.index < frame.rule!).map((i) => i.id));
      error(at, `läser resultatet ”@.${id}”, men det finns ingen regel ”${id}”` + (guess ? ` — menade du ”@.${guess}”?` : ""));
      return UNKNOWN;
    }
    if (currentRule && !currentRule.reads.has(id)) currentRule.reads.set(id, at);
    const kind = kindModule(target.kind);
    if (kind && !kind.givesResult) {
      error(at, `läser ”@.${id}”, men ”${id}” är ${kind.word} och ger inget resultat`);
      return UNKNOWN;
    }
    if (target.index >= frame.rule) return UNKNOWN; // order and cycles are reported once all rules are read
    let shape: Shape = withAbsence(target.shape ?? UNKNOWN, false, path);
    if (shape.absent) shape = { ...shape, via: ["@." + id] };
    return resolveRest(shape, parts.slice(2), path, at, 2);
  };

  const resolveRest = (start: Shape, parts: string[], path: string, at: string, offset: number): Shape => {
    let shape = start;
    for (let i = 0; i < parts.length; i++) {
      const next = step(root, shape, parts[i]!, path);
      if (next === undefined || "missingIn" in next) {
        const where = next && "missingIn" in next ? ` för ”${next.missingIn}”` : "";
        const known = knownKeys(shape);
        const guess = suggest(parts[i]!, known);
        const fixed = guess ? [...path.split(".").slice(0, offset + i), guess, ...parts.slice(i + 1)].join(".") : undefined;
        error(at, `läser ”${path}”, som inte finns i schemat${where}` + (fixed ? ` — menade du ”${fixed}”?` : ""));
        return UNKNOWN;
      }
      shape = next;
    }
    if (shape.absent && !shape.via) shape = { ...shape, via: [path] };
    return shape;
  };

  const readVar = (path: string, at: string, frame: Frame): Shape => {
    const parts = path.split(".");
    const head = parts[0]!;
    const params = frame.names[PARAM_KEY]?.fields;
    if (head === PARAM_KEY && params) {
      const name = parts.slice(1).join(".");
      if (hasOwn(params, name)) return params[name]!;
      const guess = suggest(name, Object.keys(params));
      error(at, `läser parametern ”${name}”, som inte finns bland parametrarna` + (guess ? ` — menade du ”${guess}”?` : ""));
      return UNKNOWN;
    }
    if (head === "@" && frame.rule !== undefined && hasOwn(frame.names, "@")) return readResult(path, at, frame);
    if (hasOwn(frame.names, head)) return resolveRest(frame.names[head]!, parts.slice(1), path, at, 1);
    return resolveRest(frame.doc, parts, path, at, 0);
  };

  const infer = (expr: unknown, at: string, frame: Frame, guards: ReadonlySet<string>, depth: number): Shape => {
    if (depth > MAX_DEPTH) {
      error(at, `har ett uttryck som är nästlat djupare än ${MAX_DEPTH} nivåer`);
      return UNKNOWN;
    }
    if (Array.isArray(expr)) {
      const items = expr.map((e, i) => infer(e, joinPointer(at, i), frame, guards, depth + 1));
      return { absent: false, items: union(items) };
    }
    if (!isLogic(expr)) return literal(expr);
    const op = Object.keys(expr)[0]!;
    const raw = expr[op];
    const args = Array.isArray(raw) ? raw : [raw];
    const argAt = (i: number) => (Array.isArray(raw) ? joinPointer(at, op, i) : joinPointer(at, op));
    const sub = (i: number, g: ReadonlySet<string> = guards, f: Frame = frame) => infer(args[i], argAt(i), f, g, depth + 1);
    if (!isKnownOperation(op)) {
      const guess = suggest(op, KNOWN_OPERATIONS);
      error(at, `använder operationen ”${op}”, som inte finns` + (guess ? ` — menade du ”${guess}”?` : ""));
      return UNKNOWN;
    }
    switch (op) {
      case "var": {
        const [path, fallback] = args;
        if (isLogic(path)) {
          sub(0);
          return UNKNOWN;
        }
        const def = fallback === undefined ? undefined : sub(1);
        if (path === undefined || path === null || path === "") return KNOWN;
        const shape = readVar(String(path), at, frame);
        if (!def) return shape;
        const { via: _via, ...rest } = shape;
        const codes = shape.codes && def.codes ? { codes: [...shape.codes, ...def.codes] } : {};
        return shape.absent && !def.absent ? { ...rest, ...codes, absent: false } : { ...shape, ...codes };
      }
      case "if":
      case "?:": {
        const branches: Shape[] = [];
        // Each later branch runs only where the earlier conditions failed.
        const failed = new Set(guards);
        let i = 0;
        for (; i < args.length - 1; i += 2) {
          sub(i, failed);
          branches.push(sub(i + 1, new Set([...failed, ...ensured(args[i])])));
          ensuredWhenFalse(args[i], failed);
        }
        if (i === args.length - 1) branches.push(sub(i, failed));
        else branches.push(literal(null));
        return union(branches);
      }
      case "and": {
        const all = new Set(guards);
        for (const a of args) ensured(a, all);
        return union(args.map((_, i) => sub(i, all)));
      }
      case "or": {
        const shapes = args.map((_, i) => sub(i));
        const last = shapes[shapes.length - 1];
        const u = union(shapes);
        return last && !last.absent ? { ...u, absent: false } : u;
      }
      case "!":
      case "!!":
        args.forEach((_, i) => sub(i));
        return BOOLEAN;
      case "score":
      case "score_sum":
      case "score_sum_answered":
        return scoreShape(op, args, at, frame);
      case "map":
      case "filter":
      case "all":
      case "some":
      case "none":
      case "reduce": {
        const source = sub(0);
        const element = elementOf(root, source);
        if (op === "reduce") {
          const initial = args.length > 2 ? sub(2) : literal(null);
          sub(1, new Set(), { names: {}, doc: { absent: false, fields: { current: element, accumulator: { open: true, absent: initial.absent } } } });
          return { open: true, absent: initial.absent };
        }
        const body = sub(1, new Set(), { names: {}, doc: element });
        if (op === "map") return { absent: false, items: body };
        if (op === "filter") return { absent: false, items: element };
        return BOOLEAN;
      }
    }
    const shapes = args.map((_, i) => sub(i));
    if (EQUALITY.has(op)) {
      checkCodes(op, args, shapes, at);
      return BOOLEAN;
    }
    if (op === "in") {
      checkIn(args, shapes, at);
      return BOOLEAN;
    }
    if (ORDERING.has(op) || ARITHMETIC.has(op)) {
      shapes.forEach((s, i) => {
        if (!s.absent || isGuarded(s, guards) || (isNullLiteral(args[i]) && ORDERING.has(op))) return;
        const path = s.via?.[0];
        const what = path ? `”${path}”` : "ett värde";
        const example = path && !path.startsWith("@.") ? path : "x";
        warn(
          argAt(i),
          `använder ${what} i ”${op}”, men värdet kan saknas, och då ${ORDERING.has(op) ? "jämför regeln med null (till exempel är null <= 7 sant)" : "räknar regeln med null (som blir 0 eller NaN)"}. ` +
            `Skydda det med {"if": [{"var": "${example}"}, …, …]}` + (ORDERING.has(op) ? "" : ` eller ge det ett standardvärde med {"var": ["${example}", 0]}`) + ".",
        );
      });
      if (ORDERING.has(op)) return BOOLEAN;
      return { absent: false, num: arithmetic(op, shapes) };
    }
    switch (op) {
      case "count":
        return { absent: false, num: { min: 0, max: Infinity, integer: true } };
      case "index_of":
        return { absent: false, num: { min: -1, max: Infinity, integer: true } };
      // Dates and bands of a present value are present (the schema's format keeps dates valid).
      case "year":
      case "days_between":
        return { ...absentFrom(shapes), num: { min: -Infinity, max: Infinity, integer: true } };
      case "add_days":
      case "add_months":
      case "add_years":
        return { ...absentFrom(shapes), open: true };
      case "band": {
        const labels = Array.isArray(args[2]) && args[2].every(isPlainLiteral) ? (args[2] as unknown[]) : undefined;
        return { ...absentFrom(shapes), ...(labels ? { codes: labels } : {}) };
      }
      case "cat":
      case "substr":
        return { absent: false, open: true };
      case "merge":
      case "missing":
      case "missing_some":
        return { absent: false, items: KNOWN };
    }
    return UNKNOWN;
  };

  /**
   * `score`, `score_sum`, `score_sum_answered` (engine/rules/logic/scores.ts): literal paths of
   * scored questions or groups, read in a rule of the schema (the renderers' conditions and the
   * bodies of map/filter have no schema to read scores from). The result's range is the sum of
   * the options' scores, so a category over it is checked for gaps like one over a number field.
   */
  const scoreShape = (op: string, args: unknown[], at: string, frame: Frame): Shape => {
    const none: Shape = { absent: op !== "score_sum_answered", via: [] };
    if (frame.rule === undefined) {
      error(at, `använder ”${op}”, som läser poäng på svarsalternativen och bara kan användas i schemats regler (x-rules), inte i villkor eller inuti map/filter`);
      return none;
    }
    const paths = op === "score" ? args.slice(0, 1) : args;
    if (paths.length === 0 || (op === "score" && args.length !== 1)) {
      error(at, `använder ”${op}” utan ${op === "score" ? "en sökväg" : "en lista med sökvägar"}`);
      return none;
    }
    let min = 0;
    let max = 0;
    let integer = true;
    const via: string[] = [];
    for (const [i, p] of paths.entries()) {
      const pAt = Array.isArray(args) && paths.length > 1 ? joinPointer(at, op, i) : joinPointer(at, op);
      if (typeof p !== "string") {
        error(pAt, `använder ”${op}” med ett uttryck; skriv sökvägen som text, till exempel "fragor.somn"`);
        return none;
      }
      const found = scores(p);
      if (typeof found === "string") {
        error(pAt, `använder ”${op}”: ${found}`);
        return none;
      }
      if (op === "score" && (found.length !== 1 || found[0]!.path !== p)) {
        error(pAt, `använder ”score” på gruppen ”${p}”; summera en grupp med score_sum`);
        return none;
      }
      for (const q of found) {
        via.push(q.path);
        const lo = op === "score_sum_answered" ? Math.min(0, q.min) : q.min;
        const hi = op === "score_sum_answered" ? Math.max(0, q.max) : q.max;
        min += lo;
        max += hi;
        for (const v of q.scores.values()) if (!Number.isInteger(v)) integer = false;
      }
    }
    const num = { min, max, integer };
    if (op === "score_sum_answered") return { absent: false, num };
    // Absent while a question is unanswered; guarded by the paths it reads (or by a value rule's
    // result, `{"!==": [{"var": "@.summa"}, null]}`).
    return { absent: true, via: op === "score" ? via : [], num };
  };

  const absentFrom = (shapes: Shape[]): Shape => {
    const via = [...new Set(shapes.filter((s) => s.absent).flatMap((s) => s.via ?? []))];
    return shapes.some((s) => s.absent) ? { absent: true, via } : { absent: false };
  };

  const codeList = (codes: unknown[]) => codes.map(show).join(", ");

  const checkCodes = (op: string, args: unknown[], shapes: Shape[], at: string) => {
    for (const [i, j] of [[0, 1], [1, 0]] as const) {
      const field = shapes[i]!;
      const value = args[j];
      if (!field.codes || field.list || !isLogic(args[i]) || !isPlainLiteral(value) || value === null) continue;
      if (matchesSome(op, value, field.codes)) continue;
      const path = varPathOf(args[i]) ?? field.via?.[0] ?? "värdet";
      const outcome = op.startsWith("!") ? "alltid sann" : "aldrig sann";
      error(joinPointer(at, op, j), `jämför ”${path}” med ${show(value)}, som inte är ett av dess värden (${codeList(field.codes)}), så jämförelsen är ${outcome}`);
    }
  };

  const checkIn = (args: unknown[], shapes: Shape[], at: string) => {
    const [needle, haystack] = args;
    const field = shapes[0]!;
    if (field.codes && !field.list && isLogic(needle) && Array.isArray(haystack)) {
      haystack.forEach((v, k) => {
        if (!isPlainLiteral(v) || v === null || matchesSome("===", v, field.codes!)) return;
        error(joinPointer(at, "in", 1, k), `letar efter ”${varPathOf(needle) ?? "värdet"}” i en lista med ${show(v)}, som inte är ett av dess värden (${codeList(field.codes!)})`);
      });
    }
    const list = shapes[1];
    if (list?.codes && list.list && isPlainLiteral(needle) && needle !== null && !matchesSome("===", needle, list.codes)) {
      error(joinPointer(at, "in", 0), `letar efter ${show(needle)} i ”${varPathOf(haystack) ?? "listan"}”, men det är inte ett av dess värden (${codeList(list.codes)})`);
    }
  };

  if (indicators) {
    checkIndicators(indicators);
    return issues;
  }

  // --- x-rules ---------------------------------------------------------------------------------
  const resultsShape: Shape = { open: true, absent: false };
  rules.forEach((raw, index) => {
    if (!isSchemaObject(raw)) return;
    const at = joinPointer("/x-rules", index);
    const id = typeof raw.id === "string" ? raw.id : String(index);
    const info = infos.get(id);
    currentRule = info && info.index === index ? info : undefined;
    who = `Regeln ”${id}”`;
    const base: Frame = { names: { "@": resultsShape }, doc: docShape, rule: index };
    // The kind's own check (rules/kinds/); an unknown kind is reported by the meta-schema.
    const kind = kindModule(raw.kind);
    if (!kind) return;
    const ctx: CheckContext = {
      at,
      base,
      frame: (names) => ({ names: { "@": resultsShape, ...names }, doc: docShape, rule: index }),
      expr: (key, frame = base, guards = new Set()) => (raw[key] === undefined ? undefined : infer(raw[key], joinPointer(at, key), frame, guards, 0)),
      dotPath: (key, frame) => {
        const p = raw[key];
        return typeof p === "string" && p !== "" ? readVar(p, joinPointer(at, key), frame) : undefined;
      },
      infer: (e, eAt, frame, guards = new Set()) => infer(e, eAt, frame, guards, 0),
      readVar,
      ensured: (condition) => ensured(condition),
      cases: (cases) => checkCategory(raw, at, cases),
      error,
      warn,
      elementOf: (list) => elementOf(root, list),
      markAbsent,
      typesOf: types,
    };
    const shape = kind.check(raw, ctx);
    if (currentRule && shape) currentRule.shape = shape;
  });

  // Order and cycles: a rule sees only the results of the rules before it.
  for (const info of infos.values()) {
    for (const [id, at] of info.reads) {
      const target = infos.get(id);
      if (!target || kindModule(target.kind)?.givesResult === false || target.index < info.index) continue;
      who = `Regeln ”${info.id}”`;
      const cycle = findCycle(infos, id, info.id);
      if (id === info.id) error(at, `läser sitt eget resultat ”@.${id}”, som inte finns ännu när regeln körs (en cirkel)`);
      else if (cycle) error(at, `läser resultatet av ”${id}”, som i sin tur läser ”${info.id}”: en cirkel (${[info.id, ...cycle].join(" → ")})`);
      else error(at, `läser resultatet av ”${id}”, som kommer senare bland reglerna och därför inte finns ännu (flytta ”${id}” före ”${info.id}”)`);
    }
  }

  // --- x-ui.visibleWhen ------------------------------------------------------------------------
  checkVisibleWhen(root, (condition, at, field, row) => {
    who = field ? `Villkoret för ”${field}”` : "Villkoret";
    currentRule = undefined;
    const frame: Frame = { names: row ? { row } : {}, doc: docShape };
    infer(condition, at, frame, new Set(), 0);
  });

  return issues;

  function checkIndicators(def: JsonSchema): void {
    const fields: Record<string, Shape> = {};
    for (const [name, p] of Object.entries(isSchemaObject(def.parameters) ? def.parameters : {})) {
      const q = isSchemaObject(p) ? p : {};
      fields[name] = { absent: false, num: { min: typeof q.minimum === "number" ? q.minimum : -Infinity, max: typeof q.maximum === "number" ? q.maximum : Infinity, integer: false } };
    }
    const frame: Frame = { names: { [PARAM_KEY]: { absent: false, fields } }, doc: docShape };
    const labelsFrom = (entry: JsonSchema, at: string) => {
      if (typeof entry.labelsFrom === "string") readVar(entry.labelsFrom, joinPointer(at, "labelsFrom"), { names: {}, doc: docShape });
    };
    for (const [name, g] of Object.entries(isSchemaObject(def.groups) ? def.groups : {})) {
      if (!isSchemaObject(g)) continue;
      const at = joinPointer("/groups", name);
      who = `Grupperingen ”${name}”`;
      infer(g.expr, joinPointer(at, "expr"), frame, new Set(), 0);
      labelsFrom(g, at);
    }
    (Array.isArray(def.indicators) ? def.indicators : []).forEach((i, k) => {
      if (!isSchemaObject(i)) return;
      const at = joinPointer("/indicators", k);
      who = `Indikatorn ”${String(i.id)}”`;
      // The numerator is counted among the denominator's records, the values among `among`'s.
      const [first, second] = i.kind === "rate" ? ["denominator", "numerator"] : ["among", "of"];
      if (i[first!] !== undefined) infer(i[first!], joinPointer(at, first!), frame, new Set(), 0);
      if (i[second!] !== undefined) {
        const value = infer(i[second!], joinPointer(at, second!), frame, ensured(i[first!]), 0);
        // A duration's median is over numbers: a value that can never be one would only ever be
        // counted as "värde saknas", a table of nothing that looks like missing dates.
        if (i.kind === "duration" && neverNumber(value)) error(joinPointer(at, second!), "räknar ut något som aldrig är ett tal, så det finns ingen median att ge (använd till exempel days_between)");
      }
      labelsFrom(i, at);
    });
  }

  function checkCategory(raw: JsonSchema, at: string, cases: unknown[]): void {
    const whens = cases.map((c) => (isSchemaObject(c) ? c.when : undefined));
    const labels = cases.map((c, k) => (isSchemaObject(c) && typeof c.value === "string" ? c.value : String(k)));
    const frame: Frame = { names: { "@": resultsShape }, doc: docShape, rule: infos.get(String(raw.id))?.index ?? 0 };
    // The inputs the cases read, each with the values it can take (null aside: that is the
    // "not answered yet" case, and the guard warning covers it).
    const paths = new Set<string>();
    for (const w of whens) if (!collectPaths(w, paths)) return;
    if (paths.size === 0) return;
    const numbers = new Set<number>();
    for (const w of whens) collectNumbers(w, numbers);
    const saved = issues.length;
    const domains: Array<{ path: string; values: Array<{ value: unknown; text: string }> }> = [];
    for (const path of paths) {
      const shape = readVar(path, at, frame);
      const values = domainOf(shape, numbers);
      if (!values) {
        issues.length = saved;
        return;
      }
      domains.push({ path, values });
    }
    issues.length = saved;
    let combos = 1;
    for (const d of domains) combos *= d.values.length;
    if (combos > 4096 || combos === 0) return;
    let compiled: Array<(data: unknown) => unknown>;
    try {
      compiled = whens.map((w) => compileLogic(w));
    } catch {
      return; // an unknown operation, reported above
    }
    // A last case that always holds is an "otherwise": it overlaps with everything on purpose.
    const otherwise = whens.length > 0 && !isLogic(whens[whens.length - 1]) && truthy(whens[whens.length - 1]);
    let gaps = 0;
    let overlaps = 0;
    const index = domains.map(() => 0);
    for (let n = 0; n < combos; n++) {
      let rest = n;
      for (let d = domains.length - 1; d >= 0; d--) {
        index[d] = rest % domains[d]!.values.length;
        rest = Math.floor(rest / domains[d]!.values.length);
      }
      const data: Record<string, unknown> = {};
      domains.forEach((d, k) => setPath(data, d.path, d.values[index[k]!]!.value));
      const holding: number[] = [];
      compiled.forEach((f, k) => {
        try {
          if (truthy(f(data))) holding.push(k);
        } catch {
          /* an expression that throws holds for nothing */
        }
      });
      const when = domains.map((d, k) => `${d.path} är ${d.values[index[k]!]!.text}`).join(" och ");
      if (holding.length === 0 && gaps++ < 3) error(joinPointer(at, "cases"), `har inget fall som gäller när ${when}: resultatet blir tomt (ingen kategori)`);
      const real = otherwise ? holding.filter((k) => k !== whens.length - 1) : holding;
      if (real.length > 1 && overlaps++ < 3) error(joinPointer(at, "cases"), `har fall som överlappar när ${when}: ${real.map((k) => `”${labels[k]}”`).join(" och ")} gäller båda (det första vinner)`);
    }
  }
}

function markAbsent(shape: Shape, via: string): Shape {
  if (shape.fields) return { ...shape, absent: true, via: [via], fields: Object.fromEntries(Object.entries(shape.fields).map(([k, v]) => [k, markAbsent(v, `${via}.${k}`)])) };
  return { ...shape, absent: true, via: [via] };
}

function setPath(data: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = data;
  for (const p of parts.slice(0, -1)) {
    if (!isSchemaObject(node[p])) node[p] = {};
    node = node[p] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

/** The `var` paths of a case; false when the case reads in ways the analysis cannot follow. */
function collectPaths(expr: unknown, out: Set<string>): boolean {
  if (Array.isArray(expr)) return expr.every((e) => collectPaths(e, out));
  if (!isLogic(expr)) return true;
  const op = Object.keys(expr)[0]!;
  if (ARRAY_BODY.has(op) || op === "missing" || op === "missing_some") return false;
  if (op === "var") {
    const p = varPathOf(expr);
    if (!p) return false;
    out.add(p);
    return true;
  }
  return argsOf(expr, op).every((a) => collectPaths(a, out));
}

function collectNumbers(expr: unknown, out: Set<number>): void {
  if (typeof expr === "number" && Number.isFinite(expr)) out.add(expr);
  else if (Array.isArray(expr)) for (const e of expr) collectNumbers(e, out);
  else if (isLogic(expr)) for (const a of argsOf(expr, Object.keys(expr)[0]!)) collectNumbers(a, out);
}

/** The values worth trying for an input: its codes, or numbers around every limit the cases use. */
function domainOf(shape: Shape, limits: Set<number>): Array<{ value: unknown; text: string }> | undefined {
  if (shape.codes && !shape.list) return shape.codes.filter((c) => c !== null).map((c) => ({ value: c, text: show(c) }));
  const num = shape.num;
  if (!num) return undefined;
  const { min, max, integer } = num;
  const inside = (v: number) => v >= min && v <= max;
  const bounds = [...limits, ...[min, max].filter(Number.isFinite)].filter(inside).sort((a, b) => a - b);
  const points = new Map<number, string>();
  if (integer) {
    const ints = new Set<number>();
    for (const b of bounds) for (const v of [Math.floor(b) - 1, Math.floor(b), Math.ceil(b), Math.ceil(b) + 1]) if (inside(v)) ints.add(v);
    if (ints.size === 0 && Number.isFinite(min)) ints.add(min);
    if (ints.size === 0) ints.add(0);
    for (const v of ints) points.set(v, String(v));
  } else {
    if (bounds.length === 0) return undefined;
    bounds.forEach((b, i) => {
      points.set(b, String(b));
      const next = bounds[i + 1];
      if (next !== undefined && next > b) points.set((b + next) / 2, `mellan ${b} och ${next}`);
    });
    const first = bounds[0]!;
    const last = bounds[bounds.length - 1]!;
    if (inside(first - 1)) points.set(first - 1, `under ${first}`);
    if (inside(last + 1)) points.set(last + 1, `över ${last}`);
  }
  return [...points.entries()].sort((a, b) => a[0] - b[0]).map(([value, text]) => ({ value, text }));
}

function arithmetic(op: string, shapes: Shape[]): NumberRange {
  const ranges = shapes.map((s) => s.num ?? (s.codes?.every((c) => typeof c === "number") ? rangeOfCodes(s.codes as number[]) : undefined));
  if (ranges.some((r) => r === undefined) || ranges.length === 0) return ANY_NUMBER;
  const rs = ranges as NumberRange[];
  const integer = rs.every((r) => r.integer);
  const safe = (v: number) => (Number.isNaN(v) ? NaN : v);
  switch (op) {
    case "+":
      return { min: rs.reduce((a, r) => a + r.min, 0), max: rs.reduce((a, r) => a + r.max, 0), integer };
    case "-":
      if (rs.length === 1) return { min: -rs[0]!.max, max: -rs[0]!.min, integer };
      return { min: rs[0]!.min - rs[1]!.max, max: rs[0]!.max - rs[1]!.min, integer };
    case "*": {
      let acc: NumberRange = rs[0]!;
      for (const r of rs.slice(1)) {
        const products = [acc.min * r.min, acc.min * r.max, acc.max * r.min, acc.max * r.max].map(safe);
        if (products.some(Number.isNaN)) return ANY_NUMBER;
        acc = { min: Math.min(...products), max: Math.max(...products), integer };
      }
      return acc;
    }
    case "min":
      return { min: Math.min(...rs.map((r) => r.min)), max: Math.min(...rs.map((r) => r.max)), integer };
    case "max":
      return { min: Math.max(...rs.map((r) => r.min)), max: Math.max(...rs.map((r) => r.max)), integer };
    default:
      return ANY_NUMBER;
  }
}

function rangeOfCodes(codes: number[]): NumberRange {
  return { min: Math.min(...codes), max: Math.max(...codes), integer: codes.every(Number.isInteger) };
}

/** A path of rule ids from `from` back to `to` through `@.` references, if there is one. */
function findCycle(infos: Map<string, RuleInfo>, from: string, to: string): string[] | undefined {
  const seen = new Set<string>();
  const walk = (id: string): string[] | undefined => {
    if (id === to) return [to];
    if (seen.has(id)) return undefined;
    seen.add(id);
    for (const next of infos.get(id)?.reads.keys() ?? []) {
      const rest = walk(next);
      if (rest) return [id, ...rest];
    }
    return undefined;
  };
  return walk(from);
}

/**
 * Every `x-ui.visibleWhen` reachable from the root, with the field it belongs to (a dot path, `[]`
 * for a list's rows) and, inside a list's rows, the row's shape (`row.x` reads the row).
 */
function checkVisibleWhen(root: JsonSchema, visit: (condition: unknown, at: string, field: string, row: Shape | undefined) => void): void {
  // Past the schema depth limit nothing is checked here: lint reports the overrun itself.
  walkSchema<{ field: string; row: Shape | undefined }>(
    root,
    (node, place) => {
      if (!isSchemaObject(node)) return "skip";
      let { field, row } = place.context;
      if (place.keyword === "properties") field = field ? `${field}.${place.key}` : String(place.key);
      else if (place.keyword === "items") {
        field = `${field}[]`;
        try {
          row = { schema: deref(root, node), absent: false };
        } catch {
          row = undefined;
        }
      }
      const ui = node["x-ui"];
      if (isSchemaObject(ui) && ui.visibleWhen !== undefined) visit(ui.visibleWhen, joinPointer(place.pointer, "x-ui", "visibleWhen"), field, row);
      return { context: { field, row } };
    },
    {
      refs: "follow",
      keywords: ["$ref", "properties", "items", "allOf", "anyOf", "oneOf", "then", "else"],
      context: { field: "", row: undefined },
      onceKey: (c) => (c.row ? "row" : ""),
    },
  );
}

/** Known never to be a number: codes none of which is one, an engine-built object or list, or a typed non-numeric field. Open shapes are not judged. */
function neverNumber(shape: Shape): boolean {
  if (shape.open || shape.num) return false;
  if (shape.codes) return !shape.codes.some((c) => typeof c === "number");
  if (shape.fields || shape.items || shape.list) return true;
  const t = shape.schema?.type;
  const types = typeof t === "string" ? [t] : Array.isArray(t) ? t : undefined;
  return types !== undefined && !types.includes("number") && !types.includes("integer");
}
