import { refOf } from "../schema/registry.ts";
import { escapeSegment } from "../schema/pointer.ts";
import { isSchemaObject, type JsonSchema } from "../schema/types.ts";
import { conditionReads } from "./conditions.ts";
import { formatViolations } from "./format.ts";
import { LOCAL_KEY, LOCAL_NAMESPACE, localItemViolations } from "./local.ts";
import { ITEMS, formatPath, locate, optionCodes, overlaps, parseAnswerPath, requiredNames, sameJson, shown, typeOf, type Located } from "./paths.ts";
import { valueFits } from "./value.ts";
import { scanOverlay } from "./scan.ts";
import { scoredPaths } from "./scored.ts";
import type { LocalItem, Overlay, OverlayContext, Violation } from "./types.ts";

/** One operation that passed its checks, with its target as segments and its place in the overlay. */
export interface Target {
  segments: string[];
  pointer: string;
}

/** An overlay whose every operation passed: what the effective-schema builder needs. */
export interface Plan {
  overlay: Overlay;
  hide: Target[];
  /** Local items in their final order (positions applied). */
  local: LocalItem[];
  relabel: Array<Target & { title: string }>;
  help: Array<Target & { text: string }>;
  reorder: Array<Target & { order: string[] }>;
  restrict: Array<Target & { keep: unknown[] }>;
  /** Local default answers of optional national items, checked against the item (and its kept options). */
  defaults: Array<Target & { value: unknown }>;
}

export interface CheckOptions extends OverlayContext {
  /** Rebase: the overlay was written for another version of the same instrument; do not require `base` to match. */
  otherBase?: boolean;
  /** The overlay's file name: `<name>.overlay.json`, under `<instrument>/variants/` when it is there. */
  fileName?: string;
}

/**
 * What can be said about an overlay without its base: the safety scan (depth, size, prototype
 * keys) and the format. Nothing else may read the overlay until this is empty.
 */
export function shapeViolations(input: unknown): Violation[] {
  const scan = scanOverlay(input);
  if (scan.fatal || scan.violations.length > 0) return scan.violations;
  return formatViolations(input);
}

/** The file name agrees with the overlay, as a schema's file name agrees with its $id. */
function fileNameViolations(overlay: Overlay, fileName: string): Violation[] {
  const norm = fileName.replace(/\\/g, "/");
  const out: Violation[] = [];
  const file = /([^/]+)\.overlay\.json$/.exec(norm);
  if (file && file[1] !== overlay.name) out.push({ pointer: "/name", rule: "format", message: `namnet ”${overlay.name}” stämmer inte med filnamnet ${shown(file[0])}` });
  const dir = /(?:^|\/)([a-z][a-z0-9-]*)\/variants\/[^/]+$/.exec(norm);
  const instrument = overlay.base.split("@")[0];
  if (dir && dir[1] !== instrument) out.push({ pointer: "/base", rule: "grundversion", message: `overlayn ligger bland varianterna av ${dir[1]} men bygger på ${overlay.base}` });
  return out;
}

/** Local items' conditions; none when a local item cannot be walked (a `$ref`: refused as lokalt-schema anyway). */
function localConditions(view: JsonSchema) {
  try {
    return conditionReads(view);
  } catch {
    return [];
  }
}

const mapPointer = (op: string, path: string) => `/${op}/${escapeSegment(path)}`;

/** What a violation about a local item names: its answer path (when the key is a plain name) and its title. */
export function localAbout(item: LocalItem): { path?: string; label?: string } {
  const title = isSchemaObject(item.schema) ? item.schema.title : undefined;
  return {
    ...(typeof item.key === "string" && LOCAL_KEY.test(item.key) ? { path: `${LOCAL_NAMESPACE}.${item.key}` } : {}),
    ...(typeof title === "string" ? { label: title } : {}),
  };
}

/**
 * Checks an overlay against its base version, rule by rule (see RULES). Returns every violation,
 * and the plan when there is none. The overlay is untrusted JSON: it is scanned (depth, size,
 * prototype keys) and checked against the format before anything else reads it.
 */
export function planOverlay(input: unknown, base: JsonSchema, options: CheckOptions = {}): { violations: Violation[]; plan?: Plan } {
  const shape = shapeViolations(input);
  if (shape.length > 0) return { violations: shape };
  const overlay = input as Overlay;
  const v: Violation[] = [];
  const baseRef = refOf(base);
  const baseName = baseRef.split("@")[0]!;
  if (overlay.base.split("@")[0] !== baseName || (!options.otherBase && overlay.base !== baseRef)) {
    v.push({ pointer: "/base", rule: "grundversion", message: `overlayn är skriven för ${overlay.base} men tillämpas på ${baseRef}` });
    return { violations: v };
  }

  if (options.fileName) v.push(...fileNameViolations(overlay, options.fileName));

  const scored = scoredPaths(base, options.indicators);
  const items = overlay.addItems ?? [];
  // A view of the local namespace, so relabel/help/reorder can address local items too, and so
  // local items' display conditions count when a national item they read is hidden.
  const localView: JsonSchema = {
    type: "object",
    properties: { [LOCAL_NAMESPACE]: { type: "object", properties: Object.fromEntries(items.map((item) => [item.key, item.schema])) } },
  };
  const conditions = [...conditionReads(base), ...localConditions(localView)];
  const plan: Plan = { overlay, hide: [], local: [], relabel: [], help: [], reorder: [], restrict: [], defaults: [] };

  /** Parses a path; reports syntax problems and `meta`. Undefined when the operation cannot go on. */
  const parse = (path: string, pointer: string, allowRoot: boolean): string[] | undefined => {
    const parsed = parseAnswerPath(path);
    if ("error" in parsed) {
      v.push({ pointer, rule: parsed.forbidden ? "otillaten-nyckel" : "sokvag", message: parsed.error });
      return undefined;
    }
    if (parsed.segments.length === 0 && !allowRoot) {
      v.push({ pointer, rule: "sokvag", message: "en tom sökväg (hela dokumentet) går inte att använda här" });
      return undefined;
    }
    if (parsed.segments[0] === "meta") {
      v.push({ pointer, rule: "meta", message: `”${shown(path)}” ligger i meta, som säger vilken version och variant svaren gäller` });
      return undefined;
    }
    return parsed.segments;
  };
  const missing = (path: string, pointer: string) =>
    v.push({ pointer, rule: "sokvag", message: `”${shown(path)}” finns inte i ${baseRef}` });

  // --- hide -------------------------------------------------------------------------------
  const hidden: string[][] = [];
  (overlay.hide ?? []).forEach((path, i) => {
    const pointer = `/hide/${i}`;
    const segments = parse(path, pointer, false);
    if (!segments) return;
    if (segments[0] === LOCAL_NAMESPACE) {
      v.push({ pointer, rule: "sokvag", message: `”${shown(path)}” är en lokal fråga: ta bort den ur addItems i stället för att dölja den` });
      return;
    }
    if (segments[segments.length - 1] === ITEMS) {
      v.push({ pointer, rule: "sokvag", message: `”${shown(path)}” är raderna i en lista: dölj listan (${formatPath(segments.slice(0, -1))}) i stället` });
      return;
    }
    const found = locate(base, segments);
    if (!found || !found.parent) return missing(path, pointer);
    if (hidden.some((h) => overlaps(h, segments))) {
      v.push({ pointer, rule: "motstridiga", message: `”${shown(path)}” är redan dold, eller ligger i eller omfattar en fråga som redan är dold`, path: formatPath(segments) });
      return;
    }
    let ok = true;
    if (requiredNames(base, found.parent).has(found.key!)) {
      v.push({ pointer, rule: "dolj-obligatorisk", message: `”${path}” är obligatorisk i ${baseRef} och får inte döljas`, path: formatPath(segments) });
      ok = false;
    }
    const reader = scored.find((s) => overlaps(s.segments, segments));
    if (reader) {
      v.push({ pointer, rule: "dolj-poangsatt", message: `”${path}” läses av ${reader.source} (${formatPath(reader.segments)}) och får inte döljas`, path: formatPath(segments), reader: reader.reader });
      ok = false;
    }
    hidden.push(segments);
    if (ok) plan.hide.push({ segments, pointer });
  });
  /** A local dependent's title (the base does not know it). */
  const dependentLabel = (item: string[]): { dependentLabel?: string } => {
    if (item[0] !== LOCAL_NAMESPACE) return {};
    const title = locate(localView, item)?.schema.title;
    return typeof title === "string" ? { dependentLabel: title } : {};
  };
  /** The item, or a group containing it, is hidden. */
  const isHidden = (segments: string[]) => hidden.some((x) => x.length <= segments.length && overlaps(x, segments));
  // Conditions are checked once every hidden item is known: a condition on an item that is itself hidden does not count.
  for (const h of plan.hide) {
    const dependent = conditions.find((c) => overlaps(c.read, h.segments) && !isHidden(c.item));
    if (dependent) {
      v.push({
        pointer: h.pointer,
        rule: "dolj-villkor",
        message: `”${formatPath(h.segments)}” styr när ”${formatPath(dependent.item)}” visas och får inte döljas (dölj båda, eller ingen)`,
        path: formatPath(h.segments),
        dependent: formatPath(dependent.item),
        ...dependentLabel(dependent.item),
      });
    }
  }

  // --- addItems ---------------------------------------------------------------------------
  if (items.length > 0 && locate(base, [LOCAL_NAMESPACE])) {
    v.push({ pointer: "/addItems", rule: "lokal-namnrymd", message: `${baseRef} har själv en del som heter ”${LOCAL_NAMESPACE}”; den lokala namnrymden är upptagen` });
  }
  const keys = new Set<string>();
  items.forEach((item, i) => {
    const pointer = `/addItems/${i}`;
    const about = localAbout(item);
    v.push(...localItemViolations(item, pointer).map((x) => ({ ...x, ...about })));
    if (keys.has(item.key)) v.push({ pointer: pointer + "/key", rule: "lokal-namnrymd", message: `den lokala frågan ”${shown(item.key)}” finns redan`, ...about });
    keys.add(item.key);
  });
  const order = items.map((item) => item.key);
  items.forEach((item, i) => {
    if (!item.position) return;
    const [where, target] = "after" in item.position ? ["after", item.position.after] : ["before", item.position.before];
    if (target === item.key || !keys.has(target)) {
      v.push({ pointer: `/addItems/${i}/position`, rule: "motstridiga", message: `”${shown(target)}” är ingen annan lokal fråga i overlayn`, ...localAbout(item) });
      return;
    }
    order.splice(order.indexOf(item.key), 1);
    order.splice(order.indexOf(target) + (where === "after" ? 1 : 0), 0, item.key);
  });
  plan.local = order.map((k) => items.find((item) => item.key === k)!);

  const target = (path: string, pointer: string, allowRoot = false): { segments: string[]; found: Located; local: boolean } | undefined => {
    const segments = parse(path, pointer, allowRoot);
    if (!segments) return undefined;
    const local = segments[0] === LOCAL_NAMESPACE && items.length > 0;
    const found = local ? locate(localView, segments) : locate(base, segments);
    if (!found) {
      missing(path, pointer);
      return undefined;
    }
    if (!local && isHidden(segments) && segments.length > 0) {
      v.push({ pointer, rule: "motstridiga", message: `”${shown(path)}” är dold i overlayn`, path: formatPath(segments) });
      return undefined;
    }
    return { segments, found, local };
  };

  // --- relabel, help -----------------------------------------------------------------------
  for (const [path, title] of Object.entries(overlay.relabel ?? {})) {
    const pointer = mapPointer("relabel", path);
    const t = target(path, pointer);
    if (!t) continue;
    if (title.trim() === "") v.push({ pointer, rule: "format", message: "den nya texten får inte vara tom", path: formatPath(t.segments) });
    else plan.relabel.push({ segments: t.segments, pointer, title });
  }
  for (const [path, text] of Object.entries(overlay.help ?? {})) {
    const pointer = mapPointer("help", path);
    const t = target(path, pointer);
    if (!t) continue;
    if (text.trim() === "") v.push({ pointer, rule: "format", message: "hjälptexten får inte vara tom", path: formatPath(t.segments) });
    else plan.help.push({ segments: t.segments, pointer, text });
  }

  // --- reorder -------------------------------------------------------------------------------
  for (const [path, names] of Object.entries(overlay.reorder ?? {})) {
    const pointer = mapPointer("reorder", path);
    const t = target(path, pointer, true);
    if (!t) continue;
    const props = t.found.schema.properties;
    if (!isSchemaObject(props)) {
      v.push({ pointer, rule: "sokvag", message: `”${shown(path)}” är ingen grupp av frågor och kan inte ordnas om`, path: formatPath(t.segments) });
      continue;
    }
    const available = new Set(Object.keys(props));
    if (t.segments.length === 0 && items.length > 0) available.add(LOCAL_NAMESPACE);
    const seen = new Set<string>();
    let ok = true;
    names.forEach((name, j) => {
      const at = `${pointer}/${j}`;
      if (seen.has(name)) {
        v.push({ pointer: at, rule: "motstridiga", message: `”${shown(name)}” står två gånger i ordningen` });
        ok = false;
      } else if (!available.has(name)) {
        v.push({ pointer: at, rule: "sokvag", message: `”${shown(name)}” finns inte i ”${shown(path) || "dokumentet"}”` });
        ok = false;
      } else if (!t.local && isHidden([...t.segments, name])) {
        v.push({ pointer: at, rule: "motstridiga", message: `”${shown(name)}” är dold i overlayn` });
        ok = false;
      }
      seen.add(name);
    });
    if (ok) plan.reorder.push({ segments: t.segments, pointer, order: names });
  }

  // --- restrictOptions -----------------------------------------------------------------------
  for (const [path, keep] of Object.entries(overlay.restrictOptions ?? {})) {
    const pointer = mapPointer("restrictOptions", path);
    const t = target(path, pointer);
    if (!t) continue;
    if (t.local) {
      v.push({ pointer, rule: "sokvag", message: `”${shown(path)}” är en lokal fråga: skriv dess alternativ direkt i addItems`, path: formatPath(t.segments) });
      continue;
    }
    const options = optionCodes(base, t.found.schema);
    if (!options) {
      v.push({ pointer, rule: "sokvag", message: `”${shown(path)}” har inga svarsalternativ att begränsa`, path: formatPath(t.segments) });
      continue;
    }
    let ok = true;
    const reader = scored.find((s) => overlaps(s.segments, t.segments));
    if (reader) {
      v.push({ pointer, rule: "begransa-poangsatt", message: `”${path}” läses av ${reader.source}; att ta bort svarsalternativ skulle ändra vad som räknas`, path: formatPath(t.segments), reader: reader.reader });
      ok = false;
    }
    keep.forEach((code, j) => {
      const at = `${pointer}/${j}`;
      if (keep.findIndex((c) => sameJson(c, code)) !== j) {
        v.push({ pointer: at, rule: "motstridiga", message: `koden ${JSON.stringify(code)} står två gånger`, path: formatPath(t.segments) });
        ok = false;
        return;
      }
      if (options.codes.some((c) => sameJson(c, code))) return;
      ok = false;
      const near = options.codes.find((c) => String(c).trim().toLowerCase() === String(code).trim().toLowerCase());
      if (near !== undefined) {
        v.push({ pointer: at, rule: "nationella-koder", message: `${JSON.stringify(code)} är en omkodning av den nationella koden ${JSON.stringify(near)}; koderna måste stå exakt som i ${baseRef}`, path: formatPath(t.segments) });
      } else {
        v.push({
          pointer: at,
          rule: "utoka-alternativ",
          message: `koden ${JSON.stringify(code)} finns inte bland de nationella alternativen för ”${path}” (${options.codes.map((c) => JSON.stringify(c)).join(", ")})`,
          path: formatPath(t.segments),
        });
      }
    });
    if (ok) plan.restrict.push({ segments: t.segments, pointer, keep });
  }

  // --- defaults --------------------------------------------------------------------------------
  for (const [path, value] of Object.entries(overlay.defaults ?? {})) {
    const pointer = mapPointer("defaults", path);
    const t = target(path, pointer);
    if (!t) continue;
    const at = formatPath(t.segments);
    if (t.local) {
      v.push({ pointer, rule: "sokvag", message: `”${shown(path)}” är en lokal fråga: skriv dess standardsvar (default) direkt i addItems`, path: at });
      continue;
    }
    if (typeOf(t.found.schema) === "object" || !t.found.parent) {
      v.push({ pointer, rule: "sokvag", message: `”${shown(path)}” är en grupp av frågor: ange standardsvar för frågorna i den`, path: at });
      continue;
    }
    let ok = true;
    if (requiredNames(base, t.found.parent).has(t.found.key!)) {
      v.push({ pointer, rule: "standardvarde", message: `”${path}” är obligatorisk i ${baseRef}; ett standardsvar skulle besvara den åt den som fyller i`, path: at });
      ok = false;
    }
    const reader = scored.find((s) => overlaps(s.segments, t.segments));
    if (reader) {
      v.push({ pointer, rule: "standard-poangsatt", message: `”${path}” läses av ${reader.source}; ett standardsvar skulle ändra vad som räknas`, path: at, reader: reader.reader });
      ok = false;
    }
    if (!valueFits(base, t.found.schema, value)) {
      v.push({ pointer, rule: "standardvarde", message: `standardsvaret är inget giltigt svar på ”${path}” i ${baseRef}`, path: at });
      ok = false;
    } else {
      const kept = Object.entries(overlay.restrictOptions ?? {}).find(([p]) => { const q = parseAnswerPath(p); return "segments" in q && sameJson(q.segments, t.segments); })?.[1];
      const values = Array.isArray(value) ? value : [value];
      if (kept && !values.every((x) => kept.some((k) => sameJson(k, x)))) {
        v.push({ pointer, rule: "standardvarde", message: `standardsvaret för ”${path}” är inte bland de svarsalternativ som varianten behåller`, path: at });
        ok = false;
      }
    }
    if (ok) plan.defaults.push({ segments: t.segments, pointer, value });
  }

  return v.length > 0 ? { violations: v } : { violations: [], plan };
}

