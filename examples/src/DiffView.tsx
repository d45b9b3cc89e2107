import { useMemo, type ReactNode } from "react";
import {
  changeTexts,
  diffSchemas,
  forReview,
  migrationAware,
  migrationChain,
  needsAction,
  reviewOf,
  restructuredNote,
  ruleReviewOf,
  WITNESS_TITLE,
  BUMP_NAME,
  CLASSES,
  CLASS_NAME,
  FATE_NAME,
  type AnswerFate,
  type ChangeClass,
  type DiffReport,
  type FormatOptions,
  type ItemView,
  type MigrationAwareness,
} from "@blankett/engine/diff";
import type { Route } from "./route.ts";
import { useRouter } from "./router.tsx";
import { migrations, registry } from "./schemas.ts";
import "./DiffView.css";

/**
 * Two versions of one instrument and the reviewers' report between them, in the page itself: the
 * same structure as the CLI's HTML report (engine/diff/format-html.ts) built as React elements,
 * so every schema string is text, never HTML. A summary that stays in view, a table of contents
 * with the counts per class and a link to every change, an anchor per change, sections that fold,
 * and the filter "bara det som bryter eller behöver granskas" (radio inputs and CSS, as in the
 * page). Read together with the migration between the versions: what happens to stored answers.
 * The newer version is the route's `version`, the older its `compare`.
 */

const KIND_NAME: Record<ItemView["kind"], string> = { group: "Grupp av frågor", list: "Lista med rader", choice: "Ett val", multichoice: "Flera val", value: "Värde" };

const ACTION_NAME = { removed: "Borttaget", added: "Tillagt", moved: "Flyttat" } as const;
const minor = (...classes: ChangeClass[]) => (classes.some(needsAction) ? "" : " minor");
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const text = (v: unknown) => (typeof v === "string" ? `”${v}”` : typeof v === "boolean" ? (v ? "ja" : "nej") : JSON.stringify(v));

function Badge({ cls }: { cls: ChangeClass }) {
  return <span className={`badge ${cls}`}>{CLASS_NAME[cls]}</span>;
}

function Json({ value }: { value: unknown }) {
  return <pre>{JSON.stringify(forReview(value), null, 2)}</pre>;
}

function Note({ text }: { text: string | undefined }) {
  return text ? (
    <p className="review-note">
      <strong>Till granskaren:</strong> {text}
    </p>
  ) : null;
}

function Row({ term, changed, children }: { term: string; changed: boolean; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd className={changed ? "diff" : undefined}>
        {children}
        {changed && <span className="mark">(ändrad)</span>}
      </dd>
    </>
  );
}

function Side({ view, other }: { view: ItemView | undefined; other: ItemView | undefined }) {
  if (!view) return <p className="absent">Finns inte i den här versionen.</p>;
  const changed = (a: unknown, b: unknown) => other !== undefined && !same(a, b);
  const codes = new Map((other?.options ?? []).map((o) => [o.code, o.label]));
  const keys = [...new Set([...Object.keys(view.constraints), ...Object.keys(other?.constraints ?? {})])];
  const hints = [...new Set([...Object.keys(view.hints), ...Object.keys(other?.hints ?? {})])];
  return (
    <dl>
      <Row term="Etikett" changed={changed(view.label, other?.label)}>{view.label}</Row>
      <Row term="Var" changed={changed(view.pointer, other?.pointer)}>
        <code>{view.pointer || "/"}</code>
      </Row>
      <Row term="Slag" changed={changed([view.kind, view.type], [other?.kind, other?.type])}>
        {KIND_NAME[view.kind]}
        {view.type ? ` (${view.type})` : ""}
      </Row>
      <Row term="Obligatorisk" changed={changed(view.required, other?.required)}>{view.required ? "ja" : "nej"}</Row>
      {(view.options || other?.options) && (
        <Row term="Alternativ" changed={changed(view.options, other?.options)}>
          <ul className="options">
            {(view.options ?? []).map((o) => (
              <li key={o.code} className={other && codes.get(o.code) !== o.label ? "diff" : undefined}>
                <code>{o.code}</code> — {o.label}
                {other && !codes.has(o.code) && <span className="mark">(finns bara här)</span>}
              </li>
            ))}
          </ul>
        </Row>
      )}
      {keys.map((k) => (
        <Row key={k} term={k} changed={changed(view.constraints[k], other?.constraints[k])}>
          {view.constraints[k] === undefined ? "(ingen)" : typeof view.constraints[k] === "object" ? <Json value={view.constraints[k]} /> : text(view.constraints[k])}
        </Row>
      ))}
      {(view.help !== undefined || other?.help !== undefined) && (
        <Row term="Hjälptext" changed={changed(view.help, other?.help)}>{view.help ?? "(ingen)"}</Row>
      )}
      {(view.visibleWhen !== undefined || other?.visibleWhen !== undefined) && (
        <Row term="Visas när" changed={changed(view.visibleWhen, other?.visibleWhen)}>{view.visibleWhen === undefined ? "alltid" : <Json value={view.visibleWhen} />}</Row>
      )}
      {hints.map((k) => (
        <Row key={`h-${k}`} term={`Visning: ${k}`} changed={changed(view.hints[k], other?.hints[k])}>
          {view.hints[k] === undefined ? "(ingen)" : typeof view.hints[k] === "object" ? <Json value={view.hints[k]} /> : text(view.hints[k])}
        </Row>
      ))}
    </dl>
  );
}

function ChangeLine({ report, i, options, values }: { report: DiffReport; i: number; options: FormatOptions; values: boolean }) {
  const c = report.changes[i]!;
  const t = changeTexts(report, i, options);
  const show = values && c.kind !== "description-changed" && (c.before !== undefined || c.after !== undefined) && !same(forReview(c.before), forReview(c.after));
  return (
    <li id={`dv-c-${i}`} className={`change${minor(c.class)}`}>
      <Badge cls={c.class} /> {t.summary}
      <span className="why">Varför: {t.reason}</span>
      {t.lost && t.migration && <span className="migration lost">Migreringen: {t.migration}</span>}
      {t.accepted && <span className="migration">{t.accepted}</span>}
      {c.witness !== undefined && (
        <details>
          <summary>{WITNESS_TITLE}</summary>
          <Json value={c.witness} />
        </details>
      )}
      {show && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Tabell, rulla i sidled">
          <table className="sides">
            <thead>
              <tr>
                <th scope="col">Före</th>
                <th scope="col">Efter</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{c.before === undefined ? <span className="absent">(finns inte)</span> : <Json value={c.before} />}</td>
                <td>{c.after === undefined ? <span className="absent">(finns inte)</span> : <Json value={c.after} />}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <details className="section" open>
      <summary>
        <h4 id={id}>{title}</h4>
      </summary>
      {children}
    </details>
  );
}

function Fates({ report, m }: { report: DiffReport; m: MigrationAwareness }) {
  const moving = m.answers.filter((a) => a.kind !== "kept");
  const kept = m.answers.filter((a) => a.kind === "kept");
  const table = (rows: AnswerFate[], caption?: string) => (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Tabell, rulla i sidled">
      <table className="fates">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">Sparat svar (före)</th>
            <th scope="col">Vad som händer</th>
            <th scope="col">Hamnar i</th>
            <th scope="col">Förklaring</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.pointer} className={a.kind === "unplaced" || a.aside ? undefined : "minor"}>
              <td>
                <code>{a.pointer}</code>
                <br />
                {a.label}
              </td>
              <td>
                {a.kind === "unplaced" && <Badge cls="breaking" />} {FATE_NAME[a.kind]}
              </td>
              <td>{a.to.length ? a.to.map((t) => <code key={t}>{t} </code>) : <span className="absent">(ingen plats)</span>}</td>
              <td>{a.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      {m.steps.length ? (
        <p>
          Migrering:{" "}
          {m.steps.map((s) => (
            <span key={s.from}>
              <code>{s.from}</code> → <code>{s.to}</code>
              {s.title ? ` (${s.title})` : ""}{" "}
            </span>
          ))}
        </p>
      ) : (
        <p>
          Ingen migrering leder från {report.old.ref} till {report.new.ref}: svar utan plats i den nya versionen blir ogiltiga.
        </p>
      )}
      {table(moving, `Svar som flyttas, ändras eller sparas undan (${moving.length})`)}
      {m.defaults.length > 0 && (
        <ul>
          {m.defaults.map((d) => (
            <li key={d.pointer}>
              Nytt svar <code>{d.pointer}</code> = {text(d.value)}: {d.reason}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Svar som ligger kvar där de är ({kept.length})</summary>
        {table(kept)}
      </details>
    </>
  );
}

function Report({ report, options }: { report: DiffReport; options: FormatOptions }) {
  const { bump } = report;
  const indexed = report.changes.map((c, i) => ({ c, i }));
  const inItems = new Set(report.items.flatMap((item) => item.changes));
  const general = indexed.filter(({ c, i }) => c.kind === "instrument-changed" && !inItems.has(i));
  const rules = indexed.filter(({ c, i }) => c.kind.startsWith("rule") && !inItems.has(i));
  const shown = new Set([...inItems, ...general.map(({ i }) => i), ...rules.map(({ i }) => i)]);
  const rest = indexed.filter(({ i }) => !shown.has(i));
  return (
    <div className="diff-report">
      <p className="filter-legend">Visa:</p>
      <input type="radio" name="dv-filter" id="dv-filter-allt" className="filter-input" defaultChecked />
      <label htmlFor="dv-filter-allt" className="filter-label">
        Alla ändringar
      </label>
      <input type="radio" name="dv-filter" id="dv-filter-viktigt" className="filter-input" />
      <label htmlFor="dv-filter-viktigt" className="filter-label">
        Bara det som bryter eller behöver granskas
      </label>
      <div className="layout">
        <div className="sticky" role="region" aria-label="Sammanfattning i korthet">
          {CLASSES.map((c) => (
            <span key={c}>
              <Badge cls={c} /> {report.counts[c]}
            </span>
          ))}
          <span className={`verdict ${bump.matches ? "ok" : "bad"}`}>
            Kräver {BUMP_NAME[bump.required]}: {bump.matches ? "✓ versionen stämmer" : "✗ versionen stämmer inte"}
          </span>
        </div>
        <nav className="toc" aria-labelledby="dv-innehall">
          <h4 id="dv-innehall">Innehåll</h4>
          {CLASSES.filter((cls) => report.counts[cls] > 0).map((cls) => (
            <details key={cls} className={`toc-class${minor(cls)}`} data-class={cls}>
              <summary>
                {CLASS_NAME[cls]} (<span data-count={cls}>{report.counts[cls]}</span>)
              </summary>
              <ol>
                {indexed
                  .filter(({ c }) => c.class === cls)
                  .map(({ c, i }) => (
                    <li key={i}>
                      <a href={`#dv-c-${i}`}>
                        {c.label}: {changeTexts(report, i, options).summary}
                      </a>
                    </li>
                  ))}
              </ol>
            </details>
          ))}
        </nav>
        <Section id="dv-sammanfattning" title="Sammanfattning">
          <p className={`verdict ${bump.matches ? "ok" : "bad"}`}>
            <strong>Ändringarna kräver:</strong> {BUMP_NAME[bump.required]}. <strong>Angiven version:</strong> {report.old.version} → {report.new.version}, {BUMP_NAME[bump.declared]}:{" "}
            <strong>{bump.matches ? "✓ Stämmer" : "✗ Stämmer inte"}</strong>
            {bump.problem ? ` — ${bump.problem}` : ""}
          </p>
        </Section>
        {options.migration && (
          <Section id="dv-sparade-svar" title="Vad händer med sparade svar">
            <Fates report={report} m={options.migration} />
          </Section>
        )}
        {report.restructured.length > 0 && (
          <Section id="dv-omstrukturering" title="Omstrukturerade områden">
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Tabell, rulla i sidled">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Vad</th>
                    <th scope="col">Område</th>
                    <th scope="col">Före</th>
                    <th scope="col">Efter</th>
                    <th scope="col">Frågor</th>
                  </tr>
                </thead>
                <tbody>
                  {report.restructured.map((r) => (
                    <tr key={`${r.action}:${r.pointer}`} className={minor(r.class).trim() || undefined}>
                      <td>
                        <Badge cls={r.class} /> {ACTION_NAME[r.action]}
                      </td>
                      <td>{r.label}</td>
                      <td>{r.action === "added" ? <span className="absent">(finns inte)</span> : <code>{r.pointer}</code>}</td>
                      <td>{r.action === "removed" ? <span className="absent">(finns inte)</span> : <code>{r.newPointer ?? r.pointer}</code>}</td>
                      <td>
                        {r.items}
                        {restructuredNote(report, r, options) && (
                          <>
                            <br />
                            {restructuredNote(report, r, options)}
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        )}
        {general.length > 0 && (
          <Section id="dv-formularet" title="Formuläret">
            <ul className="changes">
              {general.map(({ i }) => (
                <ChangeLine key={i} report={report} i={i} options={options} values />
              ))}
            </ul>
          </Section>
        )}
        {report.items.length > 0 && (
          <Section id="dv-fragor" title={`Ändringar i frågorna (${report.items.length})`}>
            {report.items.map((item, n) => {
              const classes = item.changes.map((i) => report.changes[i]!.class);
              const breaking = classes.some(needsAction);
              return (
                <article key={n} className={`item${breaking ? " breaking-item" : ""}${minor(...classes)}`}>
                  <h5>
                    {item.label}{" "}
                    <span className="pointer">
                      <code>{item.pointer || "/"}</code>
                      {item.newPointer && (
                        <>
                          {" → "}
                          <code>{item.newPointer}</code>
                        </>
                      )}
                    </span>
                  </h5>
                  <Note text={reviewOf(item.new, item.old)} />
                  <ul className="changes">
                    {item.changes.map((i) => (
                      <ChangeLine key={i} report={report} i={i} options={options} values={false} />
                    ))}
                  </ul>
                  <details open={breaking}>
                    <summary>Före och efter</summary>
                    <div className="table-scroll" tabIndex={0} role="region" aria-label="Tabell, rulla i sidled">
                      <table className="sides">
                        <thead>
                          <tr>
                            <th scope="col">Före ({report.old.version})</th>
                            <th scope="col">Efter ({report.new.version})</th>
                          </tr>
                        </thead>
                        <tbody>
                          <tr>
                            <td>
                              <Side view={item.old} other={item.new} />
                            </td>
                            <td>
                              <Side view={item.new} other={item.old} />
                            </td>
                          </tr>
                        </tbody>
                      </table>
                    </div>
                  </details>
                </article>
              );
            })}
          </Section>
        )}
        {rules.length > 0 && (
          <Section id="dv-regler" title={`Ändringar i reglerna (${rules.length})`}>
            {rules.map(({ c, i }) => (
              <article key={i} className={`item${needsAction(c.class) ? " breaking-item" : ""}${minor(c.class)}`}>
                <h5>
                  {c.label} <span className="pointer">{c.rule ? <>regel <code>{c.rule}</code></> : "regelordningen"}</span>
                </h5>
                <Note text={ruleReviewOf(c)} />
                <ul className="changes">
                  <ChangeLine report={report} i={i} options={options} values />
                </ul>
              </article>
            ))}
          </Section>
        )}
        {rest.length > 0 && (
          <Section id="dv-ovrigt" title={`Övriga ändringar (${rest.length})`}>
            <ul className="changes">
              {rest.map(({ i }) => (
                <ChangeLine key={i} report={report} i={i} options={options} values />
              ))}
            </ul>
          </Section>
        )}
        {report.changes.length === 0 && <p>Inga ändringar.</p>}
      </div>
    </div>
  );
}

export function DiffView({ route, name, to }: { route: Route; name: string; to: string }) {
  const { navigate } = useRouter();
  const versions = registry.list().find((i) => i.name === name)?.versions ?? [];
  const before = versions.filter((v) => v !== to);
  const from = route.compare && versions.includes(route.compare) ? route.compare : (before.filter((v) => versions.indexOf(v) < versions.indexOf(to)).pop() ?? before[0] ?? to);
  const result = useMemo(() => {
    const a = registry.get(`${name}@${from}`);
    const b = registry.get(`${name}@${to}`);
    if (!a || !b) return undefined;
    const report = diffSchemas(a, b);
    const chain = migrationChain(migrations, name, from, to);
    const options: FormatOptions = chain.length ? { migration: migrationAware(report, migrations, { old: a, new: b }) } : {};
    return { report, options };
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
      {result && <Report report={result.report} options={result.options} />}
    </section>
  );
}
