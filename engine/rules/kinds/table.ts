import { isSchemaObject } from "../../schema/types.ts";
import { joinPointer } from "../../schema/pointer.ts";
import { RESULTS_KEY } from "../explain.ts";
import type { Scope, ScopeNames } from "../logic/scope.ts";
import { itemRoot, itemsKnownStatically } from "../logic/itemRoot.ts";
import { KNOWN, UNKNOWN, type RuleKindModule, type Shape } from "./kind.ts";
import type { TableRule } from "../types.ts";

/** A table's fields read the row's item (`item.code`, `item.label`, `item.value`) besides BASE. */
const TABLE: ScopeNames = [RESULTS_KEY, "item"];
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * `table`: one row per item of `each` (`{code, label, path}`), with the `fields` computed for it;
 * `item.value` is the answer at the item's path. `summary` says how the guided summary shows it.
 */
export const table: RuleKindModule<TableRule> = {
  word: "en tabell",
  givesResult: true,
  compile(def, ctx) {
    const exprs = Object.entries(def.fields ?? {});
    const names = exprs.map(([name]) => name);
    const each = def.each ?? [];
    if (each.length > 0 && itemsKnownStatically(exprs.map(([, e]) => e))) {
      // The fields compiled once per item (itemRoot.ts): `item.code`/`item.label` are constants
      // and slot 1 of the row's scope holds the item's answer, so no item object per row.
      const base = ctx.rootOf(TABLE);
      const items = each.map((item) => {
        const root = itemRoot(base, 1, item);
        return { code: item.code, label: item.label, get: ctx.read(item.path), fields: exprs.map(([, e]) => ctx.compileWithRoot(e, root)) };
      });
      return (scope, report, explain) => {
        const rowScope: Scope = { doc: scope.doc, values: [scope.values[0], null] };
        const rows: Array<Record<string, unknown>> = [];
        for (let i = 0; i < items.length; i++) {
          const item = items[i]!;
          rowScope.values[1] = item.get(scope) ?? null;
          const row: Record<string, unknown> = { code: item.code, label: item.label };
          for (let k = 0; k < names.length; k++) row[names[k]!] = item.fields[k]!(rowScope) ?? null;
          rows.push(row);
        }
        ctx.publish(scope, report, rows, explain);
      };
    }
    const fields = exprs.map(([, e]) => ctx.compile(e, TABLE));
    const items = each.map((item) => ({ code: item.code, label: item.label, get: ctx.read(item.path) }));
    return (scope, report, explain) => {
      const rowScope: Scope = { doc: scope.doc, values: [scope.values[0], null] };
      const rows: Array<Record<string, unknown>> = [];
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        rowScope.values[1] = { code: item.code, label: item.label, value: item.get(scope) ?? null };
        const row: Record<string, unknown> = { code: item.code, label: item.label };
        for (let k = 0; k < names.length; k++) row[names[k]!] = fields[k]!(rowScope) ?? null;
        rows.push(row);
      }
      ctx.publish(scope, report, rows, explain);
    };
  },
  check(def, ctx) {
    const each = Array.isArray(def.each) ? (def.each as unknown[]).filter(isSchemaObject) : [];
    const alts: Array<{ label: string; shape: Shape }> = [];
    each.forEach((item, k) => {
      if (typeof item.path !== "string") return;
      const s = ctx.readVar(item.path, joinPointer(ctx.at, "each", k, "path"), ctx.base);
      alts.push({ label: String(item.code), shape: s.absent ? s : { ...s, absent: true } });
    });
    const codes = each.map((e) => e.code);
    const item: Shape = { absent: false, fields: { code: { absent: false, codes }, label: KNOWN, value: alts.length ? { alts, absent: true } : UNKNOWN } };
    const frame = ctx.frame({ item });
    const fields: Record<string, Shape> = { code: { absent: false, codes }, label: KNOWN };
    for (const [name, e] of Object.entries(isSchemaObject(def.fields) ? def.fields : {})) {
      fields[name] = ctx.infer(e, joinPointer(ctx.at, "fields", name), frame);
    }
    const summary = def.summary;
    if (isSchemaObject(summary)) {
      const columns = Array.isArray(summary.columns) ? summary.columns : [];
      columns.forEach((c, k) => {
        if (isSchemaObject(c) && typeof c.field === "string" && !hasOwn(fields, c.field)) ctx.error(joinPointer(ctx.at, "summary", "columns", k, "field"), `visar kolumnen ”${c.field}”, som inte är ett av tabellens fält`);
      });
      if (typeof summary.rankedBy === "string" && !hasOwn(fields, summary.rankedBy)) ctx.error(joinPointer(ctx.at, "summary", "rankedBy"), `rangordnar efter ”${summary.rankedBy}”, som inte är ett av tabellens fält`);
    }
    return { absent: false, items: { absent: false, fields } };
  },
};
