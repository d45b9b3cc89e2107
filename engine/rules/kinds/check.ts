import { truthy } from "../logic/compile.ts";
import { isSchemaObject } from "../../schema/types.ts";
import { joinPointer } from "../../schema/pointer.ts";
import { RESULTS_KEY } from "../explain.ts";
import type { Scope, ScopeNames } from "../logic/scope.ts";
import { messageTemplate, pointerTemplate } from "../template.ts";
import { BASE, UNKNOWN, type RuleKindModule } from "./kind.ts";
import type { CheckRule, Finding, RulesReport } from "../types.ts";

/** A check per row reads the row, the previous row and the row's index besides BASE. */
const PER_ROW: ScopeNames = [RESULTS_KEY, "row", "prev", "index"];

/**
 * `check`: a finding (`severity`, `pointer`, `message`) where `assert` fails, only where `when`
 * holds. With `forEach` (a dot path of a list) once per row: `{index}` in the pointer is the
 * row's index, `{number}` in the message its number, and `values` fill `{name}` in the message.
 */
export const check: RuleKindModule<CheckRule> = {
  word: "en kontroll",
  givesResult: false,
  compile(def, ctx) {
    const names = def.forEach ? PER_ROW : BASE;
    const when = def.when === undefined ? undefined : ctx.compile(def.when, names);
    const assert = ctx.compile(def.assert, names);
    const values = ctx.compileAll(def.values, names);
    const valueNames = values.map(([name]) => name);
    const valueFns = values.map(([, f]) => f);
    const severity = def.severity ?? "error";
    const pointer = pointerTemplate(def.pointer ?? "");
    const message = messageTemplate(def.message ?? def.title);
    const explainFinding = ctx.explainer(names);
    const emit = (scope: Scope, report: RulesReport, explain: boolean, index?: number) => {
      const named: Record<string, unknown> = index === undefined ? {} : { number: index + 1 };
      for (let k = 0; k < valueFns.length; k++) named[valueNames[k]!] = valueFns[k]!(scope);
      const finding: Finding = { rule: def.id, severity, pointer: pointer(index), message: message(named) };
      if (explain) finding.explanation = explainFinding(scope);
      report.findings.push(finding);
    };
    if (!def.forEach) {
      return (scope, report, explain) => {
        if (when && !truthy(when(scope))) return;
        if (!truthy(assert(scope))) emit(scope, report, explain);
      };
    }
    const list = ctx.read(def.forEach);
    return (scope, report, explain) => {
      const rows = list(scope);
      if (!Array.isArray(rows) || rows.length === 0) return;
      // One scope for all rows: a finding is built in full (message, explanation) before the
      // next row replaces the values.
      const rowScope: Scope = { doc: scope.doc, values: [scope.values[0], null, null, 0] };
      for (let index = 0; index < rows.length; index++) {
        rowScope.values[1] = rows[index];
        rowScope.values[2] = index > 0 ? rows[index - 1] : null;
        rowScope.values[3] = index;
        if (when && !truthy(when(rowScope))) continue;
        if (!truthy(assert(rowScope))) emit(rowScope, report, explain, index);
      }
    };
  },
  check(def, ctx) {
    let frame = ctx.base;
    if (typeof def.forEach === "string") {
      const list = ctx.dotPath("forEach", ctx.base) ?? UNKNOWN;
      const listTypes = list.schema ? ctx.typesOf(list.schema) : [];
      if (list.schema && !list.open && !listTypes.includes("array") && !isSchemaObject(list.schema.items)) {
        ctx.error(joinPointer(ctx.at, "forEach"), `går igenom ”${def.forEach}” rad för rad, men det är ingen lista`);
      }
      const row = ctx.elementOf(list);
      // `prev` is null on the first row: its paths may always be absent.
      frame = ctx.frame({ row, prev: ctx.markAbsent(row, "prev"), index: { absent: false, num: { min: 0, max: Infinity, integer: true } } });
    }
    ctx.expr("when", frame);
    const guards = ctx.ensured(def.when);
    ctx.expr("assert", frame, guards);
    for (const [name, e] of Object.entries(isSchemaObject(def.values) ? def.values : {})) ctx.infer(e, joinPointer(ctx.at, "values", name), frame, guards);
    return undefined;
  },
};
