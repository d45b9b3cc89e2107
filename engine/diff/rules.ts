import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { joinPointer } from "../schema/pointer.ts";
import { change } from "./compare.ts";
import { canonical, sameData } from "./shape.ts";
import type { Change } from "./types.ts";

/**
 * Rules (x-rules) compared by id. A rule never changes which answers the schema accepts, but it
 * changes results (a profile, a category, an indication), so every rule change is reported.
 *
 * Classification: a rule change is compatible, with one exception. An error check (`kind:
 * "check"`, `severity: "error"`) decides whether `blankett check` accepts a document; a document
 * that passed every error check of the old version must not start failing silently. So an added
 * error check, a warning raised to an error, and an error check whose logic (assert, when,
 * forEach) changed are breaking — a change of logic cannot be proven looser in general, so it
 * counts as tighter. Removing an error check or lowering it to a warning only loosens: compatible.
 * A change of texts only (title, description, messages, labels of table rows and categories) is
 * wording.
 */

type Rule = JsonSchema & { id: string };

/** Rule keys that are text people read. */
const TEXT_KEYS = new Set(["title", "description", "message", "mismatchMessage"]);
/** What an error check decides with. */
const CHECK_LOGIC = ["kind", "assert", "when", "forEach"] as const;

function rulesOf(schema: JsonSchema): Rule[] {
  const rules = schema["x-rules"];
  if (!Array.isArray(rules)) return [];
  return rules.filter((r): r is Rule => isSchemaObject(r) && typeof r.id === "string");
}

/** The rule without its texts (nested row and case labels included). */
function logicOf(rule: Rule): unknown {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rule)) {
    if (TEXT_KEYS.has(k)) continue;
    if ((k === "each" || k === "cases") && Array.isArray(v)) out[k] = v.map((x) => (isSchemaObject(x) ? { ...x, label: undefined } : x));
    else out[k] = v;
  }
  return out;
}

function isErrorCheck(rule: Rule | undefined): boolean {
  return rule?.kind === "check" && rule.severity === "error";
}

/** JSON Logic operations whose later arguments are evaluated once per element of the first. */
const ARRAY_SCOPES = new Set(["some", "all", "none", "filter", "map", "reduce"]);
/** Names a rule's scope gives that are not answer paths. */
const SCOPE_NAMES = new Set(["row", "prev", "index", "item", "current", "accumulator"]);

/**
 * The answer paths a rule reads, as JSON Pointers. `row.x` in a forEach check and a `var` inside
 * `some`/`all`/`filter`/… over an array are read from that array's rows (pointer segment `*`).
 */
export function rulePaths(rule: unknown): string[] {
  const out = new Set<string>();
  const forEach = isSchemaObject(rule) && typeof rule.forEach === "string" ? rule.forEach.split(".") : undefined;
  /** `base`: the path of the array whose element is the data here (undefined: the document). */
  const visit = (node: unknown, base: string[] | undefined): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, base);
      return;
    }
    if (!isSchemaObject(node)) return;
    for (const [op, arg] of Object.entries(node)) {
      if (op === "var") {
        const path = Array.isArray(arg) ? arg[0] : arg;
        if (typeof path !== "string" || path === "" || path.startsWith("@")) continue;
        const [head, ...rest] = path.split(".");
        let full: string[] | undefined;
        if (head === "row" && forEach) full = [...forEach, "*", ...rest];
        else if (!SCOPE_NAMES.has(head!)) full = base ? [...base, "*", ...path.split(".")] : path.split(".");
        if (full) out.add(joinPointer("", ...full));
        continue;
      }
      if (ARRAY_SCOPES.has(op) && Array.isArray(arg) && arg.length > 0) {
        visit(arg[0], base);
        const source = arrayPath(arg[0], base, forEach);
        // Inside, the data is one element of the array; an array we cannot name is not followed.
        if (source) for (const inner of arg.slice(1)) visit(inner, source);
        continue;
      }
      visit(arg, base);
    }
  };
  if (isSchemaObject(rule)) {
    for (const [k, v] of Object.entries(rule)) {
      if (k === "each" && Array.isArray(v)) {
        for (const row of v) if (isSchemaObject(row) && typeof row.path === "string") out.add(joinPointer("", ...row.path.split(".")));
      } else if (k === "judgement" && typeof v === "string") out.add(joinPointer("", ...v.split(".")));
      else if (!TEXT_KEYS.has(k) && k !== "forEach") visit(v, undefined);
    }
  }
  if (forEach) out.add(joinPointer("", ...forEach));
  return [...out].sort();
}

/** The answer path of an array expression that is a plain `var`, in the current scope. */
function arrayPath(expr: unknown, base: string[] | undefined, forEach: string[] | undefined): string[] | undefined {
  if (!isSchemaObject(expr) || Object.keys(expr).length !== 1 || !("var" in expr)) return undefined;
  const path = Array.isArray(expr.var) ? expr.var[0] : expr.var;
  if (typeof path !== "string" || path === "" || path.startsWith("@")) return undefined;
  const [head, ...rest] = path.split(".");
  if (head === "row" && forEach) return [...forEach, "*", ...rest];
  if (SCOPE_NAMES.has(head!)) return undefined;
  return base ? [...base, "*", ...path.split(".")] : path.split(".");
}

function changedKeys(a: Rule, b: Rule): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !sameData(a[k], b[k]));
}

function pick(rule: Rule, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in rule).map((k) => [k, rule[k]]));
}

export function diffRules(oldSchema: JsonSchema, newSchema: JsonSchema): Change[] {
  const before = rulesOf(oldSchema);
  const after = rulesOf(newSchema);
  const oldById = new Map(before.map((r) => [r.id, r]));
  const newById = new Map(after.map((r) => [r.id, r]));
  const out: Change[] = [];
  const where = (r: Rule) => ({ pointer: "", label: typeof r.title === "string" ? r.title : r.id });

  for (const a of before) {
    const b = newById.get(a.id);
    if (!b) {
      out.push(
        change(where(a), "rule-removed", "compatible", `Regeln ${a.id} tas bort.`, isErrorCheck(a) ? "En felkontroll tas bort: inga svar underkänns av den längre." : "Svaren påverkas inte, men resultaten ändras.", {
          rule: a.id,
          before: a,
        }),
      );
      continue;
    }
    if (sameData(a, b)) continue;
    const keys = changedKeys(a, b);
    const extra = { rule: a.id, before: pick(a, keys), after: pick(b, keys) };
    if (canonical(logicOf(a)) === canonical(logicOf(b))) {
      out.push(change(where(b), "rule-changed", "wording", `Texterna i regeln ${a.id} ändras (${keys.join(", ")}).`, "Bara text som visas ändras; resultaten räknas som förut.", extra));
      continue;
    }
    let breaking: string | undefined;
    if (isErrorCheck(b) && !isErrorCheck(a)) breaking = a.kind === "check" ? "En varning blir ett fel: svar som godkändes förut kan underkännas." : "Regeln blir en felkontroll: svar som godkändes förut kan underkännas.";
    else if (isErrorCheck(b) && CHECK_LOGIC.some((k) => !sameData(a[k], b[k]))) breaking = "Felkontrollens villkor ändras och kan inte visas vara mildare: svar som godkändes förut kan underkännas.";
    out.push(
      change(where(b), "rule-changed", breaking ? "breaking" : "compatible", `Regeln ${a.id} ändras (${keys.join(", ")}).`, breaking ?? (isErrorCheck(a) && !isErrorCheck(b) ? "Ett fel blir en varning: inga svar underkänns av den längre." : "Svaren påverkas inte, men resultaten ändras."), extra),
    );
  }
  for (const b of after) {
    if (oldById.has(b.id)) continue;
    const breaking = isErrorCheck(b);
    out.push(
      change(where(b), "rule-added", breaking ? "breaking" : "compatible", `Regeln ${b.id} läggs till.`, breaking ? "En ny felkontroll: svar som godkändes förut kan underkännas." : "Svaren påverkas inte, men resultaten ändras.", {
        rule: b.id,
        after: b,
      }),
    );
  }
  // Rules may read earlier rules' results, so their order is part of what they compute.
  const common = before.map((r) => r.id).filter((id) => newById.has(id));
  const commonAfter = after.map((r) => r.id).filter((id) => oldById.has(id));
  if (!sameData(common, commonAfter)) {
    out.push(
      change({ pointer: "", label: "Regler" }, "rules-reordered", "compatible", "Reglerna körs i en annan ordning.", "Svaren påverkas inte, men resultat som bygger på tidigare regler kan ändras.", {
        before: before.map((r) => r.id),
        after: after.map((r) => r.id),
      }),
    );
  }
  for (const c of out) {
    if (!c.rule) continue;
    const reads = new Set([...rulePaths(oldById.get(c.rule)), ...rulePaths(newById.get(c.rule))]);
    if (reads.size) c.reads = [...reads].sort();
  }
  for (const c of out) {
    if (!c.rule) continue;
    const reads = new Set([...rulePaths(oldById.get(c.rule)), ...rulePaths(newById.get(c.rule))]);
    if (reads.size) c.reads = [...reads].sort();
  }
  return out;
}
