import { useEffect, useMemo, useRef, useState } from "react";
import { migrate } from "@blankett/engine/migrate";
import type { Migration } from "@blankett/engine/migrate";
import { refOf, type JsonSchema } from "@blankett/engine/compiler";
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
        <label>
          Version{" "}
          <select value={audience} onChange={(e) => setAudience(e.target.value === "personal" ? "personal" : "barn")}>
            <option value="barn">För barnet och vårdnadshavarna</option>
            <option value="personal">För socialtjänstens personal</option>
          </select>
        </label>{" "}
        <button type="button" onClick={() => window.print()}>Skriv ut</button>
      </div>
      {value !== undefined && <ChildLogPreview schema={schema} value={value} renderer={renderer} audience={audience} />}
    </section>
  );
}
