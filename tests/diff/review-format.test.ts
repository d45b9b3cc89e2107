import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../engine/diff/diff.ts";
import { formatHtml } from "../../engine/diff/format-html.ts";
import { formatText } from "../../engine/diff/format-text.ts";
import { escapeMarkdown, formatMarkdown } from "../../engine/diff/format-markdown.ts";
import { CLASSES } from "../../engine/diff/words.ts";
import type { DiffReport } from "../../engine/diff/types.ts";
import { base, changed } from "./pairs.ts";
import { schema } from "../helpers.ts";

/**
 * A review, not a dump: `description` (English developer notes) never reaches a report,
 * `x-review` (the reviewers' Swedish note) does; the HTML page has a table of contents with
 * counts per class, an anchor per change, a CSS-only filter, folding sections and a sticky
 * summary, and works under a strict CSP; the markdown escapes every schema string.
 */

const SECRET = "Internal note: see ticket ABC-123 at the vendor";

function reviewed(): DiffReport {
  const old = base();
  const next = changed("2.0.0", (s, d) => {
    d.del!.description = SECRET;
    d.del!.properties.svar!.title = "Hur ofta | *ofta* <script>alert(1)</script> @alla #12";
    d.del!.properties.svar!.description = SECRET;
    d.del!.properties.svar!["x-review"] = "Frågan ändras efter remissen | *viktigt* <b>";
    d.del!.properties.kod!.pattern = "^[A-Z]{3}$";
    const rules = s["x-rules"] as Array<Record<string, unknown>>;
    rules[0]!.description = SECRET;
    rules[0]!.expr = { "+": [{ var: "del.antal" }, 2] };
    rules[0]!["x-review"] = "Summan räknas nu med två.";
  });
  return diffSchemas(old, next);
}

describe("description is never shown, x-review is", () => {
  it("HTML, text and markdown leave out description text and show x-review", () => {
    const r = reviewed();
    expect(r.changes.some((c) => c.kind === "description-changed")).toBe(true);
    for (const out of [formatHtml(r), formatText(r), formatMarkdown(r)]) {
      expect(out).not.toContain("Internal note");
      expect(out).not.toContain("ABC");
    }
    expect(formatHtml(r)).toContain("Frågan ändras efter remissen | *viktigt* &lt;b&gt;");
    expect(formatHtml(r)).toContain("Summan räknas nu med två.");
    expect(formatText(r)).toContain("Till granskaren: Frågan ändras efter remissen");
    expect(formatMarkdown(r)).toContain("Frågan ändras efter remissen \\| \\*viktigt\\* &lt;b&gt;");
  });

  it("the JSON report carries x-review as review, and no description", () => {
    const r = reviewed();
    const item = r.items.find((i) => i.pointer === "/del/svar")!;
    expect((item.new as { review?: string }).review).toBe("Frågan ändras efter remissen | *viktigt* <b>");
    expect(JSON.stringify(r.items)).not.toContain("Internal note");
  });

  it("fia 2.0.0 has notes for reviewers where it changes, and the report shows them", () => {
    const html = formatHtml(diffSchemas(schema("fia", "1.1.0"), schema("fia", "2.0.0")));
    expect(html).toContain("Ersätter Övergrepp och tvång.");
    expect(html).not.toMatch(/\b(For reviewers|manual|handbook)\b/);
  });
});

describe("markdown for a pull-request comment", () => {
  it("escapes markdown and HTML in a label with |, <script> and *", () => {
    const md = formatMarkdown(reviewed());
    expect(md).toContain("Hur ofta \\| \\*ofta\\* &lt;script&gt;alert\\(1\\)&lt;/script&gt; &#64;alla &#35;12");
    expect(md).not.toMatch(/<script/i);
    // Every table row has as many cells as its header: no | from a schema string splits a cell.
    for (const block of md.split(/\n\n/)) {
      const rows = block.split("\n").filter((l) => l.startsWith("| "));
      if (rows.length < 2) continue;
      const cells = (l: string) => l.replace(/\\\|/g, "").split("|").length;
      for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]!));
    }
  });

  it("escapeMarkdown makes a string inert on one line", () => {
    expect(escapeMarkdown("a|b*c_d`e<f>&\n[x](y) @u #1")).toBe("a\\|b\\*c\\_d\\`e&lt;f&gt;&amp; \\[x\\]\\(y\\) &#64;u &#35;1");
  });

  it("opens with the bump and the counts, has a table per class, folds long tables", () => {
    const r = diffSchemas(schema("fia", "1.1.0"), schema("fia", "2.0.0"));
    const md = formatMarkdown(r);
    expect(md).toMatch(/^## Jämförelse fia@1\.1\.0 → fia@2\.0\.0/);
    expect(md).toContain("**Ändringarna kräver:** major (ny huvudversion)");
    expect(md).toContain(`| Brytande | ${r.counts.breaking} |`);
    expect(md).toContain(`### Brytande (${r.counts.breaking})`);
    expect(md).toContain(`<details><summary>Visa ${r.counts.breaking} ändringar</summary>`);
  });
});

describe("the HTML review page", () => {
  const fia = () => diffSchemas(schema("fia", "1.1.0"), schema("fia", "2.0.0"));

  it("has a table of contents whose counts per class equal the change counts", () => {
    for (const r of [fia(), reviewed()]) {
      const html = formatHtml(r);
      for (const cls of CLASSES) {
        const count = new RegExp(`<span data-count="${cls}">(\\d+)</span>`).exec(html);
        if (r.counts[cls] === 0) {
          expect(count).toBeNull();
          continue;
        }
        expect(Number(count![1])).toBe(r.counts[cls]);
        const block = new RegExp(`<details class="toc-class[^"]*" data-class="${cls}">([\\s\\S]*?)</details>`).exec(html)![1]!;
        expect(block.match(/<a href="#c-\d+">/g)).toHaveLength(r.counts[cls]);
      }
    }
  });

  it("gives every change an anchor, once, and the table of contents links to it", () => {
    const r = fia();
    const html = formatHtml(r);
    r.changes.forEach((_, i) => {
      expect(html.split(`id="c-${i}"`).length - 1, `c-${i}`).toBe(1);
      expect(html).toContain(`href="#c-${i}"`);
    });
  });

  it("works under a strict CSP: no script, no style attribute, no external resource; only local links", () => {
    const html = formatHtml(reviewed());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\bsrc=/i);
    for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="#[a-z0-9-]+"$/);
  });

  it("has the filter (radio inputs before the layout), folding sections and a sticky summary", () => {
    const r = fia();
    const html = formatHtml(r);
    expect(html).toMatch(/<input type="radio" name="filter" id="filter-viktigt"[^>]*><label for="filter-viktigt"[^>]*>Bara det som bryter eller behöver granskas<\/label>\s*<div class="layout">/);
    expect(html).toContain("#filter-viktigt:checked ~ .layout .minor { display: none; }");
    expect(html).toMatch(/<details class="section" open><summary><h2 id="fragor">/);
    expect(html).toContain("position: sticky");
    expect(html).toMatch(/<div class="sticky"[^>]*>/);
    // Breaking changes are never hidden by the filter.
    for (const m of html.matchAll(/<li id="c-(\d+)" class="change( minor)?">/g)) {
      const cls = r.changes[Number(m[1])]!.class;
      expect(Boolean(m[2]), `c-${m[1]}`).toBe(cls !== "breaking" && cls !== "review");
    }
  });

  it("names the class review 'Behöver granskas'", () => {
    const r = reviewed();
    r.changes[0]!.class = "review";
    r.counts = { breaking: 0, compatible: 0, wording: 0, bookkeeping: 0, review: 0 };
    for (const c of r.changes) r.counts[c.class]++;
    expect(formatHtml(r)).toContain('<span class="badge review">Behöver granskas</span>');
    expect(formatText(r)).toContain("[BEHÖVER GRANSKAS]");
    expect(formatMarkdown(r)).toContain("### Behöver granskas (1)");
  });

  it("shows an accepted review change with who accepted it, and a counter-example as a folded example", () => {
    const r = reviewed();
    r.changes[0]!.class = "review";
    r.changes[0]!.accepted = { note: "Granskat mot handboken <b>", by: "Anna" };
    r.changes[1]!.witness = { del: { kod: "AB" } };
    const html = formatHtml(r);
    expect(html).toContain("Godkänd vid granskning av Anna: Granskat mot handboken &lt;b&gt;");
    expect(html).toMatch(/<details><summary>Exempel \(påhittat svar\)[^<]*<\/summary><pre>/);
    expect(formatText(r)).toContain("Godkänd vid granskning av Anna");
    expect(formatMarkdown(r)).toContain("Godkänd vid granskning av Anna: Granskat mot handboken &lt;b&gt;");
  });
});
