/* Generated from schemas/fia/2.1.0.schema.json by `npm run types`. Do not edit. */

export type OmradeKod =
  | "boende"
  | "situationen_hemma"
  | "socialt_natverk"
  | "kroppslig_halsa"
  | "psykisk_halsa"
  | "funktionsnedsattning"
  | "levnadsvanor_beteenden"
  | "vald_nara_relation"
  | "utsatthet_brott"
  | "rattslig_situation"
  | "skulder"
  | "narstaendes_problem"
  | "barnens_situation";
export type OmradeKod1 = string;

/**
 * FIA – förutsättningar inför arbete
 */
export interface FiaV2_1_0 {
  meta: Meta;
  intervju: Intervju;
  livssituation: Livssituation;
  arbete: Arbete;
  insatserKrav: InsatserKrav;
  bedomning: Bedomning;
  sammanstallning: Sammanstallning;
  plan: Plan;
  migrering?: Migrering;
}
/**
 * Om dokumentet
 */
export interface Meta {
  /**
   * Schemaversion
   */
  schema: "fia@2.1.0";
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
 * Om intervjun
 */
export interface Intervju {
  /**
   * Datum för intervjun
   */
  datum: string;
  /**
   * Intervjuare
   */
  intervjuare?: string;
  /**
   * Ärendereferens
   */
  arendereferens?: string;
  /**
   * Frågorna som svaren gäller
   */
  frageversion: ("fia_2" | "fia_1") & string;
}
/**
 * Din sociala livssituation
 */
export interface Livssituation {
  boende: OmradeBoende;
  situationenHemma: OmradeSituationenHemma;
  socialtNatverk: OmradeSocialtNatverk;
  kroppsligHalsa: OmradeKroppsligHalsa;
  psykiskHalsa: OmradePsykiskHalsa;
  funktionsnedsattning: OmradeFunktionsnedsattning;
  levnadsvanor: OmradeLevnadsvanor;
  valdNaraRelation: OmradeValdNaraRelation;
  utsatthetBrott: OmradeUtsatthetBrott;
  rattsligSituation: OmradeRattsligSituation;
  skulder: OmradeSkulder;
  narstaendesProblem: OmradeNarstaendesProblem;
  barnensSituation: OmradeBarnensSituation;
  tidigareLiv?: TidigareLiv;
}
/**
 * Boende
 */
export interface OmradeBoende {
  /**
   * I vilken omfattning har du problem med ditt boende?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Situationen hemma
 */
export interface OmradeSituationenHemma {
  /**
   * Hur ofta har du svårt med dygnsrytmen?
   */
  dygnsrytm?: ("dagligen" | "varje_vecka" | "varje_manad" | "mer_sallan" | "aldrig") & string;
  /**
   * Hur ofta har du svårt att sköta hemmet?
   */
  skotaHemmet?: ("dagligen" | "varje_vecka" | "varje_manad" | "mer_sallan" | "aldrig") & string;
  /**
   * Hur ofta känner du dig ensam fast du inte vill vara det?
   */
  ofrivilligEnsamhet?: ("dagligen" | "varje_vecka" | "varje_manad" | "mer_sallan" | "aldrig") & string;
  /**
   * Hur ofta har du svårt att betala räkningar i tid?
   */
  betalaRakningar?: ("dagligen" | "varje_vecka" | "varje_manad" | "mer_sallan" | "aldrig") & string;
  /**
   * Hur ofta har du problem med dina föräldrar?
   */
  foraldrar?: ("dagligen" | "varje_vecka" | "varje_manad" | "mer_sallan" | "aldrig") & string;
  /**
   * Hur ofta bestämmer någon annan över dig mot din vilja?
   */
  andraKontrollerar?: ("dagligen" | "varje_vecka" | "varje_manad" | "mer_sallan" | "aldrig") & string;
  /**
   * I vilken omfattning har du problem i din situation hemma?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Socialt nätverk
 */
export interface OmradeSocialtNatverk {
  /**
   * I vilken omfattning saknar du människor att umgås med eller få stöd av?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Kroppslig hälsa
 */
export interface OmradeKroppsligHalsa {
  /**
   * Hur mår du i kroppen?
   */
  halsotillstand?: ("mycket_dalig" | "dalig" | "varken_eller" | "bra" | "mycket_bra") & string;
  /**
   * I vilken omfattning har du problem med din kroppsliga hälsa?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Tar du läkemedel som en läkare har skrivit ut?
   */
  receptbelagdaLakemedel?: boolean & (true | false);
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Psykisk hälsa
 */
export interface OmradePsykiskHalsa {
  /**
   * Hur mår du psykiskt?
   */
  halsotillstand?: ("mycket_dalig" | "dalig" | "varken_eller" | "bra" | "mycket_bra") & string;
  /**
   * I vilken omfattning har du problem med din psykiska hälsa?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Funktionsnedsättning
 */
export interface OmradeFunktionsnedsattning {
  /**
   * I vilken omfattning påverkas du av en funktionsnedsättning?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Levnadsvanor och beteenden
 */
export interface OmradeLevnadsvanor {
  /**
   * Hur ofta dricker du alkohol?
   */
  alkohol?: ("dagligen" | "varje_vecka" | "varje_manad" | "mer_sallan" | "aldrig") & string;
  /**
   * Hur ofta använder du narkotika eller andra droger?
   */
  droger?: ("dagligen" | "varje_vecka" | "varje_manad" | "mer_sallan" | "aldrig") & string;
  /**
   * I vilken omfattning har spel ställt till problem för dig?
   */
  spel?: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * I vilken omfattning har ditt sätt att äta ställt till problem för dig?
   */
  mat?: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * I vilken omfattning har tiden på internet eller vid datorn ställt till problem för dig?
   */
  internet?: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * I vilken omfattning har alkohol, droger, spel, mat eller internet ställt till problem för dig?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Våld i nära relation
 */
export interface OmradeValdNaraRelation {
  /**
   * Fysiskt våld
   */
  fysisktVald?: {
    /**
     * Har du någon gång blivit utsatt för fysiskt våld?
     */
    nagonsin?: boolean & (true | false);
    /**
     * Har det hänt under det senaste året?
     */
    senasteAret?: boolean & (true | false);
  };
  /**
   * Psykiskt våld
   */
  psykisktVald?: {
    /**
     * Har du någon gång blivit utsatt för psykiskt våld?
     */
    nagonsin?: boolean & (true | false);
    /**
     * Har det hänt under det senaste året?
     */
    senasteAret?: boolean & (true | false);
  };
  /**
   * Sexuellt våld
   */
  sexuelltVald?: {
    /**
     * Har du någon gång blivit utsatt för sexuellt våld?
     */
    nagonsin?: boolean & (true | false);
    /**
     * Har det hänt under det senaste året?
     */
    senasteAret?: boolean & (true | false);
  };
  /**
   * Var det någon som står dig nära som gjorde det?
   */
  narstaende?: ("ja" | "nej" | "osaker") & string;
  /**
   * I vilken omfattning påverkar våld eller tvång som du varit med om ditt liv i dag?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Utsatthet för brott
 */
export interface OmradeUtsatthetBrott {
  /**
   * Har du blivit rånad?
   */
  ran?: ("senaste_3_manaderna" | "senaste_aret" | "nej") & string;
  /**
   * Har någon hotat dig?
   */
  hot?: ("senaste_3_manaderna" | "senaste_aret" | "nej") & string;
  /**
   * Har du blivit misshandlad?
   */
  misshandel?: ("senaste_3_manaderna" | "senaste_aret" | "nej") & string;
  /**
   * Har någon gjort inbrott hos dig?
   */
  inbrott?: ("senaste_3_manaderna" | "senaste_aret" | "nej") & string;
  /**
   * Har någon stulit något från dig?
   */
  stold?: ("senaste_3_manaderna" | "senaste_aret" | "nej") & string;
  /**
   * I vilken omfattning påverkar brott som du har blivit utsatt för ditt liv i dag?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Rättslig situation
 */
export interface OmradeRattsligSituation {
  /**
   * Är du åtalad för ett brott just nu?
   */
  aktuellAtalad?: boolean & (true | false);
  /**
   * Är du målsägande i ett pågående ärende?
   */
  malsagande?: boolean & (true | false);
  /**
   * I vilken omfattning påverkar en rättslig situation ditt liv i dag?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Skulder
 */
export interface OmradeSkulder {
  /**
   * Har du betalningsanmärkningar?
   */
  betalningsanmarkningar?: boolean & (true | false);
  /**
   * Har du skulder som du tror att du aldrig kommer att kunna betala tillbaka?
   */
  skulderOmojligaAttBetala?: boolean & (true | false);
  /**
   * I vilken omfattning har du problem med skulder?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Närståendes problem
 */
export interface OmradeNarstaendesProblem {
  /**
   * Påverkas du av problem som din förälder har?
   */
  foralder?: boolean & (true | false);
  /**
   * Påverkas du av problem som ditt barn har?
   */
  barn?: boolean & (true | false);
  /**
   * I vilken omfattning påverkas du av problem som någon närstående har?
   */
  omfattning: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Barnens situation
 */
export interface OmradeBarnensSituation {
  /**
   * Är du förälder?
   */
  arForalder: boolean & (true | false);
  /**
   * Har du barn som du träffar men som inte bor hos dig?
   */
  umgangesbarn?: boolean & (true | false);
  /**
   * Bor något av dina barn i ett familjehem eller på ett annat boende som socialtjänsten ordnat?
   */
  barnIFamiljehem?: boolean & (true | false);
  /**
   * I vilken omfattning finns det problem i dina barns situation?
   */
  omfattning?: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Hur stort problem är det för dig?
   */
  problemstorlek?: ("mycket_stort" | "stort" | "mattligt" | "litet" | "inget") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Tidigare i livet
 */
export interface TidigareLiv {
  /**
   * I vilken omfattning påverkar sådant som hänt tidigare i ditt liv hur du har det i dag?
   */
  paverkan?: ("stor" | "viss" | "ingen" | "osaker") & string;
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Mål och arbete
 */
export interface Arbete {
  /**
   * Vad vill du göra i framtiden?
   */
  mal?: string;
  /**
   * Har du en tydlig bild av vad du vill göra i framtiden?
   */
  tydligBildAvFramtiden: ("ja" | "nej" | "osaker") & string;
  /**
   * Vilken är din högsta utbildning?
   */
  utbildning: (
    | "forgymnasial_kortare_an_9_ar"
    | "grundskola"
    | "gymnasium"
    | "eftergymnasial_kortare_an_3_ar"
    | "eftergymnasial_3_ar_eller_mer"
    | "vet_ej"
  ) &
    string;
  /**
   * Hur många år har du arbetat sammanlagt?
   */
  arbetslivserfarenhetAr?: number;
  /**
   * Vilka arbeten har du haft?
   */
  arbetslivserfarenhet?: string;
  svarighetJobbsokande?: SvarighetJobbsokande;
}
/**
 * Hur svårt är det att söka jobb?
 */
export interface SvarighetJobbsokande {
  /**
   * Att hitta lediga jobb
   */
  hittaJobb?: ("latt" | "ganska_latt" | "svart" | "mycket_svart") & string;
  /**
   * Att skriva en ansökan eller ett CV
   */
  skrivaAnsokan?: ("latt" | "ganska_latt" | "svart" | "mycket_svart") & string;
  /**
   * Att ta kontakt med en arbetsgivare
   */
  kontaktaArbetsgivare?: ("latt" | "ganska_latt" | "svart" | "mycket_svart") & string;
  /**
   * Att gå på en anställningsintervju
   */
  intervju?: ("latt" | "ganska_latt" | "svart" | "mycket_svart") & string;
  /**
   * Att ta sig till och från ett arbete
   */
  resaTillArbete?: ("latt" | "ganska_latt" | "svart" | "mycket_svart") & string;
}
/**
 * Insatser och krav
 */
export interface InsatserKrav {
  /**
   * Får du något stöd eller någon insats just nu?
   *
   * @maxItems 5
   *
   * Items: Pågående insats
   */
  pagaendeInsatser?:
    | []
    | [
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string
      ]
    | [
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string,
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string
      ]
    | [
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string,
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string,
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string
      ]
    | [
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string,
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string,
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string,
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string
      ]
    | [
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string,
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string,
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string,
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string,
        ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string &
          ("arbetsformedlingen" | "arbetsmarknadsinsats" | "vard_behandling" | "stod_socialtjanst" | "annat") &
          string
      ];
  /**
   * Vilket annat stöd får du?
   */
  pagaendeInsatserAnnat?: string;
  /**
   * Vad skulle du vilja göra i en arbetsmarknadsinsats?
   *
   * @maxItems 5
   *
   * Items: Insats
   */
  onskadeInsatser:
    | []
    | [
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string
      ]
    | [
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string,
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string
      ]
    | [
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string,
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string,
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string
      ]
    | [
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string,
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string,
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string,
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string
      ]
    | [
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string,
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string,
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string,
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string,
        ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string &
          ("arbetspraktik" | "utbildning" | "jobbaktivitet" | "sociala_aktiviteter" | "annat") &
          string
      ];
  /**
   * Vad annat skulle du vilja göra?
   */
  onskadeInsatserAnnat?: string;
  /**
   * Vad tycker du om de krav som socialtjänsten ställer på dig?
   */
  synPaKrav: ("for_hoga" | "for_laga" | "lagom" | "annat") & string;
  /**
   * Beskriv vad du tycker om kraven
   */
  synPaKravAnnat?: string;
}
/**
 * Sammanlagd bedömning
 */
export interface Bedomning {
  /**
   * Har klienten behov av stöd för att kunna arbeta?
   */
  stodbehovArbete: boolean & (true | false);
  /**
   * Har klienten behov av socialt stöd?
   */
  socialtStodbehov: boolean & (true | false);
  /**
   * Motivering
   */
  motivering: string;
  /**
   * Har klienten förutsättningar att klara krav på aktivering?
   */
  forutsattningarKrav?: ("ja" | "nej" | "osaker") & string;
}
/**
 * Sammanställning
 */
export interface Sammanstallning {
  /**
   * Vilka områden vill du helst förändra?
   *
   * @maxItems 13
   *
   * Items: Område
   */
  klientensRangordning:
    | []
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ]
    | [
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1,
        OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1 &
          OmradeKod &
          OmradeKod1
      ];
  /**
   * Kommentar
   */
  kommentar?: string;
}
/**
 * Genomförandeplan
 */
export interface Plan {
  /**
   * Mål
   *
   * @minItems 1
   * @maxItems 20
   */
  mal:
    | [PlanMal]
    | [PlanMal, PlanMal]
    | [PlanMal, PlanMal, PlanMal]
    | [PlanMal, PlanMal, PlanMal, PlanMal]
    | [PlanMal, PlanMal, PlanMal, PlanMal, PlanMal]
    | [PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal]
    | [PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal]
    | [PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal]
    | [PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal]
    | [PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal]
    | [PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal]
    | [PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal, PlanMal]
    | [
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal
      ]
    | [
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal
      ]
    | [
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal
      ]
    | [
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal
      ]
    | [
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal
      ]
    | [
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal
      ]
    | [
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal
      ]
    | [
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal,
        PlanMal
      ];
  /**
   * Nästa uppföljning
   */
  nastaUppfoljning?: string;
}
/**
 * Mål
 */
export interface PlanMal {
  /**
   * Mål
   */
  mal: string;
  /**
   * Delmål
   *
   * @maxItems 20
   */
  delmal?:
    | []
    | [Delmal]
    | [Delmal, Delmal]
    | [Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal]
    | [Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal, Delmal]
    | [
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal
      ]
    | [
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal
      ]
    | [
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal
      ]
    | [
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal
      ]
    | [
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal
      ]
    | [
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal,
        Delmal
      ];
  /**
   * Datum för uppföljning
   */
  uppfoljningsdatum?: string;
  /**
   * Område
   */
  omrade?: (
    | "boende"
    | "situationen_hemma"
    | "socialt_natverk"
    | "kroppslig_halsa"
    | "psykisk_halsa"
    | "funktionsnedsattning"
    | "levnadsvanor_beteenden"
    | "vald_nara_relation"
    | "utsatthet_brott"
    | "rattslig_situation"
    | "skulder"
    | "narstaendes_problem"
    | "barnens_situation"
  ) &
    string;
}
/**
 * Delmål
 */
export interface Delmal {
  /**
   * Delmål
   */
  beskrivning: string;
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
