/**
 * One text per JSON value under JSON Schema equality: object keys sorted, so `{a:1,b:2}` and
 * `{b:2,a:1}` read the same (JSON.stringify keeps insertion order and would call them two).
 * Numbers print as JavaScript prints them, so 1 and 1.0 are one value, as JSON Schema says.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map(canonicalJson).join(",") + "]";
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((k) => JSON.stringify(k) + ":" + canonicalJson((value as Record<string, unknown>)[k]));
    return "{" + entries.join(",") + "}";
  }
  return JSON.stringify(value) ?? "null";
}
