import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../engine/diff/diff.ts";
import { escapeHtml, formatHtml } from "../../engine/diff/format-html.ts";
import { formatText } from "../../engine/diff/format-text.ts";
import { base, changed } from "./pairs.ts";
import { schema } from "../helpers.ts";

/** The reviewers' page: self-contained, Swedish, old left / new right, every schema string escaped. */

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

function hostilePair() {
  const old = base();
  const next = changed("2.0.0", (s, d) => {
    d.del!.properties.svar!.title = `Hur ofta? ${HOSTILE}`;
    (d.skala!.oneOf as unknown[]).push({ const: "x</td>", title: `Alternativ ${HOSTILE}` });
    (d.del!.properties.text!["x-ui"] as Record<string, unknown>).help = `Hjälp & ${HOSTILE}`;
    (s["x-rules"] as Array<Record<string, unknown>>)[0]!.title = `Regel ${HOSTILE}`;
    (s["x-instrument"] as Record<string, unknown>).title = `Prov ${HOSTILE}`;
    d.del!.properties[`k"'<b>`] = { type: "string", title: HOSTILE };
  });
  return formatHtml(diffSchemas(old, next));
}

describe("diff HTML report", () => {
  it("escapes every string that comes from a schema: a <script> label is text", () => {
    const html = hostilePair();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>/);
    expect(html).not.toContain("</td>\u0020—"); // the option code x</td> must not close a cell
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Hur ofta? &lt;script&gt;");
    expect(html).toContain("<code>x&lt;/td&gt;</code>");
    expect(html).toContain("Hjälp &amp; &lt;script&gt;");
    expect(html).toContain("k&quot;&#39;&lt;b&gt;");
  });

  it("escapeHtml escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("is self-contained: inline CSS, no scripts, no external resources", () => {
    const html = formatHtml(diffSchemas(schema("fia", "1.1.0"), schema("fia", "2.0.0")));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    // Links only within the page (the table of contents and the anchors of the changes).
    expect(html).not.toMatch(/\bsrc=|\bhref="(?!#)/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it("opens with a summary: counts per class, the bump called for, whether the numbers match", () => {
    const report = diffSchemas(schema("fia", "1.1.0"), schema("fia", "2.0.0"));
    const html = formatHtml(report);
    const summary = html.slice(html.indexOf('id="sammanfattning"'), html.indexOf("</section>"));
    expect(summary).toContain(`<span class="badge breaking">Brytande</span></th><td>${report.counts.breaking}</td>`);
    expect(summary).toContain(`<span class="badge compatible">Kompatibel</span></th><td>${report.counts.compatible}</td>`);
    expect(summary).toContain(`<span class="badge wording">Endast formulering</span></th><td>${report.counts.wording}</td>`);
    expect(summary).toContain("<strong>Ändringarna kräver:</strong> major (ny huvudversion)");
    expect(summary).toContain("✓ Stämmer");
    // The summary comes before the first item.
    expect(html.indexOf('id="sammanfattning"')).toBeLessThan(html.indexOf('class="item'));
  });

  it("says so in words when the declared numbers do not match", () => {
    const html = formatHtml(diffSchemas(base(), changed("1.0.1", (_s, d) => void (d.del!.properties.antal!.maximum = 10))));
    expect(html).toContain('<p class="verdict bad">');
    expect(html).toContain("✗ Stämmer inte");
    expect(html).toContain("kräver en major (ny huvudversion)");
  });

  it("shows old on the left and new on the right, with changes marked by a word as well as colour", () => {
    const html = formatHtml(
      diffSchemas(
        base(),
        changed("2.0.0", (_s, d) => {
          d.del!.properties.antal!.maximum = 50;
          d.skala!.oneOf = [{ const: "ofta", title: "Ofta" }, { const: "ibland", title: "Ibland" }, { const: "sallan", title: "Sällan" }];
        }),
      ),
    );
    const antal = html.slice(html.indexOf("<h3>Antal"), html.indexOf("</article>", html.indexOf("<h3>Antal")));
    expect(antal).toMatch(/<th scope="col">Före \(1\.0\.0\)<\/th><th scope="col">Efter \(2\.0\.0\)<\/th>/);
    const [left, right] = antal.split("</td><td>");
    expect(left).toContain('<dd class="diff">100<span class="mark">(ändrad)</span></dd>');
    expect(right).toContain('<dd class="diff">50<span class="mark">(ändrad)</span></dd>');
    expect(antal).toContain('<span class="badge breaking">Brytande</span> Högsta värde: 100 → 50.');
    const svar = html.slice(html.indexOf("<h3>Hur ofta?"), html.indexOf("</article>", html.indexOf("<h3>Hur ofta?")));
    expect(svar).toContain("<del><code>aldrig</code> — Aldrig</del><span class=\"mark\">(tas bort)</span>");
    expect(svar).toContain("<ins><code>sallan</code> — Sällan</ins><span class=\"mark\">(ny)</span>");
  });

  it("text and HTML report the same changes", () => {
    const report = diffSchemas(base(), changed("2.0.0", (_s, d) => void (d.del!.properties.antal!.maximum = 50)));
    expect(formatText(report)).toContain("[BRYTANDE] Högsta värde: 100 → 50.");
    expect(formatHtml(report)).toContain("Högsta värde: 100 → 50.");
  });

  it("the text report keeps control characters from a schema out of the terminal", () => {
    const text = formatText(diffSchemas(base(), changed("1.0.1", (_s, d) => void (d.del!.properties.svar!.title = "Hur\u001b[2J ofta?\nFalsk rad"))));
    expect(text).not.toMatch(/\u001b/);
    expect(text).toContain("Hur [2J ofta? Falsk rad");
    expect(text.split("\n").some((l) => l.startsWith("Falsk rad"))).toBe(false);
  });
});
