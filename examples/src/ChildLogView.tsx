import { useMemo, useState } from "react";
import { migrate } from "@blankett/engine/migrate";
import type { Migration } from "@blankett/engine/migrate";
import { refOf, type JsonSchema } from "@blankett/engine/compiler";
import { ChildLog } from "@blankett/react";
import { LitChildLog } from "./LitForm.tsx";

const examples = import.meta.glob<Record<string, any>>("../../tests/fixtures/barnahuslogg/valid/*.json", { eager: true, import: "default" });
const migrations = Object.values(import.meta.glob<Migration>("../../schemas/*/migrations/*.json", { eager: true, import: "default" }));

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
        <button type="button" onClick={() => window.print()}>Skriv ut</button>
      </div>
      {value !== undefined && (
        // The log's tables scroll inside this box on a narrow screen, not the page (keyboard: focus it, then the arrow keys).
        <div className="log-scroll" role="region" aria-labelledby="child-title" tabIndex={0}>
          {renderer === "react" ? <ChildLog schema={schema} value={value as never} /> : <LitChildLog schema={schema} value={value} />}
        </div>
      )}
    </section>
  );
}
