import { BUMP_NAME, CLASSES, CLASS_MEANING, CLASS_NAME, show } from "./words.ts";
import type { DiffReport } from "./types.ts";
import { FATE_NAME } from "./migration-aware.ts";
import { changeTexts, reviewOf, ruleReviewOf, type FormatOptions } from "./views.ts";

/**
 * The diff as GitHub-flavoured markdown, for a pull-request comment: the summary with the bump
 * and the counts, one table per class, long tables folded in <details>. Every string that comes
 * from a schema is escaped for markdown **and** HTML (`escapeMarkdown`): a label with `|`, `*`
 * or `<script>` is shown as text, cannot break a table, and cannot mention anyone (`@`) or link
 * an issue (`#`).
 */

/** Tables longer than this are folded. */
const FOLD_AFTER = 10;

/** A schema string as inert markdown text on one line. */
export function escapeMarkdown(value: unknown): string {
  return (
    String(value)
      // Line breaks, other control characters and bidirectional controls: a table cell is one line.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, " ")
      .replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)
      // A mention (@name) or an issue link (#12) starts after a non-word character.
      .replace(/(^|[^A-Za-z0-9_])([@#])/g, (_, before: string, c: string) => before + (c === "@" ? "&#64;" : "&#35;"))
      .replace(/[\\`*_{}[\]()+!|~=^-]/g, (c) => "\\" + c)
  );
}

const code = (s: string) => `<code>${escapeMarkdown(s || "/")}</code>`;

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function fold(summary: string, body: string, rows: number): string {
  return rows > FOLD_AFTER ? `<details><summary>${summary}</summary>\n\n${body}\n\n</details>` : body;
}

export function formatMarkdown(report: DiffReport, options: FormatOptions = {}): string {
  const { old, new: next, bump } = report;
  const out: string[] = [];
  out.push(`## Jämförelse ${escapeMarkdown(old.ref)} → ${escapeMarkdown(next.ref)} (${escapeMarkdown(next.title)})`);
  out.push("");
  out.push(
    `**Ändringarna kräver:** ${BUMP_NAME[bump.required]}. **Angiven version:** ${escapeMarkdown(old.version)} → ${escapeMarkdown(next.version)}, ${BUMP_NAME[bump.declared]}: ${
      bump.matches ? "✓ stämmer" : `✗ stämmer inte${bump.problem ? ` — ${escapeMarkdown(bump.problem)}` : ""}`
    }`,
  );
  out.push("");
  out.push(table(["Slag", "Antal", "Vad det betyder för sparade svar"], CLASSES.map((c) => [CLASS_NAME[c], String(report.counts[c]), CLASS_MEANING[c]])));

  const reviewAt = new Map<number, string>();
  for (const item of report.items) {
    const r = reviewOf(item.new, item.old);
    if (r) for (const i of item.changes) reviewAt.set(i, r);
  }
  for (const cls of CLASSES) {
    const rows = report.changes
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.class === cls)
      .map(({ c, i }) => {
        const t = changeTexts(report, i, options);
        const review = reviewAt.get(i) ?? ruleReviewOf(c);
        const where = c.rule ? `regel ${code(c.rule)}` : c.newPointer && c.newPointer !== c.pointer ? `${code(c.pointer)} → ${code(c.newPointer)}` : code(c.pointer);
        const what = [escapeMarkdown(t.summary), ...(t.lost && t.migration ? [`Migreringen: ${escapeMarkdown(t.migration)}`] : []), ...(t.accepted ? [escapeMarkdown(t.accepted)] : []), ...(c.witness !== undefined ? ["Ett påhittat exempelsvar finns i JSON-rapporten."] : []), ...(review ? [`*Till granskaren:* ${escapeMarkdown(review)}`] : [])].join("<br>");
        return [where, escapeMarkdown(c.label), what, escapeMarkdown(t.reason)];
      });
    if (rows.length === 0) continue;
    out.push("");
    out.push(`### ${CLASS_NAME[cls]} (${rows.length})`);
    out.push("");
    out.push(fold(`Visa ${rows.length} ändringar`, table(["Var", "Fråga", "Ändring", "Varför"], rows), rows.length));
  }

  const m = options.migration;
  if (m) {
    out.push("");
    out.push("### Vad händer med sparade svar");
    out.push("");
    if (m.steps.length === 0) out.push(`Ingen migrering leder från ${escapeMarkdown(old.ref)} till ${escapeMarkdown(next.ref)}: svar utan plats i den nya versionen blir ogiltiga.`);
    else out.push(`Migrering: ${m.steps.map((s) => `${escapeMarkdown(s.from)} → ${escapeMarkdown(s.to)}${s.title ? ` (${escapeMarkdown(s.title)})` : ""}`).join(", ")}.`);
    const lost = m.answers.filter((a) => a.kind === "unplaced");
    if (lost.length) {
      out.push("");
      out.push(`**${lost.length} svar får ingen plats** i den nya versionen: ${lost.map((a) => code(a.pointer)).join(", ")}.`);
    }
    const moving = m.answers.filter((a) => a.kind !== "kept");
    const rows = moving.map((a) => [code(a.pointer), a.kind === "unplaced" ? `**${FATE_NAME[a.kind]}**` : FATE_NAME[a.kind], a.to.map(code).join("<br>") || "–", escapeMarkdown(a.text)]);
    out.push("");
    if (rows.length) out.push(fold(`Visa ${rows.length} svar som flyttas, ändras eller sparas undan`, table(["Sparat svar", "Vad som händer", "Hamnar i", "Förklaring"], rows), rows.length));
    for (const d of m.defaults) out.push(`\nNytt svar ${code(d.pointer)} = ${escapeMarkdown(show(d.value))}: ${escapeMarkdown(d.reason)}`);
    out.push("");
    out.push(`${m.answers.length - moving.length} svar ligger kvar där de är.`);
  }
  if (report.changes.length === 0) {
    out.push("");
    out.push("Inga ändringar.");
  }
  return out.join("\n") + "\n";
}
