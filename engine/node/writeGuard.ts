/**
 * The one way the CLI writes a file the user names (`--out`): never into the schemas package
 * (the national versions, migrations, variants), never through a symbolic link, never over an
 * existing file unless the user says --force, never over one of the command's own input files.
 * Every refusal is an InputError (exit 2) naming the path and the reason.
 */
import { closeSync, constants, createWriteStream, fstatSync, ftruncateSync, lstatSync, openSync, realpathSync, statSync, unlinkSync, writeSync, type Stats, type WriteStream } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { InputError, SCHEMAS_DIR } from "./files.ts";

export interface OutFileOptions {
  /** Replace an existing (ordinary, singly linked) file. */
  force?: boolean;
  /** The command's input files: the output must not be one of them, --force or not. */
  inputs?: readonly string[];
}

/** O_NOFOLLOW where the platform has it (not on Windows, where symlinks are refused by lstat). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

function refuse(path: string, reason: string): never {
  throw new InputError(`Skriver inte till ${path}: ${reason}`);
}

/** `path` relative to `dir` when it is `dir` or lies under it. */
function within(dir: string, path: string): string | undefined {
  const rel = relative(dir, path);
  return rel !== ".." && !rel.startsWith(".." + sep) && !isAbsolute(rel) ? rel : undefined;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new InputError(`Kan inte skriva till ${path} (${(e as NodeJS.ErrnoException).code ?? "okänt fel"})`);
  }
}

function sameFile(a: Stats, path: string): boolean {
  try {
    const b = statSync(path);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/**
 * Checks `path` (as the user wrote it) and opens it for writing; returns the file descriptor.
 * Without --force the file is created with O_CREAT|O_EXCL (which also fails on any symlink, even
 * one that points nowhere), so nothing that exists is touched. With --force an existing ordinary
 * file is opened with O_NOFOLLOW, checked again on its descriptor, and only then truncated.
 */
export function openOutFile(path: string, opts: OutFileOptions = {}): number {
  return open(path, opts).fd;
}

function open(path: string, opts: OutFileOptions): { fd: number; target: string; created: boolean } {
  const absolute = resolve(path);
  let dir: string;
  try {
    // Directory links are resolved here, once; the file itself is never followed.
    dir = realpathSync(dirname(absolute));
  } catch {
    throw new InputError(`Kan inte skriva filen ${path}: katalogen ${dirname(path)} finns inte`);
  }
  const target = join(dir, basename(absolute));

  const schemas = realpathSync(SCHEMAS_DIR);
  const rel = within(schemas, target);
  if (rel !== undefined) {
    const shown = join("schemas", rel);
    refuse(path, lstatOrUndefined(target)?.isFile() ? `--out får inte skriva över den nationella filen ${shown} i schemapaketet` : `${shown} ligger i schemapaketet, där bara de nationella filerna hör hemma`);
  }

  const existing = lstatOrUndefined(target);
  if (existing?.isSymbolicLink()) refuse(path, "det är en symbolisk länk, och länkar följs inte");
  if (existing && !existing.isFile()) refuse(path, existing.isDirectory() ? "det är en katalog" : "det är ingen vanlig fil");
  if (existing && (opts.inputs ?? []).some((input) => sameFile(existing, input))) refuse(path, "det är indatafilen själv");
  if (existing && !opts.force) refuse(path, "filen finns redan (lägg till --force för att ersätta den)");

  const flags = constants.O_WRONLY | constants.O_CREAT | NOFOLLOW | (opts.force ? 0 : constants.O_EXCL);
  let fd: number;
  try {
    fd = openSync(target, flags, 0o666);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") refuse(path, "filen finns redan (lägg till --force för att ersätta den)");
    if (code === "ELOOP" || code === "EMLINK") refuse(path, "det är en symbolisk länk, och länkar följs inte");
    throw new InputError(`Kan inte skriva filen ${path} (${code ?? "okänt fel"})`);
  }
  try {
    // What was opened, not what was looked at: it may have changed in between.
    const opened = fstatSync(fd);
    if (!opened.isFile()) refuse(path, "det är ingen vanlig fil");
    if (opened.nlink > 1) refuse(path, "filen har flera hårda länkar, och den andra kan vara en nationell fil");
    if (opts.force) ftruncateSync(fd, 0);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return { fd, target, created: !existing };
}

/** Writes `text` to `path` through openOutFile; a file it created is removed if writing fails. */
export function writeOutFile(path: string, text: string, opts: OutFileOptions = {}): void {
  const { fd, target, created } = open(path, opts);
  try {
    const bytes = Buffer.from(text, "utf8");
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
  } catch (e) {
    closeSync(fd);
    if (created) {
      try {
        unlinkSync(target);
      } catch {
        // Already gone; the error below is what matters.
      }
    }
    throw new InputError(`Kan inte skriva filen ${path} (${(e as NodeJS.ErrnoException).code ?? "okänt fel"})`);
  }
  closeSync(fd);
}

/**
 * A write stream on `path`, opened through openOutFile (for output written piece by piece, such as
 * NDJSON). The stream is open on return: no 'open' event follows. It closes its descriptor itself.
 */
export function createOutStream(path: string, opts: OutFileOptions = {}): WriteStream {
  return createWriteStream(path, { fd: openOutFile(path, opts) });
}
