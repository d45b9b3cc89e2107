import { deref, uiOf } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { constraintDirection, typeDirection } from "./constraints.ts";
import { effectiveOrder, facetsOf, type FieldNode, type FieldTree } from "./fields.ts";
import { diffOptions } from "./options.ts";
import { includes, valueSchemas, type Inclusion } from "./inclusion.ts";
import { canonical, sameData } from "./shape.ts";
import { capitalise, keywordName, show, typeName } from "./words.ts";
import type { Change, ChangeClass, ChangeKind } from "./types.ts";

/**
 * Compares one item with its counterpart in the other version: the item itself (wording, hints,
 * condition, type, options, constraints, whether it is required, the order of its children).
 * Children are compared as items of their own; additions, removals and moves are found by the
 * caller, which sees both trees.
 */

/** Pointer of the version stamp: its const changes with every version, by design. */
export const VERSION_STAMP = "/meta/schema";

/** Hints whose value is text people read. */
const TEXT_HINTS = new Set(["placeholder", "childText", "rowLabel", "messages"]);
/** Hints handled as their own change kinds. */
const OWN_KIND_HINTS = new Set(["help", "visibleWhen", "order"]);

/** Keywords that mean something only together: a change of one is judged with the others (new side). */
const KEYWORD_GROUPS: string[][] = [
  ["properties", "patternProperties", "additionalProperties", "propertyNames"],
  ["items", "prefixItems", "unevaluatedItems"],
  ["contains", "minContains", "maxContains"],
  ["if", "then", "else"],
];
/** unevaluated* depend on every in-place applicator of the same schema. */
const UNEVALUATED_CONTEXT = ["properties", "patternProperties", "additionalProperties", "unevaluatedProperties", "items", "prefixItems", "unevaluatedItems", "contains", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas"];

/** The new side's keyword with the keywords it is read with. */
function keywordGroup(keyword: string, schema: JsonSchema): JsonSchema {
  const names = keyword === "unevaluatedProperties" || keyword === "unevaluatedItems" ? UNEVALUATED_CONTEXT : (KEYWORD_GROUPS.find((g) => g.includes(keyword)) ?? [keyword]);
  const out: JsonSchema = {};
  for (const k of names) if (k in schema) out[k] = schema[k];
  // The object keywords apply to objects only, the array keywords to arrays only.
  return out;
}

/** Constraints read together (a bound may move from one keyword to another). */
const CONSTRAINT_FAMILIES = [
  ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf", "type"],
  ["minLength", "maxLength"],
  ["minItems", "maxItems", "prefixItems", "items"],
  ["contains", "minContains", "maxContains"],
  ["minProperties", "maxProperties"],
];

function pick(schema: JsonSchema, keys: string[]): JsonSchema {
  const out: JsonSchema = {};
  for (const k of keys) if (k in schema) out[k] = schema[k];
  return out;
}

function itemsOf(schema: JsonSchema): JsonSchema {
  return isSchemaObject(schema.items) ? schema.items : schema.items === false ? { not: {} } : {};
}

/** The class of a change by what inclusion proved. */
export function classOf(verdict: Inclusion): ChangeClass {
  return verdict === "yes" ? "compatible" : verdict === "no" ? "breaking" : "review";
}

export const INCLUSION_REASON: Record<Inclusion, string> = {
  yes: "Varje svar som var giltigt förut är fortfarande giltigt med den nya regeln.",
  no: "Ett svar som var giltigt förut kan bli ogiltigt med den nya regeln.",
  unknown:
    "Ändringen kan inte jämföras automatiskt (till exempel reguljära uttryck eller överlappande alternativ); en granskare behöver avgöra om tidigare svar fortfarande är giltiga. Räknas som brytande tills den godkänns.",
};

/** The option values (enum members or oneOf consts) of a choice, or of a multiple choice's items. */
function rawOptions(root: JsonSchema, node: FieldNode): unknown[] {
  const own = (s: JsonSchema): unknown[] | undefined => {
    if (Array.isArray(s.oneOf) && s.oneOf.length > 0 && s.oneOf.every((x) => isSchemaObject(x) && "const" in x)) return (s.oneOf as JsonSchema[]).map((x) => x.const);
    return Array.isArray(s.enum) ? s.enum : undefined;
  };
  const mine = own(node.schema);
  if (mine) return mine;
  if (isSchemaObject(node.schema.items)) {
    try {
      return own(deref(root, node.schema.items)) ?? [];
    } catch {
      return [];
    }
  }
  return [];
}

/** Boolean property schemas and required names outside `properties`: not items of the tree. */
function objectExtras(where: { pointer: string; newPointer: string; label: string }, a: FieldNode, b: FieldNode, ctx: CompareContext): Change[] {
  const out: Change[] = [];
  const pa = isSchemaObject(a.schema.properties) ? a.schema.properties : {};
  const pb = isSchemaObject(b.schema.properties) ? b.schema.properties : {};
  for (const name of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const x = pa[name];
    const y = pb[name];
    if ((x === undefined || isSchemaObject(x)) && (y === undefined || isSchemaObject(y))) continue;
    if (sameData(x, y)) continue;
    const left = valueSchemas(ctx.oldTree.root, a.schema, name);
    const right = valueSchemas(ctx.newTree.root, b.schema, name);
    const verdict = includes({ root: ctx.oldTree.root, schema: left.length === 1 ? left[0] : { allOf: left } }, { root: ctx.newTree.root, schema: right.length === 1 ? right[0] : { allOf: right } });
    const cls = classOf(verdict);
    out.push(
      change({ pointer: childPointer(a.pointer, name), newPointer: childPointer(b.pointer, name), label: name }, cls === "compatible" ? "constraint-widened" : "constraint-narrowed", cls, `Schemat för ${show(name)} ändras från ${show(x)} till ${show(y)}.`, INCLUSION_REASON[verdict], {
        keyword: "properties",
        before: x,
        after: y,
      }),
    );
  }
  const reqA = new Set(Array.isArray(a.schema.required) ? a.schema.required.map(String) : []);
  const reqB = new Set(Array.isArray(b.schema.required) ? b.schema.required.map(String) : []);
  for (const name of reqB) {
    if (reqA.has(name) || b.children.includes(name)) continue;
    out.push(change({ pointer: childPointer(a.pointer, name), newPointer: childPointer(b.pointer, name), label: name }, "required-added", "breaking", `${show(name)} blir obligatorisk.`, "Tidigare svar där uppgiften saknas blir ogiltiga.", { keyword: "required", after: name }));
  }
  for (const name of reqA) {
    if (reqB.has(name) || a.children.includes(name)) continue;
    out.push(change({ pointer: childPointer(a.pointer, name), newPointer: childPointer(b.pointer, name), label: name }, "required-removed", "compatible", `${show(name)} blir frivillig.`, "Alla tidigare svar är fortfarande giltiga.", { keyword: "required", before: name }));
  }
  return out;
}

function childPointer(pointer: string, key: string): string {
  return pointer + "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");
}

export interface Pair {
  old: FieldNode;
  new: FieldNode;
}

export interface CompareContext {
  oldTree: FieldTree;
  newTree: FieldTree;
  /** Old pointer → new pointer of every item found in both versions. */
  counterpart: Map<string, string>;
}

export function change(
  pair: { pointer: string; newPointer?: string | undefined; label: string },
  kind: ChangeKind,
  cls: ChangeClass,
  summary: string,
  reason: string,
  extra: Partial<Pick<Change, "keyword" | "before" | "after" | "rule">> = {},
): Change {
  const out: Change = { kind, class: cls, pointer: pair.pointer, label: pair.label, summary, reason };
  if (pair.newPointer !== undefined && pair.newPointer !== pair.pointer) out.newPointer = pair.newPointer;
  if (extra.keyword !== undefined) out.keyword = extra.keyword;
  if (extra.rule !== undefined) out.rule = extra.rule;
  if (extra.before !== undefined) out.before = extra.before;
  if (extra.after !== undefined) out.after = extra.after;
  return out;
}

const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export function compareItems(ctx: CompareContext, pair: Pair): Change[] {
  const { old: a, new: b } = pair;
  const where = { pointer: a.pointer, newPointer: b.pointer, label: b.label };
  const out: Change[] = [];
  const push = (...args: Parameters<typeof change> extends [unknown, ...infer R] ? R : never) => out.push(change(where, ...args));

  // Wording: what people read, never what is stored.
  if (text(a.schema.title) !== text(b.schema.title)) {
    push("label-changed", "wording", `Etiketten ändras från ${show(a.label)} till ${show(b.label)}.`, "Bara texten ändras; sparade svar påverkas inte.", {
      before: a.schema.title,
      after: b.schema.title,
    });
  }
  if (text(a.schema.description) !== text(b.schema.description)) {
    push("description-changed", "wording", "Beskrivningen för granskare ändras.", "Bara texten ändras; sparade svar påverkas inte.", {
      before: a.schema.description,
      after: b.schema.description,
    });
  }
  const uiA = uiOf(a.schema) as Record<string, unknown>;
  const uiB = uiOf(b.schema) as Record<string, unknown>;
  if (text(uiA.help) !== text(uiB.help)) {
    push("help-changed", "wording", uiA.help === undefined ? "Hjälptext läggs till." : uiB.help === undefined ? "Hjälptexten tas bort." : "Hjälptexten ändras.", "Bara texten ändras; sparade svar påverkas inte.", {
      before: uiA.help,
      after: uiB.help,
    });
  }
  if (!sameData(uiA.visibleWhen, uiB.visibleWhen)) {
    const what = uiA.visibleWhen === undefined ? "Frågan får ett villkor för när den visas." : uiB.visibleWhen === undefined ? "Villkoret för när frågan visas tas bort: den visas alltid." : "Villkoret för när frågan visas ändras.";
    push("condition-changed", "compatible", what, "Villkoret styr bara om frågan visas; svar på dolda frågor sparas och valideras som förut.", {
      keyword: "visibleWhen",
      before: uiA.visibleWhen,
      after: uiB.visibleWhen,
    });
  }
  for (const hint of new Set([...Object.keys(uiA), ...Object.keys(uiB)])) {
    if (OWN_KIND_HINTS.has(hint) || sameData(uiA[hint], uiB[hint])) continue;
    out.push(hintChange(where, hint, uiA[hint], uiB[hint]));
  }

  // The version stamp changes with every version: bookkeeping, not a change of the questions.
  if (a.pointer === VERSION_STAMP && b.pointer === VERSION_STAMP && a.schema.const !== b.schema.const) {
    push("version-stamp", "bookkeeping", `Versionsstämpeln ändras från ${show(a.schema.const)} till ${show(b.schema.const)}.`, "Versionsstämpeln följer versionen; svaren stämplas om när de flyttas till den nya versionen.", {
      keyword: "const",
      before: a.schema.const,
      after: b.schema.const,
    });
  } else out.push(...compareValidation(where, a, b, ctx));

  if (a.required !== b.required && a.parent !== undefined && b.parent !== undefined) {
    if (b.required) push("required-added", "breaking", "Frågan blir obligatorisk.", "Tidigare svar där uppgiften saknas blir ogiltiga.");
    else push("required-removed", "compatible", "Frågan blir frivillig.", "Alla tidigare svar är fortfarande giltiga.");
  }

  if (a.kind === "group" && b.kind === "group") {
    const reorder = reordered(ctx, a, b);
    if (reorder) {
      push("item-reordered", "compatible", "Frågorna i gruppen kommer i en annan ordning.", "Bara ordningen i formuläret ändras; sparade svar påverkas inte.", {
        keyword: "order",
        before: reorder[0],
        after: reorder[1],
      });
    }
  }
  return out;
}

function hintChange(where: { pointer: string; newPointer: string; label: string }, hint: string, before: unknown, after: unknown): Change {
  const extra = { keyword: hint, before, after };
  const what = before === undefined ? `Visningsinställningen ${hint} läggs till.` : after === undefined ? `Visningsinställningen ${hint} tas bort.` : `Visningsinställningen ${hint} ändras.`;
  if (hint === "unit" && before !== undefined && after !== undefined) {
    return change(where, "hint-changed", "breaking", `Enheten ändras från ${show(before)} till ${show(after)}.`, "Ett sparat tal betyder något annat med en annan enhet.", extra);
  }
  if (TEXT_HINTS.has(hint) || hint === "unit") return change(where, "hint-changed", "wording", what, "Bara text som visas ändras; sparade svar påverkas inte.", extra);
  return change(where, "hint-changed", "compatible", what, "Ändrar bara hur frågan visas; sparade svar påverkas inte.", extra);
}

/** Type, fixed value, options, constraints and any other validation keyword. */
function compareValidation(where: { pointer: string; newPointer: string; label: string }, a: FieldNode, b: FieldNode, ctx: CompareContext): Change[] {
  const out: Change[] = [];
  const push = (...args: Parameters<typeof change> extends [unknown, ...infer R] ? R : never) => out.push(change(where, ...args));
  const fa = facetsOf(ctx.oldTree.root, a);
  const fb = facetsOf(ctx.newTree.root, b);

  for (const [keyword, before, after] of [["type", fa.type, fb.type], ["items.type", fa.itemType, fb.itemType]] as const) {
    if (sameData(before, after)) continue;
    const dir = typeDirection(before ? [...before] : undefined, after ? [...after] : undefined);
    push(
      "type-changed",
      dir === "widened" ? "compatible" : "breaking",
      `Svarstypen${keyword === "items.type" ? " för varje val" : ""} ändras från ${typeName(before ? [...before] : undefined)} till ${typeName(after ? [...after] : undefined)}.`,
      dir === "widened" ? "Alla tidigare svar har en typ som fortfarande är tillåten." : "Tidigare svar av en typ som inte längre är tillåten blir ogiltiga.",
      { keyword, before, after },
    );
  }

  if (fa.hasConst || fb.hasConst) {
    if (!fa.hasConst || !fb.hasConst || !sameData(fa.const, fb.const)) {
      // Fewer answers unless proven otherwise (a const that becomes one of the allowed options is wider).
      const widened = !fb.hasConst || proven(a.schema, pick(b.schema, ["const"]));
      push(
        widened ? "constraint-widened" : "constraint-narrowed",
        widened ? "compatible" : "breaking",
        `Det fasta värdet ändras från ${fa.hasConst ? show(fa.const) : "(inget)"} till ${fb.hasConst ? show(fb.const) : "(inget)"}.`,
        widened ? "Alla tidigare svar är fortfarande giltiga." : "Tidigare svar med det gamla värdet blir ogiltiga.",
        { keyword: "const", before: fa.const, after: fb.const },
      );
    }
  }

  if (fa.options && fb.options) {
    for (const o of diffOptions(fa.options, fb.options)) {
      const extra = { keyword: o.code, before: { code: o.code, label: o.label }, after: o.newCode !== undefined ? { code: o.newCode, label: o.newLabel } : undefined };
      switch (o.kind) {
        case "option-added":
          push(o.kind, "compatible", `Alternativet ${show(o.label)} (kod ${o.code}) läggs till.`, "Ett nytt alternativ; alla tidigare svar finns kvar bland alternativen.", {
            keyword: o.code,
            after: { code: o.code, label: o.label },
          });
          break;
        case "option-removed":
          push(o.kind, "breaking", `Alternativet ${show(o.label)} (kod ${o.code}) tas bort.`, `Tidigare svar med koden ${o.code} blir ogiltiga.`, extra);
          break;
        case "option-recoded":
          if (o.newCode !== o.code) {
            push(o.kind, "breaking", `Alternativet ${show(o.label)} får koden ${o.newCode} i stället för ${o.code}.`, `Tidigare svar med koden ${o.code} blir ogiltiga och behöver flyttas till koden ${o.newCode}.`, extra);
          } else {
            push(o.kind, "breaking", `Koden ${o.code} får etiketten ${show(o.newLabel)} i stället för ${show(o.label)}.`, `Sparade svar med koden ${o.code} betyder nu något annat än när de gavs.`, extra);
          }
          break;
        case "option-relabelled":
          push(o.kind, "wording", `Etiketten för koden ${o.code} ändras från ${show(o.label)} till ${show(o.newLabel)}.`, "Bara skiftläge, mellanrum eller skiljetecken ändras; koden betyder samma sak.", extra);
          break;
      }
    }
    // Codes are stored as JSON values: 1 and "1" print alike but are different answers, and
    // objects or arrays as options all print alike. Compare the values themselves.
    const rawB = new Set(rawOptions(ctx.newTree.root, b).map(canonical));
    const codesB = new Set(fb.options.map((o) => o.code));
    for (const v of rawOptions(ctx.oldTree.root, a)) {
      if (rawB.has(canonical(v)) || !codesB.has(String(v))) continue;
      push("option-recoded", "breaking", `Alternativet ${canonical(v)} finns inte längre med samma värde (koden byter typ eller innehåll).`, `Tidigare svar med värdet ${canonical(v)} blir ogiltiga.`, { keyword: String(v), before: v });
    }
    // Scores on the options (x-score): a stored total or band was computed with the old score.
    const scoresB = new Map(fb.options.map((o) => [o.code, o.score]));
    for (const o of fa.options) {
      if (!scoresB.has(o.code)) continue;
      const after = scoresB.get(o.code);
      if (o.score === after) continue;
      const both = o.score !== undefined && after !== undefined;
      push(
        "option-rescored",
        both ? "breaking" : "compatible",
        `Poängen för alternativet ${show(o.label)} (kod ${o.code}) ändras från ${o.score ?? "(ingen)"} till ${after ?? "(ingen)"}.`,
        both
          ? `Sparade resultat (summor och kategorier) räknades med ${o.score} poäng för ${o.code}; räknade om ger de ett annat resultat för samma svar.`
          : "Svaren påverkas inte; regler som börjar eller slutar läsa poängen redovisas som ändrade regler.",
        { keyword: o.code, before: o.score, after },
      );
    }
    // Per-option hints (a child-facing text, …) are hints like any other.
    const hintsB = new Map(fb.options.map((o) => [o.code, (o.ui ?? {}) as Record<string, unknown>]));
    for (const o of fa.options) {
      const ub = hintsB.get(o.code);
      if (!ub) continue;
      const ua = (o.ui ?? {}) as Record<string, unknown>;
      for (const hint of new Set([...Object.keys(ua), ...Object.keys(ub)])) {
        if (!sameData(ua[hint], ub[hint])) out.push(hintChange(where, `${o.code}: ${hint}`, ua[hint], ub[hint]));
      }
    }
  } else if (fa.options || fb.options) {
    const widened = !fb.options || proven(optionHolder(a), pick(optionHolder(b), ["enum", "oneOf", "const"]));
    const codes = (opts: typeof fa.options) => opts?.map((o) => o.code);
    push(
      widened ? "constraint-widened" : "constraint-narrowed",
      widened ? "compatible" : "breaking",
      widened ? "De fasta svarsalternativen tas bort." : "Frågan får fasta svarsalternativ.",
      widened ? "Alla tidigare svar är fortfarande giltiga." : "Tidigare svar som inte är ett av alternativen blir ogiltiga.",
      { keyword: "enum", before: codes(fa.options), after: codes(fb.options) },
    );
  }

  for (const keyword of new Set([...Object.keys(fa.constraints), ...Object.keys(fb.constraints)])) {
    const before = fa.constraints[keyword];
    const after = fb.constraints[keyword];
    if (sameData(before, after)) continue;
    let dir = constraintDirection(keyword, before, after);
    // A bound that moved to another keyword (maximum 10 → exclusiveMaximum 11): judged together.
    if (dir === "narrowed") {
      const items = keyword.startsWith("items.");
      const base = items ? keyword.slice("items.".length) : keyword;
      const family = CONSTRAINT_FAMILIES.find((f) => f.includes(base)) ?? [base];
      if (proven(items ? itemsOf(a.schema) : a.schema, pick(items ? itemsOf(b.schema) : b.schema, family))) dir = "widened";
    }
    push(
      dir === "narrowed" ? "constraint-narrowed" : "constraint-widened",
      dir === "narrowed" ? "breaking" : "compatible",
      `${capitalise(keywordName(keyword))}: ${show(before)} → ${show(after)}.`,
      dir === "narrowed" ? "Ett svar som klarade den gamla gränsen kan bli ogiltigt." : "Alla svar som klarade den gamla gränsen klarar den nya.",
      { keyword, before, after },
    );
  }

  function proven(left: unknown, right: unknown): boolean {
    return includes({ root: ctx.oldTree.root, schema: left }, { root: ctx.newTree.root, schema: right }) === "yes";
  }
  function optionHolder(node: FieldNode): JsonSchema {
    return node.kind === "multichoice" ? itemsOf(node.schema) : node.schema;
  }

  // Any other validation keyword: by inclusion of the old item in the keyword (with the keywords
  // that give it its meaning) on the new side; what cannot be proven either way needs review.
  const verdicts = new Map<string, Inclusion>();
  for (const keyword of new Set([...Object.keys(fa.other), ...Object.keys(fb.other)])) {
    const before = fa.other[keyword];
    const after = fb.other[keyword];
    if (canonical(before) === canonical(after)) continue;
    const scalarItems = keyword.startsWith("items.");
    const base = scalarItems ? keyword.slice("items.".length) : keyword;
    const left = scalarItems ? itemsOf(a.schema) : a.schema;
    const right = scalarItems ? itemsOf(b.schema) : b.schema;
    const group = keywordGroup(base, right);
    const key = `${scalarItems ? "items." : ""}${canonical(group)}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = includes({ root: ctx.oldTree.root, schema: left }, { root: ctx.newTree.root, schema: group });
      verdicts.set(key, verdict);
    }
    const what = `Valideringsregeln ${keyword} ${before === undefined ? "läggs till" : after === undefined ? "tas bort" : "ändras"}.`;
    push("keyword-changed", classOf(verdict), what, INCLUSION_REASON[verdict], { keyword, before, after });
  }

  // Objects: what the field tree does not hold (boolean property schemas, required names that
  // are not declared properties).
  if (a.kind === "group" && b.kind === "group") out.push(...objectExtras(where, a, b, ctx));
  return out;
}

/** The order of the children both versions share, when it differs. */
function reordered(ctx: CompareContext, a: FieldNode, b: FieldNode): [string[], string[]] | undefined {
  const orderA = effectiveOrder(a);
  const orderB = effectiveOrder(b);
  // Children that stayed in this group, by their key in the new version.
  const stayed = new Map<string, string>();
  for (const key of orderA) {
    const target = ctx.counterpart.get(pointerOf(a, key));
    if (target !== undefined && target === pointerOf(b, lastSegment(target)) && orderB.includes(lastSegment(target))) stayed.set(key, lastSegment(target));
  }
  const before = orderA.filter((k) => stayed.has(k)).map((k) => stayed.get(k)!);
  const after = orderB.filter((k) => before.includes(k));
  if (before.length < 2 || sameData(before, after)) return undefined;
  return [orderA, orderB];
}

function pointerOf(node: FieldNode, key: string): string {
  return node.pointer + "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function lastSegment(pointer: string): string {
  const i = pointer.lastIndexOf("/");
  return pointer.slice(i + 1).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** True when the object accepts keys it does not declare (additionalProperties not false). */
export function isOpen(node: FieldNode | undefined): boolean {
  if (!node || node.kind !== "group") return false;
  const ap = node.schema.additionalProperties;
  return ap === undefined || ap === true || isSchemaObject(ap);
}
