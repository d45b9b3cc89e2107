/* Generated from schemas/barnahuslogg/2.1.0.schema.json by `npm run types`. Do not edit. */

/**
 * Vuxna som barnet träffat eller som varit med på barnahus
 *
 * @minItems 1
 * @maxItems 50
 */
export type Personer = [Person, ...Person[]];
/**
 * Barnets väg genom barnahus
 *
 * @minItems 1
 * @maxItems 500
 */
export type Handelser = [Handelse, ...Handelse[]];
export type Handelsetyp =
  | "anmalan_socialtjansten"
  | "anmalan_polis"
  | "samradsmote"
  | "barnsamtal"
  | "barnforhor"
  | "hamtning_lamning"
  | "medicinsk_undersokning"
  | "forhor_misstankt"
  | "husrannsakan"
  | "atalsbeslut"
  | "bedomning_avslutad_utredning"
  | "socialtjanstens_insatser"
  | "behandlingsinsatser"
  | "information_till_barnet"
  | "foraldrasamtal"
  | "vittnesforhor"
  | "kontakt_bup"
  | "rattegang"
  | "dom"
  | "annan";
export type Handelsetyp1 = string;
/**
 * Socialtjänstens skyddsbedömningar
 *
 * @maxItems 50
 */
export type Skyddsbedomningar = Skyddsbedomning[];

/**
 * Barnahuslogg
 */
export interface BarnahusloggV2_1_0 {
  meta: Meta;
  barn: Barn;
  personer: Personer;
  handelser: Handelser;
  skyddsbedomningar?: Skyddsbedomningar;
  utredning: Utredning;
  avslutning: Avslutning;
  migrering?: Migrering;
}
/**
 * Om dokumentet
 */
export interface Meta {
  /**
   * Schemaversion
   */
  schema: "barnahuslogg@2.1.0";
  /**
   * Lokal variant
   */
  variant?: string;
  /**
   * Status
   */
  status?: ("draft" | "complete") & string;
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
 * Barnet
 */
export interface Barn {
  /**
   * Förnamn
   */
  fornamn: string;
  /**
   * Ålder
   */
  alder: number;
  /**
   * Födelsedatum
   */
  fodelsedatum?: string;
  /**
   * Bor med
   */
  boende: string;
  /**
   * Några ord om barnet
   */
  intro?: string;
}
/**
 * Person
 */
export interface Person {
  /**
   * Namn
   */
  namn: string;
  /**
   * Roll
   */
  roll: (
    | "socialsekreterare"
    | "barnforhorsledare"
    | "sarskild_foretradare"
    | "malsagandebitrade"
    | "lakare"
    | "trygghetsperson"
    | "bup_behandlare"
    | "aklagare"
    | "samordnare"
    | "polis"
    | "annan"
  ) &
    string;
  /**
   * Annan roll
   */
  annanRoll?: string;
  /**
   * Vad personen gör (till barnet)
   */
  beskrivning?: string;
  /**
   * Arbetar på
   */
  myndighet?: (
    | "socialtjansten"
    | "polisen"
    | "aklagaren"
    | "bup"
    | "halso_sjukvard"
    | "barnahus"
    | "skola_forskola"
    | "ombud"
    | "annan"
  ) &
    string;
}
/**
 * Händelse
 */
export interface Handelse {
  /**
   * Datum
   */
  datum?: string;
  /**
   * Händelse
   */
  handelsetyp: (
    | "anmalan_socialtjansten"
    | "anmalan_polis"
    | "samradsmote"
    | "barnsamtal"
    | "barnforhor"
    | "hamtning_lamning"
    | "medicinsk_undersokning"
    | "forhor_misstankt"
    | "husrannsakan"
    | "atalsbeslut"
    | "bedomning_avslutad_utredning"
    | "socialtjanstens_insatser"
    | "behandlingsinsatser"
    | "information_till_barnet"
    | "foraldrasamtal"
    | "vittnesforhor"
    | "kontakt_bup"
    | "rattegang"
    | "dom"
    | "annan"
  ) &
    string;
  /**
   * Vilken händelse?
   */
  annanHandelse?: string;
  /**
   * Fler händelser på samma rad
   *
   * @maxItems 4
   *
   * Items: Händelse
   */
  ovrigaHandelsetyper?:
    | []
    | [
        Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1
      ]
    | [
        Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1,
        Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1
      ]
    | [
        Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1,
        Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1,
        Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1
      ]
    | [
        Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1,
        Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1,
        Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1,
        Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1 &
          Handelsetyp &
          Handelsetyp1
      ];
  /**
   * Beskrivning
   */
  beskrivning: string;
  detaljer?: HandelseDetaljer;
  /**
   * Informerad av
   */
  informeradAv?: string;
  /**
   * Barnets egna önskemål
   */
  barnetsOnskemal?: string;
  /**
   * Uppgiften lämnades av
   */
  uppgiftslamnare: (
    | "socialtjansten"
    | "polisen"
    | "aklagaren"
    | "bup"
    | "halso_sjukvard"
    | "barnahus"
    | "skola_forskola"
    | "ombud"
    | "annan"
  ) &
    string;
  /**
   * Vem får läsa det här?
   */
  synlighet: ("alla_inblandade" | "ej_vardnadshavare" | "endast_socialtjansten") & string;
}
/**
 * Uppgifter för yrkesverksamma
 */
export interface HandelseDetaljer {
  /**
   * Vem anmäler?
   */
  anmalare?: string;
  /**
   * Innehåll i anmälan
   */
  anmalanInnehall?: string;
  /**
   * Uppgifter om gärning eller gärningar
   */
  garningar?: string;
  /**
   * Vem är misstänkt?
   */
  misstankt?: string;
  /**
   * Deltagare
   */
  deltagare?: string;
  /**
   * Syfte med mötet
   */
  syfte?: string;
  /**
   * Deltagare i medhörning
   */
  medhorning?: string;
  /**
   * Hur hämtades och lämnades barnet?
   */
  hamtning?: string;
  /**
   * Vem följde med barnet?
   */
  foljeslagare?: string;
  /**
   * Vem informerade misstänkt förälder?
   */
  informeradeMisstanktForalder?: string;
  /**
   * Beslut i åtalsfrågan
   */
  beslut?: ("atal_vackt" | "nedlagd" | "ej_inledd" | "atalsunderlatelse" | "annat") & string;
  /**
   * Dom
   */
  dom?: string;
  /**
   * Bedömt behov av behandling
   */
  behandlingsbehov?: string;
  /**
   * Vem behandlar?
   */
  behandlare?: string;
  /**
   * Behandlingsplan
   */
  behandlingsplan?: string;
}
/**
 * Skyddsbedömning
 */
export interface Skyddsbedomning {
  /**
   * När gjordes skyddsbedömningen?
   */
  tidpunkt?: ("vid_anmalan" | "under_utredning" | "vid_avslut") & string;
  /**
   * Datum
   */
  datum?: string;
  /**
   * Skäl för skyddsbedömningen
   */
  skal?: string;
  /**
   * Beskrivning
   */
  beskrivning: string;
  /**
   * Informerad av
   */
  informeradAv?: string;
  /**
   * Barnets egna önskemål
   */
  barnetsOnskemal?: string;
  /**
   * Uppgiften lämnades av
   */
  uppgiftslamnare: (
    | "socialtjansten"
    | "polisen"
    | "aklagaren"
    | "bup"
    | "halso_sjukvard"
    | "barnahus"
    | "skola_forskola"
    | "ombud"
    | "annan"
  ) &
    string;
  /**
   * Vem får läsa det här?
   */
  synlighet: ("alla_inblandade" | "ej_vardnadshavare" | "endast_socialtjansten") & string;
}
/**
 * Socialtjänstens utredning
 */
export interface Utredning {
  /**
   * Barnahus
   */
  barnahus?: string;
  /**
   * Kommun
   */
  kommun?: string;
  /**
   * Utredningen inleddes
   */
  startdatum: string;
  /**
   * Utredningen avslutades
   */
  avslutsdatum?: string;
  /**
   * Utredningstiden förlängd
   */
  forlangd?: boolean;
  /**
   * Skäl till förlängningen
   */
  forlangningSkal?: string;
  /**
   * Gallringsdatum
   */
  gallringsdatum?: string;
  /**
   * Har barnet fått en särskild företrädare?
   */
  sarskildForetradareForordnad?: boolean & (true | false);
  /**
   * Anmälan kom in
   */
  anmalanMottagen?: string;
  /**
   * Beslut att inleda utredning
   */
  beslutUtredning?: string;
}
/**
 * Till sist
 */
export interface Avslutning {
  /**
   * Till barnet
   */
  halsning: string;
  /**
   * Mer information finns hos
   *
   * @minItems 1
   * @maxItems 20
   */
  merInformation:
    | [Kontakt]
    | [Kontakt, Kontakt]
    | [Kontakt, Kontakt, Kontakt]
    | [Kontakt, Kontakt, Kontakt, Kontakt]
    | [Kontakt, Kontakt, Kontakt, Kontakt, Kontakt]
    | [Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt]
    | [Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt]
    | [Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt]
    | [Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt]
    | [Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt]
    | [Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt]
    | [Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt, Kontakt]
    | [
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt
      ]
    | [
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt
      ]
    | [
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt
      ]
    | [
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt
      ]
    | [
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt
      ]
    | [
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt
      ]
    | [
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt
      ]
    | [
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt,
        Kontakt
      ];
}
/**
 * Kontakt
 */
export interface Kontakt {
  /**
   * Myndighet eller företrädare
   */
  myndighet: (
    | "socialtjansten"
    | "polisen"
    | "aklagaren"
    | "bup"
    | "halso_sjukvard"
    | "barnahus"
    | "skola_forskola"
    | "ombud"
    | "annan"
  ) &
    string;
  /**
   * Namn
   */
  namn?: string;
  /**
   * Telefon eller annan kontakt
   */
  kontakt: string;
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
