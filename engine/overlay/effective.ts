import { deref, uiOf } from "../schema/walk.ts";
import { instrumentOf, refOf } from "../schema/registry.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { LOCAL_NAMESPACE } from "./local.ts";
import { ITEMS, locate, optionCodes, sameJson } from "./paths.ts";
import type { Plan } from "./check.ts";

const DEFS_PREFIX = "#/$defs/";
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The `$id` of a variant's effective schema: the base's, with `/variants/<name>`. */
export function variantId(base: JsonSchema, name: string): string {
  return `${String(base.$id)}/variants/${name}`;
}

/**
 * Edits a copy of the base schema. Sections and shared types live in `$defs` and are referenced
 * from many places (every FIA life area uses `#/$defs/omfattning`), so a change at one answer path
 * must not leak to the others: before a `$def` on the way is changed it is copied when anything
 * else refers to it (copy on write), and the path is pointed at the copy.
 */
class Editor {
  private counts: Map<string, number> | undefined;

  constructor(
    readonly root: JsonSchema,
    private readonly variant: string,
  ) {}

  private defs(): Record<string, JsonSchema> {
    if (!isSchemaObject(this.root.$defs)) this.root.$defs = {};
    return this.root.$defs as Record<string, JsonSchema>;
  }

  private refCounts(): Map<string, number> {
    if (this.counts) return this.counts;
    const counts = new Map<string, number>();
    const stack: unknown[] = [this.root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (isSchemaObject(node)) {
        if (typeof node.$ref === "string" && node.$ref.startsWith(DEFS_PREFIX)) {
          const name = node.$ref.slice(DEFS_PREFIX.length);
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
        stack.push(...Object.values(node));
      }
    }
    this.counts = counts;
    return counts;
  }

  /** The concrete schema behind a node (following `$ref`s), copied first where it is shared. */
  private concrete(node: JsonSchema): JsonSchema {
    let current = node;
    for (let hops = 0; typeof current.$ref === "string"; hops++) {
      if (hops > 32 || !current.$ref.startsWith(DEFS_PREFIX)) throw new Error(`Kan inte följa $ref ${current.$ref}`);
      const defs = this.defs();
      let name = current.$ref.slice(DEFS_PREFIX.length);
      if (!hasOwn(defs, name)) throw new Error(`$ref pekar på något som inte finns: ${current.$ref}`);
      if ((this.refCounts().get(name) ?? 0) > 1) {
        let copy = `${name}-${this.variant}`;
        for (let i = 2; hasOwn(defs, copy); i++) copy = `${name}-${this.variant}-${i}`;
        defs[copy] = structuredClone(defs[name]!);
        current.$ref = DEFS_PREFIX + copy;
        name = copy;
        this.counts = undefined;
      }
      current = defs[name]!;
    }
    return current;
  }

  /**
   * The node at a path: `holder` is where the path's parent refers to it (a property entry or
   * `items`; title and x-ui set here override the referenced definition's), `target` the
   * concrete schema, exclusive to this path.
   */
  own(segments: readonly string[]): { holder: JsonSchema; target: JsonSchema } {
    let holder = this.root;
    let target = this.root;
    for (const seg of segments) {
      holder = this.child(target, seg);
      target = this.concrete(holder);
    }
    return { holder, target };
  }

  /** Only the holder: its parent is made exclusive, the node itself is not copied. */
  holder(segments: readonly string[]): JsonSchema {
    if (segments.length === 0) return this.root;
    const { target } = this.own(segments.slice(0, -1));
    return this.child(target, segments[segments.length - 1]!);
  }

  private child(parent: JsonSchema, seg: string): JsonSchema {
    const next = seg === ITEMS ? parent.items : isSchemaObject(parent.properties) && hasOwn(parent.properties, seg) ? parent.properties[seg] : undefined;
    if (!isSchemaObject(next)) throw new Error(`Sökvägen finns inte (${seg})`);
    return next;
  }
}

function ui(node: JsonSchema): Record<string, unknown> {
  if (!isSchemaObject(node["x-ui"])) node["x-ui"] = {};
  return node["x-ui"] as Record<string, unknown>;
}

function without(list: unknown, name: string): unknown {
  return Array.isArray(list) ? list.filter((x) => x !== name) : list;
}

/** The effective schema of a checked overlay: a new schema object, the base is not changed. */
export function buildEffective(plan: Plan, base: JsonSchema): JsonSchema {
  const { overlay } = plan;
  const info = instrumentOf(base);
  const root = structuredClone(base);
  const ed = new Editor(root, overlay.name);

  // Identity: a $id of its own, the base's instrument and version (answers stay traceable to
  // the national version through meta.schema), the variant in meta.variant.
  root.$id = variantId(base, overlay.name);
  const title = `${info.title} – ${overlay.title}`;
  root.title = typeof base.title === "string" ? `${base.title} – ${overlay.title}` : title;
  root["x-instrument"] = { ...(root["x-instrument"] as object), title };
  root.$comment = `Effektivt schema för den lokala varianten ${overlay.name} av ${refOf(base)}, skapat av blankett overlay apply. Ändra overlayn, inte den här filen.`;
  if (overlay.description) root.description = overlay.description;

  const meta = ed.own(["meta"]).target;
  const metaProps = (isSchemaObject(meta.properties) ? meta.properties : (meta.properties = {})) as Record<string, JsonSchema>;
  const previous = isSchemaObject(metaProps.variant) ? metaProps.variant : {};
  metaProps.variant = { const: overlay.name, title: typeof previous.title === "string" ? previous.title : "Lokal variant" };
  const metaRequired = Array.isArray(meta.required) ? (meta.required as string[]) : [];
  if (!metaRequired.includes("variant")) meta.required = [...metaRequired, "variant"];
  const metaOrder = ui(meta).order;
  if (Array.isArray(metaOrder) && !metaOrder.includes("variant")) ui(meta).order = [...metaOrder, "variant"];

  if (plan.local.length > 0) addLocalSection(root, plan);

  for (const h of plan.hide) {
    const parentPath = h.segments.slice(0, -1);
    const key = h.segments[h.segments.length - 1]!;
    const { holder, target } = ed.own(parentPath);
    delete (target.properties as Record<string, unknown>)[key];
    for (const node of holder === target ? [target] : [target, holder]) {
      if (!isSchemaObject(node["x-ui"])) continue;
      const hints = ui(node);
      if (hints.order !== undefined) hints.order = without(hints.order, key);
    }
    // A row property shown as a table column: the table stops showing it.
    if (parentPath[parentPath.length - 1] === ITEMS) {
      const table = ed.own(parentPath.slice(0, -1));
      for (const node of [table.holder, table.target]) {
        if (isSchemaObject(node["x-ui"]) && Array.isArray(node["x-ui"].columns)) ui(node).columns = without(ui(node).columns, key);
      }
    }
  }

  for (const r of plan.relabel) ed.holder(r.segments).title = r.title;
  for (const h of plan.help) ui(ed.holder(h.segments)).help = h.text;

  for (const r of plan.restrict) {
    const found = locate(root, r.segments)!;
    const options = optionCodes(root, found.schema)!;
    const holder = ed.holder(options.multiple ? [...r.segments, ITEMS] : r.segments);
    restrict(root, holder, r.keep);
  }

  // After the restrictions: a default is checked against the kept options.
  for (const d of plan.defaults) ed.holder(d.segments).default = structuredClone(d.value);

  for (const r of plan.reorder) {
    const { holder, target } = ed.own(r.segments);
    const names = Object.keys(isSchemaObject(target.properties) ? target.properties : {});
    // Listed names first, then the rest in the order they had (unlisted ones keep their place relative to each other).
    const current = uiOf(deref(root, holder)).order ?? names;
    const rest = [...current, ...names].filter((n, i, all) => !r.order.includes(n) && all.indexOf(n) === i);
    const order = [...r.order, ...rest];
    ui(target).order = order.filter((n) => names.includes(n));
    if (holder !== target && isSchemaObject(holder["x-ui"])) delete (holder["x-ui"] as Record<string, unknown>).order;
  }
  return root;
}

/**
 * Keeps only the listed codes. The options stay on the node that refers to the shared list
 * (`{ "$ref": "#/$defs/omfattning", "oneOf": [kept] }`): it validates as both, i.e. the subset,
 * and everything that reads options through `deref` sees the subset with its national labels.
 */
function restrict(root: JsonSchema, holder: JsonSchema, keep: unknown[]): void {
  const s = deref(root, holder);
  const kept = (c: unknown) => keep.some((k) => sameJson(k, c));
  if (Array.isArray(s.oneOf)) holder.oneOf = (s.oneOf as JsonSchema[]).filter((o) => kept(o.const)).map((o) => structuredClone(o));
  else if (Array.isArray(s.enum)) holder.enum = s.enum.filter(kept);
  if (holder.default !== undefined && !kept(holder.default)) delete holder.default;
}

/** The local namespace: one section `lokalt` (declared in $defs like every section) holding the local items. */
function addLocalSection(root: JsonSchema, plan: Plan): void {
  const defs = root.$defs as Record<string, JsonSchema>;
  let defName = LOCAL_NAMESPACE;
  for (let i = 2; hasOwn(defs, defName); i++) defName = `${LOCAL_NAMESPACE}-${i}`;
  const required = plan.local.filter((i) => i.required).map((i) => i.key);
  const props = root.properties as Record<string, JsonSchema>;
  // Guided interviews (FIA) show one section per step: the local section is a step too.
  const guided = Object.values(props).some((p) => isSchemaObject(p) && (deref(root, p)["x-ui"] as Record<string, unknown> | undefined)?.step === true);
  defs[defName] = {
    type: "object",
    title: "Lokala frågor",
    description: `Frågor som bara finns i den lokala varianten ${plan.overlay.name}. De ingår inte i den nationella versionen och läses aldrig av nationella regler eller indikatorer.`,
    additionalProperties: false,
    ...(required.length > 0 ? { required } : {}),
    properties: Object.fromEntries(plan.local.map((item) => [item.key, structuredClone(item.schema)])),
    "x-ui": { order: plan.local.map((item) => item.key), ...(guided ? { step: true } : {}) },
  };
  props[LOCAL_NAMESPACE] = { $ref: `#/$defs/${defName}` };
  if (required.length > 0) root.required = [...(Array.isArray(root.required) ? root.required : []), LOCAL_NAMESPACE];
  const hints = ui(root);
  if (Array.isArray(hints.order)) hints.order = [...hints.order, LOCAL_NAMESPACE];
}
