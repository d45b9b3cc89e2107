import { refOf } from "../schema/registry.ts";
import { uiOf } from "../schema/walk.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { planOverlay, shapeViolations } from "./check.ts";
import { build, type ApplyResult } from "./build.ts";
import { formatPath, locate, optionCodes, overlaps, parseAnswerPath, requiredNames, sameJson, shown, typeOf, type Located } from "./paths.ts";
import { scoredPaths } from "./scored.ts";
import { escapeSegment } from "../schema/pointer.ts";
import type { Overlay, Violation } from "./types.ts";

export interface RebaseOptions {
  /** Indicator definitions of the overlay's own base version and of the new one, if any. */
  fromIndicators?: unknown;
  toIndicators?: unknown;
  /** The overlay's file name, checked against its name (see CheckOptions). */
  fileName?: string;
}

/**
 * Applies an overlay written for one version (`from`, its `base`) to another (`to`). Nothing is
 * guessed: every operation whose target changed between the two versions in a way that matters —
 * gone, another type, now required or scored, other codes, other national wording — is a conflict,
 * and no schema is produced. Operations keep their paths; a clean rebase gives the effective
 * schema on `to`. After a clean rebase (or once the conflicts are resolved), the overlay's `base`
 * is updated by hand, which is the reviewer's confirmation.
 */
export function rebaseOverlay(input: unknown, from: JsonSchema, to: JsonSchema, options: RebaseOptions = {}): ApplyResult {
  const shape = shapeViolations(input);
  if (shape.length > 0) return { violations: shape };
  const overlay = input as Overlay;
  const fromRef = refOf(from);
  const toRef = refOf(to);
  if (overlay.base !== fromRef || fromRef.split("@")[0] !== toRef.split("@")[0]) {
    return { violations: [{ pointer: "/base", rule: "grundversion", message: `overlayn är skriven för ${overlay.base}; den kan flyttas från ${fromRef} till en annan version av samma formulär, inte till ${toRef}` }] };
  }

  const conflicts = findConflicts(overlay, from, to, options);
  const { violations, plan } = planOverlay(overlay, to, { otherBase: true, indicators: options.toIndicators, ...(options.fileName ? { fileName: options.fileName } : {}) });
  // A conflict says more than the plain rule it also breaks on the new version: report it once.
  const covered = (p: string) => conflicts.some((c) => c.pointer === p || p.startsWith(c.pointer + "/") || c.pointer.startsWith(p + "/"));
  const all = [...conflicts, ...violations.filter((v) => !covered(v.pointer))];
  if (all.length > 0 || !plan) return { violations: all };
  return build(plan, to);
}

function findConflicts(overlay: Overlay, from: JsonSchema, to: JsonSchema, options: RebaseOptions): Violation[] {
  const out: Violation[] = [];
  const toRef = refOf(to);
  const scoredFrom = scoredPaths(from, options.fromIndicators);
  const scoredTo = scoredPaths(to, options.toIndicators);
  const isScored = (list: typeof scoredFrom, segments: string[]) => list.find((s) => overlaps(s.segments, segments));

  /** Both ends of a path; a conflict is reported when it existed before and is gone or changed type. */
  const pair = (path: string, pointer: string): { segments: string[]; before: Located; after: Located } | undefined => {
    const parsed = parseAnswerPath(path);
    if ("error" in parsed || parsed.segments[0] === "meta") return undefined;
    const before = locate(from, parsed.segments);
    if (!before) return undefined; // not a rebase problem: the plain check reports it
    const after = locate(to, parsed.segments);
    if (!after) {
      out.push({ pointer, rule: "konflikt-saknas", message: `”${shown(path)}” finns inte längre i ${toRef}`, path: formatPath(parsed.segments) });
      return undefined;
    }
    const a = typeOf(before.schema);
    const b = typeOf(after.schema);
    if (a !== b) {
      out.push({ pointer, rule: "konflikt-typ", message: `”${shown(path)}” var ${a || "utan typ"} och är nu ${b || "utan typ"} i ${toRef}`, path: formatPath(parsed.segments) });
      return undefined;
    }
    return { segments: parsed.segments, before, after };
  };

  (overlay.hide ?? []).forEach((path, i) => {
    const pointer = `/hide/${i}`;
    const p = pair(path, pointer);
    if (!p || !p.before.parent || !p.after.parent) return;
    const key = p.segments[p.segments.length - 1]!;
    if (requiredNames(to, p.after.parent).has(key) && !requiredNames(from, p.before.parent).has(key)) {
      out.push({ pointer, rule: "konflikt-obligatorisk", message: `”${path}” har blivit obligatorisk i ${toRef} och kan inte längre döljas`, path: formatPath(p.segments) });
    }
    const reader = isScored(scoredTo, p.segments);
    if (reader && !isScored(scoredFrom, p.segments)) {
      out.push({ pointer, rule: "konflikt-poangsatt", message: `”${path}” läses nu av ${reader.source} i ${toRef} och kan inte längre döljas`, path: formatPath(p.segments), reader: reader.reader });
    }
  });

  for (const path of Object.keys(overlay.defaults ?? {})) {
    const pointer = `/defaults/${escapeSegment(path)}`;
    const p = pair(path, pointer);
    if (!p || !p.before.parent || !p.after.parent) continue;
    const key = p.segments[p.segments.length - 1]!;
    if (requiredNames(to, p.after.parent).has(key) && !requiredNames(from, p.before.parent).has(key)) {
      out.push({ pointer, rule: "konflikt-obligatorisk", message: `”${path}” har blivit obligatorisk i ${toRef} och kan inte längre ha ett lokalt standardsvar`, path: formatPath(p.segments) });
    }
    const reader = isScored(scoredTo, p.segments);
    if (reader && !isScored(scoredFrom, p.segments)) {
      out.push({ pointer, rule: "konflikt-poangsatt", message: `”${path}” läses nu av ${reader.source} i ${toRef} och kan inte längre ha ett lokalt standardsvar`, path: formatPath(p.segments), reader: reader.reader });
    }
  }

  for (const [path, title] of Object.entries(overlay.relabel ?? {})) {
    const p = pair(path, `/relabel/${escapeSegment(path)}`);
    if (p && p.before.schema.title !== p.after.schema.title) {
      out.push({
        pointer: `/relabel/${escapeSegment(path)}`,
        rule: "konflikt-text",
        message: `den nationella texten för ”${path}” har ändrats från ”${shown(String(p.before.schema.title ?? ""))}” till ”${shown(String(p.after.schema.title ?? ""))}”; se över den lokala texten ”${shown(title)}”`,
        path: formatPath(p.segments),
      });
    }
  }
  for (const path of Object.keys(overlay.help ?? {})) {
    const p = pair(path, `/help/${escapeSegment(path)}`);
    if (p && uiOf(p.before.schema).help !== uiOf(p.after.schema).help) {
      out.push({ pointer: `/help/${escapeSegment(path)}`, rule: "konflikt-text", message: `den nationella hjälptexten för ”${path}” har ändrats i ${toRef}; se över den lokala hjälptexten`, path: formatPath(p.segments) });
    }
  }

  for (const [path, names] of Object.entries(overlay.reorder ?? {})) {
    const pointer = `/reorder/${escapeSegment(path)}`;
    const p = pair(path, pointer);
    if (!p) continue;
    const before = isSchemaObject(p.before.schema.properties) ? p.before.schema.properties : {};
    const after = isSchemaObject(p.after.schema.properties) ? p.after.schema.properties : {};
    names.forEach((name, j) => {
      if (name in before && !(name in after)) out.push({ pointer: `${pointer}/${j}`, rule: "konflikt-saknas", message: `”${shown(name)}” finns inte längre i ”${path || "dokumentet"}” i ${toRef}` });
    });
  }

  for (const [path, keep] of Object.entries(overlay.restrictOptions ?? {})) {
    const pointer = `/restrictOptions/${escapeSegment(path)}`;
    const p = pair(path, pointer);
    if (!p) continue;
    const before = optionCodes(from, p.before.schema);
    const after = optionCodes(to, p.after.schema);
    if (!before) continue;
    if (!after || after.multiple !== before.multiple) {
      out.push({ pointer, rule: "konflikt-typ", message: `”${path}” har inte längre samma slags svarsalternativ i ${toRef}`, path: formatPath(p.segments) });
      continue;
    }
    const reader = isScored(scoredTo, p.segments);
    if (reader && !isScored(scoredFrom, p.segments)) {
      out.push({ pointer, rule: "konflikt-poangsatt", message: `”${path}” läses nu av ${reader.source} i ${toRef}; dess alternativ kan inte längre begränsas`, path: formatPath(p.segments), reader: reader.reader });
    }
    const has = (list: unknown[], c: unknown) => list.some((x) => sameJson(x, c));
    keep.forEach((code, j) => {
      if (has(before.codes, code) && !has(after.codes, code)) {
        out.push({ pointer: `${pointer}/${j}`, rule: "konflikt-koder", message: `koden ${JSON.stringify(code)} finns inte längre för ”${path}” i ${toRef}`, path: formatPath(p.segments) });
      }
    });
    const added = after.codes.filter((c) => !has(before.codes, c));
    if (added.length > 0) {
      out.push({
        pointer,
        rule: "konflikt-koder",
        message: `${toRef} har nya koder för ”${path}” (${added.map((c) => JSON.stringify(c)).join(", ")}); ta ställning till om varianten ska ha dem`,
        path: formatPath(p.segments),
      });
    }
  }
  return out;
}
