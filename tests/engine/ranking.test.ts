import { describe, expect, it } from "vitest";
import { applyRanking, buildFormModel, lintSchema, rankingView, type FormNode, type JsonSchema } from "../../engine/compiler.ts";
import { schema } from "../helpers.ts";

const OPTIONS = [
  { code: "boende", label: "Boende" },
  { code: "hemma", label: "Situationen hemma" },
  { code: "skulder", label: "Skulder" },
  { code: "arbete", label: "Arbete" },
];
const ID = "f-rank";

describe("ranking widget logic", () => {
  it("adds at the end, announces the place and keeps focus in the options", () => {
    const out = applyRanking(ID, OPTIONS, ["skulder"], "add", "boende");
    expect(out).toEqual({ value: ["skulder", "boende"], focus: "f-rank-add-1", announce: "Boende är nu nummer 2 av 2." });
    // The last option left: focus goes back to the previous one still to choose.
    expect(applyRanking(ID, OPTIONS, ["boende"], "add", "arbete")?.focus).toBe("f-rank-add-2");
    // Nothing left to choose: focus goes to the added item.
    expect(applyRanking(ID, OPTIONS, ["boende", "hemma", "skulder"], "add", "arbete")?.focus).toBe("f-rank-remove-3");
  });

  it("moves up and down, following the item; at an end the other button takes focus", () => {
    const list = ["boende", "hemma", "skulder"];
    expect(applyRanking(ID, OPTIONS, list, "up", "skulder")).toEqual({ value: ["boende", "skulder", "hemma"], focus: "f-rank-up-2", announce: "Skulder är nu nummer 2 av 3." });
    expect(applyRanking(ID, OPTIONS, ["boende", "skulder", "hemma"], "up", "skulder")).toEqual({ value: ["skulder", "boende", "hemma"], focus: "f-rank-down-2", announce: "Skulder är nu nummer 1 av 3." });
    expect(applyRanking(ID, OPTIONS, list, "down", "hemma")).toEqual({ value: ["boende", "skulder", "hemma"], focus: "f-rank-up-1", announce: "Situationen hemma är nu nummer 3 av 3." });
    expect(applyRanking(ID, OPTIONS, list, "up", "boende")).toBeNull();
    expect(applyRanking(ID, OPTIONS, list, "down", "skulder")).toBeNull();
  });

  it("removes, focusing the item that took its place, else the one before, else its own add button", () => {
    expect(applyRanking(ID, OPTIONS, ["boende", "hemma", "skulder"], "remove", "hemma")).toEqual({ value: ["boende", "skulder"], focus: "f-rank-remove-2", announce: "Situationen hemma är borttagen. 2 kvar i listan." });
    expect(applyRanking(ID, OPTIONS, ["boende", "hemma"], "remove", "hemma")?.focus).toBe("f-rank-remove-0");
    expect(applyRanking(ID, OPTIONS, ["skulder"], "remove", "skulder")).toEqual({ value: [], focus: "f-rank-add-2", announce: "Skulder är borttagen. Listan är tom." });
  });

  it("refuses what would change nothing or break the list's limits", () => {
    expect(applyRanking(ID, OPTIONS, ["boende"], "add", "boende")).toBeNull();
    expect(applyRanking(ID, OPTIONS, ["boende"], "add", "okand")).toBeNull();
    expect(applyRanking(ID, OPTIONS, ["boende", "hemma"], "add", "skulder", 2)).toBeNull();
    expect(applyRanking(ID, OPTIONS, [], "remove", "boende")).toBeNull();
  });

  it("shows a code that is no option (from another version) by its code, so it can be removed", () => {
    const view = rankingView(OPTIONS, ["gammal", "skulder"]);
    expect(view.chosen).toEqual([
      { code: "gammal", label: "gammal", index: 4 },
      { code: "skulder", label: "Skulder", index: 2 },
    ]);
    expect(view.rest.map((r) => r.code)).toEqual(["boende", "hemma", "arbete"]);
    expect(applyRanking(ID, OPTIONS, ["gammal"], "remove", "gammal")).toEqual({ value: [], focus: ID, announce: "gammal är borttagen. Listan är tom." });
  });

  it("every FIA version asks for the client's ranking with the ranking widget", () => {
    for (const version of ["1.0.0", "1.1.0", "2.0.0"]) {
      const model = buildFormModel(schema("fia", version) as JsonSchema);
      const section = model.sections.find((s) => s.key === "sammanstallning")!;
      const node = section.children!.find((c: FormNode) => c.key === "klientensRangordning")!;
      expect(node.widget).toBe("ranking");
      expect(node.options!.length).toBeGreaterThanOrEqual(12);
    }
  });

  it("lint rejects the ranking widget on a question that is not a list of options", () => {
    const bad = structuredClone(schema("fia", "1.0.0")) as JsonSchema;
    const props = (bad.$defs as Record<string, JsonSchema>).sammanstallning!.properties as Record<string, JsonSchema>;
    props.kommentar!["x-ui"] = { widget: "ranking" };
    const issues = lintSchema(bad);
    expect(issues).toEqual([
      { at: "/$defs/sammanstallning/properties/kommentar/x-ui/widget", message: "x-ui.widget ”ranking” passar bara en lista (array med uniqueItems) vars värden är kodade alternativ" },
    ]);
  });
});
