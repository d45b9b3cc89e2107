import { BUMP_NAME } from "./words.ts";
import type { Bump, BumpVerdict, Change, ChangeClass, VersionInfo } from "./types.ts";

/**
 * The version bump a set of changes calls for, and whether the declared version numbers say the
 * same. Semantic versioning by effect on stored answers: major for anything breaking, minor for a
 * compatible change that is more than wording, patch for wording only, none when nothing changed
 * (the version stamp's own change is bookkeeping and calls for nothing).
 *
 * "Matches" means equal: a major number for a compatible change is as misleading as a minor
 * number for a breaking one (it tells every user of stored answers to migrate for nothing).
 */

export function requiredBump(changes: Array<Pick<Change, "class" | "accepted">>): Bump {
  const has = (c: ChangeClass) => changes.some((x) => x.class === c);
  // An unproven change ("review") is breaking until a reviewer accepts it (review.ts); accepted, it is compatible.
  if (has("breaking") || changes.some((x) => x.class === "review" && !x.accepted)) return "major";
  if (has("compatible") || has("review")) return "minor";
  if (has("wording")) return "patch";
  return "none";
}

function parts(version: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** What the step from one version number to the next declares. */
export function declaredBump(from: string, to: string): Bump | "downgrade" | undefined {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return undefined;
  for (let i = 0; i < 3; i++) {
    if (b[i]! > a[i]!) return (["major", "minor", "patch"] as const)[i];
    if (b[i]! < a[i]!) return "downgrade";
  }
  return "none";
}

export function bumpVerdict(old: VersionInfo, next: VersionInfo, changes: Array<Pick<Change, "class" | "accepted">>): BumpVerdict {
  const required = requiredBump(changes);
  const declared = declaredBump(old.version, next.version);
  if (declared === undefined) {
    return { required, declared: "none", matches: false, problem: `Versionsnumren ${old.version} och ${next.version} är inte på formen X.Y.Z.` };
  }
  if (old.name !== next.name) {
    return { required, declared, matches: false, problem: `Olika formulär (${old.name} och ${next.name}): versionsnumren kan inte jämföras.` };
  }
  if (declared === required) return { required, declared, matches: true };
  const expected = required === "none" ? "samma versionsnummer" : `en ${BUMP_NAME[required]}`;
  return {
    required,
    declared,
    matches: false,
    problem: `Versionsnumren ${old.version} → ${next.version} anger ${BUMP_NAME[declared]}, men ändringarna kräver ${expected}.`,
  };
}
