import type { ErrorObject, ValidateFunction } from "ajv";
import { createAjv, definitionsAjv, ANNOTATION_KEYWORDS, HINTS_META_ID } from "../validation/ajv.ts";
import { joinPointer } from "../schema/pointer.ts";
import { choiceOptions, deref, resolveRef, schemaAt } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { walkSchema, type SchemaPlace } from "../schema/traverse.ts";
import { KNOWN_KEYWORDS } from "./keywords.ts";
import { suggest } from "./suggest.ts";
import { patternIssues } from "./regex.ts";
import { scoreIssues } from "./scores.ts";
import { schemaCostIssues } from "../rules/logic/cost.ts";
import { expressionIssues } from "./expressions.ts";
import { childWithIssues } from "./childWith.ts";
import { computedFromIssues } from "./computed.ts";
import hintsMeta from "@blankett/schemas/hints.meta.json" with { type: "json" };

export interface LintIssue {
  /** JSON Pointer into the schema document. */
  at: string;
  message: string;
}

/** What `blankett lint` finds: errors refuse the schema, warnings are printed and let it pass. */
export interface LintReport {
  errors: LintIssue[];
  warnings: LintIssue[];
}

export interface LintOptions {
  /** The schema's file name, to check it against `$id` and `x-instrument`. */
  fileName?: string;
}

/** A national version, or a local variant's effective schema (`…/<version>/variants/<name>`, see schemas/OVERLAYS.md). */
const ID_PATTERN = /^https:\/\/blankett\.example\/schemas\/([a-z][a-z0-9-]*)\/(\d+\.\d+\.\d+)(?:\/variants\/([a-z][a-z0-9-]*))?$/;

let hintValidators: Record<string, ValidateFunction> | undefined;
function hintValidator(keyword: keyof typeof ANNOTATION_KEYWORDS): ValidateFunction {
  if (!hintValidators) {
    const ajv = definitionsAjv();
    hintValidators = {};
    for (const [k, def] of Object.entries(ANNOTATION_KEYWORDS)) {
      hintValidators[k] = ajv.compile({ $ref: `${HINTS_META_ID}#/$defs/${def}` });
    }
  }
  return hintValidators[keyword]!;
}

const HINT_NAMES = Object.keys((hintsMeta.$defs.ui as { properties: Record<string, unknown> }).properties);

function hintMessage(keyword: string, e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const where = e.instancePath ? `${keyword}${e.instancePath.replace(/\//g, ".")}` : keyword;
  switch (e.keyword) {
    case "additionalProperties": {
      const name = String(p.additionalProperty);
      const guess = keyword === "x-ui" ? suggest(name, HINT_NAMES) : undefined;
      return `Okänd hint ”${name}” i ${where}` + (guess ? ` — menade du ”${guess}”?` : "");
    }
    case "type":
      return `${where} har fel typ: ska vara ${p.type}`;
    case "enum":
      return `${where} måste vara ett av: ${(p.allowedValues as unknown[]).join(", ")}`;
    case "required":
      return `${where} saknar ”${p.missingProperty}”`;
    default:
      return `${where}: ${e.message ?? e.keyword}`;
  }
}

/**
 * Checks a schema the way a reviewer would want it checked before it is used: every keyword
 * known (typos get a suggestion), every hint of the right name and type, hints that name fields
 * name real ones, identity consistent, and finally a strict ajv compile.
 */
export function lintSchema(schema: unknown, options: LintOptions = {}): LintIssue[] {
  return lintReport(schema, options).errors;
}

/** Errors and warnings both (lintSchema gives the errors only). */
export function lintReport(schema: unknown, options: LintOptions = {}): LintReport {
  if (!isSchemaObject(schema)) return { errors: [{ at: "", message: "Schemat måste vara ett JSON-objekt" }], warnings: [] };
  const issues = keywordIssues(schema);
  const expressions = safeExpressionIssues(schema);
  issues.push(...expressions.errors);
  checkIdentity(schema, options, issues);
  if (issues.length === 0) {
    try {
      createAjv().compile(schema);
    } catch (e) {
      issues.push({ at: "", message: `Schemat kan inte kompileras: ${(e as Error).message}` });
    }
  }
  return { errors: issues, warnings: expressions.warnings };
}

/** The expression check (expressions.ts), split by severity. It never throws. */
function safeExpressionIssues(root: JsonSchema): LintReport {
  const out: LintReport = { errors: [], warnings: [] };
  let found: ReturnType<typeof expressionIssues>;
  try {
    found = expressionIssues(root);
  } catch (e) {
    // A schema broken in a way the structural check reports (a $ref loop, say) can stop the
    // expression check; that is then the error to fix first.
    out.errors.push({ at: "", message: `Schemats uttryck kan inte kontrolleras: ${e instanceof RangeError ? "schemat är nästlat för djupt" : (e as Error).message}` });
    return out;
  }
  for (const i of found) (i.severity === "warning" ? out.warnings : out.errors).push({ at: i.at, message: i.message });
  return out;
}

/**
 * What must hold for any schema the engine compiles, including hand-made and effective
 * (overlay) schemas: keywords, hints and references, and the expressions of its rules and
 * conditions (errors only; no identity checks, no compile).
 */
export function structuralIssues(root: JsonSchema): LintIssue[] {
  return [...keywordIssues(root), ...safeExpressionIssues(root).errors];
}

/** Keywords, hints and references. */
function keywordIssues(root: JsonSchema): LintIssue[] {
  const issues: LintIssue[] = [];

  const visit = (node: unknown, { pointer: at }: SchemaPlace<undefined>): void => {
    if (typeof node === "boolean") return;
    if (!isSchemaObject(node)) {
      issues.push({ at, message: "Här väntades ett schema (ett objekt)" });
      return;
    }
    for (const key of Object.keys(node)) {
      if (KNOWN_KEYWORDS.has(key)) continue;
      const guess = suggest(key, KNOWN_KEYWORDS);
      issues.push({ at: joinPointer(at, key), message: `Okänt nyckelord ”${key}”` + (guess ? ` — menade du ”${guess}”?` : "") });
    }
    for (const keyword of Object.keys(ANNOTATION_KEYWORDS) as Array<keyof typeof ANNOTATION_KEYWORDS>) {
      if (!(keyword in node)) continue;
      const check = hintValidator(keyword);
      if (!check(node[keyword])) {
        for (const e of check.errors ?? []) issues.push({ at: joinPointer(at, keyword) + e.instancePath, message: hintMessage(keyword, e) });
      }
    }
    if (typeof node.$ref === "string") {
      try {
        resolveRef(root, node.$ref);
      } catch (e) {
        issues.push({ at: joinPointer(at, "$ref"), message: (e as Error).message });
      }
    }
    checkHintTargets(node, at);
  };

  const checkHintTargets = (node: JsonSchema, at: string): void => {
    const ui = node["x-ui"];
    if (!isSchemaObject(ui)) return;
    let resolved: JsonSchema;
    try {
      resolved = deref(root, node);
    } catch {
      return;
    }
    const props = isSchemaObject(resolved.properties) ? resolved.properties : {};
    if (Array.isArray(ui.order)) {
      for (const name of ui.order) {
        if (typeof name === "string" && !(name in props)) issues.push({ at: joinPointer(at, "x-ui", "order"), message: `x-ui.order nämner ”${name}”, som inte är en egenskap här` });
      }
    }
    if (Array.isArray(ui.columns)) {
      const items = isSchemaObject(resolved.items) ? deref(root, resolved.items) : undefined;
      const rowProps = items && isSchemaObject(items.properties) ? items.properties : {};
      for (const name of ui.columns) {
        if (typeof name === "string" && !(name in rowProps)) issues.push({ at: joinPointer(at, "x-ui", "columns"), message: `x-ui.columns nämner ”${name}”, som inte finns i raderna` });
      }
      issues.push(...childWithIssues(root, rowProps, ui.columns, at));
    }
    if (ui.widget === "ranking" || ui.widget === "checkboxes") {
      // Both widgets draw one control per option of a list's items; anything else has no options to draw.
      const items = resolved.type === "array" && isSchemaObject(resolved.items) ? deref(root, resolved.items) : undefined;
      if (!items || !choiceOptions(root, items) || resolved.uniqueItems !== true) {
        issues.push({ at: joinPointer(at, "x-ui", "widget"), message: `x-ui.widget ”${ui.widget}” passar bara en lista (array med uniqueItems) vars värden är kodade alternativ` });
      }
    }
    // visibleWhen is type-checked with the rules (expressions.ts).
  };

  for (const over of walkSchema(root, visit).tooDeep) issues.push({ at: over.pointer, message: over.message });
  issues.push(...patternIssues(root), ...schemaCostIssues(root), ...scoreIssues(root), ...computedFromIssues(root));
  return issues;
}

function checkIdentity(root: JsonSchema, options: LintOptions, issues: LintIssue[]): void {
  if (root.$schema !== "https://json-schema.org/draft/2020-12/schema") {
    issues.push({ at: "/$schema", message: "$schema måste vara https://json-schema.org/draft/2020-12/schema" });
  }
  const info = root["x-instrument"];
  const id = typeof root.$id === "string" ? root.$id : "";
  const m = ID_PATTERN.exec(id);
  if (!m) {
    issues.push({ at: "/$id", message: "$id måste ha formen https://blankett.example/schemas/<formulär>/<version> (eller …/<version>/variants/<variant>)" });
    return;
  }
  if (!isSchemaObject(info)) {
    issues.push({ at: "/x-instrument", message: "x-instrument saknas" });
    return;
  }
  if (info.name !== m[1] || info.version !== m[2]) {
    issues.push({ at: "/x-instrument", message: `x-instrument (${info.name}@${info.version}) stämmer inte med $id (${m[1]}@${m[2]})` });
  }
  if (options.fileName) {
    const norm = options.fileName.replace(/\\/g, "/");
    if (!norm.endsWith(`${m[1]}/${m[2]}.schema.json`) && /\/[a-z][a-z0-9-]*\/\d+\.\d+\.\d+\.schema\.json$/.test(norm)) {
      issues.push({ at: "/$id", message: `Filnamnet ${options.fileName} stämmer inte med $id (${m[1]}/${m[2]}.schema.json)` });
    }
  }
  const meta = schemaAt(root, ["meta", "schema"]);
  if (!meta || meta.const !== `${m[1]}@${m[2]}`) {
    issues.push({ at: "/properties/meta", message: `Svarsdokumentet måste ha meta.schema med const ”${m[1]}@${m[2]}”` });
  }
  // A variant's answers name the variant too: meta.variant is required and fixed to its name.
  if (m[3] !== undefined) {
    const variant = schemaAt(root, ["meta", "variant"]);
    const metaSchema = schemaAt(root, ["meta"]);
    const required = Array.isArray(metaSchema?.required) && metaSchema.required.includes("variant");
    if (!variant || variant.const !== m[3] || !required) {
      issues.push({ at: "/properties/meta", message: `Svarsdokument i varianten måste ha meta.variant, obligatorisk med const ”${m[3]}”` });
    }
  }
}
