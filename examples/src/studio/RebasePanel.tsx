import { useEffect, useState } from "react";
import type { JsonSchema } from "@blankett/engine";
import { explain, type Violation } from "./check.ts";
import { rebaseOverlay } from "@blankett/engine/overlay";
import type { VariantDraft } from "./operations.ts";
import { choicesFor, isConflict, keepWords, resolve, type Choice } from "./rebase.ts";

interface Pending {
  to: string;
  conflicts: Violation[];
  decisions: Choice[];
}

/**
 * "Flytta till en nyare nationell version": runs the engine's rebase against the chosen version
 * and walks through its conflicts one at a time; when every one is decided, the variant's base is set.
 */
export function RebasePanel({ draft, newer, load, onDone }: {
  draft: VariantDraft;
  /** Newer versions of the same instrument. */
  newer: string[];
  /** The schema and indicator definitions of a version ("fia@2.0.0"). */
  load: (ref: string) => Promise<{ schema: JsonSchema; indicators: unknown } | undefined>;
  onDone: (next: VariantDraft, message: string) => void;
}) {
  const [target, setTarget] = useState(newer[0] ?? "");
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [from, setFrom] = useState<JsonSchema | undefined>(undefined);
  const [message, setMessage] = useState("");
  const chosen = newer.includes(target) ? target : newer[0] ?? "";

  const current = pending ? pending.conflicts[pending.decisions.length] : undefined;
  // Each conflict in turn gets focus, so the keyboard and a screen reader follow the walk-through.
  const step = pending ? pending.decisions.length : -1;
  useEffect(() => {
    if (step >= 0) document.getElementById("st-conflict-title")?.focus();
  }, [step]);

  if (newer.length === 0) {
    return (
      <section className="st-panel" aria-labelledby="st-rebase-title">
        <h3 id="st-rebase-title">Flytta till en nyare nationell version</h3>
        <p>Det finns ingen nyare nationell version av formuläret.</p>
      </section>
    );
  }

  const start = async () => {
    setMessage("");
    const [old, next] = await Promise.all([load(draft.base), load(chosen)]);
    if (!old || !next) return setMessage("Versionerna gick inte att läsa.");
    const result = rebaseOverlay(draft, old.schema, next.schema, { fromIndicators: old.indicators, toIndicators: next.indicators });
    const conflicts = result.violations.filter(isConflict);
    if (conflicts.length === 0) {
      onDone({ ...draft, base: chosen }, `Varianten bygger nu på ${chosen}. Inga ändringar behövde tas ställning till.`);
      return;
    }
    // Conflicts are about items of the version the variant was written for: named by their titles there.
    setFrom(old.schema);
    setPending({ to: chosen, conflicts, decisions: [] });
  };

  const decide = (choice: Choice) => {
    if (!pending) return;
    const decisions = [...pending.decisions, choice];
    if (decisions.length < pending.conflicts.length) return setPending({ ...pending, decisions });
    const next = resolve(draft, pending.conflicts.map((violation, i) => ({ violation, choice: decisions[i]! })), pending.to);
    setPending(undefined);
    const dropped = decisions.filter((d) => d === "drop").length;
    onDone(next, `Varianten bygger nu på ${pending.to}. ${dropped === 0 ? "Alla lokala ändringar behölls." : dropped === 1 ? "1 lokal ändring togs bort." : `${dropped} lokala ändringar togs bort.`}`);
  };

  const shown = current && from ? explain(current, from) : undefined;

  return (
    <section className="st-panel" aria-labelledby="st-rebase-title">
      <h3 id="st-rebase-title">Flytta till en nyare nationell version</h3>
      {!pending && (
        <div className="st-row">
          <label>
            Ny nationell version
            <select id="st-rebase-to" value={chosen} onChange={(e) => setTarget(e.target.value)}>
              {newer.map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          </label>
          <button type="button" id="st-rebase-start" onClick={() => void start()}>Flytta varianten</button>
        </div>
      )}
      {pending && current && shown && (
        <div className="st-conflict" role="group" aria-labelledby="st-conflict-title">
          <h4 id="st-conflict-title" tabIndex={-1}>
            Ändring {pending.decisions.length + 1} av {pending.conflicts.length} att ta ställning till
          </h4>
          <p className="st-what">{shown.what}</p>
          <p className="st-why"><span className="st-muted">Varför:</span> {shown.why}</p>
          <div className="st-buttons">
            {choicesFor(current).includes("keep") && <button type="button" onClick={() => decide("keep")}>{keepWords(current)}</button>}
            <button type="button" onClick={() => decide("drop")}>Ta bort den lokala ändringen</button>
            <button type="button" onClick={() => setPending(undefined)}>Avbryt flytten</button>
          </div>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
