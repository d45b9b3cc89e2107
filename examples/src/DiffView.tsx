import { useMemo, useState } from "react";
import { diffSchemas, formatHtml } from "@blankett/engine/diff";
import { registry } from "./schemas.ts";

/** Pick two versions of one instrument and read the reviewers' report (the CLI's HTML, sandboxed). */
export function DiffView({ name }: { name: string }) {
  const versions = registry.list().find((i) => i.name === name)?.versions ?? [];
  const [from, setFrom] = useState(versions[Math.max(0, versions.length - 2)] ?? "");
  const [to, setTo] = useState(versions[versions.length - 1] ?? "");
  const html = useMemo(() => {
    const a = registry.get(`${name}@${from}`);
    const b = registry.get(`${name}@${to}`);
    return a && b ? formatHtml(diffSchemas(a, b)) : "";
  }, [name, from, to]);
  if (versions.length < 2) return <p>{name} har bara en version.</p>;
  return (
    <section aria-labelledby="diff-title">
      <h2 id="diff-title">Jämför versioner</h2>
      <p className="controls">
        <label>
          Från version{" "}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {versions.map((v) => <option key={v}>{v}</option>)}
          </select>
        </label>{" "}
        <label>
          Till version{" "}
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            {versions.map((v) => <option key={v}>{v}</option>)}
          </select>
        </label>
      </p>
      {/* The report is a self-contained page without scripts; sandbox="" keeps it that way. */}
      <iframe title={`Ändringar ${name} ${from} till ${to}`} sandbox="" srcDoc={html} className="diff" />
    </section>
  );
}
