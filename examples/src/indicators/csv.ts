/** Saves text as a file through a temporary blob link (no data: URL, no inline script). */
export function downloadText(name: string, text: string, type = "text/csv;charset=utf-8"): void {
  // A byte order mark so that spreadsheet programs read å, ä and ö right.
  const url = URL.createObjectURL(new Blob(["\ufeff", text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
