import { instrumentOf, refOf } from "../schema/registry.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { bumpVerdict } from "./bump.ts";
import { change, compareItems, isOpen, type CompareContext } from "./compare.ts";
import { fieldTree, type FieldNode, type FieldTree } from "./fields.ts";
import { matchItems } from "./moves.ts";
import { diffRules } from "./rules.ts";
import { sameData } from "./shape.ts";
import { itemView } from "./views.ts";
import { show } from "./words.ts";
import type { Change, ChangeClass, DiffReport, ItemDiff, Restructuring, VersionInfo } from "./types.ts";

/**
 * The diff of two instrument versions, by what each change means for stored answers. Pure: two
 * parsed schemas in, a report out (see types.ts); formatting is format-text.ts / format-html.ts.
 */
export function diffSchemas(oldSchema: JsonSchema, newSchema: JsonSchema): DiffReport {
  const oldTree = fieldTree(oldSchema);
  const newTree = fieldTree(newSchema);
  const { counterpart, moves } = matchItems(oldTree, newTree);
  const ctx: CompareContext = { oldTree, newTree, counterpart };
  const matchedNew = new Set(counterpart.values());
  const reverse = new Map([...counterpart].map(([o, n]) => [n, o]));

  const changes: Change[] = [];
  const restructured: Restructuring[] = [];
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
        const open = isOpen(b);
        const cls: ChangeClass = open ? "compatible" : "breaking";
        const count = remaining(oldTree, r.pointer, counterpart);
        const what = r.kind === "group" || r.kind === "list" ? `Gruppen tas bort (${count} ${count === 1 ? "fråga" : "frågor"}).` : "Frågan tas bort.";
        add(
          change({ pointer: r.pointer, label: r.label }, "item-removed", cls, what, open ? "Gruppen tillåter andra uppgifter, så tidigare svar är fortfarande giltiga; uppgiften frågas inte längre." : "Tidigare svar som har den här uppgiften blir ogiltiga (okänd uppgift) och behöver flyttas eller tas bort."),
          { old: r },
        );
        if (r.kind === "group" || r.kind === "list") restructured.push({ action: "removed", pointer: r.pointer, label: r.label, items: count, class: cls });
      }
      continue;
    }
    if (b.parent === undefined || !matchedNew.has(b.parent)) continue;
    // The top of something added.
    const parentOld = oldTree.nodes.get(reverse.get(b.parent)!);
    const open = isOpen(parentOld);
    const cls: ChangeClass = b.required || open ? "breaking" : "compatible";
    const count = remainingNew(newTree, b.pointer, matchedNew);
    const isGroup = b.kind === "group" || b.kind === "list";
    const what = `${isGroup ? `Gruppen läggs till (${count} ${count === 1 ? "fråga" : "frågor"})` : "Frågan läggs till"}${b.required ? " och är obligatorisk" : ""}.`;
    const reason = b.required
      ? "Tidigare svar saknar den här uppgiften, som nu är obligatorisk: de blir ogiltiga."
      : open
        ? "Gruppen tillät andra uppgifter förut: tidigare svar kan ha ett annat värde under samma nyckel."
        : "Uppgiften är frivillig; tidigare svar saknar den och är fortfarande giltiga.";
    add(change({ pointer: b.pointer, label: b.label }, "item-added", cls, what, reason), { new: b });
    if (isGroup) restructured.push({ action: "added", pointer: b.pointer, label: b.label, items: count, class: cls });
  }

  changes.push(...diffRules(oldSchema, newSchema));

  const items = groupItems(changes, itemOf, oldTree, newTree);
  const counts: Record<ChangeClass, number> = { breaking: 0, compatible: 0, wording: 0, bookkeeping: 0, review: 0 };
  for (const c of changes) counts[c.class]++;
  const oldInfo = versionInfo(oldSchema);
  const newInfo = versionInfo(newSchema);
  return { old: oldInfo, new: newInfo, changes, items, restructured, counts, bump: bumpVerdict(oldInfo, newInfo, changes) };
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
