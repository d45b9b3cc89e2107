import type { ReactNode } from "react";
import { Link } from "./router.tsx";

/** What is shown for an address the app cannot open: why, in plain words, and the way back. */
export function Problem({ children }: { children: ReactNode }) {
  return (
    <section className="problem" aria-labelledby="page-title">
      <h2 id="page-title" tabIndex={-1}>Sidan finns inte</h2>
      {children}
      <p>
        <Link to={{ view: "start" }}>Till startsidan</Link>
      </p>
    </section>
  );
}
