import { instrumentOf } from "../schema/registry.ts";
import type { JsonSchema } from "../schema/types.ts";
import { locate, parseAnswerPath } from "./paths.ts";
import type { Reader, RuleId, Violation } from "./types.ts";

/**
 * A violation in plain Swedish, for people who adapt a form without knowing its files: what is not
 * allowed about this item (named by its question text, not its path) and the national rule behind
 * it. No rule ids, no JSON Pointers. `path` is the item's answer path (for a link to it), `label`
 * its title. Every text is plain text: the caller shows it as text, never as HTML.
 */
export interface Explanation {
  what: string;
  why: string;
  path?: string;
  label?: string;
}

/** The title of the item at an answer path in the base, if it has one. */
function titleAt(base: JsonSchema | undefined, path: string | undefined): string | undefined {
  if (!base || path === undefined) return undefined;
  const parsed = parseAnswerPath(path);
  if ("error" in parsed) return undefined;
  const found = locate(base, parsed.segments);
  const title = found?.schema.title;
  return typeof title === "string" && title.trim() !== "" ? title : undefined;
}

function versionName(base: JsonSchema | undefined): string {
  if (!base) return "den nationella versionen";
  try {
    const { title, version } = instrumentOf(base);
    return `den nationella versionen (${title} ${version})`;
  } catch {
    return "den nationella versionen";
  }
}

/** Who reads a scored item, in words: "den nationella regeln ”Sammanfattande kategori”". */
function readerName(reader: Reader | undefined): string {
  if (!reader) return "en nationell regel eller indikator";
  const name = reader.title ?? reader.id;
  switch (reader.kind) {
    case "rule":
      return `den nationella regeln ”${name}”`;
    case "indicator":
      return `den nationella indikatorn ”${name}”`;
    case "grouping":
      return `den nationella statistikens indelning efter ”${name}”`;
  }
}

/** What changes if a scored item is missing or limited, by who reads it (follows "skulle"). */
function readerEffect(reader: Reader | undefined): string {
  if (reader?.kind === "rule") return "resultatet (till exempel en sammanfattning eller kategori) räknas annorlunda än i den nationella versionen";
  if (reader?.kind === "grouping") return "statistiken delas upp annorlunda än i andra kommuner, så att den inte går att jämföra";
  if (reader?.kind === "indicator") return "indikatorn räknas annorlunda än i andra kommuner, så att den inte går att jämföra";
  return "resultaten räknas annorlunda än i den nationella versionen";
}

/** The operations' names as the studio shows them, by the first segment of the overlay pointer. */
const OPERATION_NAMES: Record<string, string> = {
  name: "variantens namn",
  title: "variantens rubrik",
  description: "variantens beskrivning",
  base: "grundversionen",
  hide: "de dolda frågorna",
  addItems: "de lokala frågorna",
  relabel: "de nya frågetexterna",
  help: "hjälptexterna",
  reorder: "den nya ordningen",
  restrictOptions: "de begränsade svarsalternativen",
  defaults: "de lokala standardsvaren",
};

function part(pointer: string): string {
  const first = pointer.split("/")[1];
  return first !== undefined && Object.prototype.hasOwnProperty.call(OPERATION_NAMES, first) ? OPERATION_NAMES[first]! : "varianten";
}

/**
 * Explains one violation (from checkVariant or a rebase) in plain Swedish. Give the base version
 * the overlay is checked against, so the item is named by its question text and the version by its
 * title.
 */
export function explainViolation(v: Violation, base?: JsonSchema): Explanation {
  const label = v.label ?? titleAt(base, v.path);
  const q = label !== undefined ? `”${label}”` : "frågan";
  const Q = label !== undefined ? `Frågan ”${label}”` : "Frågan";
  const version = versionName(base);
  const dependent = v.dependentLabel ?? titleAt(base, v.dependent);
  const texts = TEXTS[v.rule]({ v, q, Q, version, dependent });
  return { ...texts, ...(v.path !== undefined ? { path: v.path } : {}), ...(label !== undefined ? { label } : {}) };
}

interface Words {
  v: Violation;
  /** The question in quotes, or "frågan". */
  q: string;
  /** The same, starting a sentence: "Frågan ”…”". */
  Q: string;
  version: string;
  dependent: string | undefined;
}

const TEXTS: Record<RuleId, (w: Words) => { what: string; why: string }> = {
  format: ({ v }) => ({
    what: `Något i ${part(v.pointer)} är inte ifyllt på rätt sätt.`,
    why: "En variant skrivs på ett bestämt sätt, så att den kan kontrolleras och användas likadant överallt. Bara vissa ändringar går att göra: dölja frågor, lägga till lokala frågor, byta frågetext, hjälptext, ordning, svarsalternativ och standardsvar.",
  }),
  grundversion: ({ version }) => ({
    what: "Varianten är gjord för en annan version av formuläret, eller ett annat formulär, än det den används med här.",
    why: `En variant bygger alltid på en bestämd nationell version och kontrolleras mot just den, här ${version}. Så kan ingen ändring råka gälla frågor som ser annorlunda ut i en annan version.`,
  }),
  sokvag: ({ v, q, version }) =>
    v.path !== undefined
      ? {
          what: `Ändringen går inte att göra på ${q}.`,
          why: "Varje ändring gäller en viss sorts fråga: bara frågor med svarsalternativ kan få färre alternativ, bara grupper av frågor kan ordnas om, en hel lista döljs i stället för dess rader, och lokala frågor ändras där de läggs till.",
        }
      : {
          what: `En ändring gäller en fråga som inte finns i ${version}.`,
          why: "En variant kan bara ändra frågor som finns i den nationella version den bygger på.",
        },
  "otillaten-nyckel": () => ({
    what: "Varianten använder ett namn som är spärrat (__proto__, constructor eller prototype).",
    why: "De namnen kan ändra hur program tolkar uppgifterna och skulle kunna användas för att ta sig förbi kontrollerna. De är därför spärrade överallt.",
  }),
  meta: () => ({
    what: "Varianten försöker ändra formulärets uppgifter om version och variant.",
    why: "De uppgifterna gör att varje ifyllt formulär kan spåras till den nationella versionen och till varianten. De är desamma i alla varianter och går inte att ändra.",
  }),
  "dolj-obligatorisk": ({ Q, version }) => ({
    what: `${Q} går inte att dölja.`,
    why: `Den är obligatorisk i ${version}. Obligatoriska frågor ska besvaras i alla kommuner, annars blir uppgifterna ofullständiga.`,
  }),
  "dolj-poangsatt": ({ Q, v }) => ({
    what: `${Q} går inte att dölja.`,
    why: `Svaret används av ${readerName(v.reader)}. Utan frågan skulle ${readerEffect(v.reader)}.`,
  }),
  "dolj-villkor": ({ Q, q, dependent }) => ({
    what: `${Q} går inte att dölja ensam.`,
    why: `${dependent !== undefined ? `Frågan ”${dependent}”` : "En annan fråga"} visas bara beroende på svaret på ${q}. Dölj båda, eller ingen av dem.`,
  }),
  "nationella-koder": ({ q }) => ({
    what: `Ett svarsalternativ till ${q} är skrivet på ett annat sätt än i den nationella versionen.`,
    why: "Svarsalternativen betyder samma sak i hela landet. Ett alternativ som skrivs om, till exempel med stor bokstav eller som ett tal i stället för text, räknas som ett annat svar.",
  }),
  "utoka-alternativ": ({ q }) => ({
    what: `Varianten lägger till ett svarsalternativ till ${q} som inte finns i den nationella versionen.`,
    why: "En variant får bara ta bort svarsalternativ, inte lägga till nya: ett nytt alternativ går inte att jämföra med andra kommuners svar. Behövs något mer kan det bli en lokal fråga.",
  }),
  "begransa-poangsatt": ({ q, v }) => ({
    what: `Svarsalternativen till ${q} går inte att begränsa.`,
    why: `Svaret används av ${readerName(v.reader)}. Med färre alternativ skulle ${readerEffect(v.reader)}.`,
  }),
  "lokal-namnrymd": ({ v, q }) => ({
    what:
      v.pointer === "/addItems"
        ? "Den här versionen av formuläret har ingen plats för lokala frågor."
        : `${q === "frågan" ? "En lokal fråga" : `Den lokala frågan ${q}`} har ett namn som inte går att använda.`,
    why: "Lokala frågor samlas i en egen del av formuläret, ”Lokala frågor”, och har var sitt enkla namn (små bokstäver a–z, siffror och understreck) som ingen annan lokal fråga har. Då kan de aldrig krocka med nationella frågor, varken nu eller i senare versioner.",
  }),
  "lokalt-schema": ({ q }) => ({
    what: `Den lokala frågan ${q} använder en inställning som inte är tillåten.`,
    why: "Lokala frågor ska vara enkla: text, tal, datum, ja eller nej, val bland egna alternativ och tabeller med sådana fält. Mönster för text och hänvisningar in i det nationella formuläret är spärrade, så att formuläret förblir säkert och snabbt.",
  }),
  motstridiga: ({ q }) => ({
    what: `Två ändringar i varianten säger emot varandra (det gäller ${q}).`,
    why: "En dold fråga kan inte samtidigt få ny text, ny plats eller ett standardsvar, och samma sak kan inte stå två gånger.",
  }),
  lint: ({ q, v }) => ({
    what: v.path !== undefined ? `Den lokala frågan ${q} fungerar inte i det färdiga formuläret.` : "Det färdiga formuläret som varianten ger fungerar inte.",
    why: "Den färdiga varianten kontrolleras som vilket nationellt formulär som helst. Ett villkor för när en fråga visas måste till exempel bara läsa frågor som finns, och visningsinställningarna måste vara kända.",
  }),
  standardvarde: ({ Q, q }) => ({
    what: `Standardsvaret för ${q} går inte att använda.`,
    why: `${Q} måste vara en fråga som inte är obligatorisk, och standardsvaret måste vara ett svar som frågan tar emot (bland de alternativ varianten behåller).`,
  }),
  "standard-poangsatt": ({ Q, v }) => ({
    what: `${Q} kan inte få ett lokalt standardsvar.`,
    why: `Svaret används av ${readerName(v.reader)}. Med ett ifyllt standardsvar skulle ${readerEffect(v.reader)}.`,
  }),
  "konflikt-saknas": ({ q }) => ({
    what: `Ändringen av ${q} går inte att flytta till den nya versionen: frågan finns inte längre där.`,
    why: "En variant flyttas till en ny nationell version utan gissningar. Ta bort eller ändra ändringen innan varianten bygger på den nya versionen.",
  }),
  "konflikt-typ": ({ Q }) => ({
    what: `${Q} tar emot en annan sorts svar i den nya versionen.`,
    why: "Variantens ändring gjordes för den gamla sortens svar. Se över den innan varianten bygger på den nya versionen.",
  }),
  "konflikt-obligatorisk": ({ Q }) => ({
    what: `${Q} har blivit obligatorisk i den nya versionen och kan inte längre vara dold.`,
    why: "Obligatoriska frågor ska besvaras i alla kommuner.",
  }),
  "konflikt-poangsatt": ({ q, v }) => ({
    what: `Ändringen av ${q} går inte längre: i den nya versionen används svaret av ${readerName(v.reader)}.`,
    why: `Med ändringen kvar skulle ${readerEffect(v.reader)}.`,
  }),
  "konflikt-koder": ({ q }) => ({
    what: `Svarsalternativen till ${q} har ändrats i den nya versionen.`,
    why: "Ta ställning till vilka av de nationella alternativen varianten ska behålla.",
  }),
  "konflikt-text": ({ q }) => ({
    what: `Den nationella texten till ${q} har ändrats i den nya versionen.`,
    why: "Den lokala texten skrevs för den gamla nationella texten. Läs igenom den så att den fortfarande säger samma sak.",
  }),
};
