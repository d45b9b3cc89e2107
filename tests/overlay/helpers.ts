import { join } from "node:path";
import { readJson, ROOT, schema } from "../helpers.ts";
import type { JsonSchema } from "../../engine/compiler.ts";
import type { Overlay, Violation } from "../../engine/overlay/types.ts";

export const fia = schema("fia");
export const sue = schema("sue");
export const sueIndicators = readJson(join(ROOT, "schemas/sue/1.0.0.indicators.json"));

export const EXEMPELBY = join(ROOT, "schemas/fia/variants/exempelby.overlay.json");
export const PROVKOMMUN = join(ROOT, "schemas/sue/variants/provkommun.overlay.json");
export const TESTBY = join(ROOT, "tests/overlay/fixtures/testby.overlay.json");

/** A minimal overlay on fia@1.0.0 with the given operations. */
export function fiaOverlay(ops: Partial<Overlay> = {}): Overlay {
  return { name: "test", title: "Testkommun", base: "fia@1.0.0", ...ops };
}

export function sueOverlay(ops: Partial<Overlay> = {}): Overlay {
  return { name: "test", title: "Testkommun", base: "sue@1.0.0", ...ops };
}

/** Violations as "pointer rule", the part a test pins down exactly. */
export function brief(violations: Violation[]): string[] {
  return violations.map((v) => `${v.pointer} ${v.rule}`);
}

/** A small instrument "demo" written for the tests: one section `del` with the given properties. */
export function demo(version: string, section: Record<string, unknown>, required: string[], rules: unknown[] = [], defs: Record<string, unknown> = {}): JsonSchema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://blankett.example/schemas/demo/${version}`,
    title: "Demo",
    "x-instrument": { name: "demo", version, title: "Demo" },
    type: "object",
    additionalProperties: false,
    required: ["meta", "del"],
    properties: { meta: { $ref: "#/$defs/meta" }, del: { $ref: "#/$defs/del" } },
    ...(rules.length ? { "x-rules": rules } : {}),
    $defs: {
      meta: {
        type: "object",
        additionalProperties: false,
        required: ["schema"],
        properties: { schema: { const: `demo@${version}` }, variant: { type: "string", title: "Lokal variant" } },
      },
      del: { type: "object", title: "Del", additionalProperties: false, required, properties: section },
      ...defs,
    },
  };
}
