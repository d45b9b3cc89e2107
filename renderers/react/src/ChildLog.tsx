import { useInsertionEffect, useMemo } from "react";
import { buildChildView, type JsonSchema } from "@blankett/engine";
import { adoptBlankettStyles } from "./styles.ts";

export interface ChildLogProps {
  schema: JsonSchema;
  value: unknown;
  /**
   * Who the log is drawn for. Default (and anything but "personal"): the child and the guardians —
   * rows not meant for a guardian are left out. "personal" shows social services' staff every
   * row and who may read it; a host passes it only where staff read the log.
   */
  audience?: "barn" | "personal";
  /** Draw the renderer's stylesheet (default true). */
  styles?: boolean;
}

/**
 * The child's log (DOM contract 11): the engine's child view as a read-only, printable page.
 * Every string is a text node — schema and answer texts are never read as HTML. The version
 * (for the child and guardians, or for staff) is named under the title, on screen and on paper.
 * Each table sits in a focusable, named box that scrolls sideways on its own, so the page never does;
 * on a narrow screen its rows are drawn as cards (explicit table roles keep it a table for screen readers).
 */
export function ChildLog({ schema, value, audience, styles = true }: ChildLogProps) {
  const view = useMemo(() => buildChildView(schema, value, { audience: audience === "personal" ? "personal" : "barn" }), [schema, value, audience]);
  useInsertionEffect(() => {
    if (styles) adoptBlankettStyles();
  }, [styles]);
  return (
    <article className="bf-child-log" lang="sv" data-audience={view.audience}>
      <h1>{view.title}</h1>
      <p className="bf-child-audience">{view.audienceLabel}</p>
      {view.blocks.map((block, i) => {
        if (block.kind === "text") {
          return (
            <section key={i} className="bf-child-text">
              {block.heading && <h2>{block.heading}</h2>}
              <p>{block.text}</p>
            </section>
          );
        }
        if (block.kind === "fields") {
          return (
            <section key={i} className="bf-child-fields">
              <h2>{block.heading}</h2>
              <dl>
                {block.items.map((item, j) => (
                  <div key={j}>
                    <dt>{item.label}</dt>
                    <dd>{item.value}</dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        }
        return (
          <section key={i} className="bf-child-table">
            <h2>{block.heading}</h2>
            <div className="bf-child-scroll" role="region" aria-label={`Tabell: ${block.heading}`} tabIndex={0}>
              <table role="table">
                <thead role="rowgroup">
                  <tr role="row">
                    {block.columns.map((c, j) => (
                      <th scope="col" role="columnheader" key={j}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {block.rows.map((row, j) => (
                    <tr role="row" key={j}>
                      {row.map((cell, k) => (
                        <td role="cell" key={k} data-label={block.columns[k]}>
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <p className="bf-print-action">
        <button type="button" onClick={() => window.print()}>
          Skriv ut
        </button>
      </p>
    </article>
  );
}
