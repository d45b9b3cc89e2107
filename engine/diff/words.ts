import type { Bump, ChangeClass } from "./types.ts";

/** The Swedish words a diff shows to people. Code and docs stay English; users read Swedish. */

export const CLASS_MARKER: Record<ChangeClass, string> = {
  breaking: "BRYTANDE",
  compatible: "KOMPATIBEL",
  wording: "FORMULERING",
  bookkeeping: "BOKFÖRING",
  review: "BEHÖVER GRANSKAS",
};

export const CLASS_NAME: Record<ChangeClass, string> = {
  breaking: "Brytande",
  compatible: "Kompatibel",
  wording: "Endast formulering",
  bookkeeping: "Bokföring",
  review: "Behöver granskas",
};

export const CLASS_MEANING: Record<ChangeClass, string> = {
  breaking: "ett svar som var giltigt kan bli ogiltigt eller betyda något annat",
  compatible: "alla tidigare svar är fortfarande giltiga och betyder samma sak",
  wording: "bara text som människor läser (etiketter, hjälptexter, beskrivningar)",
  bookkeeping: "versionsstämpeln (meta.schema); svaren stämplas om när de flyttas till den nya versionen",
  review: "analysen kan inte avgöra om sparade svar påverkas; en människa måste granska ändringen (räknas som brytande tills den godkänts)",
};

/** Every class, in the order a report lists them: what needs a decision first. */
export const CLASSES: ChangeClass[] = ["breaking", "review", "compatible", "wording", "bookkeeping"];

export const BUMP_NAME: Record<Bump | "downgrade", string> = {
  major: "major (ny huvudversion)",
  minor: "minor (ny delversion)",
  patch: "patch (rättelse)",
  none: "ingen",
  downgrade: "lägre versionsnummer",
};

const KEYWORD_NAME: Record<string, string> = {
  minimum: "lägsta värde",
  maximum: "högsta värde",
  exclusiveMinimum: "större än",
  exclusiveMaximum: "mindre än",
  minLength: "minsta längd",
  maxLength: "största längd",
  minItems: "minsta antal",
  maxItems: "största antal",
  minProperties: "minsta antal uppgifter",
  maxProperties: "största antal uppgifter",
  minContains: "minsta antal träffar",
  maxContains: "största antal träffar",
  pattern: "mönster",
  format: "format",
  multipleOf: "multipel av",
  uniqueItems: "unika val",
  additionalProperties: "andra uppgifter tillåtna",
  enum: "fasta svarsalternativ",
  const: "fast värde",
  type: "typ",
};

export function keywordName(keyword: string): string {
  if (keyword.startsWith("items.")) return `${keywordName(keyword.slice(6))} (varje val)`;
  return KEYWORD_NAME[keyword] ?? keyword;
}

const TYPE_NAME: Record<string, string> = {
  string: "text",
  integer: "heltal",
  number: "tal",
  boolean: "ja/nej",
  object: "grupp",
  array: "lista",
  null: "tomt",
};

export function typeName(types: string[] | undefined): string {
  if (!types) return "valfri typ";
  return types.map((t) => TYPE_NAME[t] ?? t).join(" eller ");
}

/** A value in a Swedish sentence: text in Swedish quotation marks, data as compact JSON. */
export function show(value: unknown): string {
  if (value === undefined) return "(saknas)";
  if (typeof value === "string") return `”${value}”`;
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (typeof value === "number") return String(value).replace(".", ",");
  return JSON.stringify(value);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
