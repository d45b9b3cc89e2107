import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { JsonSchema } from "@blankett/engine";
import type { Route } from "../route.ts";
import { explain, type Explained, type Violation } from "./check.ts";
import { useCheck, useSettled } from "./useCheck.ts";
import { Differences } from "./Differences.tsx";
import { useHistory } from "./history.ts";
import { ItemEditor } from "./ItemEditor.tsx";
import { NationalEditor } from "./NationalEditor.tsx";
import {
  addItem, KIND_LABELS, moveItem, newVariant, orderedItems, removeItem, renameItem, setEntry, setField, setHidden, setItemLabel, setItemSchema, updateItem,
  type ItemKind, type VariantDraft,
} from "./operations.ts";
import { Preview } from "./Preview.tsx";
import { localQuestions, nationalQuestions } from "./questions.ts";
import { RebasePanel } from "./RebasePanel.tsx";
import { detectSource, readOverlayFile, type InstrumentInfo, type Source, type VariantInfo } from "./source.ts";
import { ViolationList, type ShownViolation } from "./ViolationList.tsx";
import "./studio.css";

interface Loaded {
  ref: string;
  schema: JsonSchema;
  indicators: unknown;
}

const unescape = (s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~");
const versionParts = (v: string) => v.split(".").map(Number);
const newerThan = (a: string, b: string) => {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < 3; i++) if (x[i]! !== y[i]!) return x[i]! > y[i]!;
  return false;
};

/** Where in the editor a violation is shown: the element to focus and, for national ones, the question. */
function placeOf(v: Violation, draft: VariantDraft, explained: Explained): { target?: string; national?: string } {
  const [op, key, sub] = v.pointer.split("/").slice(1).map(unescape);
  if (op === "name" || op === "title" || op === "description" || op === "base") return { target: `st-${op}` };
  if (op === "addItems" && key !== undefined && /^\d+$/.test(key)) {
    return { target: `st-item-${key}-${sub === "key" ? "key" : sub === "position" ? "up" : "label"}` };
  }
  const localIndex = (path: string) => (draft.addItems ?? []).findIndex((i) => `lokalt.${i.key}` === path);
  let path: string | undefined;
  let field = "label";
  if (op === "hide" && key !== undefined) {
    path = draft.hide?.[Number(key)];
    field = "hide";
  } else if ((op === "relabel" || op === "help" || op === "restrictOptions" || op === "defaults") && key !== undefined) {
    path = key;
    field = op === "relabel" ? "label" : op === "help" ? "help" : op === "restrictOptions" ? "option-0" : "default";
  } else path = explained.path;
  if (!path) return {};
  if (path.startsWith("lokalt.")) {
    const i = localIndex(path);
    return i >= 0 ? { target: `st-item-${i}-${field === "help" ? "help" : "label"}` } : {};
  }
  return { target: `st-national-${field}`, national: path };
}

/**
 * The variant studio (issue 12): a municipality's variant of a national instrument edited with
 * lists, fields and buttons — no JSON — checked after every change by the engine's checkVariant
 * (the CLI's check), previewed in either renderer, compared with its national version, saved
 * through the local `blankett studio` server or as a downloaded file.
 */
export function StudioView({ route, navigate }: { route: Route; navigate(next: Route): void }) {
  const source = useMemo<Source>(() => detectSource(), []);
  const startBase = `${route.instrument ?? "fia"}@${route.version ?? "1.0.0"}`;
  const history = useHistory<VariantDraft>(() => newVariant(startBase, route.variant ?? "ny-variant"));
  const draft = history.value;
  const [instruments, setInstruments] = useState<InstrumentInfo[]>([]);
  const [variants, setVariants] = useState<VariantInfo[]>([]);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [loadError, setLoadError] = useState("");
  const [selected, setSelected] = useState("");
  const [focusTo, setFocusTo] = useState<{ id: string } | undefined>(undefined);
  const [status, setStatus] = useState("");
  const [openChoice, setOpenChoice] = useState("");
  const [newKind, setNewKind] = useState<ItemKind>("yesno");
  const [renderer, setRenderer] = useState<"react" | "lit">(route.renderer ?? "react");
  const lastGood = useRef<JsonSchema | undefined>(undefined);
  const opened = useRef(false);

  // What there is to edit: instruments and variants, then the variant the address names.
  useEffect(() => {
    void source.instruments().then(setInstruments).catch((e: Error) => setLoadError(e.message));
    void source.variants().then(setVariants).catch(() => undefined);
    if (opened.current || !route.variant || !route.instrument) return;
    opened.current = true;
    void source.open(route.instrument, route.variant).then((o) => o && history.reset(o)).catch((e: Error) => setStatus(e.message));
  }, [source]);

  // The base version's schema and indicator definitions, whenever the base changes.
  useEffect(() => {
    let live = true;
    const ref = draft.base;
    if (loaded?.ref === ref) return;
    setLoadError("");
    void Promise.all([source.schema(ref), source.indicators(ref).catch(() => undefined)]).then(([schema, indicators]) => {
      if (!live) return;
      if (!schema) setLoadError(`Den nationella versionen ${ref} finns inte.`);
      else setLoaded({ ref, schema, indicators });
    });
    return () => {
      live = false;
    };
  }, [draft.base, loaded?.ref, source]);

  const base = loaded?.ref === draft.base ? loaded : undefined;
  const checked = useCheck(draft, base);
  if (checked?.schema) lastGood.current = checked.schema;
  // The preview and the differences follow once the editing pauses (a second without changes) and
  // the check has caught up: drawing a whole form is not for every keystroke.
  const quiet = useSettled(draft, 1000) === draft;
  const [settledSchema, setSettledSchema] = useState<JsonSchema | null | undefined>(undefined);
  const checkedSchema = checked ? checked.schema ?? null : undefined;
  const checkedNow = !!checked && !checked.pending;
  useEffect(() => {
    if (quiet && checkedNow) setSettledSchema(checkedSchema);
  }, [quiet, checkedNow, checkedSchema]);
  const national = useMemo(() => (base ? nationalQuestions(base.schema) : []), [base]);
  const local = useMemo(() => localQuestions(draft), [draft]);
  const questions = useMemo(() => [...local, ...national], [local, national]);

  const shown = useMemo(() => {
    if (!checked || !base) return [];
    return checked.violations.map((v) => {
      const e = explain(v, base.schema);
      const place = placeOf(v, draft, e);
      return { violation: v, ...e, ...place, name: e.label ?? (place.national ? national.find((q) => q.path === place.national)?.label : undefined) };
    });
  }, [checked, base, draft, national]);

  // Focus moves where a button asked it to, once the editor shows that place.
  useEffect(() => {
    if (!focusTo) return;
    const el = document.getElementById(focusTo.id);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: "center" });
    }
    setFocusTo(undefined);
  }, [focusTo]);

  const go = useCallback((target: string) => {
    const v = shown.find((s) => s.target === target);
    if (v?.national) setSelected(v.national);
    setFocusTo({ id: target });
  }, [shown]);

  const change = history.change;
  const current = selected && national.some((q) => q.path === selected) ? selected : national[0]?.path ?? "";

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere on the page but in the preview's form, whose fields are answers, not the variant.
  const { undo: undoStep, redo: redoStep } = history;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (e.target instanceof Element && e.target.closest(".st-preview")) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) undoStep();
      else if ((key === "z" && e.shiftKey) || key === "y") redoStep();
      else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [undoStep, redoStep]);

  const openVariant = async (info: VariantInfo) => {
    const o = await source.open(info.instrument, info.name);
    if (!o) return setStatus(`Varianten ${info.name} gick inte att öppna.`);
    history.reset(o);
    setStatus(`Öppnade ${info.title ?? info.name}.`);
    const [instrument, version] = String(o.base).split("@");
    navigate({ ...route, view: "studio", ...(instrument ? { instrument } : {}), ...(version ? { version } : {}), variant: info.name });
  };

  const save = async () => {
    try {
      const r = await source.save(draft);
      const broken = r.violations.length > 0 ? ` Den bryter mot ${r.violations.length === 1 ? "en regel" : `${r.violations.length} regler`} och kan inte användas förrän det är ändrat.` : "";
      setStatus((source.kind === "server" ? `Sparad i ${r.file}.` : `Variantfilen ${r.file} laddades ner.`) + broken);
      if (source.kind === "server") void source.variants().then(setVariants);
    } catch (e) {
      setStatus((e as Error).message);
    }
  };

  const refs = instruments.flatMap((i) => i.versions.map((v) => `${i.name}@${v}`));
  const [instrument, version] = draft.base.split("@") as [string, string];
  const newer = (instruments.find((i) => i.name === instrument)?.versions ?? []).filter((v) => newerThan(v, version ?? "0.0.0")).map((v) => `${instrument}@${v}`);
  const ordered = orderedItems(draft);
  const items = draft.addItems ?? [];
  const itemProblems = (index: number, key: string) => shown.filter((s) => s.target?.startsWith(`st-item-${index}-`) || s.path === `lokalt.${key}`);

  return (
    <section className="studio" aria-labelledby="st-heading">
      <h2 id="st-heading">Variantstudio</h2>
      <p className="st-hint">
        Gör en lokal variant av ett nationellt formulär: egna frågor, egna texter och frågor som inte ställs. Varje ändring kontrolleras direkt mot de nationella reglerna.
        {source.kind === "server" && source.folder ? ` Varianterna sparas i ${source.folder}.` : ""}
      </p>

      <div className="st-toolbar" role="toolbar" aria-label="Variant">
        <button type="button" onClick={() => history.reset(newVariant(draft.base))}>Ny variant</button>
        <label>
          {source.kind === "server" ? "Varianter i mappen" : "Exempelvarianter"}
          <select id="st-open-choice" value={openChoice} onChange={(e) => setOpenChoice(e.target.value)}>
            <option value="">(välj)</option>
            {variants.map((v) => (
              <option key={`${v.instrument}/${v.name}`} value={`${v.instrument}/${v.name}`}>
                {v.title ? `${v.title} (${v.name}, ${v.base})` : `${v.name} (${v.base})`}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!openChoice}
          onClick={() => {
            const info = variants.find((v) => `${v.instrument}/${v.name}` === openChoice);
            if (info) void openVariant(info);
          }}
        >
          Öppna
        </button>
        {source.kind === "static" && (
          <label>
            Öppna en variantfil
            <input
              type="file"
              accept=".json,application/json"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                readOverlayFile(file)
                  .then((o) => {
                    history.reset(o);
                    setStatus(`Öppnade ${file.name}.`);
                  })
                  .catch((err: Error) => setStatus(err.message));
                e.target.value = "";
              }}
            />
          </label>
        )}
        <button type="button" id="st-save" onClick={() => void save()}>
          {source.kind === "server" ? "Spara" : "Ladda ner variantfilen"}
        </button>
        <button type="button" id="st-undo" disabled={!history.canUndo} onClick={history.undo} aria-keyshortcuts="Control+Z">Ångra</button>
        <button type="button" id="st-redo" disabled={!history.canRedo} onClick={history.redo} aria-keyshortcuts="Control+Shift+Z">Gör om</button>
      </div>
      <p role="status" className="st-status">{status}</p>

      <div className="st-grid">
        <div className="st-editor">
          <section className="st-panel" aria-labelledby="st-basics-title">
            <h3 id="st-basics-title">Varianten</h3>
            <label>
              Rubrik (kommunen eller verksamheten, visas i formulärets rubrik)
              <input id="st-title" type="text" value={draft.title} onChange={(e) => change((d) => setField(d, "title", e.target.value), "title")} />
            </label>
            <label>
              Beskrivning (vad varianten gör och varför, för granskare)
              <textarea id="st-description" rows={2} value={draft.description ?? ""} onChange={(e) => change((d) => setField(d, "description", e.target.value), "description")} />
            </label>
            <div className="st-row">
              <label>
                Namn (små bokstäver, siffror och bindestreck; blir filnamnet)
                <input id="st-name" type="text" spellCheck={false} value={draft.name} onChange={(e) => change((d) => setField(d, "name", e.target.value), "name")} />
              </label>
              <label>
                Nationell grundversion
                <select
                  id="st-base"
                  value={draft.base}
                  onChange={(e) => {
                    const next = e.target.value;
                    change((d) => setField(d, "base", next));
                    const [i, v] = next.split("@");
                    navigate({ ...route, view: "studio", ...(i ? { instrument: i } : {}), ...(v ? { version: v } : {}), ...(draft.name ? { variant: draft.name } : {}) });
                  }}
                >
                  {!refs.includes(draft.base) && <option value={draft.base}>{draft.base}</option>}
                  {refs.map((r) => <option key={r} value={r}>{r}</option>)}
                </select>
              </label>
            </div>
          </section>

          {loadError && <p className="st-bad" role="alert">{loadError}</p>}
          {!base && !loadError && <p>Läser in {draft.base} …</p>}
          {base && <ViolationList items={shown as ShownViolation[]} pending={!checked || checked.pending} onGo={go} />}

          {base && (
            <section className="st-panel" aria-labelledby="st-local-title">
              <h3 id="st-local-title">Lokala frågor</h3>
              <p className="st-hint">Lokala frågor hamnar i en egen del sist i formuläret och sparas under ”lokalt” i svaren.</p>
              {ordered.length === 0 && <p>Inga lokala frågor än.</p>}
              {ordered.map((item, place) => {
                const index = items.indexOf(item);
                const key = item.key;
                return (
                  <ItemEditor
                    key={index}
                    item={item}
                    index={index}
                    place={place}
                    count={ordered.length}
                    questions={questions}
                    problems={itemProblems(index, key)}
                    actions={{
                      label: (text) => change((d) => setItemLabel(d, (d.addItems ?? [])[index]?.key ?? key, text).draft, `item-${index}-label`),
                      schema: (fn, merge) => change((d) => setItemSchema(d, (d.addItems ?? [])[index]?.key ?? key, fn), merge),
                      required: (on) => change((d) => updateItem(d, key, (i) => {
                        const { required: _r, ...rest } = i;
                        return on ? { ...rest, required: true } : rest;
                      })),
                      key: (k) => change((d) => renameItem(d, (d.addItems ?? [])[index]?.key ?? key, k), `item-${index}-key`),
                      move: (by) => {
                        change((d) => moveItem(d, key, by));
                        setFocusTo({ id: `st-item-${place + by}-${by < 0 ? "up" : "down"}` });
                      },
                      remove: () => {
                        change((d) => removeItem(d, key));
                        setFocusTo({ id: "st-add-kind" });
                      },
                    }}
                  />
                );
              })}
              <div className="st-row st-add">
                <label>
                  Typ av ny fråga
                  <select id="st-add-kind" value={newKind} onChange={(e) => setNewKind(e.target.value as ItemKind)}>
                    {(Object.keys(KIND_LABELS) as ItemKind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
                  </select>
                </label>
                <button
                  type="button"
                  id="st-add"
                  onClick={() => {
                    const index = items.length;
                    change((d) => addItem(d, newKind).draft);
                    setFocusTo({ id: `st-item-${index}-label` });
                  }}
                >
                  Lägg till en lokal fråga
                </button>
              </div>
            </section>
          )}

          {base && national.length > 0 && (
            <NationalEditor
              draft={draft}
              questions={national}
              selected={current}
              problems={shown.filter((s) => s.national === current)}
              actions={{
                select: (path, focus) => {
                  setSelected(path);
                  if (focus) setFocusTo({ id: "st-national" });
                },
                relabel: (path, text) => change((d) => setEntry(d, "relabel", path, text === "" ? undefined : text), `relabel:${path}`),
                help: (path, text) => change((d) => setEntry(d, "help", path, text === "" ? undefined : text), `help:${path}`),
                hide: (path, on) => change((d) => setHidden(d, path, on)),
                restrict: (path, keep) => change((d) => setEntry(d, "restrictOptions", path, keep)),
                setDefault: (path, value) => change((d) => setEntry(d, "defaults", path, value), `default:${path}`),
              }}
            />
          )}

          {base && (
            <RebasePanel
              key={draft.base}
              draft={draft}
              newer={newer}
              load={async (ref) => {
                const schema = await source.schema(ref);
                return schema ? { schema, indicators: await source.indicators(ref).catch(() => undefined) } : undefined;
              }}
              onDone={(next, message) => {
                change(next);
                setStatus(message);
                const [i, v] = next.base.split("@");
                navigate({ ...route, view: "studio", ...(i ? { instrument: i } : {}), ...(v ? { version: v } : {}), ...(next.name ? { variant: next.name } : {}) });
              }}
            />
          )}
        </div>

        <div className="st-side">
          <Preview schema={settledSchema ?? lastGood.current} stale={settledSchema === null && !!lastGood.current} base={draft.base} renderer={renderer} onRenderer={setRenderer} />
          <Differences base={base?.schema} effective={settledSchema ?? undefined} />
        </div>
      </div>
    </section>
  );
}
