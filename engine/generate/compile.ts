import { choiceOptions, deref, uiOf } from "../schema/walk.ts";
import { SCHEMA_LIMITS } from "../schema/traverse.ts";
import { refOf } from "../schema/registry.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { suggest } from "../lint/suggest.ts";
import { isoToDay, type Rng } from "./random.ts";
import { DEFAULT_DATES, DEFAULT_INCLUDE, DEFAULT_OPTIONAL, FILLER_PHRASES, checkProfileFormat, failProfile, type FieldSpec, type SyntheticProfile } from "./profile.ts";
import type { CompiledProfile, Node, PropPlan } from "./plan.ts";
import { fillObject, prune, type Ctx } from "./sample.ts";
import { conditionPaths } from "./paths.ts";
import { checkKeys, codeIndex, codeOf, cumulative, dateRange, fail, isNumber, parseDist, type State } from "./state.ts";
import { compileBoolean, compileChoice, compileDate, compileDateTime, compileNumber, compileString } from "./fields.ts";

/**
 * Compiling a schema and its profile into a plan (plan.ts). The profile's shape has been checked
 * against schemas/synthetic.meta.json (profile.ts) first; here come the checks that need the
 * schema: every path exists, each key suits its field's kind, codes are options, numbers and
 * dates lie within the schema's bounds, an `after` date is generated earlier. Each failure is a
 * ProfileError naming the path.
 */

function rawChoiceValues(root: JsonSchema, s: JsonSchema): unknown[] | undefined {
  if (!choiceOptions(root, s)) return undefined;
  if (Array.isArray(s.oneOf)) return (s.oneOf as JsonSchema[]).map((b) => b.const);
  return s.enum as unknown[];
}

const UNSUPPORTED = ["allOf", "anyOf", "if", "then", "else", "prefixItems", "$dynamicRef", "patternProperties", "dependentSchemas"];

function compileNode(state: State, s: JsonSchema, path: string, rowPath: string | undefined, optional: boolean, asRow = false): Node {
  if (++state.depth > SCHEMA_LIMITS.maxDepth) fail(state, `”${path}”: schemat är för djupt nästlat (rekursivt?)`);
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
        if (s.format === "date-time") return compileDateTime(state, sp, path, withP);
        return compileString(state, s, sp, path, withP);
      case "integer":
      case "number":
        return compileNumber(state, s, sp, path, withP, type === "integer" ? "integer" : "number");
      case "boolean":
        return compileBoolean(state, sp, path, withP);
      default:
        fail(state, `”${path || "/"}”: generatorn kan inte skapa värden för det här schemat (typ ${JSON.stringify(type)})`);
    }
  } finally {
    state.depth--;
  }
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
      for (const [code, p] of Object.entries(sp.include)) probs[codeIndex(state, path, "include", codes, code)] = p;
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
        node: {
          kind: "meta",
          schema: typeof schemaProp.const === "string" ? schemaProp.const : state.ref,
          status: "status" in metaProps,
          // A variant's effective schema requires meta.variant as a const: its answers name it.
          ...(isSchemaObject(metaProps.variant) && typeof metaProps.variant.const === "string" ? { variant: metaProps.variant.const } : {}),
        },
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
