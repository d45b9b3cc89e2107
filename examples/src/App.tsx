import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { InstrumentPage } from "./InstrumentPage.tsx";
import { Problem } from "./Problem.tsx";
import { readRoute, rejectedParts, routeHref, type Route } from "./route.ts";
import { Link, RouterContext, type Router } from "./router.tsx";
import { StartPage } from "./StartPage.tsx";

// The studio is loaded only when it is opened, so its code is not in the first page's bundle.
const StudioView = lazy(async () => ({ default: (await import("./studio/StudioView.tsx")).StudioView }));

const QUERY_NAMES: Record<string, string> = { view: "vy", instrument: "formulär", version: "version", variant: "variant", renderer: "teknik", compare: "jämförd version" };

/** Another page, not the same one shown another way (the renderer): where a followed link moves focus. */
function isNewPage(a: Route, b: Route): boolean {
  return a.view !== b.view || a.instrument !== b.instrument || a.version !== b.version || a.variant !== b.variant;
}

/** The example app: every view at its own address (see route.ts), history entries for each step. */
export function App() {
  const [location, setLocation] = useState(() => ({ route: readRoute(window.location.search), search: window.location.search, focus: false }));
  useEffect(() => {
    const onPop = () => setLocation({ route: readRoute(window.location.search), search: window.location.search, focus: false });
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const navigate = useCallback((next: Route, options: { focus?: boolean } = {}) => {
    const href = routeHref(next);
    if (href !== (window.location.search || "?")) window.history.pushState(null, "", href);
    setLocation((now) => ({ route: next, search: href, focus: (options.focus ?? false) && isNewPage(now.route, next) }));
  }, []);
  const router = useMemo<Router>(() => ({ route: location.route, navigate }), [location.route, navigate]);
  const { route } = location;

  // A step taken in the page moves focus to the new page's heading, as a page load would.
  useEffect(() => {
    if (!location.focus) return;
    (document.getElementById("page-title") ?? document.getElementById("main"))?.focus();
  }, [location]);

  const rejected = rejectedParts(location.search);
  let content;
  if (rejected.length > 0) {
    content = (
      <main id="main">
        <Problem>
          <p>
            Adressen har {rejected.length === 1 ? "en del" : "delar"} som appen inte känner igen:{" "}
            {rejected.map((k, i) => (
              <span key={k}>
                {i > 0 && ", "}
                {QUERY_NAMES[k] ?? k} ”{new URLSearchParams(location.search).get(k)}”
              </span>
            ))}
            .
          </p>
        </Problem>
      </main>
    );
  } else if (route.view === "start") {
    content = (
      <main id="main">
        <StartPage />
      </main>
    );
  } else if (route.view === "studio") {
    content = (
      <main id="main" className="studio-main" tabIndex={-1}>
        <Suspense fallback={<p>Studion laddas …</p>}>
          <StudioView route={route} navigate={navigate} />
        </Suspense>
      </main>
    );
  } else {
    content = <InstrumentPage route={route} />;
  }

  useEffect(() => {
    if (route.view === "start") document.title = "Blankett – formulär för socialtjänsten";
    else if (route.view === "studio") document.title = "Studio för lokala varianter – Blankett";
  }, [route.view]);

  return (
    <RouterContext.Provider value={router}>
      <a className="skip" href="#main">
        Till innehållet
      </a>
      <div className="layout">
        <header className="site no-print">
          <h1>
            <Link to={{ view: "start" }}>
              Blankett
            </Link>
          </h1>
          <nav aria-label="Huvudmeny">
            <ul>
              <li>
                <Link to={{ view: "start" }} current={route.view === "start"}>
                  Start
                </Link>
              </li>
              <li>
                <Link to={{ view: "studio" }} current={route.view === "studio"}>
                  Studio för lokala varianter
                </Link>
              </li>
            </ul>
          </nav>
        </header>
        {content}
      </div>
    </RouterContext.Provider>
  );
}
