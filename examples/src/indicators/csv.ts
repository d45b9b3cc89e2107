import { downloadText as save } from "../download.ts";

/** Saves a CSV text as a file. */
export function downloadText(name: string, text: string, type = "text/csv;charset=utf-8"): void {
  save(name, text, type);
}
