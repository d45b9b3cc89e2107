import type { ErrorObject, ValidateFunction } from "ajv";
import { definitionsAjv } from "../validation/ajv.ts";
import { choiceOptions, schemaAt } from "../schema/walk.ts";
import { compareVersions } from "../schema/registry.ts";
import { compileLogic } from "../rules/logic/compile.ts";
import type { JsonSchema } from "../schema/types.ts";
import { EACH, parsePath, wildcards, type PathSegment } from "./paths.ts";
import type { Migration, Operation } from "./types.ts";
import migrationMeta from "@blankett/schemas/migration.meta.json" with { type: "json" };

/**
 * Checks a migration file before it is used: first its form against migration.meta.json, then
 * what a schema cannot say (from before to, wildcards that line up, a valid `where`), and — with
 * the two schema versions — that every path exists where it should and every new code is an
 * option of the new version. Messages are Swedish, one per problem, naming the operation.
 */

let metaValidator: ValidateFunction | undefined;
function formCheck(): ValidateFunction {
  metaValidator ??= definitionsAjv().compile(migrationMeta);
  return metaValidator;
}

function formMessage(e: ErrorObject): string {
  const where = e.instancePath || "/";
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `${where}: ”${p.missingProperty}” saknas`;
    case "additionalProperties":
      return `${where}: okänd nyckel ”${p.additionalProperty}”`;
    case "enum":
      return `${where}: måste vara ett av ${(p.allowedValues as unknown[]).join(", ")}`;
    case "pattern":
    case "not":
      return `${where}: ogiltig sökväg eller version`;
    default:
      return `${where}: ${e.message ?? e.keyword}`;
  }
}

/** Problems in a migration's form and inner consistency; empty when it can be used. */
export function checkMigration(data: unknown): string[] {
  const check = formCheck();
  if (!check(data)) {
    const errors = (check.errors ?? []).filter((e) => e.keyword !== "if");
    return [...new Set(errors.map(formMessage))];
  }
  const m = data as Migration;
  const issues: string[] = [];
  if (compareVersions(m.from, m.to) >= 0) issues.push(`”to” (${m.to}) måste vara en senare version än ”from” (${m.from})`);
  m.operations.forEach((op, i) => {
    for (const problem of operationIssues(op)) issues.push(`operation ${i + 1} (${op.op}): ${problem}`);
  });
  return issues;
}

const endsInEach = (p: string) => p.endsWith("[]");

function operationIssues(op: Operation): string[] {
  const out: string[] = [];
  const noTrailing = (label: string, p: string) => {
    if (endsInEach(p)) out.push(`${label} ”${p}” får inte sluta med []`);
  };
  const sameRows = (label: string, p: string, base: string, extra = 0) => {
    if (wildcards(parsePath(p)) !== wildcards(parsePath(base)) + extra) out.push(`${label} ”${p}” har inte lika många [] som ”${base}”`);
  };
  switch (op.op) {
    case "move": {
      noTrailing("from", op.from);
      noTrailing("to", op.to);
      sameRows("to", op.to, op.from);
      if (op.to === op.from || op.to.startsWith(op.from + ".") || op.from.startsWith(op.to + ".")) out.push("from och to får inte ligga i varandra");
      break;
    }
    case "recode":
      if (op.unique && !endsInEach(op.path)) out.push("unique gäller bara listor (path som slutar med [])");
      break;
    case "split":
      noTrailing("from", op.from);
      for (const t of op.to) {
        const p = typeof t === "string" ? t : t.path;
        noTrailing("to", p);
        sameRows("to", p, op.from);
      }
      break;
    case "merge":
      for (const p of op.from) {
        noTrailing("from", p);
        sameRows("from", p, op.to);
      }
      noTrailing("to", op.to);
      if (op.order && op.rule !== "max" && op.rule !== "min") out.push("order gäller bara reglerna max och min");
      if ((op.labels || op.separator !== undefined) && op.rule !== "join") out.push("labels och separator gäller bara regeln join");
      if (op.labels && op.labels.length !== op.from.length) out.push("labels ska ha en etikett per källa i from");
      break;
    case "default":
    case "drop":
      noTrailing("path", op.path);
      break;
    case "moveRows": {
      noTrailing("from", op.from);
      sameRows("to", op.to, op.from, endsInEach(op.to) ? 1 : 0);
      for (const [a, b] of Object.entries(op.fields)) {
        if (a.includes("[]") || b.includes("[]")) out.push(`fields ”${a}” → ”${b}”: radens fält anges utan []`);
      }
      for (const p of op.implied ?? []) if (p.includes("[]")) out.push(`implied ”${p}”: radens fält anges utan []`);
      try {
        compileLogic(op.where);
      } catch (e) {
        out.push(`where går inte att läsa: ${(e as Error).message}`);
      }
      break;
    }
  }
  return out;
}

const asSegments = (path: PathSegment[]): string[] => path.map((s) => (s === EACH ? "0" : s));
const at = (schema: JsonSchema, path: string, base: string[] = []) => schemaAt(schema, [...base, ...asSegments(parsePath(path))]);

/**
 * Problems between a (form-checked) migration and the two schema versions it joins: a source
 * path must exist in the old version (or, after an earlier operation, the new one), a target
 * path in the new version, and a recoded code must be an option on its side.
 */
export function checkMigrationPaths(m: Migration, fromSchema: JsonSchema, toSchema: JsonSchema): string[] {
  const out: string[] = [];
  const fromRef = `${m.instrument}@${m.from}`;
  const toRef = `${m.instrument}@${m.to}`;
  m.operations.forEach((op, i) => {
    const say = (text: string) => out.push(`operation ${i + 1} (${op.op}): ${text}`);
    const source = (p: string, base: string[] = []) => {
      if (!at(fromSchema, p, base) && !at(toSchema, p, base)) say(`”${[...base, p].join(".")}” finns inte i ${fromRef}`);
    };
    const target = (p: string, base: string[] = []) => {
      if (!at(toSchema, p, base)) say(`”${[...base, p].join(".")}” finns inte i ${toRef}`);
    };
    switch (op.op) {
      case "move":
        source(op.from);
        target(op.to);
        break;
      case "recode": {
        source(op.path);
        const oldCodes = choiceOptions(fromSchema, at(fromSchema, op.path))?.map((o) => o.code);
        const newCodes = choiceOptions(toSchema, at(toSchema, op.path))?.map((o) => o.code);
        for (const [a, b] of Object.entries(op.map)) {
          if (oldCodes && !oldCodes.includes(a)) say(`”${a}” är inget svarsalternativ i ${fromRef}`);
          if (b !== null && newCodes && !newCodes.includes(b)) say(`”${b}” är inget svarsalternativ i ${toRef}`);
        }
        break;
      }
      case "split":
        source(op.from);
        for (const t of op.to) target(typeof t === "string" ? t : t.path);
        break;
      case "merge":
        for (const p of op.from) source(p);
        target(op.to);
        break;
      case "default":
        target(op.path);
        break;
      case "drop":
        if (!at(fromSchema, op.path)) say(`”${op.path}” finns inte i ${fromRef}`);
        break;
      case "moveRows": {
        if (!at(fromSchema, op.from)) say(`”${op.from}” finns inte i ${fromRef}`);
        target(op.to);
        // The row: an item of the old list; the new row: an item of the target list, or the target object.
        const rowFrom = [...asSegments(parsePath(op.from)), "0"];
        const rowTo = asSegments(parsePath(op.to));
        for (const [a, b] of Object.entries(op.fields)) {
          if (!schemaAt(fromSchema, [...rowFrom, ...asSegments(parsePath(a))])) say(`radens fält ”${a}” finns inte i ${fromRef}`);
          if (!schemaAt(toSchema, [...rowTo, ...asSegments(parsePath(b))])) say(`radens fält ”${b}” finns inte i ${toRef}`);
        }
        for (const p of op.implied ?? []) {
          if (!schemaAt(fromSchema, [...rowFrom, ...asSegments(parsePath(p))])) say(`radens fält ”${p}” finns inte i ${fromRef}`);
        }
        break;
      }
    }
  });
  return out;
}
