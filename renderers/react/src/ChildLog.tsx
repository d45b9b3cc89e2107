import { useInsertionEffect, useMemo } from "react";
import { buildChildView, type JsonSchema } from "@blankett/engine";
import { adoptBlankettStyles } from "./styles.ts";

export interface ChildLogProps {
  schema: JsonSchema;
  value: unknown;
  /** Draw the renderer's stylesheet (default true). */
  styles?: boolean;
}

/**
 * The child's log (DOM contract 11): the engine's child view as a read-only, printable page.
 * Every string is a text node — schema and answer texts are never read as HTML.
 */
export function ChildLog({ schema, value, styles = true }: ChildLogProps) {
  const view = useMemo(() => buildChildView(schema, value), [schema, value]);
  useInsertionEffect(() => {
    if (styles) adoptBlankettStyles();
  }, [styles]);
  return (
    <article className="bf-child-log" lang="sv">
      <h1>{view.title}</h1>
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
            <table>
              <thead>
                <tr>
                  {block.columns.map((c, j) => (
                    <th scope="col" key={j}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row, j) => (
                  <tr key={j}>
                    {row.map((cell, k) => (
                      <td key={k}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
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
