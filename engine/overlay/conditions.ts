import { readPaths } from "../rules/logic/compile.ts";
import { walkSchema } from "../schema/traverse.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { ITEMS, readPathSegments } from "./paths.ts";

export interface ConditionRead {
  /** The item whose `x-ui.visibleWhen` reads `read`. */
  item: string[];
  read: string[];
}

/**
 * Which items' display conditions read which answers. Hiding an item that a condition reads would
 * leave the dependent question with a condition on nothing (and the schema would fail lint).
 * `row.x` inside a table row is the same row's `x`.
 */
export function conditionReads(root: JsonSchema): ConditionRead[] {
  const out: ConditionRead[] = [];
  walkSchema<{ segments: string[]; row: string[] | undefined }>(
    root,
    (s, place) => {
      if (!isSchemaObject(s)) return "skip";
      let { segments, row } = place.context;
      if (place.keyword === "properties") segments = [...segments, String(place.key)];
      else if (place.keyword === "items") row = segments = [...segments, ITEMS];
      const ui = s["x-ui"];
      if (isSchemaObject(ui) && ui.visibleWhen !== undefined) {
        for (const p of readPaths(ui.visibleWhen)) {
          if (p.startsWith("row.")) {
            if (row) out.push({ item: segments, read: [...row, ...readPathSegments(p.slice(4))] });
          } else out.push({ item: segments, read: readPathSegments(p) });
        }
      }
      return { context: { segments, row } };
    },
    { refs: "merge", keywords: ["properties", "items"], once: false, context: { segments: [], row: undefined } },
  );
  return out;
}
