import { sameData } from "./shape.ts";
import { BUMP_NAME, CLASSES, CLASS_MEANING, CLASS_NAME, capitalise, keywordName, show, typeName } from "./words.ts";
import type { Change, ChangeClass, DiffReport, ItemDiff, ItemView } from "./types.ts";

/**
 * The diff as one self-contained HTML page for reviewers, in Swedish: inline CSS, no scripts, no
 * external resources (it can be mailed, archived or opened offline). Old version on the left, new
 * on the right. Every change is marked by colour and by a word ("Brytande", "ny", "tas bort"), so
 * nothing depends on seeing colour. Every string that comes from a schema is escaped: a label is
 * text, never markup.
 */

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}



const KIND_NAME: Record<ItemView["kind"], string> = {
  group: "Grupp av frågor",
  list: "Lista med rader",
  choice: "Ett val",
  multichoice: "Flera val",
  value: "Värde",
};

const ACTION_NAME = { removed: "Borttaget", added: "Tillagt", moved: "Flyttat" } as const;

const STYLE = `
:root { color-scheme: light; --text: #1b1b1b; --muted: #4a4a4a; --line: #c9c9c9; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; margin: 0; }
header, main { max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
code, pre { font-family: ui-monospace, "SF Mono", Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; word-break: break-word; margin: .25rem 0; background: #f6f6f6; padding: .4rem .5rem; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.badge { display: inline-block; font-weight: 700; font-size: .85rem; padding: .05rem .45rem; border-radius: 3px; border: 1px solid; white-space: nowrap; }
.breaking { background: #fde7e6; color: #8a1a12; border-color: #b3261e; }
.compatible { background: #e6f3e8; color: #1e5a2b; border-color: #2e7d32; }
.wording { background: #e8eef7; color: #1f3a66; border-color: #3b5998; }
.bookkeeping { background: #efefef; color: #3a3a3a; border-color: #777; }
.review { background: #fff1d6; color: #6b3d00; border-color: #a15c00; }
.verdict { font-size: 1.05rem; padding: .6rem .8rem; border-left: 6px solid; margin: .5rem 0; }
.verdict.ok { border-color: #2e7d32; background: #e6f3e8; }
.verdict.bad { border-color: #b3261e; background: #fde7e6; }
.item { border: 1px solid var(--line); border-radius: 4px; padding: .75rem 1rem; margin: 1rem 0; }
.item.breaking-item { border-left: 6px solid #b3261e; }
.changes { list-style: none; padding: 0; margin: 0 0 .75rem; }
.changes li { margin: .3rem 0; }
.why { display: block; color: var(--muted); font-size: .92rem; margin-left: .2rem; }
.sides { table-layout: fixed; }
.sides th { width: 50%; background: #f3f3f3; }
dl { margin: 0; display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .2rem .75rem; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; }
.diff { background: #fff4c2; outline: 2px solid #b38600; outline-offset: 1px; }
.mark { font-weight: 700; font-size: .8rem; text-transform: uppercase; letter-spacing: .02em; margin-left: .35rem; }
del { text-decoration: line-through; }
ins { text-decoration: underline; }
.absent { color: var(--muted); font-style: italic; }
ul.options { margin: 0; padding-left: 1.1rem; }
.pointer { color: var(--muted); }
@media print { .item { break-inside: avoid; } }
`;

/** A definition row; `changed` marks it with colour and the word "ändrad". */
function row(term: string, value: string, changed: boolean): string {
  const mark = changed ? `<span class="mark">(ändrad)</span>` : "";
  return `<dt>${escapeHtml(term)}</dt><dd${changed ? ' class="diff"' : ""}>${value}${mark}</dd>`;
}

function json(value: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
}

function optionList(view: ItemView, other: ItemView | undefined, side: "old" | "new"): string {
  const others = new Map((other?.options ?? []).map((o) => [o.code, o.label]));
  const items = (view.options ?? []).map((o) => {
    let mark = "";
    if (other && !others.has(o.code)) mark = side === "old" ? "tas bort" : "ny";
    else if (other && others.get(o.code) !== o.label) mark = "ändrad etikett";
    const body = `<code>${escapeHtml(o.code)}</code> — ${escapeHtml(o.label)}`;
    if (!mark) return `<li>${body}</li>`;
    const tag = mark === "ny" ? "ins" : mark === "tas bort" ? "del" : "span";
    return `<li class="diff"><${tag}>${body}</${tag}><span class="mark">(${mark})</span></li>`;
  });
  return `<ul class="options">${items.join("")}</ul>`;
}

function viewHtml(view: ItemView | undefined, other: ItemView | undefined, side: "old" | "new"): string {
  if (!view) return `<p class="absent">Finns inte i den här versionen.</p>`;
  const changed = (a: unknown, b: unknown) => other !== undefined && !sameData(a, b);
  const rows: string[] = [];
  rows.push(row("Etikett", escapeHtml(view.label), changed(view.label, other?.label)));
  rows.push(row("Var", `<code>${escapeHtml(view.pointer || "/")}</code>`, changed(view.pointer, other?.pointer)));
  rows.push(row("Slag", escapeHtml(KIND_NAME[view.kind] + (view.type ? ` (${typeName(view.type.split(" | "))})` : "")), changed([view.kind, view.type], [other?.kind, other?.type])));
  rows.push(row("Obligatorisk", view.required ? "ja" : "nej", changed(view.required, other?.required)));
  if (view.options || other?.options) rows.push(row("Alternativ", view.options ? optionList(view, other, side) : "(inga fasta alternativ)", changed(view.options, other?.options)));
  const keys = new Set([...Object.keys(view.constraints), ...Object.keys(other?.constraints ?? {})]);
  for (const k of keys) {
    const v = view.constraints[k];
    const text = v === undefined ? "(ingen)" : typeof v === "object" && v !== null ? json(v) : escapeHtml(show(v));
    rows.push(row(capitalise(keywordName(k)), text, changed(v, other?.constraints[k])));
  }
  if (view.help !== undefined || other?.help !== undefined) rows.push(row("Hjälptext", view.help === undefined ? "(ingen)" : escapeHtml(view.help), changed(view.help, other?.help)));
  if (view.visibleWhen !== undefined || other?.visibleWhen !== undefined) {
    rows.push(row("Visas när", view.visibleWhen === undefined ? "alltid" : json(view.visibleWhen), changed(view.visibleWhen, other?.visibleWhen)));
  }
  const hintKeys = new Set([...Object.keys(view.hints), ...Object.keys(other?.hints ?? {})]);
  for (const k of hintKeys) {
    const v = view.hints[k];
    rows.push(row(`Visning: ${k}`, v === undefined ? "(ingen)" : typeof v === "object" && v !== null ? json(v) : escapeHtml(show(v)), changed(v, other?.hints[k])));
  }
  if (view.children || other?.children) rows.push(row("Innehåll", escapeHtml((view.children ?? []).join(", ") || "(inget)"), changed(view.children, other?.children)));
  if (view.description !== undefined || other?.description !== undefined) {
    rows.push(row("Beskrivning", view.description === undefined ? "(ingen)" : escapeHtml(view.description), changed(view.description, other?.description)));
  }
  return `<dl>${rows.join("")}</dl>`;
}

function badge(cls: ChangeClass): string {
  return `<span class="badge ${cls}">${escapeHtml(CLASS_NAME[cls])}</span>`;
}

function changeItem(c: Change, withValues: boolean): string {
  const values = withValues && (c.before !== undefined || c.after !== undefined) ? `<table class="sides"><thead><tr><th scope="col">Före</th><th scope="col">Efter</th></tr></thead><tbody><tr><td>${c.before === undefined ? '<span class="absent">(finns inte)</span>' : json(c.before)}</td><td>${c.after === undefined ? '<span class="absent">(finns inte)</span>' : json(c.after)}</td></tr></tbody></table>` : "";
  return `<li>${badge(c.class)} ${escapeHtml(c.summary)}<span class="why">Varför: ${escapeHtml(c.reason)}</span>${values}</li>`;
}

function itemSection(report: DiffReport, item: ItemDiff): string {
  const changes = item.changes.map((i) => report.changes[i]!);
  const breaking = changes.some((c) => c.class === "breaking");
  const where = item.newPointer ? `<code>${escapeHtml(item.pointer || "/")}</code> → <code>${escapeHtml(item.newPointer)}</code>` : `<code>${escapeHtml(item.pointer || "/")}</code>`;
  return `<article class="item${breaking ? " breaking-item" : ""}">
<h3>${escapeHtml(item.label)} <span class="pointer">${where}</span></h3>
<ul class="changes">${changes.map((c) => changeItem(c, false)).join("")}</ul>
<table class="sides"><thead><tr><th scope="col">Före (${escapeHtml(report.old.version)})</th><th scope="col">Efter (${escapeHtml(report.new.version)})</th></tr></thead>
<tbody><tr><td>${viewHtml(item.old, item.new, "old")}</td><td>${viewHtml(item.new, item.old, "new")}</td></tr></tbody></table>
</article>`;
}

export function formatHtml(report: DiffReport): string {
  const { old, new: next, bump } = report;
  const title = `Jämförelse ${old.ref} → ${next.ref}`;
  const parts: string[] = [];
  parts.push(`<section aria-labelledby="sammanfattning"><h2 id="sammanfattning">Sammanfattning</h2>
<table><caption>Ändringar per slag</caption><thead><tr><th scope="col">Slag</th><th scope="col">Antal</th><th scope="col">Vad det betyder för sparade svar</th></tr></thead><tbody>
${CLASSES.map((c) => `<tr><th scope="row">${badge(c)}</th><td>${report.counts[c]}</td><td>${escapeHtml(CLASS_MEANING[c])}</td></tr>`).join("\n")}
</tbody></table>
<p class="verdict ${bump.matches ? "ok" : "bad"}"><strong>Ändringarna kräver:</strong> ${escapeHtml(BUMP_NAME[bump.required])}.<br>
<strong>Angiven version:</strong> ${escapeHtml(old.version)} → ${escapeHtml(next.version)}, ${escapeHtml(BUMP_NAME[bump.declared])}:
<strong>${bump.matches ? "✓ Stämmer" : "✗ Stämmer inte"}</strong>${bump.problem ? ` — ${escapeHtml(bump.problem)}` : ""}</p>
</section>`);

  if (report.restructured.length) {
    parts.push(`<section aria-labelledby="omstrukturering"><h2 id="omstrukturering">Omstrukturerade områden</h2>
<table><thead><tr><th scope="col">Vad</th><th scope="col">Område</th><th scope="col">Före</th><th scope="col">Efter</th><th scope="col">Frågor</th></tr></thead><tbody>
${report.restructured
  .map(
    (r) =>
      `<tr><td>${badge(r.class)} ${escapeHtml(ACTION_NAME[r.action])}</td><td>${escapeHtml(r.label)}</td><td>${r.action === "added" ? '<span class="absent">(finns inte)</span>' : `<code>${escapeHtml(r.pointer)}</code>`}</td><td>${
        r.action === "removed" ? '<span class="absent">(finns inte)</span>' : `<code>${escapeHtml(r.newPointer ?? r.pointer)}</code>`
      }</td><td>${r.items}</td></tr>`,
  )
  .join("\n")}
</tbody></table></section>`);
  }

  const general = report.changes.filter((c) => c.kind === "instrument-changed");
  if (general.length) {
    parts.push(`<section aria-labelledby="formularet"><h2 id="formularet">Formuläret</h2><ul class="changes">${general.map((c) => changeItem(c, true)).join("")}</ul></section>`);
  }

  if (report.items.length) {
    parts.push(`<section aria-labelledby="fragor"><h2 id="fragor">Ändringar i frågorna (${report.items.length})</h2>
${report.items.map((item) => itemSection(report, item)).join("\n")}
</section>`);
  }

  const rules = report.changes.filter((c) => c.kind.startsWith("rule"));
  if (rules.length) {
    parts.push(`<section aria-labelledby="regler"><h2 id="regler">Ändringar i reglerna (${rules.length})</h2>
${rules
  .map(
    (c) => `<article class="item${c.class === "breaking" ? " breaking-item" : ""}"><h3>${escapeHtml(c.label)} <span class="pointer">${c.rule ? `regel <code>${escapeHtml(c.rule)}</code>` : "regelordningen"}</span></h3>
${c.reads?.length ? `<p>Läser: ${c.reads.map((r) => `<code>${escapeHtml(r)}</code>`).join(", ")}</p>` : ""}
<ul class="changes">${changeItem(c, true)}</ul></article>`,
  )
  .join("\n")}
</section>`);
  }

  if (report.changes.length === 0) parts.push(`<p>Inga ändringar.</p>`);

  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(next.title)}: ${escapeHtml(old.version)} → ${escapeHtml(next.version)}</h1>
<p>Jämförelse av <code>${escapeHtml(old.ref)}</code> (vänster) och <code>${escapeHtml(next.ref)}</code> (höger), efter vad ändringarna betyder för sparade svar.</p></header>
<main>
${parts.join("\n")}
</main>
</body>
</html>
`;
}
