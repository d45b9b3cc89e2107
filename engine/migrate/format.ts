import type { Change, MigrationReport, StepReport } from "./types.ts";

/**
 * The migration report in Swedish, as lines for a terminal. It names places (JSON Pointers),
 * never answers: what a client said stays in the document, not in a log. Values chosen by the
 * migration itself (a default) may be shown, since they are the migration's, not the client's.
 */

const VERB: Record<Change["kind"], string> = {
  move: "flyttat",
  recode: "omkodat",
  split: "delat",
  merge: "sammanslaget",
  default: "nytt värde",
  drop: "ej överfört",
  moveRows: "flyttad rad",
};

function changeLine(c: Change): string | undefined {
  switch (c.kind) {
    case "drop":
    case "default":
      return undefined; // listed with their reasons below
    case "recode":
      return `${VERB.recode}: ${c.from.join(", ")}`;
    case "merge":
      return `${VERB.merge}: ${c.from.join(" + ")} → ${c.to.join(", ")}`;
    default:
      return `${VERB[c.kind]}: ${c.from.join(", ")} → ${c.to.join(", ")}`;
  }
}

export function stepLines(step: StepReport): string[] {
  const lines: string[] = [];
  for (const c of step.changes) {
    const line = changeLine(c);
    if (line) lines.push(line);
  }
  for (const d of step.defaults) lines.push(`${VERB.default}: ${d.path} = ${JSON.stringify(d.value)} – ${d.reason}`);
  for (const n of step.notTransferred) lines.push(`${VERB.drop}: ${n.path} – ${n.reason}`);
  for (const a of step.askedAs ?? []) lines.push(`frågat som en annan fråga: ${a.from} → ${a.to} – ${a.text}`);
  return lines;
}

/** Counts for one document: changes, defaults, values kept in the report section. */
export function summary(report: MigrationReport): { changes: number; defaults: number; kept: number } {
  let changes = 0;
  let defaults = 0;
  let kept = 0;
  for (const s of report.steps) {
    changes += s.changes.filter((c) => c.kind !== "drop").length;
    defaults += s.defaults.length;
    kept += s.notTransferred.length;
  }
  return { changes, defaults, kept };
}

export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The whole report for one document, indented under a heading the caller writes. */
export function reportLines(report: MigrationReport): string[] {
  if (report.steps.length === 0) return [`redan ${report.to}, inget att flytta`];
  const lines: string[] = [];
  for (const step of report.steps) {
    const body = stepLines(step);
    lines.push(`${step.from} → ${step.to}${body.length === 0 ? ": inget behövde flyttas" : ":"}`);
    for (const l of body) lines.push(`  ${l}`);
  }
  const s = summary(report);
  lines.push(
    `${count(s.changes, "ändring", "ändringar")}, ${count(s.defaults, "nytt värde", "nya värden")}, ` +
      (s.kept === 0 ? "inget svar lämnades utanför" : `${count(s.kept, "svar sparat", "svar sparade")} under /migrering/ejOverforda`),
  );
  return lines;
}
