/**
 * Reading a dotted path ("a.b.c") out of data, as JSON Logic's `var` does, with the path split
 * once at compile time. Rules and indicators read a few dozen paths per record, a million
 * records at a time, so the reader for a path is a closure made once per path: no loop over a
 * parts array, no split, no per-step lookup of whether a key needs the own-property check.
 */

/** Reads a path. JSON data never holds `undefined`, so `undefined` can stand for "not found". */
export type PathReader = (data: unknown) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

/** Names an inherited property could answer to; only these need the slower own-property check. */
export function inheritable(key: string): boolean {
  return key in Object.prototype || key in Array.prototype || key in String.prototype || key in Function.prototype;
}

/** One step: objects, arrays and strings can be stepped into; anything else ends the path. */
function step(node: unknown, key: string): unknown {
  if (node === null || node === undefined || (typeof node !== "object" && typeof node !== "string")) return undefined;
  return (node as Record<string, unknown>)[key];
}

function guardedStep(node: unknown, key: string): unknown {
  if (node === null || node === undefined || (typeof node !== "object" && typeof node !== "string")) return undefined;
  return hasOwn.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

type Step = (node: unknown, key: string) => unknown;

/**
 * The reader for a path already split into parts, giving `missing` when the path is not there.
 * A step from a missing value stays missing, so the steps chain without checks in between.
 */
export function pathReader(parts: readonly string[], missing: unknown = undefined): PathReader {
  const steps: Step[] = parts.map((p) => (inheritable(p) ? guardedStep : step));
  switch (parts.length) {
    case 0:
      return (data) => (data === undefined ? missing : data);
    case 1: {
      const [k0] = parts as [string];
      const [s0] = steps as [Step];
      return (data) => {
        const v = s0(data, k0);
        return v === undefined ? missing : v;
      };
    }
    case 2: {
      const [k0, k1] = parts as [string, string];
      const [s0, s1] = steps as [Step, Step];
      return (data) => {
        const v = s1(s0(data, k0), k1);
        return v === undefined ? missing : v;
      };
    }
    case 3: {
      const [k0, k1, k2] = parts as [string, string, string];
      const [s0, s1, s2] = steps as [Step, Step, Step];
      return (data) => {
        const v = s2(s1(s0(data, k0), k1), k2);
        return v === undefined ? missing : v;
      };
    }
    default:
      return (data) => {
        let node = data;
        for (let i = 0; i < parts.length && node !== undefined; i++) node = steps[i]!(node, parts[i]!);
        return node === undefined ? missing : node;
      };
  }
}

/** For paths only known at run time (a computed `var`, `missing`): split and read in one go. */
export function readPath(data: unknown, parts: readonly string[]): unknown {
  let node = data;
  for (let i = 0; i < parts.length && node !== undefined; i++) {
    const key = parts[i]!;
    node = inheritable(key) ? guardedStep(node, key) : step(node, key);
  }
  return node;
}
