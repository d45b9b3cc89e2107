import { createContext, useContext, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from "react";
import { routeHref, type Route } from "./route.ts";

export interface Router {
  route: Route;
  /** A new history entry for `next`; `focus` moves focus to the new page's heading (a followed link). */
  navigate(next: Route, options?: { focus?: boolean }): void;
}

export const RouterContext = createContext<Router>({ route: { view: "start" }, navigate: () => {} });

export function useRouter(): Router {
  return useContext(RouterContext);
}

/**
 * A link to a route: an ordinary `<a href>` (open in a new tab, copy, share), followed in the page
 * with a new history entry when clicked without modifier keys.
 */
export function Link({ to, current, children, ...rest }: { to: Route; current?: boolean; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to, { focus: true });
  };
  return (
    <a href={routeHref(to)} aria-current={current ? "page" : undefined} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
