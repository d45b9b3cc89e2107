import { useState } from "react";
import { SchemaForm } from "../../renderers/react/src/SchemaForm.tsx";
import { registry } from "./schemas.ts";

export function App() {
  const instruments = registry.list();
  const [ref, setRef] = useState(() => {
    const first = instruments[0];
    return first ? `${first.name}@${first.versions[first.versions.length - 1]}` : "";
  });
  const [submitted, setSubmitted] = useState<string | null>(null);
  const schema = registry.get(ref);
  return (
    <div className="layout">
      <header>
        <h1>Blankett</h1>
        <p>Formulär för socialtjänsten, byggda från scheman.</p>
      </header>
      <nav aria-label="Formulär">
        <h2>Formulär</h2>
        <ul>
          {instruments.flatMap((i) =>
            i.versions.map((v) => {
              const r = `${i.name}@${v}`;
              return (
                <li key={r}>
                  <button type="button" aria-current={r === ref ? "page" : undefined} onClick={() => { setRef(r); setSubmitted(null); }}>
                    {i.title} <span className="version">{v}</span>
                  </button>
                </li>
              );
            }),
          )}
        </ul>
      </nav>
      <main>
        {schema ? (
          <>
            <h2>{String(schema.title ?? ref)}</h2>
            <SchemaForm key={ref} schema={schema} onSubmit={(doc) => setSubmitted(JSON.stringify(doc, null, 2))} />
            {submitted && (
              <section aria-live="polite">
                <h3>Skickade svar</h3>
                <pre>{submitted}</pre>
              </section>
            )}
          </>
        ) : (
          <p>Inga formulär hittades.</p>
        )}
      </main>
    </div>
  );
}
