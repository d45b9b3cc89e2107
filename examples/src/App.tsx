import { useCallback, useMemo, useState } from "react";
import { applyOverlay, formatViolation } from "@blankett/engine/overlay";
import type { JsonSchema } from "@blankett/engine/compiler";
import { BlankettForm } from "@blankett/react";
import { ChildLogView } from "./ChildLogView.tsx";
import { DiffView } from "./DiffView.tsx";
import { IndicatorsView } from "./IndicatorsView.tsx";
import { LitForm } from "./LitForm.tsx";
import { migrations, overlays, registry } from "./schemas.ts";

type View = "form" | "child" | "diff" | "indicators";
type Renderer = "react" | "lit";

const VIEW_LABELS: Record<View, string> = { form: "Fyll i", child: "Barnets logg", diff: "Jämför versioner", indicators: "Indikatorer" };

export function App() {
  const instruments = registry.list();
  const [ref, setRef] = useState(() => {
    const first = instruments[0];
    return first ? `${first.name}@${first.versions[first.versions.length - 1]}` : "";
  });
  const [renderer, setRenderer] = useState<Renderer>("react");
  const [view, setView] = useState<View>("form");
  const [variant, setVariant] = useState("");
  const [submitted, setSubmitted] = useState<Record<string, unknown> | null>(null);
  const base = registry.get(ref);
  const name = ref.split("@")[0]!;

  const variants = Object.entries(overlays).filter(([, o]) => o.base === ref);
  const applied = useMemo(() => {
    const entry = variants.find(([p]) => p === variant);
    if (!entry || !base) return { schema: base, violations: [] as string[] };
    const r = applyOverlay(entry[1], base, { fileName: entry[0].split("/").slice(-3).join("/") });
    return { schema: r.schema, violations: r.violations.map(formatViolation) };
  }, [variant, base, variants]);
  const schema = applied.schema as JsonSchema | undefined;

  const views: View[] = ["form", ...(name === "barnahuslogg" ? (["child"] as View[]) : []), "diff", ...(name === "sue" ? (["indicators"] as View[]) : [])];
  const choose = (r: string) => {
    setRef(r);
    setVariant("");
    setSubmitted(null);
    setView("form");
  };
  const onSubmit = useCallback((doc: unknown) => setSubmitted(doc as Record<string, unknown>), []);

  return (
    <div className="layout">
      <header className="no-print">
        <h1>Blankett</h1>
        <p>Formulär för socialtjänsten, byggda från versionerade scheman.</p>
      </header>
      <nav aria-label="Formulär" className="no-print">
        <h2>Formulär</h2>
        {instruments.map((i) => (
          <div key={i.name}>
            <h3>{i.title}</h3>
            <ul>
              {i.versions.map((v) => {
                const r = `${i.name}@${v}`;
                return (
                  <li key={r}>
                    <button type="button" aria-current={r === ref ? "page" : undefined} onClick={() => choose(r)}>
                      Version {v}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
        <p className="hint">
          Inbäddning i en vanlig sida utan ramverk, med strikt säkerhetspolicy: kör <code>npm run build:lit</code> och <code>npm run serve:embed</code>.
        </p>
      </nav>
      <main>
        <h2>{String(base?.title ?? ref)} <span className="version">{ref}</span></h2>
        <div className="controls no-print">
          <fieldset>
            <legend>Visa</legend>
            {views.map((v) => (
              <label key={v}>
                <input type="radio" name="view" checked={view === v} onChange={() => setView(v)} /> {VIEW_LABELS[v]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Teknik</legend>
            <label>
              <input type="radio" name="renderer" checked={renderer === "react"} onChange={() => setRenderer("react")} /> React
            </label>
            <label>
              <input type="radio" name="renderer" checked={renderer === "lit"} onChange={() => setRenderer("lit")} /> Webbkomponenter
            </label>
          </fieldset>
          {variants.length > 0 && (
            <label>
              Lokal variant{" "}
              <select value={variant} onChange={(e) => setVariant(e.target.value)}>
                <option value="">Nationell version</option>
                {variants.map(([p, o]) => (
                  <option key={p} value={p}>{String(o.title ?? o.name)}</option>
                ))}
              </select>
            </label>
          )}
        </div>
        {applied.violations.length > 0 && (
          <div role="alert" className="violations">
            <h3>Varianten bryter mot reglerna och kan inte användas</h3>
            <ul>{applied.violations.map((v) => <li key={v}>{v}</li>)}</ul>
          </div>
        )}
        {view === "form" && schema && (
          <>
            {renderer === "react" ? <BlankettForm key={`${ref}:${variant}`} schema={schema} migrations={migrations} onSubmit={onSubmit} /> : <LitForm key={`${ref}:${variant}`} schema={schema} onSubmit={onSubmit} />}
            {submitted && (
              <section aria-live="polite">
                <h3>Skickade svar</h3>
                <pre>{JSON.stringify(submitted, null, 2)}</pre>
              </section>
            )}
          </>
        )}
        {view === "child" && base && <ChildLogView schema={base} renderer={renderer} own={submitted ?? undefined} />}
        {view === "diff" && <DiffView name={name} />}
        {view === "indicators" && base && <IndicatorsView schema={base} schemaRef={ref} />}
      </main>
    </div>
  );
}
