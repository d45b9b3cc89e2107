import type { JsonSchema } from "../schema/types.ts";
import { isSchemaObject } from "../schema/types.ts";
import { suggest } from "../lint/suggest.ts";
import type { FieldSpec } from "./profile.ts";
import { renderTemplate, type Node, type RefPath, type TemplatePart } from "./plan.ts";
import { parseRef } from "./paths.ts";
import { checkKeys, codeIndex, codeOf, cumulative, dateRange, fail, isNumber, parseDist, type State } from "./state.ts";

/**
 * Compiling the leaves of a schema into plan nodes (plan.ts): choices, yes/no, numbers, dates and
 * free text, each with the keys its kind allows and the values the schema allows.
 */

export function compileNumber(state: State, s: JsonSchema, sp: FieldSpec, path: string, withP: (k: string[]) => string[], type: "integer" | "number"): Node {
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

export function compileBoolean(state: State, sp: FieldSpec, path: string, withP: (k: string[]) => string[]): Node {
  checkKeys(state, path, sp, withP(["true", "weights"]), "ja/nej");
  return { kind: "bool", pTrue: booleanProbability(state, path, sp) };
}

export function compileDateTime(state: State, sp: FieldSpec, path: string, withP: (k: string[]) => string[]): Node {
  checkKeys(state, path, sp, withP(["range"]), "datum och tid");
  return { kind: "datetime", range: sp.range ? dateRange(state, path, sp.range) : state.dateRange };
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

export function compileChoice(state: State, sp: FieldSpec, path: string, values: unknown[], withP: (k: string[]) => string[]): Node {
  const isBool = values.every((v) => typeof v === "boolean");
  checkKeys(state, path, sp, withP(isBool ? ["weights", "true"] : ["weights"]), "ett val");
  const codes = values.map(codeOf);
  let weights = values.map(() => 1);
  if (isBool && sp.true !== undefined) {
    const p = booleanProbability(state, path, sp);
    weights = values.map((v) => (v === true ? p : 1 - p));
  } else if (sp.weights !== undefined) {
    weights = values.map(() => 0);
    for (const [code, w] of Object.entries(sp.weights)) weights[codeIndex(state, path, "weights", codes, code)] = w;
  }
  const keep = weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  if (keep.length === 0) fail(state, `”${path}”: vikterna summerar till 0`);
  return { kind: "choice", values: keep.map((i) => values[i]), cum: cumulative(keep.map((i) => weights[i]!)) };
}

export function compileDate(state: State, sp: FieldSpec, path: string, rowPath: string | undefined, withP: (k: string[]) => string[], optional: boolean): Node {
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

export function compileString(state: State, s: JsonSchema, sp: FieldSpec, path: string, withP: (k: string[]) => string[]): Node {
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
