import { joinPointer } from "../schema/pointer.ts";
import { instrumentOf, refOf } from "../schema/registry.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { bumpVerdict } from "./bump.ts";
import { change, classOf, compareItems, INCLUSION_REASON, type CompareContext } from "./compare.ts";
import { searchCounterexamples, type SearchBudget } from "./counterexample.ts";
import { includes, valueSchemas, type Inclusion } from "./inclusion.ts";
import { acceptReviews, type ReviewFile } from "./review.ts";
import { EVERY_ITEM, fieldTree, type FieldNode, type FieldTree } from "./fields.ts";
import { matchItems } from "./moves.ts";
import { diffRules } from "./rules.ts";
import { sameData } from "./shape.ts";
import { itemView } from "./views.ts";
import { show } from "./words.ts";
import type { Change, ChangeClass, DiffReport, ItemDiff, Restructuring, SearchSummary, VersionInfo } from "./types.ts";

export interface DiffOptions {
  /**
   * Look for a counter-example to every change not proven breaking (counterexample.ts): synthetic
   * answers valid under the old version that the new one rejects. One found makes the change
   * breaking, with that answer as its witness. Off by default (it validates many documents).
   */
  search?: boolean;
  /** Candidate budgets for the search (defaults: SEARCH_BUDGET). */
  budget?: Partial<SearchBudget>;
  /** Changes a reviewer accepted (`<instrument>/<version>.review.json`, see review.ts). */
  accepted?: ReviewFile;
}

/**
 * The diff of two instrument versions, by what each change means for stored answers. Pure: two
 * parsed schemas in, a report out (see types.ts); formatting is format-text.ts / format-html.ts.
 */
export function diffSchemas(oldInput: JsonSchema | boolean, newInput: JsonSchema | boolean, options: DiffOptions = {}): DiffReport {
  if (typeof oldInput === "boolean" || typeof newInput === "boolean") return booleanRoots(oldInput, newInput);
  const oldSchema = oldInput;
  const newSchema = newInput;
  const oldTree = fieldTree(oldSchema);
  const newTree = fieldTree(newSchema);
  const { counterpart, moves } = matchItems(oldTree, newTree);
  const ctx: CompareContext = { oldTree, newTree, counterpart };
  const matchedNew = new Set(counterpart.values());
  const reverse = new Map([...counterpart].map(([o, n]) => [n, o]));

  const changes: Change[] = [];
  const restructured: Restructuring[] = [];
  /** Added items: where their key sits in old documents (under the parent's old pointer). */
  const oldPlaces = new Map<Change, string>();
  const itemOf = new Map<number, { old?: FieldNode; new?: FieldNode }>();
  const add = (c: Change, nodes: { old?: FieldNode; new?: FieldNode }) => {
    itemOf.set(changes.length, nodes);
    changes.push(c);
  };

  changes.push(...instrumentChanges(oldSchema, newSchema));

  // Removed items, shown right after their parent's own changes (only the top of what was removed).
  const removedUnder = new Map<string, FieldNode[]>();
  for (const node of oldTree.nodes.values()) {
    if (counterpart.has(node.pointer) || node.parent === undefined || !counterpart.has(node.parent)) continue;
    const parentNew = counterpart.get(node.parent)!;
    removedUnder.set(parentNew, [...(removedUnder.get(parentNew) ?? []), node]);
  }

  for (const b of newTree.nodes.values()) {
    const oldPointer = reverse.get(b.pointer);
    if (oldPointer !== undefined) {
      const a = oldTree.nodes.get(oldPointer)!;
      if (moves.has(oldPointer)) {
        const moved = remaining(oldTree, a.pointer, counterpart, true);
        add(
          change({ pointer: a.pointer, newPointer: b.pointer, label: b.label }, "item-moved", "breaking", `Flyttas från ${a.pointer} till ${b.pointer}.`, "Svaren ligger på ett nytt ställe; tidigare svar blir ogiltiga tills de flyttas dit.", {
            before: a.pointer,
            after: b.pointer,
          }),
          { old: a, new: b },
        );
        if (a.kind === "group" || a.kind === "list") restructured.push({ action: "moved", pointer: a.pointer, newPointer: b.pointer, label: b.label, items: moved, class: "breaking" });
      }
      for (const c of compareItems(ctx, { old: a, new: b })) add(c, { old: a, new: b });
      for (const r of removedUnder.get(b.pointer) ?? []) {
        // Compatible only when what the new parent says about that key accepts every old value.
        const verdict: Inclusion = b.kind === "group" ? includes({ root: oldTree.root, schema: r.schema }, { root: newTree.root, schema: conjunction(valueSchemas(newTree.root, b.schema, r.key)) }) : "no";
        const cls = classOf(verdict);
        const count = remaining(oldTree, r.pointer, counterpart);
        const what = r.kind === "group" || r.kind === "list" ? `Gruppen tas bort (${count} ${count === 1 ? "fråga" : "frågor"}).` : "Frågan tas bort.";
        const why =
          verdict === "yes"
            ? "Gruppen tar fortfarande emot uppgiften med samma värden (andra uppgifter eller ett mönster tillåts), så tidigare svar är fortfarande giltiga; uppgiften frågas inte längre."
            : verdict === "no"
              ? "Tidigare svar som har den här uppgiften blir ogiltiga (okänd uppgift eller ett värde som inte längre tillåts) och behöver flyttas eller tas bort."
              : INCLUSION_REASON.unknown;
        add(change({ pointer: r.pointer, label: r.label }, "item-removed", cls, what, why), { old: r });
        if (r.kind === "group" || r.kind === "list") restructured.push({ action: "removed", pointer: r.pointer, label: r.label, items: count, class: cls });
      }
      continue;
    }
    if (b.parent === undefined || !matchedNew.has(b.parent)) continue;
    // The top of something added.
    const parentOld = oldTree.nodes.get(reverse.get(b.parent)!)!;
    // Compatible when optional and every value the old parent already allowed under that key
    // (additional or pattern properties; none when closed) is allowed by the new question.
    const verdict: Inclusion = b.required
      ? "no"
      : b.key === EVERY_ITEM
        ? "yes" // the rows of a list: a change of the row type is reported on the list itself
        : parentOld.kind === "group"
        ? includes({ root: oldTree.root, schema: conjunction(valueSchemas(oldTree.root, parentOld.schema, b.key)) }, { root: newTree.root, schema: b.schema })
        : "no";
    const open = !b.required && verdict !== "yes";
    const cls = classOf(verdict);
    const count = remainingNew(newTree, b.pointer, matchedNew);
    const isGroup = b.kind === "group" || b.kind === "list";
    const what = `${isGroup ? `Gruppen läggs till (${count} ${count === 1 ? "fråga" : "frågor"})` : "Frågan läggs till"}${b.required ? " och är obligatorisk" : ""}.`;
    const reason = b.required
      ? "Tidigare svar saknar den här uppgiften, som nu är obligatorisk: de blir ogiltiga."
      : open
        ? verdict === "no"
          ? "Gruppen tillät andra uppgifter förut: tidigare svar kan ha ett annat värde under samma nyckel."
          : INCLUSION_REASON.unknown
        : "Uppgiften är frivillig; tidigare svar saknar den och är fortfarande giltiga.";
    const added = change({ pointer: b.pointer, label: b.label }, "item-added", cls, what, reason);
    oldPlaces.set(added, joinPointer(parentOld.pointer, b.key));
    add(added, { new: b });
    if (isGroup) restructured.push({ action: "added", pointer: b.pointer, label: b.label, items: count, class: cls });
  }

  changes.push(...diffRules(oldSchema, newSchema));

  const search = options.search ? searchCounterexamples(oldSchema, newSchema, changes, options.budget, oldPlaces) : undefined;
  if (options.accepted) acceptReviews(changes, options.accepted, { from: refOf(oldSchema), to: refOf(newSchema) });
  const items = groupItems(changes, itemOf, oldTree, newTree);
  return finish(versionInfo(oldSchema), versionInfo(newSchema), changes, items, restructured, search);
}

function finish(oldInfo: VersionInfo, newInfo: VersionInfo, changes: Change[], items: ItemDiff[], restructured: Restructuring[], search?: SearchSummary): DiffReport {
  const counts: Record<ChangeClass, number> = { breaking: 0, compatible: 0, wording: 0, bookkeeping: 0, review: 0 };
  for (const c of changes) counts[c.class]++;
  const report: DiffReport = { old: oldInfo, new: newInfo, changes, items, restructured, counts, bump: bumpVerdict(oldInfo, newInfo, changes) };
  if (search) report.search = search;
  return report;
}

function conjunction(list: unknown[]): unknown {
  return list.length === 0 ? true : list.length === 1 ? list[0] : { allOf: list };
}

/** A root that is `true` or `false`: one change for the whole document, by inclusion. */
function booleanRoots(oldSchema: JsonSchema | boolean, newSchema: JsonSchema | boolean): DiffReport {
  const info = (s: JsonSchema | boolean): VersionInfo => {
    try {
      if (typeof s !== "boolean") return versionInfo(s);
    } catch {
      // no x-instrument
    }
    return { ref: "", name: "", version: "", title: "" };
  };
  const root = (s: JsonSchema | boolean): JsonSchema => (typeof s === "boolean" ? {} : s);
  const changes: Change[] = [];
  if (!sameData(oldSchema, newSchema)) {
    const verdict = includes({ root: root(oldSchema), schema: oldSchema }, { root: root(newSchema), schema: newSchema });
    const cls = classOf(verdict);
    changes.push(
      change({ pointer: "", label: "Dokumentet" }, cls === "compatible" ? "constraint-widened" : "constraint-narrowed", cls, `Schemat för hela dokumentet ändras från ${show(oldSchema)} till ${show(newSchema)}.`, INCLUSION_REASON[verdict], {
        keyword: "$schema",
        before: oldSchema,
        after: newSchema,
      }),
    );
  }
  return finish(info(oldSchema), info(newSchema), changes, [], []);
}

function versionInfo(schema: JsonSchema): VersionInfo {
  const info = instrumentOf(schema);
  return { ref: refOf(schema), name: info.name, version: info.version, title: typeof info.title === "string" ? info.title : info.name };
}

/** Questions below an old item: those that went nowhere else (removed), or those that came along (moved). */
function remaining(tree: FieldTree, pointer: string, counterpart: Map<string, string>, moved = false): number {
  const target = counterpart.get(pointer);
  let n = 0;
  for (const node of tree.nodes.values()) {
    if (node.children.length > 0 || (node.pointer !== pointer && !node.pointer.startsWith(pointer + "/"))) continue;
    const to = counterpart.get(node.pointer);
    if (moved ? to !== undefined && target !== undefined && (to === target || to.startsWith(target + "/")) : to === undefined) n++;
  }
  return n;
}

/** Questions below a new item that are new (not moved in from elsewhere). */
function remainingNew(tree: FieldTree, pointer: string, matchedNew: Set<string>): number {
  let n = 0;
  for (const node of tree.nodes.values()) {
    if (node.children.length === 0 && (node.pointer === pointer || node.pointer.startsWith(pointer + "/")) && !matchedNew.has(node.pointer)) n++;
  }
  return n;
}

/** x-instrument: the title is wording; the kind is a hint; the version is what the bump check reads. */
function instrumentChanges(oldSchema: JsonSchema, newSchema: JsonSchema): Change[] {
  const a = isSchemaObject(oldSchema["x-instrument"]) ? oldSchema["x-instrument"] : {};
  const b = isSchemaObject(newSchema["x-instrument"]) ? newSchema["x-instrument"] : {};
  const out: Change[] = [];
  const where = { pointer: "", label: typeof b.title === "string" ? b.title : "Formuläret" };
  if (!sameData(a.title, b.title)) {
    out.push(change(where, "instrument-changed", "wording", `Formulärets namn ändras från ${show(a.title)} till ${show(b.title)}.`, "Bara texten ändras; sparade svar påverkas inte.", { keyword: "title", before: a.title, after: b.title }));
  }
  if (!sameData(a.name, b.name)) {
    out.push(change(where, "instrument-changed", "breaking", `Formulärets id ändras från ${show(a.name)} till ${show(b.name)}.`, "Sparade svar pekar på formuläret med dess id.", { keyword: "name", before: a.name, after: b.name }));
  }
  if (!sameData(a.kind, b.kind)) {
    out.push(change(where, "instrument-changed", "compatible", `Formulärets slag ändras från ${show(a.kind)} till ${show(b.kind)}.`, "Påverkar inte sparade svar.", { keyword: "kind", before: a.kind, after: b.kind }));
  }
  return out;
}

function groupItems(changes: Change[], itemOf: Map<number, { old?: FieldNode; new?: FieldNode }>, oldTree: FieldTree, newTree: FieldTree): ItemDiff[] {
  const byKey = new Map<string, ItemDiff>();
  changes.forEach((c, index) => {
    const nodes = itemOf.get(index);
    if (!nodes) return;
    const key = `${nodes.old?.pointer ?? ""}\u0000${nodes.new?.pointer ?? ""}`;
    let item = byKey.get(key);
    if (!item) {
      item = { pointer: nodes.old?.pointer ?? nodes.new!.pointer, label: (nodes.new ?? nodes.old)!.label, changes: [] };
      if (nodes.new && nodes.old && nodes.new.pointer !== nodes.old.pointer) item.newPointer = nodes.new.pointer;
      if (nodes.old) item.old = itemView(oldTree.root, nodes.old);
      if (nodes.new) item.new = itemView(newTree.root, nodes.new);
      byKey.set(key, item);
    }
    item.changes.push(index);
  });
  return [...byKey.values()];
}
