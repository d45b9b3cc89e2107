import { useEffect, useRef } from "react";
import type { BlankettChildLog, BlankettForm } from "@blankett/elements";
import "@blankett/elements";
import type {} from "@blankett/elements/react";
import { registerMigrations } from "@blankett/elements/migrations";
import { registerPrecompiled, type JsonSchema } from "@blankett/engine/compiler";
import { files, migrations } from "./schemas.ts";

// As a bundle does for the instruments it carries: older drafts can be opened in a newer version.
registerMigrations(migrations);

// The web components validate with precompiled validators (no compiler in their engine runtime).
// Here, not in schemas.ts, so that the first page does not load them.
const validators = import.meta.glob<(d: unknown) => boolean>("../../schemas/validators/*.js", { eager: true, import: "default" });
for (const s of Object.values(files)) {
  const m = /schemas\/([^/]+)\/([^/]+)$/.exec(String(s.$id));
  const v = m && Object.entries(validators).find(([p]) => p.endsWith(`/${m[1]}-${m[2]}.js`));
  if (v) registerPrecompiled(String(s.$id), v[1] as never);
}

/** `<blankett-form>` inside the React app, as a vendor would use it: properties in, events out. */
export function LitForm({ schema, onSubmit }: { schema: JsonSchema; onSubmit: (doc: unknown) => void }) {
  const ref = useRef<BlankettForm>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.schema = schema;
    const handler = (e: HTMLElementEventMap["blankett-submit"]) => onSubmit(e.detail.value);
    el.addEventListener("blankett-submit", handler);
    return () => el.removeEventListener("blankett-submit", handler);
  }, [schema, onSubmit]);
  return <blankett-form ref={ref} />;
}

export function LitChildLog({ schema, value }: { schema: JsonSchema; value: unknown }) {
  const ref = useRef<BlankettChildLog>(null);
  useEffect(() => {
    if (ref.current) {
      ref.current.schema = schema;
      ref.current.value = value as BlankettChildLog["value"];
    }
  }, [schema, value]);
  return <blankett-child-log ref={ref} />;
}
