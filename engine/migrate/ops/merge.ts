import type { MergeOp } from "../types.ts";
import type { StepRecorder } from "../recorder.ts";
import { REASONS } from "../reasons.ts";
import { deepEqual, expand, fill, parsePath, place, pointerOf, prune, removeAt, type JsonObject, type Location } from "../paths.ts";

interface Source {
  location: Location;
  value: unknown;
  label: string | undefined;
}

/**
 * `merge`: several old answers become one, by the declared rule. Every source is accounted for:
 * one whose value is the result (or, for `join`, is part of the text) has landed; any other is
 * reported with the reason, so a merge that keeps the highest extent never hides the lower one.
 * With `[]` in the paths, sources are merged row by row.
 */
export function applyMerge(doc: JsonObject, op: MergeOp, rec: StepRecorder): void {
  const groups = new Map<string, { indices: number[]; sources: Source[] }>();
  op.from.forEach((path, n) => {
    for (const { location, indices, value } of expand(doc, parsePath(path))) {
      const key = indices.join(",");
      const group = groups.get(key) ?? { indices, sources: [] };
      group.sources.push({ location, value, label: op.labels?.[n] });
      groups.set(key, group);
    }
  });
  const to = parsePath(op.to);
  for (const { indices, sources } of groups.values()) {
    const target = fill(to, indices).location;
    for (const s of sources) removeAt(doc, s.location);
    const result = combine(op, sources);
    const conflicts = result === undefined ? [] : place(doc, target, result);
    if (result === undefined || conflicts.length > 0) {
      const reason = result === undefined ? REASONS.notMerged : conflicts.some((c) => c.why === "occupied") ? REASONS.occupied : REASONS.unplaceable;
      for (const s of sources) rec.kept(s.location, s.value, reason);
    } else {
      for (const s of sources) {
        if (op.rule === "join" && typeof s.value === "string") rec.moved(s.location, target, "joined");
        else if (op.rule !== "join" && deepEqual(s.value, result)) rec.moved(s.location, target, "same");
        else rec.kept(s.location, s.value, op.rule === "join" ? REASONS.notMerged : (op.reason ?? REASONS.merged(op.rule, pointerOf(target))));
      }
      rec.changed(
        sources.map((s) => s.location),
        [target],
      );
    }
    for (const s of sources) prune(doc, s.location);
  }
}

/** The merged value, or undefined when no source is of a kind the rule applies to. */
function combine(op: MergeOp, sources: Source[]): unknown {
  switch (op.rule) {
    case "first":
      return sources[0]?.value;
    case "any":
    case "all": {
      const flags = sources.map((s) => s.value).filter((v): v is boolean => typeof v === "boolean");
      if (flags.length === 0) return undefined;
      return op.rule === "any" ? flags.some(Boolean) : flags.every(Boolean);
    }
    case "join": {
      const texts = sources.filter((s) => typeof s.value === "string");
      if (texts.length === 0) return undefined;
      return texts.map((s) => (s.label ? `${s.label}: ${s.value as string}` : (s.value as string))).join(op.separator ?? "\n\n");
    }
    case "max":
    case "min": {
      let best: { rank: number; value: unknown } | undefined;
      for (const s of sources) {
        const rank = op.order ? (typeof s.value === "string" ? op.order.indexOf(s.value) : -1) : typeof s.value === "number" ? s.value : NaN;
        if (op.order ? rank < 0 : !Number.isFinite(rank)) continue;
        if (!best || (op.rule === "max" ? rank > best.rank : rank < best.rank)) best = { rank, value: s.value };
      }
      return best?.value;
    }
  }
}
