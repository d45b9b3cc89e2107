import { isLogic } from "../rules/logic/compile.ts";
import { choiceOptions, schemaAt } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { SchemaDepthError, walkSchema } from "../schema/traverse.ts";
import type { IndicatorFile } from "./types.ts";

/**
 * Free text as a grouping. Every group value is published as a row label, also when every
 * count in its row is hidden, so a label must not itself be personal data: a district typed in
 * by hand, a case number, a goal in someone's own words. A grouping whose value can come from a
 * field the schema gives as free text — a string without fixed options (`enum`, `oneOf` of
 * `const`), or with a `pattern` that is not a list of codes — is refused unless the definition
 * declares it safe (`"freeTextGroupingSafe": true` on the grouping).
 */
export interface FreeTextGrouping {
  /** The grouping's name in the definition. */
  group: string;
  /** Dot path of the free-text field ("bakgrund.stadsdel"; list items as "insatser.0.typ"). */
  field: string;
}

/** Operations whose result is a number, a boolean or a fixed word, never an answer passed on. */
const NO_PASS_THROUGH = new Set([
  "==", "===", "!=", "!==", ">", ">=", "<", "<=", "!!", "!", "%", "+", "-", "*", "/", "min", "max",
  "in", "all", "some", "none", "missing", "missing_some", "year", "count", "index_of", "days_between",
]);

/** A pattern that only lists codes: `^(nord|syd)$`, `^ja$`. */
const CODE_LIST = /^\^\(?(?:\?:)?[\p{L}\p{N}_ -]+(?:\|[\p{L}\p{N}_ -]+)*\)?\$$/u;

/** The paths a list expression's items come from (undefined: not known from the expression). */
function listSources(expr: unknown): string[] | undefined {
  if (!isLogic(expr)) return undefined;
  const op = Object.keys(expr)[0]!;
  const raw = expr[op];
  const values = Array.isArray(raw) ? raw : [raw];
  if (op === "var" && typeof values[0] === "string" && values[0] !== "" && !values[0].startsWith("@")) return [values[0]];
  if (op === "filter") return listSources(values[0]);
  if (op === "merge") {
    const all = values.map(listSources);
    return all.every((x) => x !== undefined) ? all.flat() as string[] : undefined;
  }
  return undefined;
}

/**
 * Adds the answer paths whose values can become (part of) the expression's result. `scopes` are
 * the paths a `map` body's item comes from ("insatser.0"); undefined outside any body.
 */
function passedThrough(expr: unknown, out: Set<string>, scopes?: string[]): void {
  if (Array.isArray(expr)) {
    for (const e of expr) passedThrough(e, out, scopes);
    return;
  }
  if (!isLogic(expr)) return;
  const op = Object.keys(expr)[0]!;
  const raw = expr[op];
  const values = Array.isArray(raw) ? raw : [raw];
  switch (op) {
    case "var": {
      const path = typeof values[0] === "number" ? String(values[0]) : values[0];
      if (values.length > 1) passedThrough(values[1], out, scopes);
      if (typeof path !== "string" || path.startsWith("@")) return;
      if (scopes) for (const s of scopes) out.add(path === "" ? s : `${s}.${path}`);
      else if (path !== "") out.add(path);
      return;
    }
    case "if":
    case "?:":
      // Conditions choose; only the branches' values are passed on.
      values.forEach((v, i) => {
        if (i % 2 === 1 || i === values.length - 1) passedThrough(v, out, scopes);
      });
      return;
    case "map": {
      const from = listSources(values[0]);
      // Items from an unknown list: their fields cannot be looked up, so the list's own sources stand in.
      if (from) passedThrough(values[1], out, from.map((p) => `${p}.0`));
      else passedThrough(values, out, scopes);
      return;
    }
    case "filter":
    case "reduce":
      passedThrough(values[0], out, scopes);
      if (op === "reduce") passedThrough(values[2], out, scopes);
      return;
    case "substr":
    case "add_days":
    case "add_months":
    case "add_years":
      passedThrough(values[0], out, scopes);
      return;
    case "band":
      passedThrough(values[2], out, scopes);
      return;
    default:
      if (NO_PASS_THROUGH.has(op)) return;
      // and, or, cat, merge, and anything else: each argument may be passed on.
      passedThrough(values, out, scopes);
  }
}

function typesOf(s: JsonSchema): unknown[] {
  return Array.isArray(s.type) ? (s.type as unknown[]) : [s.type];
}

/**
 * Whether the schema gives this field (or, for a list, its items) as free text: a string without
 * options somewhere in it, looking through `$ref`s, a list's items and `oneOf`/`anyOf` branches.
 * A schema nested past the schema depth limit is refused (SchemaDepthError) rather than guessed.
 */
function isFreeText(root: JsonSchema, field: JsonSchema): boolean {
  let free = false;
  const { tooDeep } = walkSchema<boolean>(
    field,
    (s, place) => {
      // The context says whether the schema above is a list (only then are its items answers).
      if (free || !isSchemaObject(s) || (place.keyword === "items" && !place.context)) return "skip";
      if (choiceOptions(root, s) || "const" in s) return "skip";
      const types = typesOf(s);
      if (types.includes("string") && !(typeof s.pattern === "string" && CODE_LIST.test(s.pattern))) free = true;
      return { context: types.includes("array") };
    },
    { root, refs: "merge", keywords: ["items", "oneOf", "anyOf"], context: false, onceKey: String },
  );
  if (!free && tooDeep.length > 0) throw new SchemaDepthError(tooDeep[0]!);
  return free;
}

/** Groupings that can publish a free-text value as a row label and are not declared safe. */
export function freeTextGroupings(def: IndicatorFile, schema: JsonSchema): FreeTextGrouping[] {
  const found: FreeTextGrouping[] = [];
  for (const [group, g] of Object.entries(def.groups)) {
    if (g.freeTextGroupingSafe === true) continue;
    const paths = new Set<string>();
    passedThrough(g.expr, paths);
    for (const field of paths) {
      const s = schemaAt(schema, field.split("."));
      if (s && isFreeText(schema, s)) found.push({ group, field });
    }
  }
  return found;
}

/** Refuses a definition with a free-text grouping not declared safe, naming each grouping and field (Swedish). */
export function checkGroupings(def: IndicatorFile, schema: JsonSchema): void {
  const found = freeTextGroupings(def, schema);
  if (found.length === 0) return;
  const which = found.map((f) => `grupperingen ”${f.group}” efter fritextfältet ”${f.field}”`).join(", ");
  throw new Error(
    `Indikatordefinitionen grupperar efter fritext: ${which}. En radetikett kan själv vara en personuppgift, även när alla siffror på raden är dolda. ` +
      `Gruppera efter ett fält med fasta svarsalternativ, eller ange "freeTextGroupingSafe": true på grupperingen om dess värden är kända att inte peka ut någon.`,
  );
}
