import type { Rng } from "./random.ts";

/**
 * The plan a profile is compiled into (compile.ts) and documents are drawn from (sample.ts): one
 * node per schema node, with the profile's numbers already turned into cumulative weights, so
 * drawing a document walks the plan and nothing else.
 */

export interface IntDist {
  lo: number[];
  hi: number[];
  cum: number[];
}

export interface RefPath {
  fromRow: boolean;
  steps: Array<{ key: string; index: number | "all" | undefined }>;
}

export interface PropPlan {
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

export type TemplatePart = string | { width: number };

export type Node =
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
  | { kind: "meta"; schema: string; status: boolean; variant?: string };

export interface CompiledProfile {
  /** "<name>@<version>" */
  ref: string;
  /** Some visibleWhen reads a field generated after it, so each document gets a pruning pass. */
  secondPass: boolean;
  /** One document from a random stream; `index` fills {n} in templates. */
  generate(rng: Rng, index: number): Record<string, unknown>;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** A template's text for document `index` ({n} → index, {n:6} → zero-padded). */
export function renderTemplate(parts: TemplatePart[], index: number): string {
  let s = "";
  for (const p of parts) s += typeof p === "string" ? p : p.width > 0 ? pad(index, p.width) : String(index);
  return s;
}
