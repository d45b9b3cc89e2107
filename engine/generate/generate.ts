import { choiceOptions, deref, uiOf } from "../schema/walk.ts";
import { refOf } from "../schema/registry.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { evaluateCondition } from "../rules/condition.ts";
import { suggest } from "../lint/suggest.ts";
import { Rng, dayToIso, isIsoDate, isoToDay } from "./random.ts";

/**
 * Seeded synthetic answer documents, driven by the schema and a profile (data, see
 * schemas/SYNTHETIC.md). The schema says what a valid document looks like; the profile only says
 * how often things happen. Schema and profile are compiled once into a small plan; generating a
 * document then only walks the plan, so a million records take seconds, not minutes.
 *
 * Document i is drawn from its own random stream (seed, i): it does not depend on how many
 * documents come before it, and the same seed always gives the same documents.
 */

/** What the profile may say about one field (a dot path from the document root, "[]" for items). */
export interface FieldSpec {
  /** Probability that an optional field is present (default: the profile's `optional`, else 0.8). */
  p?: number;
  /** Free text: where the numbers come from. Ignored by the generator. */
  note?: string;
  /** Single choice: code → relative weight. Integer: "N" or "A-B" → weight. Free string: value → weight. Boolean: "true"/"false". */
  weights?: Record<string, number>;
  /** Boolean (or a yes/no choice): probability of true. */
  true?: number;
  /** Multiple choice: code → probability that the option is ticked (independently). */
  include?: Record<string, number>;
  /** Multiple choice: shuffle the ticked options (for rankings) instead of keeping option order. */
  shuffle?: boolean;
  /** Array: number of items, [min, max] or a weights object like integer weights. */
  size?: [number, number] | Record<string, number>;
  /** Array of rows: sort the rows by this date field (true: the row's first date field). */
  sorted?: boolean | string;
  /** Integer or number: [min, max]. Date: [from, to] as ISO dates (with `after`: used when no earlier date exists). */
  range?: [number, number] | [string, string];
  /** Date: after the latest date found at these paths ("row." = the same row, "a[]" = every item, "a[0]" = the first). */
  after?: string | string[];
  /** Date with `after`: days to add, [min, max] or a weights object ("0-90": 75, …). Negative = before. */
  days?: [number, number] | Record<string, number>;
  /** Free string: pick one of these values uniformly. */
  values?: string[];
  /** Free string: a template; {n} is the document index, {n:6} the index zero-padded to 6 digits. */
  template?: string;
  /** Object: draw several of its fields together from a joint table. */
  joint?: Array<{ values: Record<string, unknown>; weight: number }>;
}

export interface SyntheticProfile {
  /** "<name>@<version>": the schema version this profile is for. */
  instrument: string;
  description?: string | string[];
  /** Default probability of an optional field (0.8 if not given). */
  optional?: number;
  /** Default range for dates without a spec (["2022-01-01", "2024-12-31"] if not given). */
  dateRange?: [string, string];
  /** Filler sentences for free text without a spec (a built-in Swedish list if not given). */
  phrases?: string[];
  fields?: Record<string, FieldSpec>;
}

export interface GenerateOptions {
  count: number;
  seed: number;
}

/** A profile that does not fit its schema: the message says which path and what is wrong (Swedish). */
export class ProfileError extends Error {}

const DEFAULT_OPTIONAL = 0.8;
const DEFAULT_DATES: [string, string] = ["2022-01-01", "2024-12-31"];
const DEFAULT_INCLUDE = 0.3;

/** Neutral Swedish filler for free text: short, plain, about nobody. */
export const FILLER_PHRASES: readonly string[] = [
  "Vi har pratat om hur det går just nu.",
  "Följs upp vid nästa möte.",
  "Det fungerar bättre än förra gången.",
  "Behöver mer stöd under en period.",
  "Har kontakt med handläggaren varje vecka.",
  "Vill ta det ett steg i taget.",
  "Inget nytt sedan förra samtalet.",
  "Planen ses över efter sommaren.",
  "Tycker att det har blivit lättare.",
  "Behöver mer tid innan nästa steg.",
  "Är nöjd med hur det har gått hittills.",
  "Vill gärna prova något nytt.",
  "Det var svårt i början men går bättre nu.",
  "Har fått hjälp att planera veckan.",
  "Önskar fler träffar framöver.",
  "Samtalet gick lugnt och bra.",
];

// ---------------------------------------------------------------------------------------------
// The compiled plan

interface IntDist {
  lo: number[];
  hi: number[];
  cum: number[];
}

interface RefPath {
  fromRow: boolean;
  steps: Array<{ key: string; index: number | "all" | undefined }>;
}

interface PropPlan {
  key: string;
  node: Node;
  required: boolean;
  p: number;
  cond: unknown;
  /** The condition reads a field generated later: skip it while generating, prune afterwards. */
  late: boolean;
  /** Index into the object's joint table values, or -1. */
  joint: number;
}

type TemplatePart = string | { width: number };

type Node =
  | { kind: "object"; props: PropPlan[]; isRow: boolean; joint?: { rows: unknown[][]; cum: number[] } }
  | { kind: "array"; size: IntDist; item: Node; sortBy?: string }
  | { kind: "multi"; values: unknown[]; probs: number[]; min: number; max: number; shuffle: boolean }
  | { kind: "choice"; values: unknown[]; cum: number[] }
  | { kind: "int"; dist: IntDist }
  | { kind: "number"; min: number; max: number }
  | { kind: "bool"; pTrue: number }
  | { kind: "date"; after?: RefPath[]; days?: IntDist; fallback?: [number, number] }
  | { kind: "datetime"; range: [number, number] }
  | { kind: "string"; values?: string[]; cum?: number[]; template?: TemplatePart[]; min: number; max: number; long: boolean; phrases: readonly string[] }
  | { kind: "const"; value: unknown }
  | { kind: "meta"; schema: string; status: boolean };

interface Ctx {
  rng: Rng;
  doc: Record<string, unknown>;
  row: Record<string, unknown> | undefined;
  /**
   * What conditions read: the document, or inside a row `{...doc, row}` — exactly what
   * evaluateCondition(cond, doc, row) builds, but built once per row instead of once per condition
   * (the spread was most of the time on the barnahus log). While a row is filled the document's
   * top-level keys do not change, and everything below them is shared, so the snapshot stays current.
   */
  data: Record<string, unknown>;
  index: number;
}

const OMIT = Symbol("omit");

export interface CompiledProfile {
  /** "<name>@<version>" */
  ref: string;
  /** Some visibleWhen reads a field generated after it, so each document gets a pruning pass. */
  secondPass: boolean;
  /** One document from a random stream; `index` fills {n} in templates. */
  generate(rng: Rng, index: number): Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Running the plan

function sampleInt(d: IntDist, rng: Rng): number {
  const i = d.cum.length === 1 ? 0 : rng.weightedIndex(d.cum);
  return rng.int(d.lo[i]!, d.hi[i]!);
}

function put(node: Node, ctx: Ctx, target: Record<string | number, unknown>, key: string | number): void {
  switch (node.kind) {
    case "object": {
      const o: Record<string, unknown> = {};
      target[key] = o;
      fillObject(node, ctx, o);
      return;
    }
    case "array": {
      const arr: unknown[] = [];
      target[key] = arr;
      const n = sampleInt(node.size, ctx.rng);
      for (let i = 0; i < n; i++) put(node.item, ctx, arr as unknown as Record<number, unknown>, i);
      if (node.sortBy !== undefined) sortRows(arr as Array<Record<string, unknown>>, node.sortBy);
      return;
    }
    default: {
      const v = leaf(node, ctx);
      if (v !== OMIT) target[key] = v;
    }
  }
}

function fillObject(node: Extract<Node, { kind: "object" }>, ctx: Ctx, o: Record<string, unknown>): void {
  const prevRow = ctx.row;
  const prevData = ctx.data;
  if (node.isRow) {
    ctx.row = o;
    ctx.data = { ...ctx.doc, row: o };
  }
  const jointRow = node.joint ? node.joint.rows[ctx.rng.weightedIndex(node.joint.cum)] : undefined;
  for (const pp of node.props) {
    // Hidden fields are never asked, so never answered. Conditions read fields generated earlier.
    if (pp.cond !== undefined && !pp.late && !evaluateCondition(pp.cond, ctx.data)) continue;
    if (pp.joint >= 0) {
      o[pp.key] = jointRow![pp.joint];
      continue;
    }
    if (!pp.required && !ctx.rng.chance(pp.p)) continue;
    put(pp.node, ctx, o, pp.key);
    // An optional group with nothing in it is not stored (a form does not save an empty group).
    if (!pp.required && pp.node.kind === "object" && isEmptyObject(o[pp.key])) delete o[pp.key];
  }
  ctx.row = prevRow;
  ctx.data = prevData;
}

function isEmptyObject(v: unknown): boolean {
  for (const _ in v as object) return false;
  return true;
}

function sortRows(rows: Array<Record<string, unknown>>, field: string): void {
  rows.sort((a, b) => {
    const x = a[field];
    const y = b[field];
    if (typeof x !== "string") return typeof y === "string" ? 1 : 0;
    if (typeof y !== "string") return -1;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

function leaf(node: Node, ctx: Ctx): unknown {
  const rng = ctx.rng;
  switch (node.kind) {
    case "choice":
      return node.values[node.cum.length === 1 ? 0 : rng.weightedIndex(node.cum)];
    case "int":
      return sampleInt(node.dist, rng);
    case "number":
      return Math.min(node.max, Math.max(node.min, Math.round((node.min + rng.float() * (node.max - node.min)) * 100) / 100));
    case "bool":
      return rng.chance(node.pTrue);
    case "const":
      return node.value;
    case "meta":
      return node.status ? { schema: node.schema, status: "complete" } : { schema: node.schema };
    case "multi": {
      const out: unknown[] = [];
      for (let i = 0; i < node.values.length; i++) if (rng.chance(node.probs[i]!)) out.push(node.values[i]);
      while (out.length < node.min) {
        const missing = node.values.filter((v) => !out.includes(v));
        out.push(rng.pick(missing));
      }
      while (out.length > node.max) out.splice(rng.int(0, out.length - 1), 1);
      if (node.shuffle) rng.shuffle(out);
      else if (out.length > 1) out.sort((a, b) => node.values.indexOf(a) - node.values.indexOf(b));
      return out;
    }
    case "date": {
      if (node.after) {
        let best = "";
        for (const ref of node.after) best = latest(ref.fromRow ? ctx.row : ctx.doc, ref.steps, 0, best);
        if (best !== "") return dayToIso(isoToDay(best) + sampleInt(node.days!, rng));
      }
      if (node.fallback) return dayToIso(rng.int(node.fallback[0], node.fallback[1]));
      return OMIT;
    }
    case "datetime": {
      const day = dayToIso(rng.int(node.range[0], node.range[1]));
      const s = rng.int(7 * 3600, 18 * 3600);
      const hh = Math.floor(s / 3600);
      const mm = Math.floor((s % 3600) / 60);
      const ss = s % 60;
      return `${day}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}Z`;
    }
    case "string": {
      if (node.values) return node.cum ? node.values[rng.weightedIndex(node.cum)] : rng.pick(node.values);
      if (node.template) return renderTemplate(node.template, ctx.index);
      return filler(node, rng);
    }
    default:
      throw new Error(`unexpected node ${node.kind}`);
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function renderTemplate(parts: TemplatePart[], index: number): string {
  let s = "";
  for (const p of parts) s += typeof p === "string" ? p : p.width > 0 ? pad(index, p.width) : String(index);
  return s;
}

function filler(node: Extract<Node, { kind: "string" }>, rng: Rng): string {
  const phrases = node.phrases;
  const n = phrases.length;
  let j = rng.int(0, n - 1);
  let s = phrases[j]!;
  const count = node.long ? rng.int(1, 3) : 1;
  // Each further sentence differs from the one before it.
  for (let i = 1; i < count || s.length < node.min; i++) {
    if (n > 1) j = (j + 1 + rng.int(0, n - 2)) % n;
    s += " " + phrases[j]!;
  }
  if (s.length > node.max) {
    let cut = s.slice(0, node.max);
    const space = cut.lastIndexOf(" ");
    if (space >= Math.max(node.min, 1) && space > node.max / 2) cut = cut.slice(0, space);
    s = cut.trimEnd();
    if (s.length < node.min) s = s.padEnd(node.min, ".");
  }
  return s;
}

/** The latest ISO date at a reference path (lexical order is date order for ISO dates). */
function latest(value: unknown, steps: RefPath["steps"], i: number, best: string): string {
  if (i === steps.length) return typeof value === "string" && value > best ? value : best;
  if (value === null || typeof value !== "object") return best;
  const step = steps[i]!;
  const v = (value as Record<string, unknown>)[step.key];
  if (v === undefined) return best;
  if (step.index === undefined) return latest(v, steps, i + 1, best);
  if (!Array.isArray(v)) return best;
  if (step.index === "all") {
    for (const item of v) best = latest(item, steps, i + 1, best);
    return best;
  }
  return latest(v[step.index], steps, i + 1, best);
}

/** Second pass, only for schemas whose conditions look at later fields: drop what they hide. */
function prune(node: Node, ctx: Ctx, value: unknown): boolean {
  if (node.kind === "array") {
    if (!Array.isArray(value)) return false;
    let changed = false;
    for (const item of value) changed = prune(node.item, ctx, item) || changed;
    return changed;
  }
  if (node.kind !== "object" || !isSchemaObject(value)) return false;
  const prevRow = ctx.row;
  const prevData = ctx.data;
  if (node.isRow) {
    ctx.row = value;
    ctx.data = { ...ctx.doc, row: value };
  }
  let changed = false;
  for (const pp of node.props) {
    if (!(pp.key in value)) continue;
    if (pp.cond !== undefined && !evaluateCondition(pp.cond, ctx.data)) {
      delete value[pp.key];
      changed = true;
    } else changed = prune(pp.node, ctx, value[pp.key]) || changed;
  }
  ctx.row = prevRow;
  ctx.data = prevData;
  return changed;
}

// ---------------------------------------------------------------------------------------------
// Compiling schema + profile

const TOP_KEYS = new Set(["instrument", "description", "optional", "dateRange", "phrases", "fields"]);

interface State {
  root: JsonSchema;
  ref: string;
  fields: Record<string, FieldSpec>;
  used: Set<string>;
  optional: number;
  dateRange: [number, number];
  phrases: readonly string[];
  /** Paths compiled so far (generation order), with whether each holds a date. */
  known: Map<string, "date" | "other">;
  /** Some condition reads a field generated after it: run the pruning pass. */
  forward: boolean;
  depth: number;
}

function fail(state: Pick<State, "ref">, message: string): never {
  throw new ProfileError(`Profilen för syntetiska data (${state.ref}): ${message}`);
}

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function checkProbability(state: State, path: string, key: string, v: unknown): number {
  if (!isNumber(v) || v < 0 || v > 1) fail(state, `”${path}”: ${key} ska vara en sannolikhet mellan 0 och 1`);
  return v;
}

function checkKeys(state: State, path: string, spec: FieldSpec, allowed: string[], what: string): void {
  for (const key of Object.keys(spec)) {
    if (key === "note") continue;
    if (!allowed.includes(key)) {
      fail(state, `”${path}” (${what}): nyckeln ”${key}” gäller inte här (tillåtna: ${[...allowed, "note"].join(", ")})`);
    }
  }
}

/** "[a, b]" or {"N": w, "A-B": w} → an integer distribution within [min, max]. */
function parseDist(state: State, path: string, key: string, value: unknown, min: number, max: number): IntDist {
  const where = `”${path}”: ${key}`;
  const inBounds = (a: number, b: number) => {
    if (!Number.isInteger(a) || !Number.isInteger(b) || a > b) fail(state, `${where}: ${a}–${b} är inget heltalsintervall`);
    if (a < min || b > max) fail(state, `${where}: ${a}–${b} ligger utanför schemats gränser ${min}–${max === Infinity ? "∞" : max}`);
  };
  if (Array.isArray(value)) {
    if (value.length !== 2 || !isNumber(value[0]) || !isNumber(value[1])) fail(state, `${where} ska vara [min, max]`);
    inBounds(value[0], value[1]);
    return { lo: [value[0]], hi: [value[1]], cum: [1] };
  }
  if (!isSchemaObject(value)) fail(state, `${where} ska vara [min, max] eller ett objekt med vikter`);
  const d: IntDist = { lo: [], hi: [], cum: [] };
  let total = 0;
  for (const [band, w] of Object.entries(value)) {
    const m = /^(-?\d+)(?:-(-?\d+))?$/.exec(band);
    if (!m) fail(state, `${where}: ”${band}” är varken ett tal eller ett intervall som ”10-12”`);
    if (!isNumber(w) || w < 0) fail(state, `${where}: vikten för ”${band}” ska vara ett tal ≥ 0`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    inBounds(a, b);
    if (w === 0) continue;
    total += w;
    d.lo.push(a);
    d.hi.push(b);
    d.cum.push(total);
  }
  if (total <= 0) fail(state, `${where}: vikterna summerar till 0`);
  return d;
}

function cumulative(weights: number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}

function parseRef(state: State, path: string, rowPath: string | undefined, text: unknown): { ref: RefPath; normalized: string } {
  if (typeof text !== "string" || text === "") fail(state, `”${path}”: after ska vara en sökväg eller en lista av sökvägar`);
  let rest = text;
  let fromRow = false;
  if (text.startsWith("row.")) {
    if (rowPath === undefined) fail(state, `”${path}”: after ”${text}” använder row. utanför en rad`);
    fromRow = true;
    rest = text.slice(4);
  }
  const steps: RefPath["steps"] = [];
  const norm: string[] = [];
  for (const seg of rest.split(".")) {
    const m = /^([^[\]]+)(?:\[(\d*)\])?$/.exec(seg);
    if (!m) fail(state, `”${path}”: after ”${text}” är ingen giltig sökväg`);
    const index = m[2] === undefined ? undefined : m[2] === "" ? "all" : Number(m[2]);
    steps.push({ key: m[1]!, index });
    norm.push(m[1]! + (index === undefined ? "" : "[]"));
  }
  const joined = norm.join(".");
  return { ref: { fromRow, steps }, normalized: fromRow ? `${rowPath}.${joined}` : joined };
}

/** `var` paths a JSON Logic condition reads, with array indices written as "[]". */
function conditionPaths(expr: unknown, rowPath: string | undefined, out: string[] = []): string[] {
  if (Array.isArray(expr)) {
    for (const e of expr) conditionPaths(e, rowPath, out);
    return out;
  }
  if (!isSchemaObject(expr)) return out;
  for (const [op, arg] of Object.entries(expr)) {
    if (op === "var") {
      const p = Array.isArray(arg) ? arg[0] : arg;
      if (typeof p === "string") {
        let segs = p.split(".");
        let prefix = "";
        if (segs[0] === "row") {
          prefix = rowPath === undefined ? "\u0000no-row" : rowPath;
          segs = segs.slice(1);
        }
        let norm = prefix;
        for (const s of segs) norm = /^\d+$/.test(s) ? norm + "[]" : norm === "" ? s : `${norm}.${s}`;
        out.push(norm);
      }
      if (Array.isArray(arg)) conditionPaths(arg.slice(1), rowPath, out);
    } else conditionPaths(arg, rowPath, out);
  }
  return out;
}

function rawChoiceValues(root: JsonSchema, s: JsonSchema): unknown[] | undefined {
  if (!choiceOptions(root, s)) return undefined;
  if (Array.isArray(s.oneOf)) return (s.oneOf as JsonSchema[]).map((b) => b.const);
  return s.enum as unknown[];
}

function codeOf(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

const UNSUPPORTED = ["allOf", "anyOf", "if", "then", "else", "prefixItems", "$dynamicRef", "patternProperties", "dependentSchemas"];

function compileNode(state: State, s: JsonSchema, path: string, rowPath: string | undefined, optional: boolean, asRow = false): Node {
  if (++state.depth > 64) fail(state, `”${path}”: schemat är för djupt nästlat (rekursivt?)`);
  try {
    for (const k of UNSUPPORTED) if (k in s) fail(state, `”${path || "/"}”: generatorn stöder inte ${k} i schemat`);
    const spec = state.fields[path];
    if (spec !== undefined) {
      if (!isSchemaObject(spec)) fail(state, `”${path}”: värdet ska vara ett objekt`);
      state.used.add(path);
    }
    const sp: FieldSpec = spec ?? {};
    const withP = (keys: string[]) => (optional ? ["p", ...keys] : keys);
    if (sp.p !== undefined) {
      if (!optional) fail(state, `”${path}”: p gäller bara frivilliga fält, och det här fältet är obligatoriskt`);
      checkProbability(state, path, "p", sp.p);
    }

    if ("const" in s) {
      checkKeys(state, path, sp, withP([]), "konstant");
      return { kind: "const", value: s.const };
    }

    const choice = rawChoiceValues(state.root, s);
    if (choice) return compileChoice(state, sp, path, choice, withP);
    if (Array.isArray(s.oneOf)) fail(state, `”${path}”: generatorn stöder bara oneOf med const-alternativ`);

    const type = s.type ?? (isSchemaObject(s.properties) ? "object" : undefined);
    switch (type) {
      case "object":
        return compileObject(state, s, sp, path, rowPath, withP, asRow);
      case "array":
        return compileArray(state, s, sp, path, rowPath, withP);
      case "string":
        if (s.format === "date") return compileDate(state, sp, path, rowPath, withP, optional);
        if (s.format === "date-time") {
          checkKeys(state, path, sp, withP(["range"]), "datum och tid");
          return { kind: "datetime", range: sp.range ? dateRange(state, path, sp.range) : state.dateRange };
        }
        return compileString(state, s, sp, path, withP);
      case "integer":
      case "number": {
        checkKeys(state, path, sp, withP(type === "integer" ? ["range", "weights"] : ["range"]), type === "integer" ? "heltal" : "tal");
        let min = isNumber(s.minimum) ? s.minimum : isNumber(s.exclusiveMinimum) ? s.exclusiveMinimum + (type === "integer" ? 1 : 0.01) : -Infinity;
        let max = isNumber(s.maximum) ? s.maximum : isNumber(s.exclusiveMaximum) ? s.exclusiveMaximum - (type === "integer" ? 1 : 0.01) : Infinity;
        if (type === "integer") {
          min = Math.ceil(min);
          max = Math.floor(max);
          if (sp.range !== undefined && sp.weights !== undefined) fail(state, `”${path}”: ange range eller weights, inte båda`);
          if (sp.range !== undefined || sp.weights !== undefined) {
            return { kind: "int", dist: parseDist(state, path, sp.range ? "range" : "weights", sp.range ?? sp.weights, min, max) };
          }
          const lo = min === -Infinity ? (max === Infinity ? 0 : max - 100) : min;
          const hi = max === Infinity ? lo + 100 : max;
          return { kind: "int", dist: { lo: [lo], hi: [hi], cum: [1] } };
        }
        if (sp.range !== undefined) {
          const r = sp.range as unknown[];
          if (!Array.isArray(r) || r.length !== 2 || !isNumber(r[0]) || !isNumber(r[1]) || r[0] > r[1] || r[0] < min || r[1] > max) {
            fail(state, `”${path}”: range ska vara [min, max] inom schemats gränser`);
          }
          return { kind: "number", min: r[0], max: r[1] };
        }
        const lo = min === -Infinity ? (max === Infinity ? 0 : max - 100) : min;
        return { kind: "number", min: lo, max: max === Infinity ? lo + 100 : max };
      }
      case "boolean": {
        checkKeys(state, path, sp, withP(["true", "weights"]), "ja/nej");
        return { kind: "bool", pTrue: booleanProbability(state, path, sp) };
      }
      default:
        fail(state, `”${path || "/"}”: generatorn kan inte skapa värden för det här schemat (typ ${JSON.stringify(type)})`);
    }
  } finally {
    state.depth--;
  }
}

function booleanProbability(state: State, path: string, sp: FieldSpec): number {
  if (sp.true !== undefined && sp.weights !== undefined) fail(state, `”${path}”: ange true eller weights, inte båda`);
  if (sp.true !== undefined) return checkProbability(state, path, "true", sp.true);
  if (sp.weights !== undefined) {
    const w = sp.weights as Record<string, unknown>;
    for (const k of Object.keys(w)) if (k !== "true" && k !== "false") fail(state, `”${path}”: weights för ja/nej har bara nycklarna true och false, inte ”${k}”`);
    const t = w.true ?? 0;
    const f = w.false ?? 0;
    if (!isNumber(t) || !isNumber(f) || t < 0 || f < 0 || t + f <= 0) fail(state, `”${path}”: vikterna ska vara tal ≥ 0 som inte alla är 0`);
    return t / (t + f);
  }
  return 0.5;
}

function compileChoice(state: State, sp: FieldSpec, path: string, values: unknown[], withP: (k: string[]) => string[]): Node {
  const isBool = values.every((v) => typeof v === "boolean");
  checkKeys(state, path, sp, withP(isBool ? ["weights", "true"] : ["weights"]), "ett val");
  const codes = values.map(codeOf);
  let weights = values.map(() => 1);
  if (isBool && sp.true !== undefined) {
    const p = booleanProbability(state, path, sp);
    weights = values.map((v) => (v === true ? p : 1 - p));
  } else if (sp.weights !== undefined) {
    if (!isSchemaObject(sp.weights)) fail(state, `”${path}”: weights ska vara ett objekt kod → vikt`);
    weights = values.map(() => 0);
    for (const [code, w] of Object.entries(sp.weights)) {
      const i = codes.indexOf(code);
      if (i < 0) {
        const hint = suggest(code, codes);
        fail(state, `”${path}”: okänd kod ”${code}” i weights (koderna är ${codes.join(", ")})${hint ? `. Menade du ”${hint}”?` : ""}`);
      }
      if (!isNumber(w) || w < 0) fail(state, `”${path}”: vikten för ”${code}” ska vara ett tal ≥ 0`);
      weights[i] = w;
    }
  }
  const keep = weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  if (keep.length === 0) fail(state, `”${path}”: vikterna summerar till 0`);
  return { kind: "choice", values: keep.map((i) => values[i]), cum: cumulative(keep.map((i) => weights[i]!)) };
}

function dateRange(state: State, path: string, range: unknown): [number, number] {
  if (!Array.isArray(range) || range.length !== 2 || !isIsoDate(range[0]) || !isIsoDate(range[1]) || range[0] > range[1]) {
    fail(state, `”${path}”: range ska vara två datum [från, till] som ”2022-01-01”`);
  }
  return [isoToDay(range[0]), isoToDay(range[1])];
}

function compileDate(state: State, sp: FieldSpec, path: string, rowPath: string | undefined, withP: (k: string[]) => string[], optional: boolean): Node {
  checkKeys(state, path, sp, withP(["range", "after", "days"]), "datum");
  const range = sp.range !== undefined ? dateRange(state, path, sp.range) : undefined;
  if (sp.after === undefined) {
    if (sp.days !== undefined) fail(state, `”${path}”: days kräver after`);
    return { kind: "date", fallback: range ?? state.dateRange };
  }
  if (sp.days === undefined) fail(state, `”${path}”: after kräver days, till exempel [0, 90]`);
  const after: RefPath[] = [];
  for (const text of Array.isArray(sp.after) ? sp.after : [sp.after]) {
    const { ref, normalized } = parseRef(state, path, rowPath, text);
    const kind = state.known.get(normalized);
    if (normalized !== path) {
      if (kind === undefined) {
        const hint = suggest(normalized, state.known.keys());
        fail(state, `”${path}”: after ”${text}” är inget fält som skapas före det här${hint ? `. Menade du ”${hint}”?` : ""}`);
      }
      if (kind !== "date") fail(state, `”${path}”: after ”${text}” är inget datumfält`);
    } else if (!path.includes("[]")) fail(state, `”${path}”: after pekar på fältet självt`);
    after.push(ref);
  }
  const days = parseDist(state, path, "days", sp.days, -100000, 100000);
  // With no earlier date to start from: the range if given; a required field falls back to the
  // profile's date range; an optional one is left out.
  return { kind: "date", after, days, fallback: range ?? (optional ? undefined : state.dateRange) };
}

function compileString(state: State, s: JsonSchema, sp: FieldSpec, path: string, withP: (k: string[]) => string[]): Node {
  checkKeys(state, path, sp, withP(["values", "weights", "template"]), "text");
  const min = isNumber(s.minLength) ? s.minLength : 0;
  const max = isNumber(s.maxLength) ? s.maxLength : Infinity;
  const pattern = typeof s.pattern === "string" ? new RegExp(s.pattern, "u") : undefined;
  const notPattern = isSchemaObject(s.not) && typeof s.not.pattern === "string" ? new RegExp(s.not.pattern, "u") : undefined;
  const check = (v: unknown, what: string) => {
    if (typeof v !== "string") fail(state, `”${path}”: ${what} ska vara text`);
    if ([...v].length < min || [...v].length > max) fail(state, `”${path}”: ${what} ”${v}” har inte mellan ${min} och ${max} tecken`);
    if (pattern && !pattern.test(v)) fail(state, `”${path}”: ${what} ”${v}” stämmer inte med schemats mönster ${s.pattern}`);
    if (notPattern && notPattern.test(v)) fail(state, `”${path}”: ${what} ”${v}” stämmer med ett mönster som schemat förbjuder`);
  };
  const given = ["values", "weights", "template"].filter((k) => k in sp);
  if (given.length > 1) fail(state, `”${path}”: ange bara en av values, weights och template`);
  const base = { kind: "string" as const, min, max, long: max > 500, phrases: state.phrases };
  if (sp.values !== undefined) {
    if (!Array.isArray(sp.values) || sp.values.length === 0) fail(state, `”${path}”: values ska vara en lista med minst ett värde`);
    sp.values.forEach((v) => check(v, "värdet"));
    return { ...base, values: sp.values };
  }
  if (sp.weights !== undefined) {
    if (!isSchemaObject(sp.weights)) fail(state, `”${path}”: weights ska vara ett objekt värde → vikt`);
    const entries = Object.entries(sp.weights).filter(([, w]) => {
      if (!isNumber(w) || w < 0) fail(state, `”${path}”: vikterna ska vara tal ≥ 0`);
      return w > 0;
    });
    if (entries.length === 0) fail(state, `”${path}”: vikterna summerar till 0`);
    entries.forEach(([v]) => check(v, "värdet"));
    return { ...base, values: entries.map(([v]) => v), cum: cumulative(entries.map(([, w]) => w as number)) };
  }
  if (sp.template !== undefined) {
    if (typeof sp.template !== "string") fail(state, `”${path}”: template ska vara text`);
    const parts: TemplatePart[] = [];
    let last = 0;
    for (const m of sp.template.matchAll(/\{([^}]*)\}/g)) {
      const pm = /^n(?::(\d{1,2}))?$/.exec(m[1]!);
      if (!pm) fail(state, `”${path}”: okänd platshållare {${m[1]}} i template (bara {n} och {n:6})`);
      if (m.index > last) parts.push(sp.template.slice(last, m.index));
      parts.push({ width: pm[1] === undefined ? 0 : Number(pm[1]) });
      last = m.index + m[0].length;
    }
    if (last < sp.template.length) parts.push(sp.template.slice(last));
    for (const n of [0, 7, 99999]) check(renderTemplate(parts, n), "mallen ger");
    return { ...base, template: parts };
  }
  if (pattern || notPattern || typeof s.format === "string") {
    fail(state, `”${path}”: schemat kräver ett visst format${s.format ? ` (${s.format})` : ""}; ange values eller template i profilen`);
  }
  if (min > 0 && state.phrases.length === 0) fail(state, `”${path}”: inga fraser att fylla texten med`);
  return base;
}

function compileArray(state: State, s: JsonSchema, sp: FieldSpec, path: string, rowPath: string | undefined, withP: (k: string[]) => string[]): Node {
  if (!isSchemaObject(s.items)) fail(state, `”${path}”: en lista utan items-schema stöds inte`);
  const items = deref(state.root, s.items);
  const min = isNumber(s.minItems) ? s.minItems : 0;
  const max = isNumber(s.maxItems) ? s.maxItems : Infinity;
  const choice = rawChoiceValues(state.root, items);
  if (choice && s.uniqueItems === true) {
    // A multiple choice: a subset of the options.
    checkKeys(state, path, sp, withP(["include", "shuffle"]), "flerval");
    const codes = choice.map(codeOf);
    const probs = choice.map(() => DEFAULT_INCLUDE);
    if (sp.include !== undefined) {
      if (!isSchemaObject(sp.include)) fail(state, `”${path}”: include ska vara ett objekt kod → sannolikhet`);
      for (const [code, p] of Object.entries(sp.include)) {
        const i = codes.indexOf(code);
        if (i < 0) {
          const hint = suggest(code, codes);
          fail(state, `”${path}”: okänd kod ”${code}” i include (koderna är ${codes.join(", ")})${hint ? `. Menade du ”${hint}”?` : ""}`);
        }
        probs[i] = checkProbability(state, path, `include.${code}`, p);
      }
    }
    if (sp.shuffle !== undefined && typeof sp.shuffle !== "boolean") fail(state, `”${path}”: shuffle ska vara true eller false`);
    if (min > choice.length) fail(state, `”${path}”: schemat kräver fler val (${min}) än det finns alternativ`);
    state.known.set(path + "[]", "other");
    return { kind: "multi", values: choice, probs, min, max: Math.min(max, choice.length), shuffle: sp.shuffle === true };
  }
  if (s.uniqueItems === true) fail(state, `”${path}”: uniqueItems stöds bara för flerval (items med const-alternativ)`);
  checkKeys(state, path, sp, withP(["size", "sorted"]), "lista");
  const size = sp.size !== undefined ? parseDist(state, path, "size", sp.size, min, max) : { lo: [min], hi: [Math.min(max, min + 3)], cum: [1] };
  const isObjectRow = items.type === "object" || isSchemaObject(items.properties);
  const itemPath = path + "[]";
  const item = compileNode(state, items, itemPath, isObjectRow ? itemPath : rowPath, false, isObjectRow);
  state.known.set(itemPath, item.kind === "date" ? "date" : "other");
  let sortBy: string | undefined;
  if (sp.sorted !== undefined && sp.sorted !== false) {
    if (item.kind !== "object") fail(state, `”${path}”: sorted gäller bara listor med rader (objekt)`);
    const props = isSchemaObject(items.properties) ? items.properties : {};
    const dateField = (k: string) => isSchemaObject(props[k]) && deref(state.root, props[k] as JsonSchema).format === "date";
    if (sp.sorted === true) {
      sortBy = item.props.map((p) => p.key).find(dateField);
      if (!sortBy) fail(state, `”${path}”: sorted: raderna har inget datumfält`);
    } else if (typeof sp.sorted === "string") {
      if (!dateField(sp.sorted)) fail(state, `”${path}”: sorted ”${sp.sorted}” är inget datumfält i raderna`);
      sortBy = sp.sorted;
    } else fail(state, `”${path}”: sorted ska vara true eller namnet på ett datumfält`);
  }
  return { kind: "array", size, item, ...(sortBy ? { sortBy } : {}) };
}

function compileObject(
  state: State,
  s: JsonSchema,
  sp: FieldSpec,
  path: string,
  rowPath: string | undefined,
  withP: (k: string[]) => string[],
  asRow: boolean,
): Node {
  checkKeys(state, path, sp, withP(["joint"]), "objekt");
  const props = isSchemaObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const order = (uiOf(s).order ?? []).filter((k) => k in props);
  const keys = [...order, ...Object.keys(props).filter((k) => !order.includes(k))];
  const childPath = (k: string) => (path === "" ? k : `${path}.${k}`);

  let jointFields: string[] = [];
  if (sp.joint !== undefined) {
    if (!Array.isArray(sp.joint) || sp.joint.length === 0) fail(state, `”${path}”: joint ska vara en lista av { "values": {…}, "weight": n }`);
    for (const entry of sp.joint) {
      if (!isSchemaObject(entry) || !isSchemaObject(entry.values) || !isNumber(entry.weight) || entry.weight < 0) {
        fail(state, `”${path}”: varje rad i joint ska vara { "values": {fält: värde, …}, "weight": tal ≥ 0 }`);
      }
    }
    jointFields = Object.keys(sp.joint[0]!.values);
    for (const entry of sp.joint) {
      const f = Object.keys(entry.values);
      if (f.length !== jointFields.length || f.some((k) => !jointFields.includes(k))) {
        fail(state, `”${path}”: alla rader i joint ska ange samma fält (${jointFields.join(", ")})`);
      }
    }
    for (const f of jointFields) {
      if (!(f in props)) {
        const hint = suggest(f, Object.keys(props));
        fail(state, `”${path}”: joint anger fältet ”${f}” som inte finns här${hint ? `. Menade du ”${hint}”?` : ""}`);
      }
      const own = state.fields[childPath(f)];
      if (own && Object.keys(own).some((k) => k !== "note")) fail(state, `”${childPath(f)}”: fältet dras redan ur joint på ”${path}”; ta bort dess egen spec`);
    }
  }

  const plans: PropPlan[] = [];
  for (const key of keys) {
    const child = deref(state.root, props[key] as JsonSchema);
    const cp = childPath(key);
    if (path === "" && key === "meta") {
      for (const f of Object.keys(state.fields)) {
        if (f === "meta" || f.startsWith("meta.")) fail(state, `”${f}”: meta sätts av generatorn (schema och status "complete")`);
      }
      const metaProps = isSchemaObject(child.properties) ? child.properties : {};
      const schemaProp = isSchemaObject(metaProps.schema) ? metaProps.schema : {};
      plans.push({
        key,
        node: { kind: "meta", schema: typeof schemaProp.const === "string" ? schemaProp.const : state.ref, status: "status" in metaProps },
        required: true,
        p: 1,
        cond: undefined,
        late: false,
        joint: -1,
      });
      state.known.set(cp, "other");
      continue;
    }
    const cond = uiOf(child).visibleWhen;
    const late = cond !== undefined && conditionPaths(cond, rowPath).some((read) => !state.known.has(read));
    if (late) state.forward = true;
    const isRequired = required.has(key);
    const node = compileNode(state, child, cp, rowPath, !isRequired);
    state.known.set(cp, node.kind === "date" ? "date" : "other");
    const p = state.fields[cp]?.p ?? state.optional;
    const joint = jointFields.indexOf(key);
    plans.push({ key, node, required: isRequired, p, cond, late, joint });
  }

  let joint: { rows: unknown[][]; cum: number[] } | undefined;
  if (sp.joint !== undefined) {
    const rows: unknown[][] = [];
    const weights: number[] = [];
    for (const entry of sp.joint) {
      const row = jointFields.map((f) => {
        const v = entry.values[f];
        const plan = plans.find((p) => p.key === f)!;
        checkJointValue(state, `${childPath(f)}`, plan.node, v);
        return v;
      });
      if (entry.weight > 0) {
        rows.push(row);
        weights.push(entry.weight);
      }
    }
    if (rows.length === 0) fail(state, `”${path}”: vikterna i joint summerar till 0`);
    joint = { rows, cum: cumulative(weights) };
  }
  return { kind: "object", props: plans, isRow: asRow, ...(joint ? { joint } : {}) };
}

function checkJointValue(state: State, path: string, node: Node, v: unknown): void {
  const bad = (why: string) => fail(state, `”${path}”: värdet ${JSON.stringify(v)} i joint ${why}`);
  switch (node.kind) {
    case "choice":
      if (!node.values.includes(v)) bad(`är inget av alternativen (${node.values.map(codeOf).join(", ")})`);
      return;
    case "bool":
      if (typeof v !== "boolean") bad("ska vara true eller false");
      return;
    case "int":
      if (!Number.isInteger(v) || (v as number) < Math.min(...node.dist.lo) || (v as number) > Math.max(...node.dist.hi)) bad("är inget tillåtet heltal");
      return;
    case "const":
      if (v !== node.value) bad("skiljer sig från schemats const");
      return;
    case "string":
      if (typeof v !== "string" || v.length < node.min || v.length > node.max) bad("är ingen tillåten text");
      return;
    default:
      bad("kan inte sättas: joint gäller val, ja/nej, heltal och text");
  }
}

function compile(schema: JsonSchema, profile: SyntheticProfile): CompiledProfile {
  const ref = refOf(schema);
  const head = { ref };
  if (!isSchemaObject(profile)) fail(head, "profilen ska vara ett JSON-objekt");
  for (const k of Object.keys(profile)) {
    if (!TOP_KEYS.has(k)) fail(head, `okänd nyckel ”${k}” på toppnivå (tillåtna: ${[...TOP_KEYS].join(", ")})`);
  }
  if (profile.instrument !== ref) fail(head, `profilen gäller ”${String(profile.instrument)}”, inte ${ref} (ange "instrument": "${ref}")`);
  const fields = profile.fields ?? {};
  if (!isSchemaObject(fields)) fail(head, "fields ska vara ett objekt sökväg → spec");
  const state: State = {
    root: schema,
    ref,
    fields: fields as Record<string, FieldSpec>,
    used: new Set(),
    optional: DEFAULT_OPTIONAL,
    dateRange: [isoToDay(DEFAULT_DATES[0]), isoToDay(DEFAULT_DATES[1])],
    phrases: FILLER_PHRASES,
    known: new Map(),
    forward: false,
    depth: 0,
  };
  if (profile.optional !== undefined) state.optional = checkProbability(state, "(toppnivå)", "optional", profile.optional);
  if (profile.dateRange !== undefined) state.dateRange = dateRange(state, "dateRange", profile.dateRange);
  if (profile.phrases !== undefined) {
    if (!Array.isArray(profile.phrases) || profile.phrases.length === 0 || profile.phrases.some((p) => typeof p !== "string" || p === "")) {
      fail(state, "phrases ska vara en lista med minst en mening");
    }
    state.phrases = profile.phrases;
  }
  const rootNode = compileNode(state, deref(schema, schema), "", undefined, false);
  if (rootNode.kind !== "object") fail(state, "schemats rot ska vara ett objekt");
  for (const path of Object.keys(fields)) {
    if (state.used.has(path)) continue;
    const hint = suggest(path, state.known.keys());
    fail(state, `okänd sökväg ”${path}”: den finns inte i schemat${hint ? `. Menade du ”${hint}”?` : ""}`);
  }
  const forward = state.forward;
  return {
    ref,
    secondPass: forward,
    generate(rng: Rng, index: number): Record<string, unknown> {
      const doc: Record<string, unknown> = {};
      const ctx: Ctx = { rng, doc, row: undefined, data: doc, index };
      fillObject(rootNode, ctx, doc);
      if (forward) for (let i = 0; i < 10 && prune(rootNode, ctx, doc); i++);
      return doc;
    },
  };
}

const compiled = new WeakMap<JsonSchema, WeakMap<object, CompiledProfile>>();

/** Checks a profile against its schema and compiles both; throws a ProfileError naming the path. */
export function compileProfile(schema: JsonSchema, profile: SyntheticProfile): CompiledProfile {
  let bySchema = compiled.get(schema);
  if (!bySchema) compiled.set(schema, (bySchema = new WeakMap()));
  let plan = bySchema.get(profile);
  if (!plan) bySchema.set(profile, (plan = compile(schema, profile)));
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
