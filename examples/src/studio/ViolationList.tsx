import type { Explained } from "./check.ts";

export interface ShownViolation extends Explained {
  /** Where the editor shows it: an element id to move focus to. */
  target?: string;
  /** The question's name in the link ("Gå till …"). */
  name?: string;
}

/**
 * What the variant may not do, checked after every change with the same rules as `blankett
 * overlay check`: what is not allowed, why, and a button that moves focus to it in the editor.
 */
export function ViolationList({ items, pending, onGo }: { items: ShownViolation[]; pending: boolean; onGo: (target: string) => void }) {
  return (
    <section className="st-violations" aria-labelledby="st-violations-title" aria-busy={pending}>
      <h3 id="st-violations-title">Kontroll mot de nationella reglerna</h3>
      <p role="status" className={items.length ? "st-bad" : "st-good"} data-checking={pending ? "" : undefined}>
        {pending && items.length === 0 ? "Kontrollerar …" : items.length === 0 ? "Varianten följer reglerna." : items.length === 1 ? "1 sak behöver ändras innan varianten kan användas." : `${items.length} saker behöver ändras innan varianten kan användas.`}
      </p>
      {items.length > 0 && (
        <ul>
          {items.map((v, i) => (
            <li key={i} className="st-violation">
              <p className="st-what">{v.what}</p>
              <p className="st-why">
                <span className="st-muted">Varför:</span> {v.why}
              </p>
              {v.target && (
                <button type="button" className="st-link" onClick={() => onGo(v.target!)}>
                  Gå till {v.name ? `”${v.name}”` : "stället i redigeraren"}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
