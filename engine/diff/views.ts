import { choiceOptions, uiOf } from "../schema/walk.ts";
import type { JsonSchema } from "../schema/types.ts";
import { effectiveOrder, facetsOf, type FieldNode } from "./fields.ts";
import type { ItemView } from "./types.ts";

/** An item as a reviewer sees it: label, options, constraints, help, condition, other hints. */
export function itemView(root: JsonSchema, node: FieldNode): ItemView {
  const facets = facetsOf(root, node);
  const ui = { ...(uiOf(node.schema) as Record<string, unknown>) };
  const view: ItemView = {
    pointer: node.pointer,
    label: node.label,
    kind: node.kind,
    required: node.required,
    constraints: { ...facets.constraints },
    hints: {},
  };
  if (facets.type) view.type = facets.type.join(" | ");
  if (facets.hasConst) view.constraints.const = facets.const;
  for (const [k, v] of Object.entries(facets.other)) view.constraints[k] = v;
  const options = facets.options ?? (node.kind === "multichoice" ? choiceOptions(root, node.schema.items as JsonSchema) : undefined);
  if (options) view.options = options.map((o) => ({ code: o.code, label: o.label }));
  if (typeof ui.help === "string") view.help = ui.help;
  if (typeof node.schema.description === "string") view.description = node.schema.description;
  if (ui.visibleWhen !== undefined) view.visibleWhen = ui.visibleWhen;
  for (const [k, v] of Object.entries(ui)) if (k !== "help" && k !== "visibleWhen" && k !== "order") view.hints[k] = v;
  if (node.children.length) view.children = effectiveOrder(node);
  return view;
}
