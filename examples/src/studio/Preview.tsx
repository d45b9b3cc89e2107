import { memo, useEffect, useRef, useState } from "react";
import type { BlankettForm as BlankettFormElement } from "@blankett/elements";
import "@blankett/elements";
import type {} from "@blankett/elements/react";
import { generateDocuments, type SyntheticProfile } from "@blankett/engine/generate";
import type { JsonSchema } from "@blankett/engine";
import { BlankettForm } from "@blankett/react";
import { besideSchema, profiles } from "../schemas.ts";
import { downloadText as downloadFile } from "../download.ts";

type Doc = Record<string, unknown>;

/**
 * `<blankett-form>` with answers in and out: like the app's LitForm, plus `value` and every change
 * (`blankett-change`), so the sample document survives switching renderers and editing the variant.
 */
function LitPreview({ schema, value, onChange }: { schema: JsonSchema; value: Doc | undefined; onChange: (doc: Doc) => void }) {
  const ref = useRef<BlankettFormElement>(null);
  const now = useRef(value);
  now.current = value;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.schema = schema;
    if (now.current) el.value = now.current as BlankettFormElement["value"];
    const handler = (e: HTMLElementEventMap["blankett-change"]) => onChange(e.detail.value as Doc);
    el.addEventListener("blankett-change", handler);
    return () => el.removeEventListener("blankett-change", handler);
  }, [schema, onChange]);
  return <blankett-form ref={ref} no-drafts="" />;
}

/**
 * The form itself, redrawn only when the schema or the renderer changes — not for each answer
 * typed into it (the form keeps its own answers; `start` is where a new drawing begins).
 */
const FormBox = memo(function FormBox({ schema, renderer, start, onChange }: { schema: JsonSchema; renderer: "react" | "lit"; start: Doc | undefined; onChange: (doc: Doc) => void }) {
  const begin = useRef(start);
  // A new schema starts from the answers given so far.
  const seen = useRef(schema);
  if (seen.current !== schema) {
    seen.current = schema;
    begin.current = start;
  }
  return (
    <div className="st-form">
      {renderer === "react" ? (
        <BlankettForm schema={schema} value={begin.current} onChange={onChange} draftKey={false} guided={false} />
      ) : (
        <LitPreview schema={schema} value={begin.current} onChange={onChange} />
      )}
    </div>
  );
}, (a, b) => a.schema === b.schema && a.renderer === b.renderer && a.onChange === b.onChange);

/** Made-up answers for the variant's form: the national synthetic profile; local questions as it draws any question. */
function sampleAnswers(schema: JsonSchema, base: string): Doc | undefined {
  const national = besideSchema(profiles, base, "synthetic");
  // The national profile may name options the variant does not keep: then any valid answers will do.
  for (const profile of [national, { instrument: base } as SyntheticProfile]) {
    if (!profile) continue;
    try {
      return generateDocuments(schema, profile, { count: 1, seed: Date.now() % 100000 }).next().value ?? undefined;
    } catch {
      // the next profile
    }
  }
  return undefined;
}

/**
 * The variant's form as the people filling it in will see it, in either renderer, redrawn from
 * the effective schema after every change; the answers typed here are a sample document.
 */
export const Preview = memo(function Preview({ schema, stale, base, renderer, onRenderer }: {
  schema: JsonSchema | undefined;
  /** The current overlay breaks a rule: this is the last version that did not. */
  stale: boolean;
  base: string;
  renderer: "react" | "lit";
  onRenderer: (r: "react" | "lit") => void;
}) {
  const [sample, setSample] = useState<Doc | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const latest = useRef<Doc | undefined>(undefined);
  const onChange = useRef((doc: Doc) => {
    latest.current = doc;
    setSample(doc);
  }).current;
  const restart = (doc: Doc | undefined) => {
    latest.current = doc;
    setSample(doc);
    setGeneration((g) => g + 1);
  };
  const download = () => downloadFile("exempelsvar.json", JSON.stringify(sample ?? {}, null, 2) + "\n");

  return (
    <section className="st-panel st-preview" aria-labelledby="st-preview-title">
      <h3 id="st-preview-title">Förhandsvisning</h3>
      <fieldset className="st-inline">
        <legend>Visa formuläret med</legend>
        <label>
          <input type="radio" name="st-renderer" checked={renderer === "react"} onChange={() => onRenderer("react")} /> React
        </label>
        <label>
          <input type="radio" name="st-renderer" checked={renderer === "lit"} onChange={() => onRenderer("lit")} /> Webbkomponenter
        </label>
      </fieldset>
      <div className="st-buttons">
        <button type="button" disabled={!schema} onClick={() => schema && restart(sampleAnswers(schema, base))}>
          Fyll i påhittade svar
        </button>
        <button type="button" onClick={() => restart(undefined)}>Töm svaren</button>
        <button type="button" disabled={!sample} onClick={download}>Ladda ner svaren</button>
      </div>
      {stale && <p className="st-bad">Varianten bryter mot en regel: förhandsvisningen visar den senaste versionen som följde reglerna.</p>}
      {!schema && <p>Förhandsvisningen visas när varianten följer reglerna.</p>}
      {schema && <FormBox key={generation} schema={schema} renderer={renderer} start={latest.current} onChange={onChange} />}
      <details>
        <summary>Svaren som JSON</summary>
        <pre className="st-json" data-testid="st-sample">{JSON.stringify(sample ?? {}, null, 2)}</pre>
      </details>
    </section>
  );
});
