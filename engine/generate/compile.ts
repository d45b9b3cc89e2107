import { choiceOptions, deref, uiOf } from "../schema/walk.ts";
import { refOf } from "../schema/registry.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { suggest } from "../lint/suggest.ts";
import { isIsoDate, isoToDay, type Rng } from "./random.ts";
import { DEFAULT_DATES, DEFAULT_INCLUDE, DEFAULT_OPTIONAL, FILLER_PHRASES, checkProfileFormat, failProfile, type FieldSpec, type SyntheticProfile } from "./profile.ts";
import { renderTemplate, type CompiledProfile, type IntDist, type Node, type PropPlan, type RefPath, type TemplatePart } from "./plan.ts";
import { fillObject, prune, type Ctx } from "./sample.ts";
import { conditionPaths, parseRef } from "./paths.ts";

/**
 * Compiling a schema and its profile into a plan (plan.ts). The profile's shape has been checked
 * against schemas/synthetic.meta.json (profile.ts) first; here come the checks that need the
 * schema: every path exists, each key suits its field's kind, codes are options, numbers and
 * dates lie within the schema's bounds, an `after` date is generated earlier. Each failure is a
 * ProfileError naming the path.
 */


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
  failProfile(state.ref, message);
}

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
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
function parseDist(state: State, path: string, key: string, value: [number, number] | [string, string] | Record<string, number>, min: number, max: number): IntDist {
  const where = `”${path}”: ${key}`;
  const inBounds = (a: number, b: number) => {
    if (!Number.isInteger(a) || !Number.isInteger(b) || a > b) fail(state, `${where}: ${a}–${b} är inget heltalsintervall`);
    if (a < min || b > max) fail(state, `${where}: ${a}–${b} ligger utanför schemats gränser ${min}–${max === Infinity ? "∞" : max}`);
  };
  if (Array.isArray(value)) {
    // The meta-schema lets a range hold two dates; on an integer field they fail as no integers.
    const [a, b] = value as [number, number];
    inBounds(a, b);
    return { lo: [a], hi: [b], cum: [1] };
  }
  const d: IntDist = { lo: [], hi: [], cum: [] };
  let total = 0;
  for (const [band, w] of Object.entries(value)) {
    const m = /^(-?\d+)(?:-(-?\d+))?$/.exec(band);
    if (!m) fail(state, `${where}: ”${band}” är varken ett tal eller ett intervall som ”10-12”`);
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
    if (spec !== undefined) state.used.add(path);
    const sp: FieldSpec = spec ?? {};
    const withP = (keys: string[]) => (optional ? ["p", ...keys] : keys);
    if (sp.p !== undefined && !optional) fail(state, `”${path}”: p gäller bara frivilliga fält, och det här fältet är obligatoriskt`);

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
          if (sp.range !== undefined || sp.weights !== undefined) {
            return { kind: "int", dist: parseDist(state, path, sp.range ? "range" : "weights", (sp.range ?? sp.weights)!, min, max) };
          }
          const lo = min === -Infinity ? (max === Infinity ? 0 : max - 100) : min;
          const hi = max === Infinity ? lo + 100 : max;
          return { kind: "int", dist: { lo: [lo], hi: [hi], cum: [1] } };
        }
        if (sp.range !== undefined) {
          const r = sp.range;
          if (!isNumber(r[0]) || !isNumber(r[1]) || r[0] > r[1] || r[0] < min || r[1] > max) {
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
  if (sp.true !== undefined) return sp.true;
  if (sp.weights !== undefined) {
    const w = sp.weights;
    for (const k of Object.keys(w)) if (k !== "true" && k !== "false") fail(state, `”${path}”: weights för ja/nej har bara nycklarna true och false, inte ”${k}”`);
    const t = w.true ?? 0;
    const f = w.false ?? 0;
    if (t + f <= 0) fail(state, `”${path}”: vikterna summerar till 0`);
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
    weights = values.map(() => 0);
    for (const [code, w] of Object.entries(sp.weights)) {
      const i = codes.indexOf(code);
      if (i < 0) {
        const hint = suggest(code, codes);
        fail(state, `”${path}”: okänd kod ”${code}” i weights (koderna är ${codes.join(", ")})${hint ? `. Menade du ”${hint}”?` : ""}`);
      }
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
  // The meta-schema makes after and days come together.
  if (sp.after === undefined || sp.days === undefined) return { kind: "date", fallback: range ?? state.dateRange };
  const after: RefPath[] = [];
  for (const text of Array.isArray(sp.after) ? sp.after : [sp.after]) {
    const { ref, normalized } = parseRef((message) => fail(state, message), path, rowPath, text);
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
  const check = (v: string, what: string) => {
    if ([...v].length < min || [...v].length > max) fail(state, `”${path}”: ${what} ”${v}” har inte mellan ${min} och ${max} tecken`);
    if (pattern && !pattern.test(v)) fail(state, `”${path}”: ${what} ”${v}” stämmer inte med schemats mönster ${s.pattern}`);
    if (notPattern && notPattern.test(v)) fail(state, `”${path}”: ${what} ”${v}” stämmer med ett mönster som schemat förbjuder`);
  };
  const base = { kind: "string" as const, min, max, long: max > 500, phrases: state.phrases };
  if (sp.values !== undefined) {
    sp.values.forEach((v) => check(v, "värdet"));
    return { ...base, values: sp.values };
  }
  if (sp.weights !== undefined) {
    const entries = Object.entries(sp.weights).filter(([, w]) => w > 0);
    if (entries.length === 0) fail(state, `”${path}”: vikterna summerar till 0`);
    entries.forEach(([v]) => check(v, "värdet"));
    return { ...base, values: entries.map(([v]) => v), cum: cumulative(entries.map(([, w]) => w)) };
  }
  if (sp.template !== undefined) {
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
      for (const [code, p] of Object.entries(sp.include)) {
        const i = codes.indexOf(code);
        if (i < 0) {
          const hint = suggest(code, codes);
          fail(state, `”${path}”: okänd kod ”${code}” i include (koderna är ${codes.join(", ")})${hint ? `. Menade du ”${hint}”?` : ""}`);
        }
        probs[i] = p;
      }
    }
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
    } else {
      if (!dateField(sp.sorted)) fail(state, `”${path}”: sorted ”${sp.sorted}” är inget datumfält i raderna`);
      sortBy = sp.sorted;
    }
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

/** Checks a profile against schemas/synthetic.meta.json and its schema, and compiles both into a plan. */
export function compilePlan(schema: JsonSchema, profile: SyntheticProfile): CompiledProfile {
  const ref = refOf(schema);
  checkProfileFormat(ref, profile);
  if (profile.instrument !== ref) failProfile(ref, `profilen gäller ”${profile.instrument}”, inte ${ref} (ange "instrument": "${ref}")`);
  const fields = profile.fields ?? {};
  const state: State = {
    root: schema,
    ref,
    fields,
    used: new Set(),
    optional: DEFAULT_OPTIONAL,
    dateRange: [isoToDay(DEFAULT_DATES[0]), isoToDay(DEFAULT_DATES[1])],
    phrases: FILLER_PHRASES,
    known: new Map(),
    forward: false,
    depth: 0,
  };
  if (profile.optional !== undefined) state.optional = profile.optional;
  if (profile.dateRange !== undefined) state.dateRange = dateRange(state, "dateRange", profile.dateRange);
  if (profile.phrases !== undefined) state.phrases = profile.phrases;
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
