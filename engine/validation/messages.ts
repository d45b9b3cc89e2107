import type { ErrorObject } from "ajv";
import { choiceOptions, labelOf, uiOf } from "../schema/walk.ts";
import type { JsonSchema } from "../schema/types.ts";

/**
 * The Swedish message catalogue, keyed on the ajv keyword. ajv-i18n's Swedish speaks of
 * "properties" and covers only older drafts, so these are our own, written for case workers:
 * they name the question by its label and say what to do. Messages never repeat the answer
 * itself (answers may hold sensitive data and messages end up in logs).
 */

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  integer: "ett heltal",
  number: "ett tal",
  boolean: "ja eller nej",
  array: "en lista",
  object: "en grupp av svar",
  null: "tomt",
};

/** "Datum för händelsen" → "datum för händelsen"; keeps acronyms such as "BUP" or "FIA". */
export function lowerFirst(label: string): string {
  if (label.length > 1 && label[1] === label[1]!.toLowerCase()) return label[0]!.toLowerCase() + label.slice(1);
  return label;
}

function q(label: string): string {
  return `”${label}”`;
}

export interface MessageContext {
  root: JsonSchema;
  /** Schema of the field the error is about (for `required`: of the missing field). */
  field: JsonSchema | undefined;
  label: string;
}

function isChoice(ctx: MessageContext): boolean {
  const s = ctx.field;
  if (!s) return false;
  if (choiceOptions(ctx.root, s)) return true;
  const items = s.items as JsonSchema | undefined;
  return s.type === "array" && !!items && !!choiceOptions(ctx.root, items);
}

function requiredMessage(ctx: MessageContext): string {
  const type = ctx.field?.type;
  // A label that is a question reads badly after "Välj"/"Ange": ask to answer it instead.
  if (ctx.label.trim().endsWith("?")) return `Svara på frågan ${q(ctx.label)}`;
  if (isChoice(ctx)) return `Välj ${lowerFirst(ctx.label)}`;
  if (type === "boolean") return `Svara på frågan ${q(ctx.label)}`;
  if (type === "object" || type === "array") return `Fyll i ${q(ctx.label)}`;
  return `Ange ${lowerFirst(ctx.label)}`;
}

function formatMessage(format: string, label: string): string {
  switch (format) {
    case "date":
      return `Skriv datumet för ${q(label)} som ÅÅÅÅ-MM-DD, till exempel 2024-03-01`;
    case "date-time":
      return `Skriv tidpunkten för ${q(label)} som datum och klockslag, till exempel 2024-03-01T14:30:00Z`;
    case "time":
      return `Skriv klockslaget för ${q(label)} som TT:MM, till exempel 14:30`;
    case "email":
      return `Skriv en e-postadress i ${q(label)}, till exempel namn@kommun.se`;
    default:
      return `${q(label)} har fel form`;
  }
}

export function swedishMessage(error: ErrorObject, ctx: MessageContext): string {
  const custom = uiOf(ctx.field).messages?.[error.keyword];
  if (custom) return custom;
  const L = ctx.label;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return requiredMessage(ctx);
    case "type": {
      const types = String(p.type).split(",").map((t) => TYPE_NAMES[t] ?? t);
      return `${q(L)} ska vara ${types.join(" eller ")}`;
    }
    case "format":
      return formatMessage(String(p.format), L);
    case "oneOf":
    case "anyOf":
    case "enum":
      return isChoice(ctx) ? `Välj ett av alternativen för ${q(L)}` : `${q(L)} är inte rätt ifyllt`;
    case "const":
      return `${q(L)} måste vara ${JSON.stringify(p.allowedValue)}`;
    case "minimum":
      return `${q(L)} får inte vara mindre än ${p.limit}`;
    case "maximum":
      return `${q(L)} får inte vara större än ${p.limit}`;
    case "exclusiveMinimum":
      return `${q(L)} måste vara större än ${p.limit}`;
    case "exclusiveMaximum":
      return `${q(L)} måste vara mindre än ${p.limit}`;
    case "multipleOf":
      return `${q(L)} måste vara en multipel av ${p.multipleOf}`;
    case "minLength":
      return Number(p.limit) <= 1 ? `Ange ${lowerFirst(L)}` : `${q(L)} måste ha minst ${p.limit} tecken`;
    case "maxLength":
      return `${q(L)} får ha högst ${p.limit} tecken`;
    case "pattern":
      return `${q(L)} har fel form`;
    case "minItems":
      return Number(p.limit) === 1 ? `Fyll i minst en rad i ${q(L)}` : `Fyll i minst ${p.limit} rader i ${q(L)}`;
    case "maxItems":
      return `${q(L)} får ha högst ${p.limit} val eller rader`;
    case "uniqueItems":
      return `Samma val finns två gånger i ${q(L)}`;
    case "additionalProperties":
    case "unevaluatedProperties":
      return `Uppgiften ${q(L)} finns inte i formuläret`;
    case "minProperties":
      return `Fyll i minst ${p.limit} uppgifter i ${q(L)}`;
    case "dependentRequired":
      return `Ange ${lowerFirst(L)} när ${q(String(p.property))} är ifyllt`;
    default:
      return `${q(L)} är inte rätt ifyllt`;
  }
}

export function fieldLabel(field: JsonSchema | undefined, pointerTail: string): string {
  return labelOf(field, pointerTail === "" ? "Formuläret" : pointerTail);
}
