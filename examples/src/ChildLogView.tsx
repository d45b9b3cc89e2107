import { useEffect, useMemo, useRef, useState } from "react";
import { migrate } from "@blankett/engine/migrate";
import type { Migration } from "@blankett/engine/migrate";
import { refOf, type JsonSchema } from "@blankett/engine/compiler";
import { browserDraftStorage, draftKey } from "@blankett/engine";
import { ChildLog } from "@blankett/react";
import type { BlankettChildLog } from "@blankett/elements";
import "@blankett/elements";
import type {} from "@blankett/elements/react";

const examples = import.meta.glob<Record<string, any>>("../../tests/fixtures/barnahuslogg/valid/*.json", { eager: true, import: "default" });
const migrations = Object.values(import.meta.glob<Migration>("../../schemas/*/migrations/*.json", { eager: true, import: "default" }));

type Audience = "barn" | "personal";

/** `<blankett-child-log>` with the version to draw (the default is the one for the child and guardians). */
function LitChildLog({ schema, value, audience }: { schema: JsonSchema; value: unknown; audience: Audience }) {
  const ref = useRef<BlankettChildLog>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.schema = schema;
    el.value = value as BlankettChildLog["value"];
    if (audience === "personal") el.setAttribute("audience", "personal");
    else el.removeAttribute("audience");
  }, [schema, value, audience]);
  return <blankett-child-log ref={ref} />;
}

/** The choice of version: the one for the child and guardians first (the default). */
function AudienceSelect({ value, onChange }: { value: Audience; onChange: (a: Audience) => void }) {
  return (
    <label>
      Version{" "}
      <select value={value} onChange={(e) => onChange(e.target.value === "personal" ? "personal" : "barn")}>
        <option value="barn">För barnet och vårdnadshavarna</option>
        <option value="personal">För socialtjänstens personal</option>
      </select>
    </label>
  );
}

/** One child's log in the chosen renderer and version. */
export function ChildLogPreview({ schema, value, renderer, audience = "barn" }: { schema: JsonSchema; value: unknown; renderer: "react" | "lit"; audience?: Audience }) {
  return renderer === "react" ? <ChildLog schema={schema} value={value} audience={audience} /> : <LitChildLog schema={schema} value={value} audience={audience} />;
}

/** The child's log for the report's two worked examples, moved to the shown version if needed. */
export function ChildLogView({ schema, renderer, own }: { schema: JsonSchema; renderer: "react" | "lit"; own?: Record<string, unknown> }) {
  const ref = refOf(schema);
  const choices = useMemo(() => {
    const out: Array<[string, unknown]> = Object.entries(examples).map(([p, doc]) => {
      const name = doc.barn?.fornamn ?? p;
      const from = String(doc.meta?.schema);
      return [`Exempel: ${name}`, from === ref ? doc : migrate(doc, from, ref, migrations).document];
    });
    if (own) out.unshift(["Dina svar", own]);
    return out;
  }, [ref, own]);
  const [pick, setPick] = useState(0);
  // The restrictive version unless the reader of this page asks for the staff one.
  const [audience, setAudience] = useState<Audience>("barn");
  const value = choices[Math.min(pick, choices.length - 1)]?.[1];
  return (
    <section aria-labelledby="child-title">
      <h3 id="child-title" className="no-print">Barnets logg</h3>
      <div className="controls no-print">
        <label>
          Visa{" "}
          <select value={pick} onChange={(e) => setPick(Number(e.target.value))}>
            {choices.map(([label], i) => <option key={label} value={i}>{label}</option>)}
          </select>
        </label>{" "}
        <AudienceSelect value={audience} onChange={setAudience} />{" "}
        <button type="button" onClick={() => window.print()}>Skriv ut</button>
      </div>
      {value !== undefined && <ChildLogPreview schema={schema} value={value} renderer={renderer} audience={audience} />}
    </section>
  );
}

/**
 * "Förhandsvisa barnets logg" beside the form: the child's log of the answers being written, read
 * from the form's autosaved draft (both renderers save it as the person types), redrawn while it
 * changes. The version for the child and the guardians unless staff choose theirs.
 */
export function ChildLogDraftPreview({ schema, renderer }: { schema: JsonSchema; renderer: "react" | "lit" }) {
  const [open, setOpen] = useState(false);
  const [audience, setAudience] = useState<Audience>("barn");
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    const key = draftKey(schema);
    // The draft's text only: an unchanged draft gives the same string, so nothing is redrawn.
    const read = () => setText(browserDraftStorage()?.getItem(key) ?? null);
    read();
    const timer = setInterval(read, 1000);
    return () => clearInterval(timer);
  }, [open, schema]);
  const value = useMemo(() => {
    try {
      return text ? (JSON.parse(text) as { value?: unknown }).value : undefined;
    } catch {
      return undefined;
    }
  }, [text]);
  return (
    <aside className="child-preview no-print" aria-label="Förhandsvisning av barnets logg">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Stäng förhandsvisningen" : "Förhandsvisa barnets logg"}
      </button>
      {open && (
        <>
          <AudienceSelect value={audience} onChange={setAudience} />
          {value && typeof value === "object" ? (
            <ChildLogPreview schema={schema} value={value} renderer={renderer} audience={audience} />
          ) : (
            <p role="status">Inget att visa än. Loggen visas här när du har börjat skriva i formuläret.</p>
          )}
        </>
      )}
    </aside>
  );
}
