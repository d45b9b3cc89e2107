/**
 * The example app's address: every view has its own URL, so a reload or a shared link opens the
 * same thing. Kept in the query string (not the path) so the static build works from any folder
 * and on any static host without a server-side fallback.
 *
 *   ?view=form&instrument=fia&version=1.0.0&variant=exempelby&renderer=lit
 *   ?view=studio&instrument=fia&version=1.0.0&variant=exempelby
 */
export type View = "start" | "form" | "child" | "diff" | "indicators" | "studio";
export type RendererName = "react" | "lit";

export interface Route {
  view: View;
  instrument?: string;
  version?: string;
  /** A local variant's name (schemas/<instrument>/variants/<name>.overlay.json). */
  variant?: string;
  renderer?: RendererName;
  /** diff: the version compared against. */
  compare?: string;
}

const VIEWS: readonly View[] = ["start", "form", "child", "diff", "indicators", "studio"];
const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const VERSION = /^\d+\.\d+\.\d+$/;

/** The route a query string names; unknown or malformed parts are left out, never guessed. */
export function readRoute(search: string): Route {
  const q = new URLSearchParams(search);
  const view = q.get("view") ?? "start";
  const route: Route = { view: (VIEWS as readonly string[]).includes(view) ? (view as View) : "start" };
  const instrument = q.get("instrument");
  if (instrument && NAME.test(instrument)) route.instrument = instrument;
  const version = q.get("version");
  if (version && VERSION.test(version)) route.version = version;
  const variant = q.get("variant");
  if (variant && NAME.test(variant)) route.variant = variant;
  const renderer = q.get("renderer");
  if (renderer === "react" || renderer === "lit") route.renderer = renderer;
  const compare = q.get("compare");
  if (compare && VERSION.test(compare)) route.compare = compare;
  return route;
}

/** The query string (with its `?`) for a route; `readRoute(routeHref(r))` gives `r` back. */
export function routeHref(route: Route): string {
  const q = new URLSearchParams();
  if (route.view !== "start") q.set("view", route.view);
  for (const key of ["instrument", "version", "variant", "renderer", "compare"] as const) {
    const value = route[key];
    if (value) q.set(key, value);
  }
  const s = q.toString();
  return s ? `?${s}` : "?";
}

/**
 * The query parameters an address has but `readRoute` left out (unknown or malformed values), by
 * name: the app says so instead of showing something the link did not ask for.
 */
export function rejectedParts(search: string): string[] {
  const q = new URLSearchParams(search);
  const route = readRoute(search);
  const out: string[] = [];
  for (const key of ["view", "instrument", "version", "variant", "renderer", "compare"] as const) {
    const raw = q.get(key);
    if (raw !== null && raw !== "" && route[key] !== raw) out.push(key);
  }
  return out;
}
