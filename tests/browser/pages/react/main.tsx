/**
 * Test page for the React renderer:
 *   ?instrument=fia@1.0.0[&guided=0|1][&drafts=0][&value=<fixture file name>]   the form
 *   ?view=child&instrument=barnahuslogg@1.0.0&value=moa                        the child's log
 *   ?view=plain&instrument=fia@1.0.0                                            plain @rjsf/core, liveValidate (for comparison)
 *   ?view=lit&instrument=fia@1.0.0                                              the Lit web component, same page (for the benchmark)
 * window.__rev counts changes the page has seen (the latency measurement waits for it).
 */
import { createElement, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { registerPrecompiled, Registry, type JsonSchema, type Migration } from "@blankett/engine/compiler";
import { BlankettForm, ChildLog } from "@blankett/react";

const schemas = import.meta.glob<JsonSchema>("../../../../schemas/*/*.schema.json", { eager: true, import: "default" });
const validators = import.meta.glob<(d: unknown) => boolean>("../../../../schemas/validators/*.js", { eager: true, import: "default" });
const fixtures = import.meta.glob<Record<string, unknown>>("../../../fixtures/*/{valid,draft}/*.json", { eager: true, import: "default" });
const migrations = Object.values(import.meta.glob<Migration>("../../../../schemas/*/migrations/*.json", { eager: true, import: "default" }));
const registry = new Registry(Object.values(schemas));
for (const s of Object.values(schemas)) {
  const id = String(s.$id);
  const [, name, version] = /schemas\/([^/]+)\/([^/]+)$/.exec(id) ?? [];
  const v = Object.entries(validators).find(([p]) => p.endsWith(`/${name}-${version}.js`));
  if (v) registerPrecompiled(id, v[1] as never);
}

declare global {
  interface Window {
    __rev: number;
    __doc: unknown;
  }
}
window.__rev = 0;

const params = new URLSearchParams(location.search);
const view = params.get("view") ?? "form";
const ref = params.get("instrument") ?? "fia@1.0.0";
/** Labels, help and options carrying HTML: they must reach the page as text (DOM contract 12). */
const hostile: JsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://blankett.example/schemas/hostile/1.0.0",
  title: "<b>Fientligt</b>",
  type: "object",
  "x-instrument": { name: "hostile", version: "1.0.0", title: "<i>Fientligt</i>" },
  required: ["meta", "del"],
  additionalProperties: false,
  properties: {
    meta: { type: "object", properties: { schema: { const: "hostile@1.0.0" }, status: { type: "string" } }, required: ["schema"], additionalProperties: false },
    del: {
      type: "object",
      title: "<script>window.__pwned = 1</script>Del",
      additionalProperties: false,
      required: ["namn"],
      properties: {
        namn: { type: "string", title: '<img src="x" onerror="window.__pwned = 2">Namn', "x-ui": { help: "<a href='javascript:alert(1)'>hjälp</a>" } },
        val: { type: "string", title: "Val", oneOf: [{ const: "a", title: "<img src=y onerror='window.__pwned=3'>A" }, { const: "b", title: "B" }] },
      },
    },
  },
};
const schema = ref === "hostile@1.0.0" ? hostile : registry.get(ref);
const valueName = params.get("value");
const value = valueName ? Object.entries(fixtures).find(([p]) => p.includes(`/${ref.split("@")[0]}/`) && p.endsWith(`/${valueName}.json`))?.[1] : undefined;
const mount = document.getElementById("mount")!;
const show = (doc: unknown) => {
  document.getElementById("submitted")!.textContent = JSON.stringify(doc);
};
const root = createRoot(mount);

if (!schema) mount.textContent = "Okänt formulär";
else if (view === "child") {
  root.render(createElement(StrictMode, null, createElement(ChildLog, { schema, value: value ?? {} })));
} else if (view === "lit") {
  // The benchmark page compares renderers side by side; the renderers themselves never meet.
  await import("@blankett/elements");
  const el = document.createElement("blankett-form") as HTMLElement & { schema: JsonSchema; guided: boolean };
  el.schema = schema;
  el.guided = false;
  el.setAttribute("no-drafts", "");
  el.addEventListener("blankett-change", () => window.__rev++);
  mount.append(el);
} else if (view === "plain") {
  const { PlainRjsf } = await import("./plain.tsx");
  root.render(createElement(PlainRjsf, { schema, onChange: () => window.__rev++ }));
} else {
  const guided = params.get("guided");
  root.render(
    createElement(
      StrictMode,
      null,
      createElement(BlankettForm, {
        schema,
        value,
        migrations,
        onSubmit: show,
        onChange: (doc: unknown) => {
          window.__doc = doc;
          window.__rev++;
        },
        ...(guided === null ? {} : { guided: guided === "1" }),
        ...(params.get("drafts") === "0" ? { draftKey: false as const } : {}),
      }),
    ),
  );
}
document.body.dataset.ready = "true";
