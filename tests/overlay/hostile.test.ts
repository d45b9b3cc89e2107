import { describe, expect, it } from "vitest";
import { checkOverlay, applyOverlay } from "../../engine/overlay/overlay.ts";
import { rebaseOverlay } from "../../engine/overlay/rebase.ts";
import { brief, fia, fiaOverlay } from "./helpers.ts";

const fiaCheck = (overlay: unknown) => checkOverlay(overlay, fia);

/** JSON text nested `depth` levels, parsed (building it recursively would be the crash we test against). */
function nested(depth: number, open: string, close: string, inner = "1"): unknown {
  return JSON.parse(open.repeat(depth) + inner + close.repeat(depth));
}

describe("hostile overlays get clear violations, never a crash", () => {
  it("not an object at all", () => {
    for (const input of [null, [], "fia", 42, true]) {
      const v = fiaCheck(input);
      expect(brief(v)).toEqual([" format"]);
      expect(v[0]!.message).toBe("ska vara ett objekt");
    }
  });

  it("huge: too many operations is refused by the format, quickly", () => {
    const started = Date.now();
    const v = fiaCheck(fiaOverlay({ hide: Array.from({ length: 100_000 }, (_, i) => `intervju.x${i}`) }));
    expect(brief(v)).toEqual(["/hide format"]);
    expect(v[0]!.message).toBe("för många poster (högst 500)");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("huge: more values than an overlay can hold stops the scan before anything else reads it", () => {
    const v = fiaCheck({ ...fiaOverlay(), junk: Array.from({ length: 250_000 }, () => 0) });
    expect(v.map((x) => x.message)).toEqual(["overlayn är för stor (mer än 200000 värden)"]);
  });

  it("huge: a local item schema with more than 500 subschemas", () => {
    const properties = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`f${i}`, { type: "string" }]));
    const v = fiaCheck(fiaOverlay({ addItems: [{ key: "stor", schema: { type: "object", additionalProperties: false, properties } }] }));
    expect(brief(v)).toEqual(["/addItems/0/schema lokalt-schema"]);
  });

  it("huge: very long texts and paths", () => {
    expect(brief(fiaCheck(fiaOverlay({ title: "x".repeat(10_000) })))).toEqual(["/title format"]);
    expect(brief(fiaCheck(fiaOverlay({ relabel: { ["a.".repeat(500) + "a"]: "x" } })))).toEqual(["/relabel format"]);
    expect(brief(fiaCheck(fiaOverlay({ hide: ["a.".repeat(200) + "a"] })))).toEqual(["/hide/0 format"]); // > 300 characters
    expect(brief(fiaCheck(fiaOverlay({ hide: ["a.".repeat(140) + "a"] })))).toEqual(["/hide/0 sokvag"]); // 281: not in fia
  });

  it("deeply nested: 100 000 levels inside a local item", () => {
    const deep = nested(100_000, '{"items":', "}", '{"type":"string"}');
    const v = fiaCheck(fiaOverlay({ addItems: [{ key: "djup", schema: deep as Record<string, unknown> }] }));
    expect(v).toHaveLength(1);
    expect(v[0]!.rule).toBe("format");
    expect(v[0]!.message).toBe("overlayn är nästlad djupare än 40 nivåer");
  });

  it("deeply nested: a million levels of arrays anywhere", () => {
    const v = fiaCheck({ ...fiaOverlay(), junk: nested(1_000_000, "[", "]") });
    expect(v.map((x) => x.message)).toEqual(["overlayn är nästlad djupare än 40 nivåer"]);
    expect(rebaseOverlay({ ...fiaOverlay(), junk: nested(1_000_000, "[", "]") }, fia, fia).violations).toHaveLength(1);
  });

  it("deeply nested: a local item within the overlay's depth but deeper than a local item may be", () => {
    let schema: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 10; i++) schema = { type: "array", items: schema };
    expect(brief(fiaCheck(fiaOverlay({ addItems: [{ key: "djup", schema }] })))).toEqual([
      "/addItems/0/schema/items/items/items/items/items/items/items lokalt-schema",
    ]);
  });

  it("prototype-polluting keys as keys anywhere in the overlay", () => {
    const input = JSON.parse(`{
      "name": "test", "title": "T", "base": "fia@1.0.0",
      "relabel": { "__proto__": "x" },
      "addItems": [{ "key": "ok", "schema": { "type": "object", "additionalProperties": false, "properties": { "constructor": { "type": "string" } } } }],
      "restrictOptions": { "prototype": ["x"] }
    }`);
    const v = fiaCheck(input);
    expect(brief(v)).toEqual(["/relabel/__proto__ otillaten-nyckel", "/addItems/0/schema/properties/constructor otillaten-nyckel", "/restrictOptions/prototype otillaten-nyckel"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("prototype-polluting keys inside paths and local keys", () => {
    const v = fiaCheck(
      fiaOverlay({
        hide: ["__proto__.polluted", "intervju.constructor"],
        help: { "constructor.prototype": "x" },
        addItems: [{ key: "constructor", schema: { type: "string" } }],
      }),
    );
    expect(brief(v)).toEqual(["/hide/0 otillaten-nyckel", "/hide/1 otillaten-nyckel", "/addItems/0/key otillaten-nyckel", "/help/constructor.prototype otillaten-nyckel"]);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });

  it("HTML in labels stays text: the schema carries the string as it is", () => {
    const html = '<script>alert("x")</script><b onclick="alert(1)">Fet</b> &amp;';
    const r = applyOverlay(
      fiaOverlay({
        title: html,
        relabel: { "intervju.arendereferens": html },
        help: { "intervju.datum": html },
        addItems: [{ key: "fraga", schema: { type: "string", maxLength: 10, title: html } }],
      }),
      fia,
    );
    expect(r.violations).toEqual([]);
    const s = r.schema! as any;
    expect(s.$defs.intervju.properties.arendereferens.title).toBe(html);
    expect(s.$defs.intervju.properties.datum["x-ui"].help).toBe(html);
    expect(s.$defs.lokalt.properties.fraga.title).toBe(html);
    expect(s["x-instrument"].title).toBe(`FIA – förutsättningar inför arbete – ${html}`);
  });

  it("a catastrophic regular expression in a local item is refused, and says why", () => {
    const started = Date.now();
    const v = fiaCheck(
      fiaOverlay({
        addItems: [
          { key: "kod", schema: { type: "string", pattern: "^(a+)+$" } },
          { key: "grupp", schema: { type: "object", additionalProperties: false, patternProperties: { "^(a|a)*$": { type: "string" } } } },
        ],
      }),
    );
    expect(brief(v)).toEqual(["/addItems/0/schema/pattern lokalt-schema", "/addItems/1/schema/patternProperties lokalt-schema"]);
    expect(v[0]!.message).toContain("reguljärt uttryck");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a local item cannot reach into the national schema or carry rules", () => {
    const v = fiaCheck(
      fiaOverlay({
        addItems: [
          { key: "ref", schema: { $ref: "#/$defs/omfattning" } },
          { key: "regler", schema: { type: "string", "x-rules": [] } },
          { key: "oppen", schema: { type: "object", properties: { a: { type: "string" } } } },
          { key: "format", schema: { type: "string", format: "regex" } },
        ],
      }),
    );
    expect(brief(v)).toEqual([
      "/addItems/0/schema/$ref lokalt-schema",
      "/addItems/0/schema lokalt-schema", // no type
      "/addItems/1/schema/x-rules lokalt-schema",
      "/addItems/2/schema lokalt-schema", // additionalProperties: false missing
      "/addItems/3/schema/format lokalt-schema",
    ]);
  });

  it("control characters in names do not reach the output", () => {
    const v = fiaCheck(fiaOverlay({ hide: ["intervju.x\u001b[31m\nrad"] }));
    expect(v).toHaveLength(1);
    expect(v[0]!.message).not.toMatch(/[\u0000-\u001f]/);
  });
});
