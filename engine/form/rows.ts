/**
 * Marks kept per field (touched, changed) follow their rows when a row of a table is removed:
 * the removed row's marks go, later rows' move up by one, everything else stays. Both renderers
 * call this, so a row that moves up never shows errors its new position's old row had earned.
 */
export function marksAfterRowRemoved(marks: ReadonlySet<string>, tablePointer: string, index: number): Set<string> {
  const prefix = tablePointer + "/";
  const out = new Set<string>();
  for (const mark of marks) {
    if (!mark.startsWith(prefix)) {
      out.add(mark);
      continue;
    }
    const rest = mark.slice(prefix.length);
    const slash = rest.indexOf("/");
    const head = slash < 0 ? rest : rest.slice(0, slash);
    // Only array indices move; a property of the table's own object named like a number cannot occur.
    if (!/^(0|[1-9]\d*)$/.test(head)) {
      out.add(mark);
      continue;
    }
    const i = Number(head);
    if (i === index) continue;
    out.add(i > index ? prefix + (i - 1) + (slash < 0 ? "" : rest.slice(slash)) : mark);
  }
  return out;
}
