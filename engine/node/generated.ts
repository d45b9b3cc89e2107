import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Files generated from the schemas: which were rewritten, or (when checking) which are stale. */
export interface GeneratedReport {
  written: string[];
  stale: string[];
}

/** Writes a generated file only when its content changed; with `check`, only notes that it would. */
export function syncGenerated(path: string, source: string, check: boolean, report: GeneratedReport): void {
  const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  if (current === source) return;
  if (check) {
    report.stale.push(path);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, source);
  report.written.push(path);
}
