import fc from "fast-check";
import { isSchemaObject, type JsonSchema } from "../../engine/schema/types.ts";
import type { ChangeClass, ChangeKind } from "../../engine/diff/types.ts";

/**
 * Random small instruments, a catalogue of change operations on them, and answer documents that
 * follow a schema — for property tests of the diff's classification.
 *
 * The document arbitrary reads the schema itself (not the recipe it was built from), so it keeps
 * up with whatever the schema says; a test checks that every generated document is valid under
 * the schema it was generated for, so the generator cannot quietly make the property vacuous.
 */

export const PATTERNS = ["^[A-Z]{2}$", "^[a-z]{1,5}$", "^[0-9]{3}$"];

type Field =
  | { t: "integer" | "number"; min?: number; max?: number }
  | { t: "string"; minLength?: number; maxLength?: number; pattern?: string; format?: "date" }
  | { t: "boolean" }
  | { t: "choice"; codes: string[] }
  | { t: "multi"; codes: string[]; maxItems?: number; unique: boolean };

const codesArb = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 1, maxLength: 4 });

const fieldArb: fc.Arbitrary<Field> = fc.oneof(
  fc.record({ t: fc.constantFrom("integer" as const, "number" as const), min: fc.option(fc.integer({ min: -50, max: 0 }), { nil: undefined }), max: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }) }, { requiredKeys: ["t"] }),
  fc.oneof(
    fc.record({ t: fc.constant("string" as const), minLength: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }), maxLength: fc.option(fc.integer({ min: 3, max: 8 }), { nil: undefined }) }, { requiredKeys: ["t"] }),
    fc.record({ t: fc.constant("string" as const), pattern: fc.constantFrom(...PATTERNS) }),
    fc.record({ t: fc.constant("string" as const), format: fc.constant("date" as const) }),
  ),
  fc.record({ t: fc.constant("boolean" as const) }),
  fc.record({ t: fc.constant("choice" as const), codes: codesArb }),
  fc.record({ t: fc.constant("multi" as const), codes: codesArb, maxItems: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), unique: fc.boolean() }, { requiredKeys: ["t", "codes", "unique"] }),
);

export interface Recipe {
  fields: Array<{ field: Field; required: boolean }>;
  group: Array<{ field: Field; required: boolean }>;
  groupOpen: boolean;
  groupRequired: boolean;
}

const entries = (min: number, max: number) => fc.array(fc.record({ field: fieldArb, required: fc.boolean() }), { minLength: min, maxLength: max });

export const recipeArb: fc.Arbitrary<Recipe> = fc.record({ fields: entries(1, 4), group: entries(1, 3), groupOpen: fc.boolean(), groupRequired: fc.boolean() });

function fieldSchema(f: Field, key: string): JsonSchema {
  const title = `Fråga ${key}`;
  switch (f.t) {
    case "integer":
    case "number":
      return { type: f.t, title, ...(f.min !== undefined ? { minimum: f.min } : {}), ...(f.max !== undefined ? { maximum: f.max } : {}) };
    case "string":
      return {
        type: "string",
        title,
        ...(f.minLength !== undefined ? { minLength: f.minLength } : {}),
        ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
        ...(f.pattern ? { pattern: f.pattern } : {}),
        ...(f.format ? { format: f.format } : {}),
      };
    case "boolean":
      return { type: "boolean", title };
    case "choice":
      return { type: "string", title, oneOf: f.codes.map((c) => ({ const: c, title: `Alternativ ${c.toUpperCase()}` })) };
    case "multi":
      return {
        type: "array",
        title,
        ...(f.unique ? { uniqueItems: true } : {}),
        ...(f.maxItems !== undefined ? { maxItems: f.maxItems } : {}),
        items: { type: "string", oneOf: f.codes.map((c) => ({ const: c, title: `Alternativ ${c.toUpperCase()}` })) },
      };
  }
}

export function schemaOf(recipe: Recipe, version = "1.0.0"): JsonSchema {
  const props: Record<string, JsonSchema> = { meta: { $ref: "#/$defs/meta" } };
  const required = ["meta"];
  recipe.fields.forEach((e, i) => {
    props[`f${i}`] = fieldSchema(e.field, `f${i}`);
    if (e.required) required.push(`f${i}`);
  });
  const groupProps: Record<string, JsonSchema> = {};
  const groupRequired: string[] = [];
  recipe.group.forEach((e, i) => {
    groupProps[`h${i}`] = fieldSchema(e.field, `h${i}`);
    if (e.required) groupRequired.push(`h${i}`);
  });
  props.g = { $ref: "#/$defs/grupp", title: "Gruppen" };
  if (recipe.groupRequired) required.push("g");
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://blankett.example/schemas/slump/${version}`,
    title: "Slump",
    "x-instrument": { name: "slump", version, title: "Slump" },
    type: "object",
    additionalProperties: false,
    required,
    properties: props,
    $defs: {
      meta: {
        type: "object",
        additionalProperties: false,
        required: ["schema"],
        properties: { schema: { const: `slump@${version}` }, status: { type: "string", oneOf: [{ const: "draft", title: "Utkast" }, { const: "complete", title: "Klar" }] } },
      },
      grupp: { type: "object", ...(recipe.groupOpen ? {} : { additionalProperties: false }), required: groupRequired, properties: groupProps },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Documents that follow a schema

const isoDate = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const anyJson = fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));

function deref(root: JsonSchema, s: JsonSchema): JsonSchema {
  if (typeof s.$ref !== "string") return s;
  const name = s.$ref.replace("#/$defs/", "");
  const { $ref: _r, ...rest } = s;
  return { ...deref(root, (root.$defs as Record<string, JsonSchema>)[name]!), ...rest };
}

export function documentArb(root: JsonSchema, node: JsonSchema = root): fc.Arbitrary<unknown> {
  const s = deref(root, node);
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.oneOf)) return fc.constantFrom(...(s.oneOf as Array<{ const: unknown }>).map((o) => o.const));
  switch (s.type) {
    case "object": {
      const props = (s.properties ?? {}) as Record<string, JsonSchema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = documentArb(root, v);
      const declared = fc.record(model, { requiredKeys: (s.required as string[] | undefined) ?? [] });
      if (s.additionalProperties === false) return declared;
      // An open group: old answers may carry keys the schema does not declare (including ones a
      // later version might add), with any value.
      const extra = fc.dictionary(fc.constantFrom("x1", "x2", "ny", "h9", "f9"), anyJson, { maxKeys: 2 });
      return fc.tuple(declared, extra).map(([d, e]) => {
        const out: Record<string, unknown> = { ...(d as object) };
        for (const [k, v] of Object.entries(e)) if (!(k in props)) out[k] = v;
        return out;
      });
    }
    case "integer":
      return fc.integer({ min: (s.minimum as number | undefined) ?? -100, max: (s.maximum as number | undefined) ?? 100 });
    case "number": {
      const min = (s.minimum as number | undefined) ?? -100;
      const max = (s.maximum as number | undefined) ?? 100;
      return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    }
    case "boolean":
      return fc.boolean();
    case "string": {
      if (s.format === "date") return isoDate;
      const minLength = (s.minLength as number | undefined) ?? 0;
      const maxLength = (s.maxLength as number | undefined) ?? 10;
      if (typeof s.pattern === "string") return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= minLength && x.length <= maxLength);
      return fc.string({ minLength, maxLength, unit: "grapheme-ascii" });
    }
    case "array": {
      const items = documentArb(root, s.items as JsonSchema);
      const maxLength = (s.maxItems as number | undefined) ?? 4;
      const minLength = (s.minItems as number | undefined) ?? 0;
      return s.uniqueItems ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(items, { minLength, maxLength });
    }
    default:
      return anyJson;
  }
}

// ---------------------------------------------------------------------------------------------
// Change operations

export type Expectation = { kind: ChangeKind; class: ChangeClass } | null;

export interface Op {
  name: string;
  /** Which field the operation picks (modulo the number of candidates). */
  pick: number;
}

type Defs = Record<string, JsonSchema>;

interface Located {
  parent: JsonSchema;
  key: string;
  schema: JsonSchema;
}

/** Every question of the schema (root fields and the group's), with its parent object. */
function questions(s: JsonSchema): Located[] {
  const out: Located[] = [];
  const rootProps = s.properties as Record<string, JsonSchema>;
  for (const [key, schema] of Object.entries(rootProps)) if (key !== "meta" && key !== "g") out.push({ parent: s, key, schema });
  const group = (s.$defs as Defs).grupp!;
  for (const [key, schema] of Object.entries(group.properties as Record<string, JsonSchema>)) out.push({ parent: group, key, schema });
  return out;
}

function pick<T>(list: T[], n: number): T | undefined {
  return list.length ? list[n % list.length] : undefined;
}

const isOpen = (parent: JsonSchema) => parent.additionalProperties !== false;
const reqList = (parent: JsonSchema): string[] => ((parent.required as string[] | undefined) ??= []);
const options = (q: JsonSchema): Array<{ const: string; title: string }> | undefined =>
  Array.isArray(q.oneOf) ? (q.oneOf as Array<{ const: string; title: string }>) : isSchemaObject(q.items) && Array.isArray(q.items.oneOf) ? (q.items.oneOf as Array<{ const: string; title: string }>) : undefined;

let fresh = 0;

/** Applies one operation in place; returns the change it must produce, or null when it does not apply. */
export function applyOp(s: JsonSchema, op: Op): Expectation {
  const qs = questions(s);
  const q = pick(qs, op.pick);
  const of = (predicate: (l: Located) => boolean) => pick(qs.filter(predicate), op.pick);
  const group = (s.$defs as Defs).grupp!;
  switch (op.name) {
    case "relabel":
      if (!q) return null;
      q.schema.title = `${String(q.schema.title)} (ny lydelse)`;
      return { kind: "label-changed", class: "wording" };
    case "help":
      if (!q) return null;
      q.schema["x-ui"] = { ...((q.schema["x-ui"] as object) ?? {}), help: `Hjälp ${++fresh}` };
      return { kind: "help-changed", class: "wording" };
    case "addOptional":
    case "addRequired": {
      const parent = op.pick % 2 === 0 ? s : group;
      const key = `n${++fresh}`;
      (parent.properties as Record<string, JsonSchema>)[key] = { type: "integer", title: "Ny fråga" };
      if (op.name === "addRequired") reqList(parent).push(key);
      return { kind: "item-added", class: op.name === "addRequired" || isOpen(parent) ? "breaking" : "compatible" };
    }
    case "remove": {
      if (!q) return null;
      delete (q.parent.properties as Record<string, JsonSchema>)[q.key];
      q.parent.required = reqList(q.parent).filter((k) => k !== q.key);
      return { kind: "item-removed", class: isOpen(q.parent) ? "compatible" : "breaking" };
    }
    case "tightenMax":
    case "loosenMax":
    case "tightenMin":
    case "loosenMin": {
      const n = of((l) => l.schema.type === "integer" || l.schema.type === "number");
      if (!n) return null;
      const bound = op.name.endsWith("Max") ? "maximum" : "minimum";
      const cur = n.schema[bound] as number | undefined;
      const tighten = op.name.startsWith("tighten");
      if (tighten) n.schema[bound] = cur === undefined ? (bound === "maximum" ? 10 : -10) : bound === "maximum" ? cur - 1 : cur + 1;
      else if (cur === undefined) return null;
      else delete n.schema[bound];
      return { kind: tighten ? "constraint-narrowed" : "constraint-widened", class: tighten ? "breaking" : "compatible" };
    }
    case "tightenMaxLength":
    case "loosenMaxLength": {
      const t = of((l) => l.schema.type === "string" && !l.schema.oneOf && !l.schema.format);
      if (!t) return null;
      const cur = t.schema.maxLength as number | undefined;
      if (op.name === "tightenMaxLength") {
        if (cur === 0) return null;
        t.schema.maxLength = cur === undefined ? 2 : cur - 1;
      } else if (cur === undefined) return null;
      else t.schema.maxLength = cur + 3;
      return op.name === "tightenMaxLength" ? { kind: "constraint-narrowed", class: "breaking" } : { kind: "constraint-widened", class: "compatible" };
    }
    case "addPattern":
    case "removePattern": {
      if (op.name === "addPattern") {
        const t = of((l) => l.schema.type === "string" && !l.schema.oneOf && !l.schema.pattern && !l.schema.format);
        if (!t) return null;
        t.schema.pattern = "^[a-z]*$";
        return { kind: "constraint-narrowed", class: "breaking" };
      }
      const t = of((l) => typeof l.schema.pattern === "string");
      if (!t) return null;
      delete t.schema.pattern;
      return { kind: "constraint-widened", class: "compatible" };
    }
    case "addFormat":
    case "removeFormat": {
      if (op.name === "addFormat") {
        const t = of((l) => l.schema.type === "string" && !l.schema.oneOf && !l.schema.format);
        if (!t) return null;
        t.schema.format = "date";
        return { kind: "constraint-narrowed", class: "breaking" };
      }
      const t = of((l) => typeof l.schema.format === "string");
      if (!t) return null;
      delete t.schema.format;
      return { kind: "constraint-widened", class: "compatible" };
    }
    case "addOption":
    case "removeOption":
    case "recodeOption":
    case "relabelOption":
    case "caseOption": {
      const c = of((l) => options(l.schema) !== undefined);
      if (!c) return null;
      const opts = options(c.schema)!;
      const i = op.pick % opts.length;
      switch (op.name) {
        case "addOption":
          opts.push({ const: `z${++fresh}`, title: `Nytt ${fresh}` });
          return { kind: "option-added", class: "compatible" };
        case "removeOption":
          if (opts.length < 2) return null;
          opts.splice(i, 1);
          return { kind: "option-removed", class: "breaking" };
        case "recodeOption":
          opts[i] = { ...opts[i]!, const: `${opts[i]!.const}_${++fresh}` };
          return { kind: "option-recoded", class: "breaking" };
        case "relabelOption":
          opts[i] = { ...opts[i]!, title: `Annan betydelse ${++fresh}` };
          return { kind: "option-recoded", class: "breaking" };
        default:
          opts[i] = { ...opts[i]!, title: opts[i]!.title.toLowerCase() + "." };
          return { kind: "option-relabelled", class: "wording" };
      }
    }
    case "intToNumber":
    case "numberToInt": {
      const from = op.name === "intToNumber" ? "integer" : "number";
      const n = of((l) => l.schema.type === from);
      if (!n) return null;
      n.schema.type = from === "integer" ? "number" : "integer";
      return { kind: "type-changed", class: from === "integer" ? "compatible" : "breaking" };
    }
    case "require":
    case "unrequire": {
      const want = op.name === "unrequire";
      const r = of((l) => reqList(l.parent).includes(l.key) === want);
      if (!r) return null;
      if (want) r.parent.required = reqList(r.parent).filter((k) => k !== r.key);
      else reqList(r.parent).push(r.key);
      return want ? { kind: "required-removed", class: "compatible" } : { kind: "required-added", class: "breaking" };
    }
    case "moveIntoGroup": {
      const m = of((l) => l.parent === s && !(l.key in (group.properties as object)));
      if (!m) return null;
      delete (s.properties as Record<string, JsonSchema>)[m.key];
      const wasRequired = reqList(s).includes(m.key);
      s.required = reqList(s).filter((k) => k !== m.key);
      (group.properties as Record<string, JsonSchema>)[m.key] = m.schema;
      if (wasRequired) reqList(group).push(m.key);
      return { kind: "item-moved", class: "breaking" };
    }
    case "reorder": {
      const keys = Object.keys(s.properties as object);
      if (keys.length < 2) return null;
      const current = (s["x-ui"] as { order?: string[] } | undefined)?.order ?? keys;
      s["x-ui"] = { order: [...current].reverse() };
      return { kind: "item-reordered", class: "compatible" };
    }
    case "addCondition":
      if (!q) return null;
      // A new condition each time, and one lint accepts: "draft7" is no code of meta.status.
      q.schema["x-ui"] = { ...((q.schema["x-ui"] as object) ?? {}), visibleWhen: { and: [{ "==": [{ var: "meta.status" }, "draft"] }, ++fresh] } };
      return { kind: "condition-changed", class: "compatible" };
    case "widget":
      if (!q) return null;
      q.schema["x-ui"] = { ...((q.schema["x-ui"] as object) ?? {}), widget: (q.schema["x-ui"] as { widget?: string } | undefined)?.widget === "text" ? "select" : "text" };
      return { kind: "hint-changed", class: "compatible" };
    case "addValueRule":
      s["x-rules"] = [...((s["x-rules"] as unknown[]) ?? []), { id: `v${++fresh}`, kind: "value", title: "Värde", expr: { var: "meta.status" } }];
      return { kind: "rule-added", class: "compatible" };
    case "addErrorCheck":
      s["x-rules"] = [
        ...((s["x-rules"] as unknown[]) ?? []),
        { id: `k${++fresh}`, kind: "check", severity: "error", title: "Kontroll", assert: { "==": [{ var: "meta.status" }, "complete"] }, message: "Fel.", pointer: "/meta/status" },
      ];
      return { kind: "rule-added", class: "breaking" };
    case "tightenMaxItems":
    case "loosenMaxItems":
    case "toggleUnique": {
      const a = of((l) => l.schema.type === "array");
      if (!a) return null;
      if (op.name === "toggleUnique") {
        if (a.schema.uniqueItems) {
          delete a.schema.uniqueItems;
          return { kind: "constraint-widened", class: "compatible" };
        }
        a.schema.uniqueItems = true;
        // At most one item is always unique: the diff proves that (inclusion) and says compatible.
        if (typeof a.schema.maxItems === "number" && a.schema.maxItems <= 1) return { kind: "constraint-widened", class: "compatible" };
        return { kind: "constraint-narrowed", class: "breaking" };
      }
      const cur = a.schema.maxItems as number | undefined;
      if (op.name === "tightenMaxItems") {
        if (cur === 0) return null;
        a.schema.maxItems = cur === undefined ? 1 : cur - 1;
        return { kind: "constraint-narrowed", class: "breaking" };
      }
      if (cur === undefined) return null;
      a.schema.maxItems = cur + 2;
      return { kind: "constraint-widened", class: "compatible" };
    }
    case "openGroup":
      if (isOpen(group)) return null;
      delete group.additionalProperties;
      return { kind: "constraint-widened", class: "compatible" };
    case "closeGroup":
      if (!isOpen(group)) return null;
      group.additionalProperties = false;
      return { kind: "constraint-narrowed", class: "breaking" };
    default:
      throw new Error(`unknown op ${op.name}`);
  }
}

export const OP_NAMES = [
  "relabel",
  "help",
  "addOptional",
  "addRequired",
  "remove",
  "tightenMax",
  "loosenMax",
  "tightenMin",
  "loosenMin",
  "tightenMaxLength",
  "loosenMaxLength",
  "addPattern",
  "removePattern",
  "addFormat",
  "removeFormat",
  "addOption",
  "removeOption",
  "recodeOption",
  "relabelOption",
  "caseOption",
  "intToNumber",
  "numberToInt",
  "require",
  "unrequire",
  "moveIntoGroup",
  "reorder",
  "addCondition",
  "widget",
  "addValueRule",
  "addErrorCheck",
  "tightenMaxItems",
  "loosenMaxItems",
  "toggleUnique",
  "openGroup",
  "closeGroup",
];

export const opArb: fc.Arbitrary<Op> = fc.record({ name: fc.constantFrom(...OP_NAMES), pick: fc.nat(20) });

/** The same instrument at a new version: id, x-instrument and the meta stamp follow. */
export function nextVersion(s: JsonSchema, version: string): JsonSchema {
  const copy = structuredClone(s);
  copy.$id = `https://blankett.example/schemas/slump/${version}`;
  (copy["x-instrument"] as Record<string, unknown>).version = version;
  (((copy.$defs as Defs).meta!.properties as Record<string, JsonSchema>).schema as JsonSchema).const = `slump@${version}`;
  return copy;
}

/** What a migration does to every stored document at least: re-stamp meta.schema. */
export function restamp(doc: unknown, version: string): unknown {
  const d = structuredClone(doc) as { meta: { schema: string } };
  d.meta.schema = `slump@${version}`;
  return d;
}
