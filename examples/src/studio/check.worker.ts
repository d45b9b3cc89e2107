/// <reference lib="webworker" />
import type { JsonSchema } from "@blankett/engine";
import { check } from "./check.ts";

/**
 * The live check off the page's thread: checkVariant compiles the whole effective schema (a second
 * or so for FIA on a slow machine), which would otherwise freeze typing. The base arrives once per
 * version; each request carries the overlay and gets back the violations and the effective schema.
 */
export type CheckRequest = { kind: "base"; ref: string; schema: JsonSchema; indicators: unknown } | { kind: "check"; id: number; ref: string; overlay: unknown };
export type CheckResponse = { id: number; ref: string; schema?: JsonSchema; violations: ReturnType<typeof check>["violations"] };

const bases = new Map<string, { schema: JsonSchema; indicators: unknown }>();

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const msg = e.data;
  if (msg.kind === "base") {
    bases.set(msg.ref, { schema: msg.schema, indicators: msg.indicators });
    return;
  }
  const base = bases.get(msg.ref);
  if (!base) return;
  const result = check(msg.overlay, base.schema, base.indicators);
  (self as unknown as Worker).postMessage({ id: msg.id, ref: msg.ref, violations: result.violations, ...(result.schema ? { schema: result.schema } : {}) } satisfies CheckResponse);
};
