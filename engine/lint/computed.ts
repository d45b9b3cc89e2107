import { joinPointer } from "../schema/pointer.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { walkSchema } from "../schema/traverse.ts";

/**
 * `x-ui.computedFrom: "<rule id>"` makes the form write a value rule's result into a field
 * (engine/form/computed.ts). Checked here, with the schema's own rules:
 * - the rule exists and is a value rule (a check has findings, not a value; a table or category
 *   rule has a value of its own kind, but the field is meant for one plain value);
 * - the field is readonly: a value the person could type would be overwritten on every change;
 * - the field is not in a table row: a rule has one result per document, not one per row.
 * The walk follows `$ref`s from the root through properties and items only, so every field an
 * answer can have is seen once as a document field and once as a row field at most.
 */
export function computedFromIssues(root: JsonSchema): Array<{ at: string; message: string }> {
  const issues: Array<{ at: string; message: string }> = [];
  const rules = new Map<string, unknown>();
  if (Array.isArray(root["x-rules"])) for (const r of root["x-rules"]) if (isSchemaObject(r) && typeof r.id === "string") rules.set(r.id, r.kind);

  walkSchema<boolean>(
    root,
    (node, place) => {
      if (!isSchemaObject(node)) return;
      const inRow = place.context || place.keyword === "items";
      const ui = node["x-ui"];
      if (isSchemaObject(ui) && typeof ui.computedFrom === "string") {
        const at = joinPointer(place.pointer, "x-ui", "computedFrom");
        const id = ui.computedFrom;
        if (!rules.has(id)) issues.push({ at, message: `x-ui.computedFrom nämner regeln ”${id}”, som inte finns i x-rules` });
        else if (rules.get(id) !== "value") issues.push({ at, message: `x-ui.computedFrom nämner regeln ”${id}”, som inte är en värderegel (kind "value")` });
        if (ui.readonly !== true) issues.push({ at, message: `Ett fält som fylls i från regeln ”${id}” måste vara skrivskyddat (x-ui.readonly: true), annars skrivs det som fylls i över` });
        if (inRow) issues.push({ at, message: `x-ui.computedFrom går inte i en tabellrad: regeln ”${id}” har ett värde för hela dokumentet, inte ett per rad` });
      }
      return { context: inRow };
    },
    { refs: "follow", keywords: ["$ref", "properties", "items"], context: false, onceKey: (inRow) => String(inRow) },
  );
  return issues;
}
