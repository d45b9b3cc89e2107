import { labelsFor } from "./definition.ts";
import { MERGED_GROUP } from "./suppress.ts";
import { MISSING_GROUP, type IndicatorCell, type IndicatorFile, type IndicatorReport } from "./types.ts";
import type { JsonSchema } from "../schema/types.ts";

/** How a hidden figure is shown: ".." as in Swedish official statistics. */
export const SUPPRESSED = "..";

interface Labeller {
  group(name: string, code: string): string;
  category(indicator: string, code: string): string;
  title(indicator: string): string;
}

function labeller(def: IndicatorFile, schema: JsonSchema): Labeller {
  const groups = Object.fromEntries(Object.entries(def.groups).map(([k, g]) => [k, labelsFor(schema, g)]));
  const cats = Object.fromEntries(def.indicators.map((i) => [i.id, i.kind === "distribution" ? labelsFor(schema, i) : {}]));
  const titles = Object.fromEntries(def.indicators.map((i) => [i.id, i.title]));
  return {
    group: (name, code) => (code === MISSING_GROUP ? "Uppgift saknas" : code === MERGED_GROUP ? "Övriga grupper" : (groups[name]?.[code] ?? code)),
    category: (id, code) => (code === MISSING_GROUP ? "Uppgift saknas" : (cats[id]?.[code] ?? code)),
    title: (id) => titles[id] ?? id,
  };
}

/** A figure in Swedish: decimal comma ("16,5"). */
const sv = (x: number) => String(x).replace(".", ",");

/** A duration cell for reading: "median 26 dagar (kvartiler 16,5–35,5), 2 värden". */
export function durationText(c: IndicatorCell, unit: string): string {
  if (c.suppressed) return SUPPRESSED;
  if (c.median === null || c.median === undefined) return "–";
  return `median ${sv(c.median)} ${unit} (kvartiler ${sv(c.p25!)}–${sv(c.p75!)}), ${c.n} ${c.n === 1 ? "värde" : "värden"}`;
}

/**
 * What a duration's medians leave out, over the whole data set, in Swedish: "Räknas inte i
 * medianerna: 2 värden utanför intervallet 0–3650 dagar och färre än 5 poster utan värde."
 * Empty for an indicator that is not a duration.
 */
export function durationNote(report: IndicatorReport, def: IndicatorFile, indicator: string): string {
  const d = report.durationLeftOut?.find((x) => x.indicator === indicator);
  const ind = def.indicators.find((i) => i.id === indicator);
  if (!d || !ind || ind.kind !== "duration") return "";
  const k = report.parameters.suppressBelow;
  const amount = (n: number | null, one: string, many: string) => (n === null ? `färre än ${k} ${many}` : `${n} ${n === 1 ? one : many}`);
  return (
    `Räknas inte i medianerna (i hela underlaget): ${amount(d.outsideRange, "värde", "värden")} utanför intervallet ${d.range.minimum}–${d.range.maximum} ${ind.unit}` +
    ` och ${amount(d.missing, "post", "poster")} där värdet saknas (ett datum fattas).`
  );
}

const percent = (c: IndicatorCell) => (c.suppressed ? SUPPRESSED : c.share === null ? "–" : (c.share * 100).toFixed(1).replace(".", ",") + " %");
const count = (c: IndicatorCell, n: number | null) => (c.suppressed ? SUPPRESSED : String(n));

/**
 * One CSV field, by the OWASP rule against CSV (formula) injection: a spreadsheet runs a cell
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, and group values
 * and labels are free text from records and users' schema files. Such a field gets a leading `'`
 * (shown as text) and quotes; a field with a quote, comma, semicolon (for spreadsheets set to `;`),
 * CR or LF is quoted, its quotes doubled. Every field goes through here, headers too.
 */
export function csvField(s: string): string {
  const formula = /^[=+\-@\t\r]/.test(s);
  const text = formula ? `'${s}` : s;
  return formula || /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The groups taken out of one indicator's table, in Swedish: "Kön: Annat eller okänt utelämnad
 * (för få personer); siffrorna gäller bara de visade grupperna." Empty when none.
 */
export function smallGroupNote(report: IndicatorReport, def: IndicatorFile, schema: JsonSchema, indicator: string): string {
  const L = labeller(def, schema);
  const parts: string[] = [];
  for (const s of report.smallGroups ?? []) {
    if (s.indicator !== indicator) continue;
    const title = def.groups[s.group]?.title ?? s.group;
    const names = s.values.map((v) => L.group(s.group, v)).join(", ");
    parts.push(
      s.action === "merged"
        ? `${title}: ${names} sammanslagna till Övriga grupper (för få personer var för sig)`
        : `${title}: ${names} ${s.values.length === 1 ? "utelämnad" : "utelämnade"} (för få personer)`,
    );
  }
  if (parts.length === 0) return "";
  const leftOut = (report.smallGroups ?? []).some((s) => s.indicator === indicator && s.action === "leftOut");
  return parts.join("; ") + (leftOut ? ". Summor gäller bara de visade grupperna." : ".");
}

export function toCsv(report: IndicatorReport, def: IndicatorFile, schema: JsonSchema): string {
  const L = labeller(def, schema);
  // Duration columns at the end, so that a reader of the rate and distribution columns by position is not moved.
  const head = ["indikator", "titel", ...report.groupBy, "kategori", "taljare", "namnare", "andel", "dold", "anmarkning", "antal_varden", "median", "kvartil_1", "kvartil_3", "enhet"];
  const notes = new Map(def.indicators.map((i) => [i.id, [smallGroupNote(report, def, schema, i.id), durationNote(report, def, i.id)].filter(Boolean).join(" ")]));
  const units = new Map(def.indicators.map((i) => [i.id, i.kind === "duration" ? i.unit : ""]));
  const figure = (c: IndicatorCell, x: number | null | undefined) => (c.suppressed ? SUPPRESSED : x === null || x === undefined ? "" : String(x));
  const lines = [head.map(csvField).join(",")];
  for (const c of report.cells) {
    lines.push(
      [
        c.indicator,
        L.title(c.indicator),
        ...report.groupBy.map((g) => L.group(g, c.group[g]!)),
        c.category === undefined ? "" : L.category(c.indicator, c.category),
        figure(c, c.numerator),
        figure(c, c.denominator),
        c.suppressed ? SUPPRESSED : c.share === null ? "" : c.share.toFixed(4),
        // Hidden or not, never why (see publishedReport).
        c.suppressed ? "ja" : "",
        notes.get(c.indicator) ?? "",
        figure(c, c.n),
        figure(c, c.median),
        figure(c, c.p25),
        figure(c, c.p75),
        units.get(c.indicator) ?? "",
      ]
        .map(csvField)
        .join(","),
    );
  }
  return lines.join("\n");
}

/** ", 2 ogiltiga och 1 oläsbar utelämnade" (empty when none was left out). */
function leftOutNote(report: IndicatorReport): string {
  const parts: string[] = [];
  if (report.invalidRecords) parts.push(`${report.invalidRecords} ${report.invalidRecords === 1 ? "ogiltig" : "ogiltiga"}`);
  if (report.unparsableRecords) parts.push(`${report.unparsableRecords} ${report.unparsableRecords === 1 ? "oläsbar" : "oläsbara"}`);
  return parts.length ? `, ${parts.join(" och ")} utelämnade` : "";
}

export function toTable(report: IndicatorReport, def: IndicatorFile, schema: JsonSchema): string {
  const L = labeller(def, schema);
  const out: string[] = [`${def.title} – ${report.records} poster${leftOutNote(report)}`];
  out.push(`Celler med färre än ${report.parameters.suppressBelow} personer visas som ${SUPPRESSED}, liksom celler som annars kunde räknas fram ur summor.`);
  let current = "";
  for (const c of report.cells) {
    if (c.indicator !== current) {
      current = c.indicator;
      const ind = def.indicators.find((i) => i.id === current)!;
      out.push("", `${ind.title}`, `  (${ind.question})`);
      const note = smallGroupNote(report, def, schema, current);
      if (note) out.push(`  Obs: ${note}`);
      const left = durationNote(report, def, current);
      if (left) out.push(`  Obs: ${left}`);
    }
    if (c.n !== undefined) {
      const who = report.groupBy.map((g) => L.group(g, c.group[g]!)).join(", ") || "Alla";
      const ind = def.indicators.find((i) => i.id === c.indicator)!;
      out.push(`  ${who.padEnd(56)} ${durationText(c, ind.kind === "duration" ? ind.unit : "")}`);
      continue;
    }
    const who = report.groupBy.map((g) => L.group(g, c.group[g]!)).join(", ") || "Alla";
    const what = c.category === undefined ? "" : `${L.category(c.indicator, c.category)}: `;
    out.push(`  ${(who + "  " + what).padEnd(56)} ${percent(c).padStart(8)}   ${count(c, c.numerator).padStart(7)} av ${count(c, c.denominator)}`);
  }
  return out.join("\n");
}
