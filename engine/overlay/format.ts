import type { ErrorObject, ValidateFunction } from "ajv";
import { definitionsAjv } from "../validation/ajv.ts";
import { escapeSegment } from "../schema/pointer.ts";
import { shown } from "./paths.ts";
import type { Violation } from "./types.ts";
import overlayMeta from "@blankett/schemas/overlay.meta.json" with { type: "json" };

let check: ValidateFunction | undefined;

/** More format errors than this say nothing new: the overlay is not in the format. */
const MAX_FORMAT_ERRORS = 20;

const OPERATIONS = ["hide", "addItems", "relabel", "help", "reorder", "restrictOptions", "defaults"];

function message(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties": {
      const name = shown(String(p.additionalProperty), 40);
      return e.instancePath === ""
        ? `okänd del ”${name}” (operationerna är ${OPERATIONS.join(", ")})`
        : `okänd nyckel ”${name}”`;
    }
    case "required":
      return `saknar ”${String(p.missingProperty)}”`;
    case "type":
      return `ska vara ${typeName(String(p.type))}`;
    case "maxItems":
      return `för många poster (högst ${String(p.limit)})`;
    case "minItems":
      return `för få poster (minst ${String(p.limit)})`;
    case "maxProperties":
      return `för många sökvägar (högst ${String(p.limit)})`;
    case "maxLength":
      return e.propertyName !== undefined
        ? `sökvägen ”${shown(e.propertyName, 40)}” är för lång (högst ${String(p.limit)} tecken)`
        : `för lång text (högst ${String(p.limit)} tecken)`;
    case "minLength":
      return "får inte vara tom";
    case "const":
      return `ska vara ${JSON.stringify(p.allowedValue)}`;
    case "pattern":
      return e.instancePath === "/name"
        ? "namnet får bara innehålla små bokstäver a–z, siffror och bindestreck och ska börja med en bokstav"
        : e.instancePath === "/base"
          ? "grundversionen skrivs formulär@version, till exempel fia@1.0.0"
          : "har fel form";
    case "oneOf":
      return "ska vara {\"after\": nyckel} eller {\"before\": nyckel}";
    default:
      return `stämmer inte med formatet (${e.keyword})`;
  }
}

function typeName(t: string): string {
  const names: Record<string, string> = { object: "ett objekt", array: "en lista", string: "en text", boolean: "true eller false" };
  return t.split(",").map((x) => names[x] ?? x).join(" eller ");
}

function pointerOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "additionalProperties") return e.instancePath + "/" + escapeSegment(String(p.additionalProperty));
  return e.instancePath;
}

/** Checks the overlay's shape against schemas/overlay.meta.json; one violation per problem. */
export function formatViolations(overlay: unknown): Violation[] {
  check ??= definitionsAjv().compile(overlayMeta);
  if (check(overlay)) return [];
  const out: Violation[] = [];
  const seen = new Set<string>();
  for (const e of check.errors ?? []) {
    // The oneOf of `position` reports every branch; its own error says it better.
    if (e.schemaPath.includes("/position/oneOf/")) continue;
    if (e.keyword === "propertyNames") continue;
    const v: Violation = { pointer: pointerOf(e), rule: "format", message: message(e) };
    const key = v.pointer + "\u0000" + v.message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
    if (out.length === MAX_FORMAT_ERRORS) break;
  }
  return out;
}
