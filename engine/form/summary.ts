import type { RuleDefinition, RuleResult } from "../rules/types.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { answerInWords, valueInWords } from "./words.ts";

/**
 * What the summary step of a guided interview shows (DOM contract 9), worked out once for both
 * renderers: each table result (FIA's profile) with its cells in words, the client's ranking, and
 * the indications and categories with where the interviewer's own judgement is answered. All of it
 * comes from the schema's rules (a table rule's `summary` gives its headings, columns and rank
 * field) and their results; the renderers only lay it out.
 */

export interface SummaryTable {
  result: RuleResult;
  /** Heading of the column of row labels ("Område"). */
  rowHeading: string;
  /** The columns present in at least one row. */
  columns: Array<{ field: string; heading: string }>;
  /** One per row: its code (a stable key), its label and its cells (one per column) in words. */
  rows: Array<{ code: string; label: string; cells: string[] }>;
}

export interface GuidedSummaryParts {
  tables: SummaryTable[];
  /** Labels of the rows ranked by a table's `summary.rankedBy` field, by rank. */
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

/**
 * Where, under an item's path, the answer behind a table column sits: a field that is exactly
 * `{"var": "item.value"}` is the item's own question (a table over single questions), one that is
 * `{"var": "item.value.x"}` its sub-question x; any other field is named like the sub-question.
 */
function answerPathOf(rule: RuleDefinition, field: string): string[] {
  const expr = rule.fields?.[field];
  const read = isSchemaObject(expr) && Object.keys(expr).length === 1 ? expr.var : undefined;
  const path = Array.isArray(read) ? read[0] : read;
  if (path === "item.value") return [];
  if (typeof path === "string" && path.startsWith("item.value.")) return path.slice("item.value.".length).split(".");
  return [field];
}

export function guidedSummaryParts(schema: JsonSchema, results: RuleResult[]): GuidedSummaryParts {
  const rules = rulesOf(schema);
  // Only tables whose rule says how to show them: columns, headings and rank come from the schema.
  const shown = results.flatMap((result) => {
    const rule = rules.find((d) => d.id === result.id);
    return result.kind === "table" && Array.isArray(result.value) && rule?.summary ? [{ result, rule, summary: rule.summary, rows: result.value as Row[] }] : [];
  });
  const tables = shown.map(({ result, rule, summary, rows }): SummaryTable => {
    const columns = summary.columns.filter(({ field }) => rows.some((row) => field in row));
    return {
      result,
      rowHeading: summary.rowHeading,
      columns,
      rows: rows.map((row, i) => {
        // Each row comes from one item of the rule's `each`; its answers sit under that item's path,
        // so a coded cell is named by the option label of the question it came from.
        const item = rule.each?.find((e) => e.code === row.code);
        const base = item ? item.path.split(".") : undefined;
        return {
          code: String(row.code ?? i),
          label: valueInWords(row.label ?? row.code),
          cells: columns.map(({ field }) => {
            if (!base) return valueInWords(row[field]);
            return answerInWords(schema, [...base, ...answerPathOf(rule, field)], row[field]);
          }),
        };
      }),
    };
  });
  const ranking = shown
    .flatMap(({ summary, rows }) => (summary.rankedBy ? rows.map((row) => ({ row, rank: row[summary.rankedBy!] })) : []))
    .filter((r): r is { row: Row; rank: number } => typeof r.rank === "number")
    .sort((a, b) => a.rank - b.rank)
    .map(({ row }) => valueInWords(row.label ?? row.code));
  const indications = results
    .filter((r) => r.kind === "indication")
    .map((result) => {
      const judgement = rules.find((d) => d.id === result.id)?.judgement;
      return judgement ? { result, judgement: judgement.split(".") } : { result };
    });
  return { tables, ranking, indications, categories: results.filter((r) => r.kind === "category") };
}
