import { sameData } from "./shape.ts";
import { BUMP_NAME, CLASSES, CLASS_MEANING, CLASS_NAME, capitalise, keywordName, show, typeName } from "./words.ts";
import type { Change, ChangeClass, DiffReport, ItemDiff, ItemView } from "./types.ts";
import { FATE_NAME, type AnswerFate, type MigrationAwareness } from "./migration-aware.ts";
import { WITNESS_TITLE, changeTexts, forReview, restructuredNote, hidesValues, needsAction, reviewOf, ruleReviewOf, type FormatOptions } from "./views.ts";

/**
 * The diff as one self-contained HTML page for reviewers, in Swedish: one <style> element, no
 * scripts, no `style=` attributes, no external resources, so it works under a strict
 * Content-Security-Policy (style-src with the page's hash or 'unsafe-inline' for <style> only)
 * and can be mailed, archived or opened offline. A summary that stays in view (position: sticky)
 * with the counts per class, the bump and a filter (radio inputs and CSS sibling selectors: "bara
 * det som bryter eller behöver granskas"); a table of contents per class with an anchor per
 * change (#c-<index into report.changes>); sections that fold (<details>). Old version on the
 * left, new on the right. Every change is marked by colour and by a word, so nothing depends on
 * seeing colour. Every string that comes from a schema is escaped: a label is text, never markup.
 * `description` (developer notes) is never shown; `x-review` (the reviewers' note) is.
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
header { max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem; }
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
.note { border-left: 4px solid #3b5998; background: #eef2fa; padding: .4rem .6rem; margin: .4rem 0; }
.migration { border-left: 4px solid #2e7d32; background: #eef7ef; padding: .3rem .6rem; margin: .3rem 0; display: block; }
.migration.lost { border-color: #b3261e; background: #fde7e6; }
details > summary { cursor: pointer; }
details.section > summary { list-style: revert; }
details.section > summary h2 { display: inline; border: 0; }
details.section { margin: 1.5rem 0; border-bottom: 2px solid var(--line); padding-bottom: .5rem; }
.filter-input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.filter-legend { max-width: 78rem; margin: 0 auto; padding: 0 1.5rem; font-weight: 600; }
.filter-label { display: inline-block; border: 1px solid var(--line); border-radius: 3px; padding: .2rem .6rem; margin: .2rem .4rem .2rem 0; cursor: pointer; }
#filter-allt + .filter-label { margin-left: 1.5rem; }
.filter-input:focus-visible + label { outline: 3px solid #1f3a66; outline-offset: 2px; }
.filter-input:checked + label { background: #1f3a66; color: #fff; border-color: #1f3a66; font-weight: 600; }
#filter-viktigt:checked ~ .layout .minor { display: none; }
.layout { max-width: 78rem; margin: 0 auto; padding: 0 1.5rem; }
.sticky { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 2px solid var(--line); padding: .4rem 0; display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; }
.sticky .verdict { margin: 0; padding: .2rem .5rem; font-size: .95rem; }
nav.toc ol { margin: .25rem 0; padding-left: 1.3rem; }
nav.toc details { margin: .2rem 0; }
@media print { .item { break-inside: avoid; } .sticky { position: static; } .filter-legend, .filter-label { display: none; } }
`;

/** A definition row; `changed` marks it with colour and the word "ändrad". */
function row(term: string, value: string, changed: boolean): string {
  const mark = changed ? `<span class="mark">(ändrad)</span>` : "";
  return `<dt>${escapeHtml(term)}</dt><dd${changed ? ' class="diff"' : ""}>${value}${mark}</dd>`;
}

function json(value: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(forReview(value), null, 2))}</pre>`;
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
  return `<dl>${rows.join("")}</dl>`;
}

function badge(cls: ChangeClass): string {
  return `<span class="badge ${cls}">${escapeHtml(CLASS_NAME[cls])}</span>`;
}

/** "minor": hidden by the filter "bara det som bryter eller behöver granskas". */
const minor = (classes: ChangeClass[]) => (classes.some(needsAction) ? "" : " minor");

function note(text: string | undefined): string {
  return text ? `<p class="note"><strong>Till granskaren:</strong> ${escapeHtml(text)}</p>` : "";
}

function changeItem(report: DiffReport, i: number, withValues: boolean, options: FormatOptions): string {
  const c = report.changes[i]!;
  const t = changeTexts(report, i, options);
  // Rule texts such as `description` are left out of the values; nothing left to show, no table.
  const show = withValues && !hidesValues(c) && (c.before !== undefined || c.after !== undefined) && !sameData(forReview(c.before), forReview(c.after));
  const values = show ? `<table class="sides"><thead><tr><th scope="col">Före</th><th scope="col">Efter</th></tr></thead><tbody><tr><td>${c.before === undefined ? '<span class="absent">(finns inte)</span>' : json(c.before)}</td><td>${c.after === undefined ? '<span class="absent">(finns inte)</span>' : json(c.after)}</td></tr></tbody></table>` : "";
  const migration = t.lost && t.migration ? `<span class="migration lost">Migreringen: ${escapeHtml(t.migration)}</span>` : "";
  const accepted = t.accepted ? `<span class="migration">${escapeHtml(t.accepted)}</span>` : "";
  const witness = c.witness !== undefined ? `<details><summary>${escapeHtml(WITNESS_TITLE)}</summary>${json(c.witness)}</details>` : "";
  return `<li id="c-${i}" class="change${minor([c.class])}">${badge(c.class)} ${escapeHtml(t.summary)}<span class="why">Varför: ${escapeHtml(t.reason)}</span>${migration}${accepted}${witness}${values}</li>`;
}

function where(pointer: string, newPointer?: string): string {
  return newPointer ? `<code>${escapeHtml(pointer || "/")}</code> → <code>${escapeHtml(newPointer)}</code>` : `<code>${escapeHtml(pointer || "/")}</code>`;
}

function itemSection(report: DiffReport, item: ItemDiff, n: number, options: FormatOptions): string {
  const changes = item.changes.map((i) => report.changes[i]!);
  const classes = changes.map((c) => c.class);
  const breaking = classes.some(needsAction);
  return `<article class="item${breaking ? " breaking-item" : ""}${minor(classes)}" id="i-${n}">
<h3>${escapeHtml(item.label)} <span class="pointer">${where(item.pointer, item.newPointer)}</span></h3>
${note(reviewOf(item.new, item.old))}
<ul class="changes">${item.changes.map((i) => changeItem(report, i, false, options)).join("")}</ul>
<details${breaking ? " open" : ""}><summary>Före och efter</summary>
<table class="sides"><thead><tr><th scope="col">Före (${escapeHtml(report.old.version)})</th><th scope="col">Efter (${escapeHtml(report.new.version)})</th></tr></thead>
<tbody><tr><td>${viewHtml(item.old, item.new, "old")}</td><td>${viewHtml(item.new, item.old, "new")}</td></tr></tbody></table>
</details>
</article>`;
}

function section(id: string, title: string, body: string, extra = ""): string {
  return `<details class="section${extra}" open><summary><h2 id="${id}">${escapeHtml(title)}</h2></summary>
${body}
</details>`;
}

function fatesHtml(report: DiffReport, m: MigrationAwareness): string {
  const steps = m.steps.length
    ? `<p>Migrering: ${m.steps.map((s) => `<code>${escapeHtml(s.from)}</code> → <code>${escapeHtml(s.to)}</code>${s.title ? ` (${escapeHtml(s.title)})` : ""}`).join(", ")}.</p>`
    : `<p>Ingen migrering leder från ${escapeHtml(report.old.ref)} till ${escapeHtml(report.new.ref)}: svar som inte har en plats i den nya versionen blir ogiltiga.</p>`;
  const moving = m.answers.filter((a) => a.kind !== "kept");
  const kept = m.answers.filter((a) => a.kind === "kept");
  const rowOf = (a: AnswerFate) =>
    `<tr class="${a.kind === "unplaced" || a.aside ? "" : "minor"}"><td><code>${escapeHtml(a.pointer)}</code><br>${escapeHtml(a.label)}</td><td>${a.kind === "unplaced" ? badge("breaking") + " " : ""}${escapeHtml(FATE_NAME[a.kind])}</td><td>${a.to.map((t) => `<code>${escapeHtml(t)}</code>`).join("<br>") || '<span class="absent">(ingen plats)</span>'}</td><td>${escapeHtml(a.text)}</td></tr>`;
  const head = `<thead><tr><th scope="col">Sparat svar (före)</th><th scope="col">Vad som händer</th><th scope="col">Hamnar i</th><th scope="col">Förklaring</th></tr></thead>`;
  const lost = moving.filter((a) => a.kind === "unplaced");
  const defaults = m.defaults.length
    ? `<p>Nya svar som migreringen sätter:</p><ul>${m.defaults.map((d) => `<li><code>${escapeHtml(d.pointer)}</code> = ${escapeHtml(show(d.value))}: ${escapeHtml(d.reason)}</li>`).join("")}</ul>`
    : "";
  return `${steps}
${lost.length ? `<p class="verdict bad"><strong>${lost.length} ${lost.length === 1 ? "svar får" : "svar får"} ingen plats</strong> i den nya versionen: ${lost.map((a) => `<code>${escapeHtml(a.pointer)}</code>`).join(", ")}.</p>` : ""}
<table><caption>Svar som flyttas, ändras eller sparas undan (${moving.length})</caption>${head}<tbody>
${moving.map(rowOf).join("\n")}
</tbody></table>
${defaults}
<details><summary>Svar som ligger kvar där de är (${kept.length})</summary>
<table>${head}<tbody>${kept.map(rowOf).join("\n")}</tbody></table>
</details>`;
}

export function formatHtml(report: DiffReport, options: FormatOptions = {}): string {
  const { old, new: next, bump } = report;
  const title = `Jämförelse ${old.ref} → ${next.ref}`;
  const parts: string[] = [];
  const toc: string[] = [`<li><a href="#sammanfattning">Sammanfattning</a></li>`];
  const verdict = `<p class="verdict ${bump.matches ? "ok" : "bad"}"><strong>Ändringarna kräver:</strong> ${escapeHtml(BUMP_NAME[bump.required])}.
<strong>Angiven version:</strong> ${escapeHtml(old.version)} → ${escapeHtml(next.version)}, ${escapeHtml(BUMP_NAME[bump.declared])}:
<strong>${bump.matches ? "✓ Stämmer" : "✗ Stämmer inte"}</strong>${bump.problem ? ` — ${escapeHtml(bump.problem)}` : ""}</p>`;

  parts.push(
    section(
      "sammanfattning",
      "Sammanfattning",
      `<table><caption>Ändringar per slag</caption><thead><tr><th scope="col">Slag</th><th scope="col">Antal</th><th scope="col">Vad det betyder för sparade svar</th></tr></thead><tbody>
${CLASSES.map((c) => `<tr><th scope="row">${badge(c)}</th><td>${report.counts[c]}</td><td>${escapeHtml(CLASS_MEANING[c])}</td></tr>`).join("\n")}
</tbody></table>
${verdict}`,
    ),
  );

  if (options.migration) {
    toc.push(`<li><a href="#sparade-svar">Vad händer med sparade svar</a></li>`);
    parts.push(section("sparade-svar", "Vad händer med sparade svar", fatesHtml(report, options.migration)));
  }

  if (report.restructured.length) {
    toc.push(`<li><a href="#omstrukturering">Omstrukturerade områden</a></li>`);
    parts.push(
      section(
        "omstrukturering",
        "Omstrukturerade områden",
        `<table><thead><tr><th scope="col">Vad</th><th scope="col">Område</th><th scope="col">Före</th><th scope="col">Efter</th><th scope="col">Frågor</th></tr></thead><tbody>
${report.restructured
  .map(
    (r) =>
      `<tr class="${minor([r.class]).trim()}"><td>${badge(r.class)} ${escapeHtml(ACTION_NAME[r.action])}</td><td>${escapeHtml(r.label)}</td><td>${r.action === "added" ? '<span class="absent">(finns inte)</span>' : `<code>${escapeHtml(r.pointer)}</code>`}</td><td>${
        r.action === "removed" ? '<span class="absent">(finns inte)</span>' : `<code>${escapeHtml(r.newPointer ?? r.pointer)}</code>`
      }</td><td>${r.items}${restructuredNote(report, r, options) ? `<br>${escapeHtml(restructuredNote(report, r, options))}` : ""}</td></tr>`,
  )
  .join("\n")}
</tbody></table>`,
      ),
    );
  }

  const shown = new Set<number>();
  const general = report.changes.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === "instrument-changed");
  if (general.length) {
    toc.push(`<li><a href="#formularet">Formuläret</a></li>`);
    for (const { i } of general) shown.add(i);
    parts.push(section("formularet", "Formuläret", `<ul class="changes">${general.map(({ i }) => changeItem(report, i, true, options)).join("")}</ul>`));
  }

  if (report.items.length) {
    toc.push(`<li><a href="#fragor">Ändringar i frågorna (${report.items.length})</a></li>`);
    for (const item of report.items) for (const i of item.changes) shown.add(i);
    parts.push(section("fragor", `Ändringar i frågorna (${report.items.length})`, report.items.map((item, n) => itemSection(report, item, n, options)).join("\n")));
  }

  const rules = report.changes.map((c, i) => ({ c, i })).filter(({ c, i }) => c.kind.startsWith("rule") && !shown.has(i));
  if (rules.length) {
    toc.push(`<li><a href="#regler">Ändringar i reglerna (${rules.length})</a></li>`);
    for (const { i } of rules) shown.add(i);
    parts.push(
      section(
        "regler",
        `Ändringar i reglerna (${rules.length})`,
        rules
          .map(
            ({ c, i }) => `<article class="item${needsAction(c.class) ? " breaking-item" : ""}${minor([c.class])}"><h3>${escapeHtml(c.label)} <span class="pointer">${c.rule ? `regel <code>${escapeHtml(c.rule)}</code>` : "regelordningen"}</span></h3>
${note(ruleReviewOf(c))}
${c.reads?.length ? `<p>Läser: ${c.reads.map((r) => `<code>${escapeHtml(r)}</code>`).join(", ")}</p>` : ""}
<ul class="changes">${changeItem(report, i, true, options)}</ul></article>`,
          )
          .join("\n"),
      ),
    );
  }

  const rest = report.changes.map((c, i) => ({ c, i })).filter(({ i }) => !shown.has(i));
  if (rest.length) {
    toc.push(`<li><a href="#ovrigt">Övriga ändringar (${rest.length})</a></li>`);
    parts.push(section("ovrigt", `Övriga ändringar (${rest.length})`, `<ul class="changes">${rest.map(({ i }) => changeItem(report, i, true, options)).join("")}</ul>`));
  }

  if (report.changes.length === 0) parts.push(`<p>Inga ändringar.</p>`);

  const byClass = CLASSES.filter((cls) => report.counts[cls] > 0)
    .map((cls) => {
      const links = report.changes
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.class === cls)
        .map(({ c, i }) => `<li><a href="#c-${i}">${escapeHtml(c.label)}: ${escapeHtml(changeTexts(report, i, options).summary)}</a></li>`);
      return `<details class="toc-class${minor([cls])}" data-class="${cls}"><summary>${escapeHtml(CLASS_NAME[cls])} (<span data-count="${cls}">${report.counts[cls]}</span>)</summary><ol>${links.join("")}</ol></details>`;
    })
    .join("\n");

  const sticky = `<div class="sticky" role="region" aria-label="Sammanfattning i korthet">${CLASSES.map((c) => `<span>${badge(c)} ${report.counts[c]}</span>`).join(" ")}
<span class="verdict ${bump.matches ? "ok" : "bad"}">Kräver ${escapeHtml(BUMP_NAME[bump.required])}: ${bump.matches ? "✓ versionen stämmer" : "✗ versionen stämmer inte"}</span></div>`;

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
<p class="filter-legend" id="filter">Visa:</p>
<input type="radio" name="filter" id="filter-allt" class="filter-input" checked><label for="filter-allt" class="filter-label">Alla ändringar</label>
<input type="radio" name="filter" id="filter-viktigt" class="filter-input"><label for="filter-viktigt" class="filter-label">Bara det som bryter eller behöver granskas</label>
<div class="layout">
${sticky}
<main>
<nav class="toc" aria-labelledby="innehall"><h2 id="innehall">Innehåll</h2>
<ol>${toc.join("")}</ol>
<p>Ändringar per slag:</p>
${byClass}
</nav>
${parts.join("\n")}
</main>
</div>
</body>
</html>
`;
}
