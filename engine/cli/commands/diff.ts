import { spawnSync } from "node:child_process";
import { basename, dirname, resolve } from "node:path";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { InputError, loadSchemaRef, readJsonFile, SCHEMAS_DIR } from "../../node/files.ts";
import { describeJsonFailure, parseJson } from "../../node/limits.ts";
import { loadMigrations } from "../../node/migrations.ts";
import { writeOutFile } from "../../node/writeGuard.ts";
import { isSchemaObject, type JsonSchema } from "../../schema/types.ts";
import { checkMigration } from "../../migrate/check.ts";
import type { Migration } from "../../migrate/types.ts";
import { diffSchemas } from "../../diff/diff.ts";
import { parseReviewFile, reviewFileName, type ReviewFile } from "../../diff/review.ts";
import { formatText } from "../../diff/format-text.ts";
import { formatHtml } from "../../diff/format-html.ts";
import { formatMarkdown } from "../../diff/format-markdown.ts";
import { migrationAware, migrationChain, type MigrationAwareness } from "../../diff/migration-aware.ts";
import type { DiffReport } from "../../diff/types.ts";
import { EXIT_INVALID, EXIT_OK, printLines, type Output } from "../output.ts";

export type DiffFormat = "text" | "json" | "html" | "markdown";
const FORMATS: readonly string[] = ["text", "json", "html", "markdown"];

export interface DiffCommandOptions {
  /** text (default), json, html or markdown. */
  format?: string;
  /** Exit 1 when the declared version numbers do not match the bump the changes call for. */
  checkBump?: boolean;
  /** Write the report to this file instead of stdout (a new file, see engine/node/writeGuard.ts). */
  out?: string;
  /** Replace an existing --out file. */
  force?: boolean;
  /**
   * A migration file (schemas/MIGRATIONS.md) to read the diff against. Without it the
   * instrument's own migrations between the two versions are used, when there are any.
   */
  migration?: string;
  /**
   * A git revision: compare the working-tree schema file (the only positional argument) with the
   * same path in that revision (`git show <rev>:<path>`).
   */
  base?: string;
}

function checked(schema: unknown, ref: string): JsonSchema {
  if (!isSchemaObject(schema)) throw new InputError(`${ref} är inget schema (ett JSON-objekt väntades)`);
  const info = schema["x-instrument"];
  if (!isSchemaObject(info) || typeof info.name !== "string" || typeof info.version !== "string") {
    throw new InputError(`${ref} saknar x-instrument med namn och version och kan inte jämföras`);
  }
  return schema;
}

const load = (ref: string): JsonSchema => checked(loadSchemaRef(ref), ref);

/**
 * The file as it is in a git revision. git runs with an argument list (never a shell), in the
 * file's folder, with the path relative to it (`<rev>:./<name>`), so the file may be anywhere in a
 * work tree. A revision that could be read as an option, or that would change which file is read,
 * is refused.
 */
export function readAtRevision(file: string, rev: string): { text: string; shown: string } {
  if (rev === "" || rev.startsWith("-") || /[:\s\u0000]/.test(rev)) {
    throw new InputError(`Ogiltig revision ”${rev}” för --base: ange en gren, en tagg eller en commit (till exempel HEAD eller main)`);
  }
  const full = resolve(file);
  const shown = `${rev}:${file}`;
  const result = spawnSync("git", ["show", `${rev}:./${basename(full)}`], {
    cwd: dirname(full),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0" },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError("git finns inte: --base läser den äldre versionen ur git, installera git eller jämför två filer");
    throw new InputError(`git kunde inte köras för --base: ${result.error.message}`);
  }
  if (result.status !== 0) throw new InputError(`${file} finns inte i revisionen ${rev} (eller ${rev} är ingen revision i git-förrådet)`);
  return { text: result.stdout, shown };
}

function parseSchemaText(text: string, shown: string): JsonSchema {
  const parsed = parseJson(text);
  if ("failure" in parsed) throw new InputError(`${shown}: ${describeJsonFailure(parsed.failure, text, true)}`);
  return checked(parsed.value, shown);
}

/** The migrations to read the diff against: a given file, else the instrument's own (if any). */
function migrationsFor(report: DiffReport, file: string | undefined): Migration[] | undefined {
  if (file !== undefined) {
    const data = readJsonFile(file);
    const issues = checkMigration(data);
    if (issues.length) throw new InputError(`Migreringen ${file} går inte att använda: ${issues[0]}`);
    const m = data as Migration;
    if (migrationChain([m], report.old.name, report.old.version, report.new.version).length === 0) {
      throw new InputError(`Migreringen ${file} går från ${m.instrument}@${m.from} till ${m.instrument}@${m.to}, inte från ${report.old.ref} till ${report.new.ref}`);
    }
    return [m];
  }
  if (report.old.name !== report.new.name || report.old.version === report.new.version) return undefined;
  let all: Migration[];
  try {
    all = loadMigrations(report.old.name);
  } catch (e) {
    if (e instanceof InputError) throw e;
    return undefined;
  }
  return migrationChain(all, report.old.name, report.old.version, report.new.version).length ? all : undefined;
}

/**
 * `blankett diff <old> <new> [--format text|json|html|markdown] [--check-bump] [--migration file]
 * [--out file]` and `blankett diff --base <rev> <schema.json>`: what changed between two versions
 * of an instrument and what it means for stored answers, read together with the migration between
 * them. Exit 0; with --check-bump, 1 when the version numbers do not say what the changes call
 * for; 2 for unusable input.
 */
export async function diffCommand(io: Output, first: string, second: string | undefined, opts: DiffCommandOptions = {}): Promise<number> {
  const format = opts.format ?? "text";
  if (!FORMATS.includes(format)) throw new InputError(`Okänt format ”${format}”: välj text, json, html eller markdown`);
  let before: JsonSchema;
  let after: JsonSchema;
  let inputs: string[];
  if (opts.base !== undefined) {
    if (second !== undefined) throw new InputError("Med --base anges bara en schemafil: den jämförs med samma fil i revisionen");
    if (!first.endsWith(".json")) throw new InputError(`Med --base anges en schemafil (.json), inte ${first}`);
    after = load(first);
    const { text, shown } = readAtRevision(first, opts.base);
    before = parseSchemaText(text, shown);
    inputs = [first];
  } else {
    if (second === undefined) throw new InputError("Saknar två versioner (formulär@version eller schemafil)");
    before = load(first);
    after = load(second);
    inputs = [first, second].filter((ref) => ref.endsWith(".json"));
  }
  let report: DiffReport;
  // A bump check is a verdict: every change not proven breaking is searched for a counter-example,
  // and the reviewer's accepted "needs review" changes (<version>.review.json beside the new
  // version) count as compatible.
  const accepted = opts.checkBump ? reviewFileFor(opts.base ? first : (second ?? first), after) : undefined;
  try {
    report = diffSchemas(before, after, opts.checkBump ? { search: true, ...(accepted ? { accepted } : {}) } : {});
  } catch (e) {
    // A broken $ref or a schema shape the walk cannot follow: the input is unusable, say so in one line.
    throw new InputError(`Schemana går inte att jämföra: ${e instanceof Error ? e.message : String(e)}`);
  }
  const migrations = migrationsFor(report, opts.migration);
  let migration: MigrationAwareness | undefined;
  if (migrations) {
    try {
      migration = migrationAware(report, migrations, { old: before, new: after });
    } catch (e) {
      throw new InputError(`Migreringen går inte att läsa mot jämförelsen: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const options = migration ? { migration } : {};
  const text =
    format === "json"
      ? JSON.stringify(migration ? { ...report, migration } : report, null, 2)
      : format === "html"
        ? formatHtml(report, options)
        : format === "markdown"
          ? formatMarkdown(report, options)
          : formatText(report, options);
  if (opts.out !== undefined) {
    writeOutFile(opts.out, text.endsWith("\n") ? text : text + "\n", { force: !!opts.force, inputs: [...inputs, ...(opts.migration ? [opts.migration] : [])] });
  } else printLines(io.out, text);
  if (opts.checkBump && !report.bump.matches) {
    io.err(`Versionsnumret stämmer inte: ${report.bump.problem ?? ""}`.trim());
    return EXIT_INVALID;
  }
  return EXIT_OK;
}

/** The review file next to the new version's schema (a file: its folder; a reference: the schemas package). */
function reviewFileFor(input: string, schema: JsonSchema): ReviewFile | undefined {
  const info = isSchemaObject(schema["x-instrument"]) ? schema["x-instrument"] : {};
  if (typeof info.name !== "string" || typeof info.version !== "string") return undefined;
  const dir = input.endsWith(".json") ? dirname(resolve(input)) : join(SCHEMAS_DIR, info.name);
  const file = join(dir, reviewFileName(info.version));
  if (!existsSync(file)) return undefined;
  try {
    return parseReviewFile(readJsonFile(file));
  } catch (e) {
    throw new InputError(`Granskningsfilen ${file} går inte att använda: ${e instanceof Error ? e.message : String(e)}`);
  }
}
