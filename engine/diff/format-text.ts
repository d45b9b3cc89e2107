import { BUMP_NAME, CLASSES, CLASS_MARKER, CLASS_MEANING, CLASS_NAME, show } from "./words.ts";
import type { ChangeKind, DiffReport } from "./types.ts";
import { KEPT_ASIDE, type MigrationAwareness } from "./migration-aware.ts";
import { changeTexts, forReview, hidesValues, restructuredNote, reviewOf, ruleReviewOf, type FormatOptions } from "./views.ts";

/** The diff as plain Swedish text for a terminal or a review comment. */



/** Kinds whose one-line summary already says what it was and what it became. */
const SELF_EXPLAINED = new Set<ChangeKind>([
  "label-changed",
  "option-added",
  "option-removed",
  "option-recoded",
  "option-relabelled",
  "option-rescored",
  "type-changed",
  "constraint-narrowed",
  "constraint-widened",
  "required-added",
  "required-removed",
  "item-added",
  "item-removed",
  "item-moved",
  "version-stamp",
  "instrument-changed",
]);

const ACTION: Record<"removed" | "added" | "moved", string> = { removed: "borttaget", added: "tillagt", moved: "flyttat" };

/**
 * Schema strings are text, also in a terminal: control characters (an escape sequence in a label,
 * a line break in a description) become spaces, so no label can move the cursor or fake a line.
 */
function plain(line: string): string {
  // Bidirectional controls too (U+202A–U+202E, U+2066–U+2069): the report is read in terminals
  // and editors, where they reorder what follows them.
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, " ");
}

/** Long values (conditions, rules) are cut in text; the JSON and HTML reports keep them whole. */
function short(value: unknown, max = 200): string {
  const s = show(forReview(value));
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

function changeLines(report: DiffReport, i: number, indent: string, options: FormatOptions): string[] {
  const c = report.changes[i]!;
  const t = changeTexts(report, i, options);
  const lines = [`${indent}[${CLASS_MARKER[c.class]}] ${t.summary}`];
  if (!SELF_EXPLAINED.has(c.kind) && !hidesValues(c)) {
    if (c.before !== undefined) lines.push(`${indent}    före:  ${short(c.before)}`);
    if (c.after !== undefined) lines.push(`${indent}    efter: ${short(c.after)}`);
  }
  lines.push(`${indent}    varför: ${t.reason}`);
  if (t.lost && t.migration) lines.push(`${indent}    migreringen: ${t.migration}`);
  if (t.accepted) lines.push(`${indent}    ${t.accepted}`);
  if (c.witness !== undefined) lines.push(`${indent}    exempel (påhittat svar, giltigt före, ogiltigt efter): ${short(c.witness)}`);
  return lines;
}

/** The section "Vad händer med sparade svar": every answer that does not simply stay. */
function fateLines(report: DiffReport, m: MigrationAwareness): string[] {
  const out = ["", "Vad händer med sparade svar"];
  if (m.steps.length === 0) out.push(`  Ingen migrering leder från ${report.old.ref} till ${report.new.ref}: svar utan plats i den nya versionen blir ogiltiga.`);
  for (const s of m.steps) out.push(`  Migrering ${s.from} → ${s.to}${s.title ? ` (${s.title})` : ""}`);
  const kept = m.answers.filter((a) => a.kind === "kept");
  for (const a of m.answers) if (a.kind !== "kept") out.push(`  ${a.kind === "unplaced" ? "[INGEN PLATS] " : ""}${a.pointer}: ${a.text}`);
  for (const d of m.defaults) out.push(`  Nytt svar ${d.pointer} = ${show(d.value)}: ${d.reason}`);
  out.push(`  ${kept.length} svar ligger kvar där de är. Det som sparas undan hamnar i ”${KEPT_ASIDE}” i dokumentet.`);
  return out;
}

export function formatText(report: DiffReport, options: FormatOptions = {}): string {
  const out: string[] = [];
  out.push(`Jämförelse ${report.old.ref} → ${report.new.ref} (${report.new.title})`);
  out.push("");
  out.push("Sammanfattning");
  const width = Math.max(...CLASSES.map((c) => CLASS_NAME[c].length));
  for (const c of CLASSES) out.push(`  ${(CLASS_NAME[c] + ":").padEnd(width + 1)} ${String(report.counts[c]).padStart(4)}   ${CLASS_MEANING[c]}`);
  out.push(`  Ändringarna kräver: ${BUMP_NAME[report.bump.required]}`);
  const verdict = report.bump.matches ? "stämmer" : `stämmer inte — ${report.bump.problem ?? ""}`.trim();
  out.push(`  Angiven version: ${report.old.version} → ${report.new.version}, ${BUMP_NAME[report.bump.declared]}: ${verdict}`);

  if (report.restructured.length) {
    out.push("");
    out.push("Omstrukturerade områden");
    for (const r of report.restructured) {
      const where = r.newPointer ? `${r.pointer} → ${r.newPointer}` : r.pointer;
      let count = r.action === "moved" ? `${r.items} frågor följer med` : r.action === "removed" ? `${r.items} frågor tas bort` : `${r.items} nya frågor`;
      const note = restructuredNote(report, r, options);
      // Answers a migration places are not lost: the group is gone from here, not its answers.
      if (note && r.action === "removed") count = `${r.items} frågor finns inte kvar här`;
      out.push(`  ${ACTION[r.action].padEnd(10)} [${CLASS_MARKER[r.class]}] ${where}  ${show(r.label)} (${count}${note ? `; ${note}` : ""})`);
    }
  }

  const general = report.changes.filter((c) => c.kind === "instrument-changed");
  if (general.length) {
    out.push("");
    out.push("Formuläret");
    for (const c of general) out.push(...changeLines(report, report.changes.indexOf(c), "  ", options));
  }

  if (report.items.length) {
    out.push("");
    out.push("Ändringar i frågorna");
    for (const item of report.items) {
      const where = item.newPointer ? `${item.pointer || "/"} → ${item.newPointer}` : item.pointer || "/";
      out.push(`  ${where}  ${show(item.label)}`);
      const review = reviewOf(item.new, item.old);
      if (review) out.push(`    Till granskaren: ${review}`);
      for (const i of item.changes) out.push(...changeLines(report, i, "    ", options));
    }
  }

  const rules = report.changes.filter((c) => c.kind.startsWith("rule"));
  if (rules.length) {
    out.push("");
    out.push("Ändringar i reglerna");
    for (const c of rules) {
      out.push(`  ${c.rule ? `regel ${c.rule}` : "regelordningen"}  ${show(c.label)}${c.reads?.length ? ` (läser ${c.reads.join(", ")})` : ""}`);
      const review = ruleReviewOf(c);
      if (review) out.push(`    Till granskaren: ${review}`);
      out.push(...changeLines(report, report.changes.indexOf(c), "    ", options));
    }
  }

  if (options.migration) out.push(...fateLines(report, options.migration));

  if (report.changes.length === 0) {
    out.push("");
    out.push("Inga ändringar.");
  }
  return out.map(plain).join("\n");
}
