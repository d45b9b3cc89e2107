import { useEffect, useRef } from "react";
import "../../renderers/lit/src/index.ts";
import { registerMigrations } from "../../renderers/lit/src/migrations.ts";
import type { JsonSchema } from "../../engine/index.ts";
import { migrations } from "./schemas.ts";

// As a bundle does for the instruments it carries: older drafts can be opened in a newer version.
registerMigrations(migrations);

/** `<blankett-form>` inside the React app, as a vendor would use it: properties in, events out. */
export function LitForm({ schema, onSubmit }: { schema: JsonSchema; onSubmit: (doc: unknown) => void }) {
  const ref = useRef<HTMLElement & { schema?: JsonSchema }>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.schema = schema;
    const handler = (e: Event) => onSubmit((e as CustomEvent<{ value: unknown }>).detail.value);
    el.addEventListener("blankett-submit", handler);
    return () => el.removeEventListener("blankett-submit", handler);
  }, [schema, onSubmit]);
  return <blankett-form ref={ref} />;
}

export function LitChildLog({ schema, value }: { schema: JsonSchema; value: unknown }) {
  const ref = useRef<HTMLElement & { schema?: JsonSchema; value?: unknown }>(null);
  useEffect(() => {
    if (ref.current) {
      ref.current.schema = schema;
      ref.current.value = value;
    }
  }, [schema, value]);
  return <blankett-child-log ref={ref} />;
}

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      "blankett-form": React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement>;
      "blankett-child-log": React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement>;
    }
  }
}
