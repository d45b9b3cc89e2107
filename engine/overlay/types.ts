/**
 * The overlay format (schemas/OVERLAYS.md, schemas/overlay.meta.json): a municipality's local
 * variant on top of one national schema version. Operations are data; the engine applies them to
 * a copy of the base and never changes the national schema itself.
 */
export interface LocalItem {
  /** The item's name inside the local namespace (`lokalt.<key>` in the answer document). */
  key: string;
  /** A small, self-contained JSON Schema for the answer (no $ref, no pattern; see OVERLAYS.md). */
  schema: Record<string, unknown>;
  /** The answer must be given (only in documents filled through this variant). */
  required?: boolean;
  /** Where the item goes among the local items; default: after the ones listed before it. */
  position?: { after: string } | { before: string };
}

export interface Overlay {
  $schema?: string;
  /** The variant's name: lowercase ASCII, digits and "-" (it becomes part of the `$id`). */
  name: string;
  /** The municipality or variant, as users should see it. */
  title: string;
  description?: string;
  /** The national version this overlay was written for: "fia@1.0.0". */
  base: string;
  /** Answer paths of optional national items that the variant does not ask. */
  hide?: string[];
  addItems?: LocalItem[];
  /** Answer path → new title (question wording). */
  relabel?: Record<string, string>;
  /** Answer path → help text shown under the field (`x-ui.help`). */
  help?: Record<string, string>;
  /** Object path ("" for the sections) → new order of its properties (unlisted ones come last). */
  reorder?: Record<string, string[]>;
  /** Answer path of a single or multiple choice → the national codes the variant keeps. */
  restrictOptions?: Record<string, unknown[]>;
  /** Answer path of an optional, unscored national item → the answer the variant's form starts with. */
  defaults?: Record<string, unknown>;
}

/** One broken rule: where in the overlay (JSON Pointer), which rule, and what is wrong (Swedish). */
export interface Violation {
  pointer: string;
  rule: RuleId;
  message: string;
  /**
   * The answer path (dot notation, `[]` for rows) of the item the violation is about, when it
   * exists in the base (or is a local item, `lokalt.<key>`): what explainViolation names and what
   * the studio links to. Not part of the printed line.
   */
  path?: string;
  /** A local item's title (the base does not know it). */
  label?: string;
  /** Who reads a scored item (dolj-poangsatt, begransa-poangsatt, konflikt-poangsatt). */
  reader?: Reader;
  /** The item whose display condition reads the hidden one (dolj-villkor). */
  dependent?: string;
  /** Its title, when it is a local item (the base does not know it). */
  dependentLabel?: string;
}

/** A national rule, indicator or indicator grouping that reads an answer. */
export interface Reader {
  kind: "rule" | "indicator" | "grouping";
  id: string;
  /** Its title as the national version gives it, when it has one. */
  title?: string;
}

export type RuleId =
  | "format"
  | "grundversion"
  | "sokvag"
  | "otillaten-nyckel"
  | "meta"
  | "dolj-obligatorisk"
  | "dolj-poangsatt"
  | "dolj-villkor"
  | "nationella-koder"
  | "utoka-alternativ"
  | "begransa-poangsatt"
  | "lokal-namnrymd"
  | "lokalt-schema"
  | "motstridiga"
  | "lint"
  | "standardvarde"
  | "standard-poangsatt"
  | "konflikt-saknas"
  | "konflikt-typ"
  | "konflikt-obligatorisk"
  | "konflikt-poangsatt"
  | "konflikt-koder"
  | "konflikt-text";

/** The rules, with the name users see next to every violation. */
export const RULES: Readonly<Record<RuleId, string>> = {
  format: "Overlayn måste följa overlayformatet",
  grundversion: "Overlayn ska tillämpas på sin grundversion",
  sokvag: "Sökvägen måste finnas i grundversionen",
  "otillaten-nyckel": "Nycklarna __proto__, constructor och prototype är inte tillåtna",
  meta: "Dokumentets meta-del får inte ändras",
  "dolj-obligatorisk": "Obligatoriska frågor får inte döljas",
  "dolj-poangsatt": "Frågor som regler eller indikatorer läser får inte döljas",
  "dolj-villkor": "Frågor som andra frågors villkor läser får inte döljas",
  "nationella-koder": "Nationella koder får inte ändras",
  "utoka-alternativ": "Svarsalternativ får bara begränsas, inte utökas",
  "begransa-poangsatt": "Svarsalternativen till frågor som regler eller indikatorer läser får inte begränsas",
  "lokal-namnrymd": "Lokala frågor ligger i den lokala namnrymden lokalt",
  "lokalt-schema": "Lokala frågor får bara använda enkla schemanyckelord",
  motstridiga: "Operationerna får inte motsäga varandra",
  lint: "Det effektiva schemat måste klara lint",
  standardvarde: "Ett lokalt standardsvar ska vara ett giltigt svar på en valfri fråga",
  "standard-poangsatt": "Frågor som regler eller indikatorer läser får inga lokala standardsvar",
  "konflikt-saknas": "Målet finns inte i den nya grundversionen",
  "konflikt-typ": "Målet har bytt typ i den nya grundversionen",
  "konflikt-obligatorisk": "Målet har blivit obligatoriskt i den nya grundversionen",
  "konflikt-poangsatt": "Målet läses av regler eller indikatorer i den nya grundversionen",
  "konflikt-koder": "Svarsalternativen har ändrats i den nya grundversionen",
  "konflikt-text": "Den nationella frågetexten har ändrats i den nya grundversionen",
};

/** What the scored-item check reads besides the schema's own x-rules. */
export interface OverlayContext {
  /** The base version's indicator definitions (`<instrument>/<version>.indicators.json`), parsed JSON. */
  indicators?: unknown;
}
