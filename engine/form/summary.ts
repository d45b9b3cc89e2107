import type { RuleDefinition, RuleResult } from "../rules/types.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { answerInWords, valueInWords } from "./words.ts";

/**
 * What the summary step of a guided interview shows (DOM contract 9), worked out once for both
 * renderers: each table result (FIA's profile) with its cells in words, the client's ranking, and
 * the indications and categories with where the interviewer's own judgement is answered. All of it
 * comes from the schema's rules and their results; the renderers only lay it out.
 */

/** Fields of a profile row the summary shows, with their column headings, in this order. */
export const PROFILE_COLUMNS: ReadonlyArray<readonly [field: string, heading: string]> = [
  ["galler", "Gäller"],
  ["problemstorlek", "Problemstorlek"],
  ["rang", "Klientens rang"],
];

export interface SummaryTable {
  result: RuleResult;
  /** The columns present in at least one row. */
  columns: Array<{ field: string; heading: string }>;
  /** One per row: its code (a stable key), its label and its cells (one per column) in words. */
  rows: Array<{ code: string; label: string; cells: string[] }>;
}

export interface GuidedSummaryParts {
  tables: SummaryTable[];
  /** Labels of the rows the client ranked, by rank. */
  ranking: string[];
  /** Each indication with the answer path of the interviewer's judgement, if the rule names one. */
  indications: Array<{ result: RuleResult; judgement?: string[] }>;
  categories: RuleResult[];
}

type Row = Record<string, unknown>;

function rulesOf(schema: JsonSchema): RuleDefinition[] {
  const rules = schema["x-rules"];
  return Array.isArray(rules) ? (rules.filter(isSchemaObject) as unknown as RuleDefinition[]) : [];
}

export function guidedSummaryParts(schema: JsonSchema, results: RuleResult[]): GuidedSummaryParts {
  const rules = rulesOf(schema);
  const tableResults = results.filter((r) => r.kind === "table" && Array.isArray(r.value));
  const tables = tableResults.map((result): SummaryTable => {
    const rule = rules.find((d) => d.id === result.id);
    const rows = result.value as Row[];
    const columns = PROFILE_COLUMNS.filter(([field]) => rows.some((row) => field in row)).map(([field, heading]) => ({ field, heading }));
    return {
      result,
      columns,
      rows: rows.map((row, i) => {
        // Each row comes from one item of the rule's `each`; its answers sit under that item's path,
        // so a coded cell is named by the option label of the question it came from.
        const item = rule?.each?.find((e) => e.code === row.code);
        const base = item ? item.path.split(".") : undefined;
        return {
          code: String(row.code ?? i),
          label: valueInWords(row.label ?? row.code),
          cells: columns.map(({ field }) => (base ? answerInWords(schema, [...base, field], row[field]) : valueInWords(row[field]))),
        };
      }),
    };
  });
  const ranking = tableResults
    .flatMap((t) => t.value as Row[])
    .filter((row) => typeof row.rang === "number")
    .sort((a, b) => (a.rang as number) - (b.rang as number))
    .map((row) => valueInWords(row.label ?? row.code));
  const indications = results
    .filter((r) => r.kind === "indication")
    .map((result) => {
      const judgement = rules.find((d) => d.id === result.id)?.judgement;
      return judgement ? { result, judgement: judgement.split(".") } : { result };
    });
  return { tables, ranking, indications, categories: results.filter((r) => r.kind === "category") };
}
