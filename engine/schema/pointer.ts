/** JSON Pointer (RFC 6901) helpers. Pointers are how every message names the field it is about. */

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function parsePointer(pointer: string): string[] {
  if (pointer === "" || pointer === "#") return [];
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (!body.startsWith("/")) throw new Error(`Ogiltig JSON-pekare: ${pointer}`);
  return body.slice(1).split("/").map(unescapeSegment);
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  return base + segments.map((s) => "/" + escapeSegment(s)).join("");
}

/** Reads the value at a pointer; undefined when any step is missing. Own properties only. */
export function getAt(doc: unknown, pointer: string | string[]): unknown {
  const segments = typeof pointer === "string" ? parsePointer(pointer) : pointer;
  let node: unknown = doc;
  for (const seg of segments) {
    if (node === null || typeof node !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}
