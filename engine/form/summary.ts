import type { RuleDefinition, RuleResult } from "../rules/types.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { answerInWords, valueInWords, yesNo } from "./words.ts";

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
  /**
   * Each indication's value in words, by rule id: "Ja"/"Nej", or "Inte besvarat" while none of the
   * answers it reads (through earlier results too; the judgement it is compared with aside) is
   * given, so an empty form does not show "Nej". Renderers show this text, not `yesNo(value)`.
   */
  indicationWords: Record<string, string>;
}

/** What a summary shows where the answers a cell or an indication reads are not yet given. */
export const NOT_ANSWERED = "Inte besvarat";

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

/** Every `var` path an expression reads (the first argument of each `var`, when it is text). */
function varsOf(expr: unknown, out: string[] = []): string[] {
  if (Array.isArray(expr)) {
    for (const e of expr) varsOf(e, out);
  } else if (isSchemaObject(expr)) {
    for (const [op, arg] of Object.entries(expr)) {
      const path = op === "var" ? (Array.isArray(arg) ? arg[0] : arg) : undefined;
      if (typeof path === "string") out.push(path);
      else varsOf(arg, out);
    }
  }
  return out;
}

const unanswered = (v: unknown): boolean => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** The answers a result's explanation says it read, as path → value (undefined: no explanation). */
function inputsOf(result: RuleResult): Map<string, unknown> | undefined {
  const inputs = result.explanation?.inputs;
  return inputs ? new Map(inputs.map((i) => [i.path, i.value])) : undefined;
}

/**
 * Whether any answer a result read is given: document inputs directly, earlier results (`@.id`)
 * through their own inputs. `skip` names paths that do not count (an indication's judgement).
 * Undefined when a result on the way has no explanation (nothing to tell it by).
 */
function anyAnswerRead(result: RuleResult, byId: Map<string, RuleResult>, skip: Set<string>, seen = new Set<string>()): boolean | undefined {
  if (seen.has(result.id)) return false;
  seen.add(result.id);
  const inputs = result.explanation?.inputs;
  if (!inputs) return undefined;
  let unknown = false;
  for (const { path, value } of inputs) {
    if (path.startsWith("@.")) {
      const earlier = byId.get(path.slice(2));
      const answered = earlier ? anyAnswerRead(earlier, byId, skip, seen) : undefined;
      if (answered) return true;
      if (answered === undefined) unknown = true;
    } else if (!skip.has(path) && !unanswered(value)) return true;
  }
  return unknown ? undefined : false;
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
    // The item answers each column's field reads (`item.value.x` → x): a cell whose answers are
    // all unanswered says so, instead of what its expression gives for nothing ("Gäller: Nej").
    const reads = new Map(
      columns.map(({ field }) => [
        field,
        varsOf(rule.fields?.[field])
          .filter((p) => p === "item.value" || p.startsWith("item.value."))
          .map((p) => p.slice("item.value".length)),
      ]),
    );
    const inputs = inputsOf(result);
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
            const read = reads.get(field) ?? [];
            if (inputs && read.length > 0 && read.every((sub) => unanswered(inputs.get(item!.path + sub)))) return NOT_ANSWERED;
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
  const byId = new Map(results.map((r) => [r.id, r]));
  const indicationWords = Object.fromEntries(
    indications.map(({ result, judgement }) => {
      const answered = anyAnswerRead(result, byId, new Set(judgement ? [judgement.join(".")] : []));
      return [result.id, answered === false ? NOT_ANSWERED : yesNo(result.value)];
    }),
  );
  return { tables, ranking, indications, categories: results.filter((r) => r.kind === "category"), indicationWords };
}
