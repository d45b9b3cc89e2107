import { useMemo } from "react";
import { diffSchemas, formatHtml } from "@blankett/engine/diff";
import type { Route } from "./route.ts";
import { useRouter } from "./router.tsx";
import { registry } from "./schemas.ts";

/**
 * Two versions of one instrument and the reviewers' report between them (the CLI's HTML,
 * sandboxed). The newer version is the route's `version`, the older its `compare`.
 */
export function DiffView({ route, name, to }: { route: Route; name: string; to: string }) {
  const { navigate } = useRouter();
  const versions = registry.list().find((i) => i.name === name)?.versions ?? [];
  const before = versions.filter((v) => v !== to);
  const from = route.compare && versions.includes(route.compare) ? route.compare : (before.filter((v) => versions.indexOf(v) < versions.indexOf(to)).pop() ?? before[0] ?? to);
  const html = useMemo(() => {
    const a = registry.get(`${name}@${from}`);
    const b = registry.get(`${name}@${to}`);
    return a && b ? formatHtml(diffSchemas(a, b)) : "";
  }, [name, from, to]);
  return (
    <section aria-labelledby="diff-title">
      <h3 id="diff-title">Jämför versioner</h3>
      <p>Rapporten visar vad som ändrats och vad ändringen betyder för svar som redan sparats i den äldre versionen.</p>
      {route.compare && !versions.includes(route.compare) && <p className="note">Version {route.compare} finns inte, så version {from} visas i stället.</p>}
      <p className="controls">
        <label>
          Från version{" "}
          <select value={from} onChange={(e) => navigate({ ...route, compare: e.target.value })}>
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label>
          Till version{" "}
          <select value={to} onChange={(e) => navigate({ ...route, version: e.target.value, compare: from })}>
            {versions.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
      </p>
      {/* The report is a self-contained page without scripts; sandbox="" keeps it that way. */}
      <iframe title={`Ändringar ${name} ${from} till ${to}`} sandbox="" srcDoc={html} className="diff" />
    </section>
  );
}
