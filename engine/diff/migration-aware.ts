import { joinPointer, parsePointer } from "../schema/pointer.ts";
import { compareVersions } from "../schema/registry.ts";
import type { JsonSchema } from "../schema/types.ts";
import type { Migration, Operation } from "../migrate/types.ts";
import { EVERY_ITEM, fieldTree, type FieldTree } from "./fields.ts";
import type { DiffReport } from "./types.ts";

/**
 * What happens to every stored answer when a diff is read together with the migrations between
 * the two versions (schemas/MIGRATIONS.md). Pure: the report, the migrations and the two schemas
 * in, a list of fates out. The migrations are read statically, operation by operation, the way
 * `migrate` runs them: each old answer path is followed through every move, recode, split, merge,
 * drop and moveRows of every step, and where it ends is checked against the new schema. So a
 * question the diff calls removed, but that a migration moves, is shown as moved; an answer that
 * no operation places, and that the new version has no place for, is named.
 */

/** The name of the report section a migration keeps unplaced answers in (`migrering`), as forms show it. */
export const KEPT_ASIDE = "Flyttat från en äldre version";

export type FateKind =
  /** stays where it was (the new version has it at the same path) */
  | "kept"
  /** moved by the migration (one target) */
  | "moved"
  /** copied by a split to several places */
  | "copied"
  /** its codes are replaced */
  | "recoded"
  /** merged with other answers by a rule (max, min, first, any, all) */
  | "merged"
  /** its text is joined into another text */
  | "joined"
  /** rows that match a condition move to another list or section */
  | "rows"
  /** kept in the document's `migrering` section, with a reason */
  | "aside"
  /** no operation places it and the new version has no place for it */
  | "unplaced";

/** What happens to an answer, in a few Swedish words (the reports' column "Vad som händer"). */
export const FATE_NAME: Record<FateKind, string> = {
  kept: "Ligger kvar",
  moved: "Flyttas",
  copied: "Kopieras",
  recoded: "Kodas om",
  merged: "Slås ihop",
  joined: "Fogas in i en text",
  rows: "Rader flyttas",
  aside: `Sparas i ”${KEPT_ASIDE}”`,
  unplaced: "Får ingen plats",
};

export interface AnswerFate {
  /** The answer's JSON Pointer in the old version ("*" for every row). */
  pointer: string;
  /** The question's label in the old version. */
  label: string;
  /** What happens to it in the end (the last operation that touched it decides). */
  kind: FateKind;
  /** Where it ends up in the new version (JSON Pointers; empty when kept aside or unplaced). */
  to: string[];
  /** What happens, in Swedish, for reviewers (every step that touched it). */
  text: string;
  /** Some or all of its values may be kept aside: why (Swedish). */
  aside?: string;
}

export interface MigrationStep {
  /** "fia@1.1.0" */
  from: string;
  to: string;
  title?: string;
  operations: number;
}

/** A change of the diff report that the migrations answer (an item removed or moved). */
export interface ChangeNote {
  /** Index into DiffReport.changes. */
  change: number;
  /** Swedish: what the migration does with the answers (replaces "svaren går förlorade"). */
  text: string;
  /** Every answer below the item is placed by the migration. */
  placed: boolean;
}

export interface MigrationAwareness {
  /** The migrations read, in order (empty when none joins the two versions). */
  steps: MigrationStep[];
  /** Every answer path of the old version, in schema order. */
  answers: AnswerFate[];
  /** Notes for the report's removed and moved items. */
  notes: ChangeNote[];
  /** New answers a migration sets (`default`): new pointer, value, reason. */
  defaults: Array<{ pointer: string; value: unknown; reason: string }>;
}

/** "/a/b/*\/c" → "a.b[].c" (the migration path notation). */
export function dotPath(pointer: string): string {
  let out = "";
  for (const seg of parsePointer(pointer)) {
    if (seg === EVERY_ITEM) out += "[]";
    else out += (out ? "." : "") + seg;
  }
  return out;
}

/** "a.b[].c" → "/a/b/*\/c". */
export function pointerOfPath(path: string): string {
  const segs: string[] = [];
  for (const part of path.split(".")) {
    const name = part.replace(/(\[\])+$/, "");
    segs.push(name);
    for (let i = name.length; i < part.length; i += 2) segs.push(EVERY_ITEM);
  }
  return joinPointer("", ...segs);
}

/** The rest of `path` below `prefix` ("" when equal), or undefined when it is not at or below it. */
function below(path: string, prefix: string): string | undefined {
  if (path === prefix) return "";
  if (path.startsWith(prefix + ".") || path.startsWith(prefix + "[]")) return path.slice(prefix.length);
  return undefined;
}

/** The consecutive migrations from one version to another of an instrument; [] when no chain joins them. */
export function migrationChain(migrations: readonly Migration[], instrument: string, from: string, to: string): Migration[] {
  const chain: Migration[] = [];
  let at = from;
  const own = migrations.filter((m) => m.instrument === instrument);
  while (compareVersions(at, to) < 0) {
    // The nearest next step that does not go past the target.
    const next = own
      .filter((m) => m.from === at && compareVersions(m.to, to) <= 0)
      .sort((a, b) => compareVersions(a.to, b.to))[0];
    if (!next) return [];
    chain.push(next);
    at = next.to;
  }
  return at === to ? chain : [];
}

const RULE_WORDS: Record<string, string> = {
  max: "det största svaret behålls",
  min: "det minsta svaret behålls",
  first: "det första svaret som finns behålls",
  any: "ja om något av svaren är ja",
  all: "ja bara om alla svar är ja",
};

const asideText = (reason: string | undefined) => `sparas i ”${KEPT_ASIDE}”${reason ? `: ${reason}` : ""}`;

interface Track {
  /** Current places (dot paths); a split makes several. */
  at: string[];
  kind: FateKind | undefined;
  texts: string[];
  aside?: string;
}

function follow(track: Track, op: Operation): void {
  const next: string[] = [];
  const p = (path: string) => pointerOfPath(path);
  for (const at of track.at) {
    switch (op.op) {
      case "move": {
        const rest = below(at, op.from);
        if (rest === undefined) break;
        const to = op.to + rest;
        track.kind = "moved";
        track.texts.push(`flyttas av migreringen till ${p(to)}`);
        if (op.askedAs) {
          // The answer moves to a question that asks something else: a copy says how it was asked.
          track.aside = `en kopia med frågan som den ställdes ${asideText(op.askedAs)}`;
          track.texts.push(track.aside);
        }
        next.push(to);
        continue;
      }
      case "recode": {
        const list = op.path.endsWith("[]") ? op.path.slice(0, -2) : undefined;
        if (at !== op.path && at !== list) break;
        const pairs = Object.entries(op.map);
        const codes = pairs.filter(([, v]) => v !== null).map(([k, v]) => `${k} → ${v}`);
        const lost = pairs.filter(([, v]) => v === null).map(([k]) => k);
        track.kind = "recoded";
        track.texts.push(`kodas om av migreringen (${codes.join(", ")})`);
        if (lost.length) {
          track.aside = `koden ${lost.join(", ")} har ingen ny kod och ${asideText(op.reason)}`;
          track.texts.push(track.aside);
        }
        if (op.unique) {
          track.aside = `ett val som efter omkodningen blir en dubblett ${asideText(op.reason)}`;
          track.texts.push(track.aside);
        }
        break;
      }
      case "split": {
        const rest = below(at, op.from);
        if (rest === undefined) break;
        const targets = op.to.map((t) => (typeof t === "string" ? t : t.path) + rest);
        const mapped = op.to.some((t) => typeof t !== "string" && t.map);
        track.kind = "copied";
        track.texts.push(`${mapped ? "förs över (med nya koder där det behövs)" : "kopieras"} av migreringen till ${targets.map(p).join(", ")}`);
        if (mapped) {
          track.aside = `ett svar som inget mål tar emot ${asideText(op.reason)}`;
          track.texts.push(track.aside);
        }
        next.push(...targets);
        continue;
      }
      case "merge": {
        const source = op.from.find((f) => below(at, f) !== undefined);
        if (source === undefined) break;
        const to = op.to + below(at, source)!;
        const others = op.from.filter((f) => f !== source).map(p);
        const withOthers = others.length ? ` med ${others.join(", ")}` : "";
        if (op.rule === "join") {
          const label = op.labels?.[op.from.indexOf(source)];
          track.kind = "joined";
          track.texts.push(`fogas av migreringen${withOthers} in i texten i ${p(to)}${label ? ` under rubriken ”${label}”` : ""}`);
        } else {
          track.kind = "merged";
          track.texts.push(`slås av migreringen ihop${withOthers} till ${p(to)} (${RULE_WORDS[op.rule] ?? op.rule})`);
          track.aside = `ett svar som inte blir det sammanslagna ${asideText(op.reason)}`;
          track.texts.push(track.aside);
        }
        next.push(to);
        continue;
      }
      case "drop": {
        if (below(at, op.path) === undefined) break;
        track.aside = op.reason;
        if (track.kind === "rows") {
          // What stayed in the other rows is set aside now.
          const last = track.texts.length - 1;
          track.texts[last] = track.texts[last]!.replace(/; i andra rader ligger det kvar$/, "");
          track.texts.push(`i andra rader ${asideText(op.reason).replace(/^sparas/, "sparas svaret")}`);
        } else {
          track.kind = "aside";
          track.texts.push(asideText(op.reason));
        }
        continue;
      }
      case "moveRows": {
        const rest = below(at, op.from + "[]");
        if (rest === undefined || rest === "") break;
        const field = rest.slice(1);
        const target = op.to;
        const mapped = Object.entries(op.fields).find(([f]) => below(field, f) !== undefined);
        track.kind = "rows";
        if (mapped) {
          const to = `${target}.${mapped[1]}${below(field, mapped[0])}`;
          track.texts.push(`i rader som uppfyller migreringens villkor flyttas svaret till ${p(to)}; i andra rader ligger det kvar`);
          next.push(to, at);
        } else if (op.implied?.some((f) => below(field, f) !== undefined)) {
          track.texts.push(`rader som uppfyller migreringens villkor flyttas till ${p(target)}, där platsen själv visar värdet; i andra rader ligger det kvar`);
          next.push(at);
        } else {
          track.aside = `i rader som uppfyller migreringens villkor ${asideText(op.reason).replace(/^sparas/, "sparas svaret")}`;
          track.texts.push(`${track.aside}; i andra rader ligger det kvar`);
          next.push(at);
        }
        continue;
      }
      case "default":
        break;
    }
    next.push(at);
  }
  track.at = [...new Set(next)];
}

function leaves(tree: FieldTree): Array<{ pointer: string; label: string }> {
  const out: Array<{ pointer: string; label: string }> = [];
  for (const node of tree.nodes.values()) {
    // Groups and lists hold answers; a list of scalars (a multichoice) is one answer.
    if (node.kind === "group" || node.kind === "list") continue;
    out.push({ pointer: node.pointer, label: node.label });
  }
  return out;
}

/**
 * The fate of every stored answer of the old version under the migrations between the report's
 * two versions, and notes for the report's removed and moved items. `migrations` may hold more
 * than the chain (all of an instrument's): the steps from `report.old` to `report.new` are chosen.
 */
export function migrationAware(report: DiffReport, migrations: readonly Migration[], schemas: { old: JsonSchema; new: JsonSchema }): MigrationAwareness {
  const chain = report.old.name === report.new.name ? migrationChain(migrations, report.old.name, report.old.version, report.new.version) : [];
  const oldTree = fieldTree(schemas.old);
  const newTree = fieldTree(schemas.new);
  const steps: MigrationStep[] = chain.map((m) => ({
    from: `${m.instrument}@${m.from}`,
    to: `${m.instrument}@${m.to}`,
    ...(m.title ? { title: m.title } : {}),
    operations: m.operations.length,
  }));
  const breakingAt = new Set(report.changes.filter((c) => c.class === "breaking" || c.class === "review").map((c) => c.pointer));

  const answers: AnswerFate[] = [];
  for (const leaf of leaves(oldTree)) {
    const track: Track = { at: [dotPath(leaf.pointer)], kind: undefined, texts: [] };
    for (const m of chain) for (const op of m.operations) follow(track, op);
    const ends = track.at.map(pointerOfPath);
    const placed = ends.filter((e) => newTree.nodes.has(e));
    const missing = ends.filter((e) => !newTree.nodes.has(e));
    let kind: FateKind = track.kind ?? "kept";
    const texts = [...track.texts];
    if (kind === "kept") {
      if (missing.length) {
        kind = "unplaced";
        texts.push(`finns inte i den nya versionen och ingen migrering placerar svaret: svaren blir ogiltiga tills någon flyttar dem`);
      } else texts.push(breakingAt.has(leaf.pointer) ? "ligger kvar, men frågan ändras på ett sätt som kan göra svaret ogiltigt (se ändringen)" : "ligger kvar");
    } else if (missing.length && kind !== "aside" && kind !== "rows") {
      texts.push(`men ${missing.join(", ")} finns inte i den nya versionen`);
      if (placed.length === 0) kind = "unplaced";
    }
    const fate: AnswerFate = { pointer: leaf.pointer, label: leaf.label, kind, to: kind === "aside" || kind === "unplaced" ? [] : placed, text: capitalise(texts.map(unstop).join("; ")) };
    if (track.aside) fate.aside = track.aside;
    answers.push(fate);
  }

  const defaults: MigrationAwareness["defaults"] = [];
  for (const m of chain) for (const op of m.operations) if (op.op === "default") defaults.push({ pointer: pointerOfPath(op.path), value: op.value, reason: op.reason });

  const notes: ChangeNote[] = [];
  if (chain.length) {
    report.changes.forEach((c, i) => {
      if (c.kind !== "item-removed" && c.kind !== "item-moved") return;
      const under = answers.filter((a) => a.pointer === c.pointer || a.pointer.startsWith(c.pointer + "/"));
      if (under.length === 0) return;
      const placed = under.every((a) => a.kind !== "unplaced");
      notes.push({ change: i, text: noteFor(c.pointer, under), placed });
    });
  }
  return { steps, answers, notes, defaults };
}

/** A sentence without its full stop, to be joined with others. */
function unstop(s: string): string {
  return s.replace(/\.\s*$/, "");
}

/** A fate in a few words, for a group's note. */
export function shortFate(a: AnswerFate): string {
  switch (a.kind) {
    case "kept":
      return "ligger kvar";
    case "moved":
    case "copied":
      return `→ ${a.to.join(", ")}`;
    case "merged":
      return `slås ihop → ${a.to.join(", ")}`;
    case "joined":
      return `fogas in i texten → ${a.to.join(", ")}`;
    case "recoded":
      return "kodas om";
    case "rows":
      return `rader som uppfyller villkoret → ${a.to.filter((t) => t !== a.pointer).join(", ") || "ny plats"}`;
    case "aside":
      return `sparas i ”${KEPT_ASIDE}”`;
    case "unplaced":
      return "får ingen plats: svaren blir ogiltiga";
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One sentence for a removed or moved item: where its answers go. */
function noteFor(pointer: string, under: AnswerFate[]): string {
  if (under.length === 1 && under[0]!.pointer === pointer) return unstop(under[0]!.text) + ".";
  // A whole group moved by one prefix: say it once.
  const moved = under.every((a) => a.kind === "moved" && a.to.length === 1);
  if (moved) {
    const rest = under.map((a) => a.pointer.slice(pointer.length));
    const roots = new Set(under.map((a, i) => a.to[0]!.slice(0, a.to[0]!.length - rest[i]!.length)));
    if (roots.size === 1 && under.every((a, i) => a.to[0]!.endsWith(rest[i]!))) {
      const asides = new Set(under.map((a) => a.aside));
      const aside = asides.size === 1 ? [...asides][0] : undefined;
      return `Svaren flyttas av migreringen till ${[...roots][0]}.${aside ? ` ${capitalise(unstop(aside))}.` : ""}`;
    }
  }
  const lost = under.filter((a) => a.kind === "unplaced");
  const parts = under.filter((a) => a.kind !== "unplaced").map((a) => `${a.pointer.slice(pointer.length + 1)} ${shortFate(a)}`);
  const lines = parts.length ? [`Migreringen tar hand om svaren: ${parts.join("; ")}`] : [];
  if (lost.length) lines.push(`Ingen migrering placerar ${lost.map((a) => a.pointer).join(", ")}: de svaren blir ogiltiga`);
  return lines.join(". ") + ".";
}
