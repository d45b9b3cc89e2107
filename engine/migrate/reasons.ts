/** The engine's own Swedish reasons, used where a migration file does not word its own. */
export const REASONS = {
  occupied: "Det fanns redan ett annat svar på den nya platsen, så det här svaret sparades här i stället.",
  unplaceable: "Svaret gick inte att lägga på den nya platsen (det som fanns där var inte en grupp av frågor).",
  noCode: "Svaret har ingen motsvarighet bland svarsalternativen i den nya versionen.",
  repeated: "Efter omkodningen blev svaret detsamma som ett svar tidigare i listan. Det tidigare behölls på sin plats.",
  noTarget: "Svaret har ingen motsvarighet på någon av de nya platserna.",
  notMerged: "Svaret går inte att slå samman enligt regeln (det är inte ett sådant värde som regeln gäller).",
  rowField: "Uppgiften har ingen plats i den nya versionens rad.",
  rowUnplaceable: "Raden gick inte att lägga på den nya platsen.",
  previousRecord: "Den tidigare uppgiften om migrering gick inte att läsa och sparades som den var.",
  merged(rule: string, to: string): string {
    const kept =
      rule === "max" ? "det högsta värdet" : rule === "min" ? "det lägsta värdet" : rule === "first" ? "det första svaret" : rule === "any" ? "ja om något svar var ja" : "ja bara om alla svar var ja";
    return `Frågan slogs samman med andra till ${to}, där ${kept} behölls. Det här svaret var ett annat och sparades här.`;
  },
} as const;
