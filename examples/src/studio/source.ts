import type { JsonSchema } from "@blankett/engine";
import { besideSchema, indicatorFiles, overlays, registry } from "../schemas.ts";
import type { VariantDraft } from "./operations.ts";
import { downloadText as downloadFile } from "../download.ts";

/**
 * Where the studio reads schemas and variants from, and where it saves: the local server of
 * `npx blankett studio` (its page carries a token; every API call sends it), or — in the static
 * example app — the schemas bundled into the app, files opened from disk and downloads.
 */
export interface InstrumentInfo {
  name: string;
  versions: string[];
}

export interface VariantInfo {
  instrument: string;
  name: string;
  base: string;
  title?: string;
}

export interface SaveResult {
  /** Where it was written (server) or the name of the downloaded file. */
  file: string;
  violations: unknown[];
}

export interface Source {
  kind: "server" | "static";
  /** The folder the server works in (server only). */
  folder?: string;
  instruments(): Promise<InstrumentInfo[]>;
  variants(): Promise<VariantInfo[]>;
  schema(ref: string): Promise<JsonSchema | undefined>;
  indicators(ref: string): Promise<unknown>;
  open(instrument: string, name: string): Promise<VariantDraft | undefined>;
  save(overlay: VariantDraft): Promise<SaveResult>;
}

export class SourceError extends Error {}

/** The token the studio server writes into the page, or undefined in the static app. */
export function studioToken(doc: Document = document): string | undefined {
  const content = doc.querySelector('meta[name="blankett-studio-token"]')?.getAttribute("content");
  return content ? content : undefined;
}

const seg = (s: string) => encodeURIComponent(s);
const parts = (ref: string) => ref.split("@") as [string, string];

export function serverSource(token: string): Source {
  const cache = new Map<string, Promise<unknown>>();
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(path, { ...init, credentials: "same-origin", headers: { ...(init.headers ?? {}), "X-Blankett-Token": token, Accept: "application/json" } });
    return res;
  };
  const json = async <T>(path: string): Promise<T> => {
    const res = await call(path);
    if (!res.ok) throw new SourceError(`Servern svarade ${res.status} för ${path}`);
    return (await res.json()) as T;
  };
  const cached = <T>(path: string, load: () => Promise<T>): Promise<T> => {
    let p = cache.get(path);
    if (!p) cache.set(path, (p = load()));
    return p as Promise<T>;
  };
  const listing = () => cached("/api/studio", () => json<{ folder: string; instruments: InstrumentInfo[]; variants: VariantInfo[] }>("/api/studio"));
  const source: Source = {
    kind: "server",
    instruments: async () => (await listing()).instruments,
    variants: async () => (await json<{ variants: VariantInfo[] }>("/api/studio")).variants,
    schema: (ref) => {
      const [name, version] = parts(ref);
      return cached(`/api/schemas/${seg(name)}/${seg(version)}`, async () => {
        const res = await call(`/api/schemas/${seg(name)}/${seg(version)}`);
        return res.ok ? ((await res.json()) as JsonSchema) : undefined;
      });
    },
    indicators: (ref) => {
      const [name, version] = parts(ref);
      return cached(`/api/indicators/${seg(name)}/${seg(version)}`, async () => {
        const res = await call(`/api/indicators/${seg(name)}/${seg(version)}`);
        return res.ok ? ((await res.json()) as unknown) : undefined;
      });
    },
    open: async (instrument, name) => {
      const res = await call(`/api/variants/${seg(instrument)}/${seg(name)}`);
      if (res.status === 404) return undefined;
      if (!res.ok) throw new SourceError(`Varianten gick inte att öppna (svar ${res.status})`);
      return (await res.json()) as VariantDraft;
    },
    save: async (overlay) => {
      const [instrument] = parts(overlay.base);
      const res = await call(`/api/variants/${seg(instrument)}/${seg(overlay.name)}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(overlay, null, 2) + "\n",
      });
      const body = (await res.json().catch(() => ({}))) as { saved?: boolean; file?: string; violations?: unknown[]; error?: string };
      if (!res.ok || body.saved === false) throw new SourceError(body.error ?? `Varianten sparades inte (svar ${res.status})`);
      return { file: body.file ?? `${overlay.name}.overlay.json`, violations: body.violations ?? [] };
    },
  };
  void listing().then((l) => (source.folder = l.folder)).catch(() => undefined);
  return source;
}

/** The overlay as a file: the JSON the CLI reads, two-space indented. */
export function overlayText(overlay: VariantDraft): string {
  return JSON.stringify(overlay, null, 2) + "\n";
}

/** Bundled overlays: "../../schemas/<instrument>/variants/<name>.overlay.json". */
function bundled(): Array<{ instrument: string; name: string; overlay: VariantDraft }> {
  return Object.entries(overlays).flatMap(([path, o]) => {
    const m = /\/([^/]+)\/variants\/([^/]+)\.overlay\.json$/.exec(path);
    return m ? [{ instrument: m[1]!, name: m[2]!, overlay: o as unknown as VariantDraft }] : [];
  });
}

export function staticSource(): Source {
  return {
    kind: "static",
    instruments: async () => registry.list().map((i) => ({ name: i.name, versions: [...i.versions] })),
    variants: async () => bundled().map((b) => ({ instrument: b.instrument, name: b.name, base: String(b.overlay.base), ...(b.overlay.title ? { title: String(b.overlay.title) } : {}) })),
    schema: async (ref) => registry.get(ref),
    indicators: async (ref) => besideSchema(indicatorFiles, ref, "indicators"),
    open: async (instrument, name) => {
      const found = bundled().find((b) => b.instrument === instrument && b.name === name);
      return found ? (structuredClone(found.overlay) as VariantDraft) : undefined;
    },
    save: async (overlay) => {
      const file = `${overlay.name || "variant"}.overlay.json`;
      downloadFile(file, overlayText(overlay));
      return { file, violations: [] };
    },
  };
}

export function detectSource(): Source {
  const token = studioToken();
  return token ? serverSource(token) : staticSource();
}

/** Reads an overlay from a file the person picked; a message in Swedish when it is not one. */
export async function readOverlayFile(file: File): Promise<VariantDraft> {
  if (file.size > 1_000_000) throw new SourceError("Filen är större än 1 MB och kan inte vara en variant.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new SourceError(`${file.name} är ingen JSON-fil.`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || typeof (parsed as { base?: unknown }).base !== "string") {
    throw new SourceError(`${file.name} är ingen variant: den säger inte vilken nationell version den bygger på.`);
  }
  return parsed as VariantDraft;
}
