import { uiOf } from "../schema/walk.ts";
import { isSchemaObject } from "../schema/types.ts";
import { constraintDirection, typeDirection } from "./constraints.ts";
import { effectiveOrder, facetsOf, type FieldNode, type FieldTree } from "./fields.ts";
import { diffOptions } from "./options.ts";
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

/** Validation keywords whose removal can only let more answers in (each is a further condition). */
const MONOTONE = new Set(["not", "allOf", "anyOf", "oneOf", "if", "then", "else", "dependentRequired", "dependentSchemas", "contains", "propertyNames", "enum"]);

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
      const widened = !fb.hasConst;
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
    const widened = !fb.options;
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
    const dir = constraintDirection(keyword, before, after);
    push(
      dir === "narrowed" ? "constraint-narrowed" : "constraint-widened",
      dir === "narrowed" ? "breaking" : "compatible",
      `${capitalise(keywordName(keyword))}: ${show(before)} → ${show(after)}.`,
      dir === "narrowed" ? "Ett svar som klarade den gamla gränsen kan bli ogiltigt." : "Alla svar som klarade den gamla gränsen klarar den nya.",
      { keyword, before, after },
    );
  }

  for (const keyword of new Set([...Object.keys(fa.other), ...Object.keys(fb.other)])) {
    const before = fa.other[keyword];
    const after = fb.other[keyword];
    if (canonical(before) === canonical(after)) continue;
    const base = keyword.replace(/^items\./, "");
    const removed = after === undefined && MONOTONE.has(base);
    push(
      "keyword-changed",
      removed ? "compatible" : "breaking",
      `Valideringsregeln ${keyword} ${before === undefined ? "läggs till" : after === undefined ? "tas bort" : "ändras"}.`,
      removed ? "Ett villkor för giltiga svar tas bort; alla tidigare svar är fortfarande giltiga." : "Villkoret för giltiga svar ändras på ett sätt som inte kan jämföras automatiskt; räknas som brytande.",
      { keyword, before, after },
    );
  }
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
