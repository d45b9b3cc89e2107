import { checkVariant, explainViolation, type Explanation } from "@blankett/engine/overlay";
import type { JsonSchema } from "@blankett/engine/compiler";
import { besideSchema, indicatorFiles, overlays, registry } from "./schemas.ts";

/** What the app offers: every instrument with its versions (oldest first) and local variants. */
export const instruments = registry.list();

/** A plain Swedish line about each instrument, for the start page (the schemas' descriptions are for authors). */
export const BLURBS: Record<string, string> = {
  barnahuslogg: "Barnets väg genom barnahus: samråd, förhör, läkarundersökning och stöd, med en logg som kan skrivas ut och ges till barnet.",
  fia: "Bedömningsintervjun för personer med ekonomiskt bistånd vars hinder för att arbeta är oklara.",
  sue: "Uppföljningen av ekonomiskt bistånd: uppgifter om hushållet och insatserna som blir nationell statistik.",
};

export interface Variant {
  /** Its name in addresses: the file name without `.overlay.json`. */
  name: string;
  title: string;
  instrument: string;
  /** The base version's number. */
  version: string;
  /** `<instrument>/variants/<name>.overlay.json`, as `blankett overlay check` names it. */
  file: string;
  overlay: Record<string, unknown>;
}

export const variants: Variant[] = Object.entries(overlays)
  .map(([path, overlay]) => {
    const file = path.split("/").slice(-3).join("/");
    const [instrument, version] = String(overlay.base ?? "").split("@");
    const name = file.split("/").pop()!.replace(/\.overlay\.json$/, "");
    return { name, title: String(overlay.title ?? name), instrument: instrument ?? "", version: version ?? "", file, overlay };
  })
  .sort((a, b) => a.title.localeCompare(b.title, "sv"));

export function variantsOf(instrument: string, version?: string): Variant[] {
  return variants.filter((v) => v.instrument === instrument && (version === undefined || v.version === version));
}

export function hasIndicators(ref: string): boolean {
  return besideSchema(indicatorFiles, ref, "indicators") !== undefined;
}

export interface AppliedVariant {
  /** The effective schema; only when the variant keeps every rule. */
  schema?: JsonSchema;
  /** Each broken rule in plain Swedish: what is not allowed, and why. */
  problems: Explanation[];
}

const applied = new Map<Variant, AppliedVariant>();

/** The variant on its base, checked as `blankett overlay check` does (with the base's indicators). */
export function applyVariant(variant: Variant): AppliedVariant {
  const cached = applied.get(variant);
  if (cached) return cached;
  const ref = `${variant.instrument}@${variant.version}`;
  const base = registry.get(ref);
  let result: AppliedVariant;
  if (!base) result = { problems: [{ what: `Versionen den bygger på, ${variant.instrument} ${variant.version}, finns inte.`, why: "En variant bygger alltid på en bestämd nationell version." }] };
  else {
    const r = checkVariant(variant.overlay, base, { indicators: besideSchema(indicatorFiles, ref, "indicators"), fileName: variant.file });
    result = { schema: r.schema, problems: r.violations.map((v) => explainViolation(v, base)) };
  }
  applied.set(variant, result);
  return result;
}

/** "1.0.0, 1.1.0 och 2.0.0" */
export function listSv(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}
