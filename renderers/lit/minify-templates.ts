import ts from "typescript";
import type { Plugin } from "vite";

/**
 * The text of the components' `html` and `css` templates, written indented for people, goes into
 * the bundles as it is: a minifier never touches a template literal. This build step collapses
 * it where the browser reads it the same:
 *   html  every run of white space with a line break → one space (HTML collapses white space
 *         between elements and in text alike; no template has <pre> or text in a <textarea>);
 *   css   comments dropped; every run of white space → one space, none around { } ; , > nor
 *         after a colon — never inside a quoted string (`content: ": "`).
 * Only the literal text between `${…}` is changed; expressions, and every other string, stay.
 */
const TAGS = new Set(["html", "css"]);

function minifyHtml(text: string): string {
  return text.replace(/[ \t]*\r?\n\s*/g, " ");
}

function minifyCss(text: string): string {
  return text
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, "")
            .replace(/\s+/g, " ")
            .replace(/ ?([{};,>]) ?/g, "$1")
            .replace(/: /g, ":"),
    )
    .join("");
}

/** The source with its `html`/`css` template text collapsed; the same source when there is none. */
export function minifyTemplates(code: string, fileName = "source.ts"): string {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const literal = (node: ts.Node, minify: (s: string) => string) => {
    // The text between the delimiters: ` or } before it, ` or ${ after it.
    const start = node.getStart(file) + 1;
    const closing = ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateTail(node) ? 1 : 2;
    const end = node.getEnd() - closing;
    const raw = code.slice(start, end);
    const text = minify(raw);
    if (text !== raw) edits.push({ start, end, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const minify = node.tag.text === "css" ? minifyCss : minifyHtml;
      const t = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) literal(t, minify);
      else {
        literal(t.head, minify);
        for (const span of t.templateSpans) literal(span.literal, minify);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!edits.length) return code;
  let out = "";
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    out += code.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + code.slice(at);
}

/** The build step for the components' own sources (renderers/lit/src). */
export function minifyTemplatesPlugin(): Plugin {
  return {
    name: "blankett-minify-templates",
    enforce: "pre",
    transform(code, id) {
      if (!/[/\\]renderers[/\\]lit[/\\]src[/\\].*\.ts$/.test(id)) return null;
      const out = minifyTemplates(code, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}
