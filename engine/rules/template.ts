/**
 * A finding's message and pointer are templates ("Mål {number} …", "/plan/mal/{index}/…"),
 * split once when the rule is compiled instead of scanned with a regular expression per finding.
 */

const NAME = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;

/** Replaces {name} with the rule's named values; a name with no value stays as written. */
export function messageTemplate(template: string): (values: Record<string, unknown>) => string {
  // Even positions are literal text, odd positions names (String.split keeps the captured group).
  const parts = template.split(NAME);
  if (parts.length === 1) return () => template;
  return (values) => {
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      out += (name in values ? String(values[name] ?? "–") : `{${name}}`) + parts[i + 1]!;
    }
    return out;
  };
}

/** "{index}" in a pointer is the row's index (0 outside rows). */
export function pointerTemplate(template: string): (index: number | undefined) => string {
  const parts = template.split("{index}");
  if (parts.length === 1) return () => template;
  return (index) => parts.join(String(index ?? 0));
}
