import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from "react";
import type { JsonSchema } from "@blankett/engine/compiler";
import { BlankettForm } from "@blankett/react";
import { applyVariant, hasIndicators, instruments, listSv, variantsOf, type Variant } from "./catalog.ts";
import { Problem } from "./Problem.tsx";
import type { Route, View } from "./route.ts";
import { Link } from "./router.tsx";
import { migrations, registry } from "./schemas.ts";

// Loaded when first shown, so the first page does not wait for the web components, the diff or the indicators.
const ChildLogView = lazy(async () => ({ default: (await import("./ChildLogView.tsx")).ChildLogView }));
const ChildLogDraftPreview = lazy(async () => ({ default: (await import("./ChildLogView.tsx")).ChildLogDraftPreview }));
const DiffView = lazy(async () => ({ default: (await import("./DiffView.tsx")).DiffView }));
const IndicatorsView = lazy(async () => ({ default: (await import("./IndicatorsView.tsx")).IndicatorsView }));
const LitForm = lazy(async () => ({ default: (await import("./LitForm.tsx")).LitForm }));

type Listing = (typeof instruments)[number];
type InstrumentView = Exclude<View, "start" | "studio">;

const VIEW_LABELS: Record<InstrumentView, string> = { form: "Fyll i", child: "Barnets logg", diff: "Jämför versioner", indicators: "Indikatorer" };

/** The views an instrument version has: the child's log only for the barnahus log, indicators where defined. */
function viewsOf(listing: Listing, version: string): InstrumentView[] {
  const out: InstrumentView[] = ["form"];
  if (listing.name === "barnahuslogg") out.push("child");
  if (listing.versions.length > 1) out.push("diff");
  if (hasIndicators(`${listing.name}@${version}`)) out.push("indicators");
  return out;
}

interface Resolved {
  listing: Listing;
  version: string;
  ref: string;
  base: JsonSchema;
  view: InstrumentView;
  variant?: Variant;
}

/** The instrument, version and variant a route names, or a plain explanation of what is wrong with it. */
function resolve(route: Route): Resolved | { problem: ReactNode } {
  if (!route.instrument) return { problem: <p>Adressen säger inte vilket formulär som ska visas.</p> };
  const listing = instruments.find((i) => i.name === route.instrument);
  if (!listing) return { problem: <p>Det finns inget formulär som heter ”{route.instrument}”.</p> };
  const latest = listing.versions[listing.versions.length - 1]!;
  const version = route.version ?? latest;
  const ref = `${listing.name}@${version}`;
  const base = registry.get(ref);
  if (!listing.versions.includes(version) || !base) {
    return {
      problem: (
        <>
          <p>
            {listing.title} finns inte i version {version}. {listing.versions.length === 1 ? "Det finns bara version" : "Det finns versionerna"}{" "}
            {listSv(listing.versions)}.
          </p>
          <VersionLinks listing={listing} />
        </>
      ),
    };
  }
  let variant: Variant | undefined;
  if (route.variant) {
    variant = variantsOf(listing.name, version).find((v) => v.name === route.variant);
    if (!variant) {
      const elsewhere = variantsOf(listing.name).find((v) => v.name === route.variant);
      return {
        problem: (
          <>
            <p>
              Det finns ingen lokal variant som heter ”{route.variant}” av {listing.title} version {version}.
            </p>
            {elsewhere && (
              <p>
                Varianten {elsewhere.title} bygger på version {elsewhere.version}:{" "}
                <Link to={{ view: "form", instrument: listing.name, version: elsewhere.version, variant: elsewhere.name }}>öppna den</Link>.
              </p>
            )}
          </>
        ),
      };
    }
  }
  const views = viewsOf(listing, version);
  const view = route.view as InstrumentView;
  if (!views.includes(view)) {
    const why: Record<InstrumentView, string> = {
      form: "",
      child: "Barnets logg finns bara för Barnahuslogg.",
      diff: `${listing.title} har bara en version, så det finns inget att jämföra med.`,
      indicators: `Det finns inga indikatorer för ${listing.title} version ${version}.`,
    };
    return {
      problem: (
        <>
          <p>{why[view]}</p>
          <p>
            <Link to={{ view: "form", instrument: listing.name, version }}>Fyll i {listing.title} version {version}</Link>
          </p>
        </>
      ),
    };
  }
  return { listing, version, ref, base, view, variant };
}

function VersionLinks({ listing }: { listing: Listing }) {
  return (
    <ul>
      {listing.versions.map((v) => (
        <li key={v}>
          <Link to={{ view: "form", instrument: listing.name, version: v }}>
            {listing.title} version {v}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** True while the viewport is at least `min` wide. */
function useWide(min: string): boolean {
  const query = `(min-width: ${min})`;
  const [wide, setWide] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setWide(m.matches);
    m.addEventListener("change", on);
    return () => m.removeEventListener("change", on);
  }, [query]);
  return wide;
}

/** Every instrument, version and local variant: a link each, keeping the view where the target has it. */
function Picker({ route, current }: { route: Route; current?: Resolved }) {
  const wide = useWide("50rem");
  const list = (
    <>
      {instruments.map((i) => (
        <div key={i.name}>
          <h3>{i.title}</h3>
          <ul>
            {i.versions.map((v) => {
              const views = viewsOf(i, v);
              const view = views.includes(route.view as InstrumentView) ? (route.view as InstrumentView) : "form";
              const here = current?.ref === `${i.name}@${v}`;
              return (
                <li key={v}>
                  <Link to={{ view, instrument: i.name, version: v, renderer: route.renderer }} current={here && !current?.variant}>
                    Version {v}
                  </Link>
                  {variantsOf(i.name, v).length > 0 && (
                    <ul className="variants">
                      {variantsOf(i.name, v).map((variant) => (
                        <li key={variant.name}>
                          <Link
                            to={{ view: "form", instrument: i.name, version: v, variant: variant.name, renderer: route.renderer }}
                            current={here && current?.variant === variant}
                          >
                            Lokal variant: {variant.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
  const shown = current ? `${current.listing.title} ${current.version}${current.variant ? `, ${current.variant.title}` : ""}` : "";
  return (
    <nav aria-labelledby="picker-title" className="picker no-print">
      {wide ? (
        <>
          <h2 id="picker-title">Formulär</h2>
          {list}
        </>
      ) : (
        <details>
          <summary>
            <h2 id="picker-title">Formulär</h2>
            {shown && <span className="shown">{shown}</span>}
          </summary>
          {list}
        </details>
      )}
    </nav>
  );
}

/** A form, the child's log, the version comparison or the indicators of one instrument version. */
export function InstrumentPage({ route }: { route: Route }) {
  const resolved = resolve(route);
  const ok = "problem" in resolved ? undefined : resolved;
  const [submitted, setSubmitted] = useState<{ ref: string; doc: Record<string, unknown> } | null>(null);
  const onSubmit = useCallback((doc: unknown) => ok && setSubmitted({ ref: ok.ref, doc: doc as Record<string, unknown> }), [ok?.ref]);
  const title = ok ? `${ok.listing.title} ${ok.version}${ok.variant ? `, ${ok.variant.title}` : ""} – ${VIEW_LABELS[ok.view]}` : "Sidan finns inte";
  useEffect(() => {
    document.title = `${title} – Blankett`;
  }, [title]);

  return (
    <div className="workspace">
      <Picker route={route} current={ok} />
      <main id="main">
        {"problem" in resolved ? <Problem>{resolved.problem}</Problem> : <Shown r={resolved} route={route} submitted={submitted?.ref === resolved.ref ? submitted.doc : undefined} onSubmit={onSubmit} />}
      </main>
    </div>
  );
}

function Shown({ r, route, submitted, onSubmit }: { r: Resolved; route: Route; submitted?: Record<string, unknown>; onSubmit: (doc: unknown) => void }) {
  const { listing, version, ref, base, view } = r;
  // A variant is a way to fill in the form; the other views show the national version.
  const variant = view === "form" ? r.variant : undefined;
  const renderer = route.renderer ?? "react";
  const views = viewsOf(listing, version);
  const here = { instrument: listing.name, version, renderer: route.renderer };
  const others = variantsOf(listing.name, version);
  const applied = variant ? applyVariant(variant) : undefined;
  const schema = variant ? applied?.schema : base;
  return (
    <>
      <h2 id="page-title" tabIndex={-1}>
        {listing.title} <span className="version">version {version}</span>
      </h2>
      {variant ? (
        <p className="variant-note">
          Du ser den lokala varianten <strong>{variant.title}</strong>, som bygger på den nationella versionen {version}.{" "}
          <Link to={{ ...here, view: "form" }}>Visa den nationella versionen</Link>
        </p>
      ) : (
        view === "form" &&
        others.length > 0 && (
          <p className="variant-note">
            Du ser den nationella versionen. Lokala varianter:{" "}
            {others.map((o, n) => (
              <span key={o.name}>
                {n > 0 && ", "}
                <Link to={{ ...here, view: "form", variant: o.name }}>{o.title}</Link>
              </span>
            ))}
            .
          </p>
        )
      )}
      {views.length > 1 && (
        <nav aria-label="Vyer" className="tabs no-print">
          <ul>
            {views.map((v) => (
              <li key={v}>
                <Link to={{ ...here, view: v, variant: v === "form" ? variant?.name : undefined }} current={v === view}>
                  {VIEW_LABELS[v]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {(view === "form" || view === "child") && (
        <nav aria-label="Teknik" className="tabs switch no-print">
          <span id="renderer-label">Visas med</span>
          <ul aria-labelledby="renderer-label">
            {(["react", "lit"] as const).map((t) => (
              <li key={t}>
                <Link to={{ ...route, renderer: t }} current={renderer === t}>
                  {t === "react" ? "React" : "Webbkomponenter"}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {view === "form" && applied && applied.problems.length > 0 && variant && (
        <div role="alert" className="violations">
          <h3>Varianten {variant.title} bryter mot reglerna och kan inte användas</h3>
          <p>
            Kontrollen hittade {applied.problems.length === 1 ? "ett fel" : `${applied.problems.length} fel`} i{" "}
            <code>schemas/{variant.file}</code>:
          </p>
          <ol>
            {applied.problems.map((p, i) => (
              <li key={i}>
                {p.what} <span className="why">{p.why}</span>
              </li>
            ))}
          </ol>
          <p>
            <Link to={{ view: "studio", instrument: listing.name, version, variant: variant.name }}>Öppna varianten i studion</Link> för att
            rätta den.
          </p>
        </div>
      )}
      <Suspense fallback={<p role="status">Laddar …</p>}>
        {view === "form" && schema && (
          <>
            {renderer === "react" ? (
              <BlankettForm key={`${ref}:${variant?.name}`} schema={schema} migrations={migrations} onSubmit={onSubmit} />
            ) : (
              <LitForm key={`${ref}:${variant?.name}`} schema={schema} onSubmit={onSubmit} />
            )}
            {listing.name === "barnahuslogg" && <ChildLogDraftPreview schema={schema} renderer={renderer} />}
            {submitted && (
              <section aria-live="polite" aria-labelledby="submitted-title">
                <h3 id="submitted-title">Skickade svar</h3>
                <pre tabIndex={0}>{JSON.stringify(submitted, null, 2)}</pre>
              </section>
            )}
          </>
        )}
        {view === "child" && <ChildLogView schema={base} renderer={renderer} own={submitted} />}
        {view === "diff" && <DiffView route={route} name={listing.name} to={version} />}
        {view === "indicators" && <IndicatorsView schema={base} schemaRef={ref} />}
      </Suspense>
    </>
  );
}
