import type { ErrorObject, ValidateFunction } from "ajv";
import { definitionsAjv } from "../validation/ajv.ts";
import { escapeSegment, parsePointer } from "../schema/pointer.ts";
import syntheticMeta from "@blankett/schemas/synthetic.meta.json" with { type: "json" };

/**
 * The synthetic-data profile (schemas/SYNTHETIC.md, schemas/synthetic.meta.json): its types, its
 * defaults, and the check of its shape against the meta-schema. What depends on the schema (a
 * path that exists, a key that suits the field, bounds) is checked when the plan is compiled
 * (plan.ts).
 */

/** What the profile may say about one field (a dot path from the document root, "[]" for items). */
export interface FieldSpec {
  /** Probability that an optional field is present (default: the profile's `optional`, else 0.8). */
  p?: number;
  /** Free text: where the numbers come from. Ignored by the generator. */
  note?: string;
  /** Single choice: code → relative weight. Integer: "N" or "A-B" → weight. Free string: value → weight. Boolean: "true"/"false". */
  weights?: Record<string, number>;
  /** Boolean (or a yes/no choice): probability of true. */
  true?: number;
  /** Multiple choice: code → probability that the option is ticked (independently). */
  include?: Record<string, number>;
  /** Multiple choice: shuffle the ticked options (for rankings) instead of keeping option order. */
  shuffle?: boolean;
  /** Array: number of items, [min, max] or a weights object like integer weights. */
  size?: [number, number] | Record<string, number>;
  /** Array of rows: sort the rows by this date field (true: the row's first date field). */
  sorted?: boolean | string;
  /** Integer or number: [min, max]. Date: [from, to] as ISO dates (with `after`: used when no earlier date exists). */
  range?: [number, number] | [string, string];
  /** Date: after the latest date found at these paths ("row." = the same row, "a[]" = every item, "a[0]" = the first). */
  after?: string | string[];
  /** Date with `after`: days to add, [min, max] or a weights object ("0-90": 75, …). Negative = before. */
  days?: [number, number] | Record<string, number>;
  /** Free string: pick one of these values uniformly. */
  values?: string[];
  /** Free string: a template; {n} is the document index, {n:6} the index zero-padded to 6 digits. */
  template?: string;
  /** Object: draw several of its fields together from a joint table. */
  joint?: Array<{ values: Record<string, unknown>; weight: number }>;
}

export interface SyntheticProfile {
  /** The meta-schema, for editors: "https://blankett.example/schemas/synthetic.meta.json". */
  $schema?: string;
  /** "<name>@<version>": the schema version this profile is for. */
  instrument: string;
  description?: string | string[];
  /** Default probability of an optional field (0.8 if not given). */
  optional?: number;
  /** Default range for dates without a spec (["2022-01-01", "2024-12-31"] if not given). */
  dateRange?: [string, string];
  /** Filler sentences for free text without a spec (a built-in Swedish list if not given). */
  phrases?: string[];
  fields?: Record<string, FieldSpec>;
}

export interface GenerateOptions {
  count: number;
  seed: number;
}

/** A profile that does not fit its schema: the message says which path and what is wrong (Swedish). */
export class ProfileError extends Error {}

/** Throws the ProfileError of a profile for `ref` (the schema's "<name>@<version>"). */
export function failProfile(ref: string, message: string): never {
  throw new ProfileError(`Profilen för syntetiska data (${ref}): ${message}`);
}

export const DEFAULT_OPTIONAL = 0.8;
export const DEFAULT_DATES: [string, string] = ["2022-01-01", "2024-12-31"];
export const DEFAULT_INCLUDE = 0.3;

/** Neutral Swedish filler for free text: short, plain, about nobody. */
export const FILLER_PHRASES: readonly string[] = [
  "Vi har pratat om hur det går just nu.",
  "Följs upp vid nästa möte.",
  "Det fungerar bättre än förra gången.",
  "Behöver mer stöd under en period.",
  "Har kontakt med handläggaren varje vecka.",
  "Vill ta det ett steg i taget.",
  "Inget nytt sedan förra samtalet.",
  "Planen ses över efter sommaren.",
  "Tycker att det har blivit lättare.",
  "Behöver mer tid innan nästa steg.",
  "Är nöjd med hur det har gått hittills.",
  "Vill gärna prova något nytt.",
  "Det var svårt i början men går bättre nu.",
  "Har fått hjälp att planera veckan.",
  "Önskar fler träffar framöver.",
  "Samtalet gick lugnt och bra.",
];

// ---------------------------------------------------------------------------------------------
// The shape, against schemas/synthetic.meta.json

let check: ValidateFunction | undefined;

const TYPE_NAMES: Record<string, string> = {
  object: "ett objekt",
  array: "en lista",
  string: "en text",
  number: "ett tal",
  integer: "ett heltal",
  boolean: "true eller false",
};

type MetaNode = Record<string, unknown>;

/** A key from the profile, as a message shows it: at most 60 characters. */
function clip(key: string): string {
  return key.length > 60 ? `${key.slice(0, 59)}…` : key;
}

function resolved(node: unknown): MetaNode | undefined {
  if (node === null || typeof node !== "object") return undefined;
  const ref = (node as MetaNode).$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/$defs/")) return node as MetaNode;
  return resolved((syntheticMeta.$defs as Record<string, unknown>)[ref.slice("#/$defs/".length)]);
}

/**
 * The part of the meta-schema that applies at an instance path (ajv names the schema path only
 * relative to the nearest $ref). Enough for this format: properties, then items for an index,
 * then additionalProperties.
 */
function metaAt(instancePath: string): MetaNode | undefined {
  let node = resolved(syntheticMeta);
  for (const seg of parsePointer(instancePath)) {
    if (!node) return undefined;
    const props = node.properties as MetaNode | undefined;
    if (props && Object.hasOwn(props, seg)) node = resolved(props[seg]);
    else if (/^\d+$/.test(seg) && node.items !== undefined) node = resolved(node.items);
    else node = resolved(node.additionalProperties);
  }
  return node;
}

function formatMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties": {
      const allowed = Object.keys((metaAt(e.instancePath)?.properties as MetaNode | undefined) ?? {});
      return `okänd nyckel ”${clip(String(p.additionalProperty))}”${allowed.length ? ` (tillåtna: ${allowed.join(", ")})` : ""}`;
    }
    case "required":
      return `saknar ”${String(p.missingProperty)}”`;
    case "dependentRequired":
      return `${String(p.property)} kräver ${String(p.missingProperty)}`;
    case "false schema": {
      // dependentSchemas: { "values": { "properties": { "weights": false } } } — two keys that exclude each other.
      const m = /\/dependentSchemas\/([^/]+)\/properties\/([^/]+)\//.exec(e.schemaPath);
      return m ? `ange ${m[1]} eller ${m[2]}, inte båda` : "får inte anges här";
    }
    case "type":
      return `ska vara ${String(p.type)
        .split(",")
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(" eller ")}`;
    case "minimum":
    case "maximum":
      // The format's only bounds: probabilities (0 to 1) and weights (at least 0).
      return metaAt(e.instancePath)?.maximum === 1 ? "ska vara en sannolikhet mellan 0 och 1" : `ska vara ett tal ≥ ${String(p.limit)}`;
    case "minItems":
    case "maxItems":
      if (p.limit === 2) return "ska vara ett par [min, max]";
      return `ska ha ${e.keyword === "minItems" ? "minst" : "högst"} ${String(p.limit)} ${p.limit === 1 ? "värde" : "värden"}`;
    case "minLength":
      return "får inte vara tom";
    case "minProperties":
      return "får inte vara tomt";
    case "format":
      return "ska vara ett datum som ”2022-01-01”";
    case "const":
      return `ska vara ${JSON.stringify(p.allowedValue)}`;
    case "pattern":
      if (e.propertyName !== undefined) return `”${clip(e.propertyName)}” är varken ett heltal eller ett intervall som ”10-12”`;
      if (e.instancePath === "/instrument") return "skrivs formulär@version, till exempel fia@1.0.0";
      return "har fel form";
    default:
      return `stämmer inte med formatet (${e.keyword})`;
  }
}

/** The JSON Pointer an error is about: the key itself for an unknown key or a bad key name. */
function pointerOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "additionalProperties") return `${e.instancePath}/${escapeSegment(String(p.additionalProperty))}`;
  if (e.propertyName !== undefined) return `${e.instancePath}/${escapeSegment(e.propertyName)}`;
  return e.instancePath;
}

/**
 * Checks a profile's shape against schemas/synthetic.meta.json. Throws a ProfileError naming the
 * JSON Pointer of the first problem and what is wrong (Swedish), with how many more there are.
 */
export function checkProfileFormat(ref: string, profile: unknown): asserts profile is SyntheticProfile {
  check ??= definitionsAjv().compile(syntheticMeta);
  if (check(profile)) return;
  // if/then reports its own error beside the branch's; propertyNames beside the name's pattern.
  const errors = (check.errors ?? []).filter((e) => e.keyword !== "if" && e.keyword !== "propertyNames");
  const shown = [...new Set(errors.map((e) => `${pointerOf(e) || "/"}: ${formatMessage(e)}`))];
  const more = shown.length > 1 ? ` (och ${shown.length - 1} fel till)` : "";
  failProfile(ref, `fel format (synthetic.meta.json) vid ${shown[0] ?? "/"}${more}`);
}
