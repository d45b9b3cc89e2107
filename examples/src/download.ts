/**
 * Saves text as a file through a temporary blob link (no data: URL, no inline script), for the
 * studio's variant and sample answers and the indicators' CSV.
 */
export function downloadText(name: string, text: string, type = "application/json"): void {
  // CSV gets a byte order mark so that spreadsheet programs read å, ä and ö right.
  const parts = type.startsWith("text/csv") ? ["\ufeff", text] : [text];
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
