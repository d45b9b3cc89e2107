import { isSchemaObject } from "../schema/types.ts";
import { evaluateCondition } from "../rules/condition.ts";
import { dayToIso, isoToDay, type Rng } from "./random.ts";
import { pad, renderTemplate, type IntDist, type Node, type RefPath } from "./plan.ts";

/**
 * Drawing a document from a compiled plan (plan.ts) and a random stream. Every draw from the
 * stream happens here, in the plan's order: the same seed gives the same documents only as long
 * as this order stays the same (tests/engine/generate-identity.test.ts pins it).
 */

export interface Ctx {
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

export function fillObject(node: Extract<Node, { kind: "object" }>, ctx: Ctx, o: Record<string, unknown>): void {
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
      return { schema: node.schema, ...(node.variant ? { variant: node.variant } : {}), ...(node.status ? { status: "complete" } : {}) };
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
export function prune(node: Node, ctx: Ctx, value: unknown): boolean {
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
