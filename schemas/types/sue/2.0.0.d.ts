/* Generated from schemas/sue/2.0.0.schema.json by `npm run types`. Do not edit. */

/**
 * Insatser
 *
 * @maxItems 50
 */
export type Insatser = Insats[];

/**
 * Uppföljning av ekonomiskt bistånd (SUE)
 */
export interface SueV2_0_0 {
  meta: Meta;
  bakgrund: Bakgrund;
  foreInsats?: ForeInsats;
  insatser?: Insatser;
  underInsats?: UnderInsats;
  efterInsats?: EfterInsats;
  brukaruppfoljning?: Brukaruppfoljning;
  avslutning?: Avslutning;
  ateraktualisering?: Ateraktualisering;
  migrering?: Migrering;
}
/**
 * Om dokumentet
 */
export interface Meta {
  /**
   * Schemaversion
   */
  schema: "sue@2.0.0";
  /**
   * Lokal variant
   */
  variant?: string;
  /**
   * Status
   */
  status?: "draft" | "complete";
  /**
   * Skapad
   */
  created?: string;
  /**
   * Senast ändrad
   */
  updated?: string;
}
/**
 * Bakgrundsuppgifter
 */
export interface Bakgrund {
  /**
   * Ärendenummer (avidentifierat)
   */
  arendenummer?: string;
  /**
   * Kön
   */
  kon: ("kvinna" | "man" | "annat_okant") & string;
  /**
   * Födelseår
   */
  fodelsear: number;
  /**
   * Hushållstyp
   */
  hushallstyp: ("1" | "3" | "4" | "5" | "6" | "7" | "8" | "9") & string;
  /**
   * Född i Sverige eller i ett annat land
   */
  fodelseland?: ("sverige" | "utrikes") & string;
  /**
   * Stadsdel eller område
   */
  stadsdel?: string;
  /**
   * Datum när ärendet startade
   */
  arendeStart: string;
  /**
   * Månader med ekonomiskt bistånd de senaste 12 månaderna
   */
  manaderMedBistandSenaste12?: number;
}
/**
 * Före insats
 */
export interface ForeInsats {
  /**
   * Datum för första kontakten
   */
  forstaKontakt?: string;
  /**
   * Försörjningshinder
   */
  forsorjningshinder?: (
    | "arbetslos_ingen_ersattning"
    | "arbetslos_otillracklig_ersattning"
    | "arbetslos_vantar_ersattning"
    | "arbetar_heltid_otillracklig_inkomst"
    | "arbetar_deltid_otillracklig_inkomst"
    | "sjukskriven_lakarintyg"
    | "sjuk_utan_lakarintyg"
    | "arbetshinder_sociala_skal"
    | "foraldraledig"
    | "saknar_barnomsorg"
    | "annat_forsorjningshinder"
    | "utan_forsorjningshinder"
  ) &
    string;
  /**
   * Samlad bedömning i FIA
   */
  fiaKategori?: (
    "ej_stod_arbete_ej_socialt" | "ej_stod_arbete_socialt" | "stod_arbete_ej_socialt" | "stod_arbete_socialt"
  ) &
    string;
  /**
   * Problemområden
   */
  problemomraden?: ((
    | "utbildning"
    | "arbetslivserfarenhet"
    | "sprak"
    | "kroppslig_halsa"
    | "psykisk_halsa"
    | "funktionsnedsattning"
    | "alkohol_droger"
    | "ovriga_beroenden"
    | "boende"
    | "situationen_hemma"
    | "socialt_natverk"
    | "skulder"
    | "vald_overgrepp"
    | "utsatthet_brott"
    | "rattslig_situation"
    | "narstaendes_problem"
    | "barnens_situation"
    | "arbetsmotivation"
    | "svar_arbetsmarknad"
    | "annat"
  ) &
    string)[];
  /**
   * Mål som har satts tillsammans med personen
   *
   * @maxItems 10
   *
   * Items: Mål
   */
  malSatta?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string];
  /**
   * Datum när planen mot egen försörjning gjordes
   */
  planUpprattadDatum?: string;
}
/**
 * Insats
 */
export interface Insats {
  /**
   * Typ av insats
   */
  typ: (
    | "jobbsokaraktivitet"
    | "arbetstraning_utanfor_arbetsmarknaden"
    | "utbildning"
    | "sfi"
    | "praktik_ordinarie_arbetsplats"
    | "stodat_arbete_ips"
    | "sociala_aktiviteter"
    | "skuldradgivning"
    | "annan"
  ) &
    string;
  /**
   * Startdatum
   */
  startdatum: string;
  /**
   * Slutdatum
   */
  slutdatum?: string;
}
/**
 * Under insats
 */
export interface UnderInsats {
  /**
   * Har personen deltagit i insatserna?
   */
  deltagande?: ("helt" | "delvis" | "inte") & string;
  /**
   * Antal sanktioner
   */
  antalSanktioner?: number;
  /**
   * Har personen fått undantag från krav på att delta?
   */
  fattUndantag?: boolean & (true | false);
  /**
   * Skäl till undantaget
   */
  undantagsskal?: (("ohalsa" | "barn_familj" | "sociala_skal" | "sprak" | "ingen_lamplig_insats") & string)[];
  /**
   * Annat skäl till undantaget
   */
  undantagAnnat?: string;
}
/**
 * Efter insats
 */
export interface EfterInsats {
  /**
   * Huvudsaklig försörjning efter insatserna
   */
  huvudsakligInkomst?: ("arbete" | "studier" | "annan_ersattning" | "fortfarande_bistand" | "annat") & string;
  /**
   * Har målen nåtts?
   */
  malupfyllelse?: ("uppnatt" | "delvis" | "ej_uppnatt") & string;
  /**
   * Månader med ekonomiskt bistånd under kalenderåret
   */
  manaderMedBistandKalenderar?: number;
  /**
   * År i följd med ekonomiskt bistånd
   */
  arMedBistand?: number;
  /**
   * Datum för uppföljningen efter insats
   */
  uppfoljningsdatum?: string;
  /**
   * Försörjningshinder efter insats
   */
  forsorjningshinder?: (
    | "arbetslos_ingen_ersattning"
    | "arbetslos_otillracklig_ersattning"
    | "arbetslos_vantar_ersattning"
    | "arbetar_heltid_otillracklig_inkomst"
    | "arbetar_deltid_otillracklig_inkomst"
    | "sjukskriven_lakarintyg"
    | "sjuk_utan_lakarintyg"
    | "arbetshinder_sociala_skal"
    | "foraldraledig"
    | "saknar_barnomsorg"
    | "annat_forsorjningshinder"
    | "utan_forsorjningshinder"
  ) &
    string;
}
/**
 * Vad personen tycker om hjälpen
 */
export interface Brukaruppfoljning {
  /**
   * Vad tycker du om den hjälp du har fått?
   */
  nojdhet?: ("mycket_bra" | "bra" | "varken_eller" | "daligt" | "mycket_daligt") & string;
  /**
   * Vill du säga något mer om hjälpen?
   */
  kommentar?: string;
}
/**
 * Avslutning
 */
export interface Avslutning {
  /**
   * Datum när ärendet avslutades
   */
  avslutsdatum?: string;
  /**
   * Varför ärendet avslutades
   */
  avslutsorsak?: (
    | "arbete"
    | "studier"
    | "annan_ersattning"
    | "andrade_familjeforhallanden"
    | "flyttat"
    | "avliden"
    | "ej_aktuell"
    | "annan_orsak"
  ) &
    string;
}
/**
 * Återaktualisering – ärendet öppnas igen
 */
export interface Ateraktualisering {
  /**
   * Datum när ärendet blev aktuellt igen
   */
  ateraktualiseradDatum?: string;
}
/**
 * Flyttat från en äldre version
 */
export interface Migrering {
  /**
   * Svaren gavs först i version
   */
  fran: string;
  /**
   * Flyttades till version
   */
  till: string;
  /**
   * Flyttades den
   */
  datum?: string;
  /**
   * Svar som inte kunde föras över
   *
   * @maxItems 5000
   */
  ejOverforda: EjOverfort[];
}
/**
 * Svar som inte fördes över
 */
export interface EjOverfort {
  /**
   * Var svaret fanns
   */
  sokvag: string;
  /**
   * I version
   */
  version: string;
  /**
   * Svaret
   */
  varde: string;
  /**
   * Varför det inte fördes över
   */
  skal: string;
}
