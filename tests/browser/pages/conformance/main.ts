/**
 * One page, either renderer: ?renderer=react|lit&instrument=fia@1.0.0[&guided=1]. The submitted
 * document is written to #submitted so the suite can compare what each renderer sends for the
 * same answers. Forms are drawn on one page unless guided=1.
 */
import { initialDocument, registerPrecompiled, Registry, type JsonSchema } from "@blankett/engine/compiler";

const schemas = import.meta.glob<JsonSchema>("../../../../schemas/*/*.schema.json", { eager: true, import: "default" });
const validators = import.meta.glob<(d: unknown) => boolean>("../../../../schemas/validators/*.js", { eager: true, import: "default" });
const registry = new Registry(Object.values(schemas));
for (const s of Object.values(schemas)) {
  const id = String(s.$id);
  const [, name, version] = /schemas\/([^/]+)\/([^/]+)$/.exec(id) ?? [];
  const v = Object.entries(validators).find(([p]) => p.endsWith(`/${name}-${version}.js`));
  if (v) registerPrecompiled(id, v[1] as never);
}

const params = new URLSearchParams(location.search);
const renderer = params.get("renderer") ?? "lit";
const guided = params.get("guided") === "1";
const schema = registry.get(params.get("instrument") ?? "sue@1.0.0");
const mount = document.getElementById("mount")!;
const show = (doc: unknown) => {
  document.getElementById("submitted")!.textContent = JSON.stringify(doc);
};

if (!schema) mount.textContent = "Okänt formulär";
else if (renderer === "react") {
  const [{ createElement }, { createRoot }, { BlankettForm }] = await Promise.all([
    import("react"),
    import("react-dom/client"),
    import("@blankett/react"),
  ]);
  createRoot(mount).render(createElement(BlankettForm, { schema, value: initialDocument(schema), guided, onSubmit: show }));
} else {
  await import("@blankett/elements");
  const el = document.createElement("blankett-form") as HTMLElement & { schema: JsonSchema; guided: boolean };
  el.schema = schema;
  (el as unknown as { value: unknown }).value = initialDocument(schema);
  el.guided = guided;
  el.addEventListener("blankett-submit", (e) => show((e as CustomEvent<{ value: unknown }>).detail.value));
  mount.append(el);
}
document.body.dataset.ready = "true";
