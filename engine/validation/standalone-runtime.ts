/**
 * What the precompiled validators of @blankett/schemas import at run time: the engine's string
 * formats and ajv's two runtime helpers. One module, so a bundle carrying several instruments
 * holds each helper once, and the schemas package needs no ajv of its own. The formats the
 * engine implements itself are imported by name (`formatDateTime`); `formats` (with ajv-formats'
 * email, uri and uuid) only by validators that need one of those.
 */
import equalModule from "ajv/dist/runtime/equal.js";
import ucs2lengthModule from "ajv/dist/runtime/ucs2length.js";
import type { ValidateFunction } from "ajv";

/** The type of every precompiled validator (so @blankett/schemas declares it without ajv of its own). */
export type PrecompiledValidateFunction = ValidateFunction;

export { formats } from "./formats.ts";
export { formatDate, formatDateTime, formatTime } from "./date-time.ts";

type Cjs<T> = T | { default: T };
const unwrap = <T>(m: Cjs<T>): T => ((m as { default?: T }).default ?? (m as T));

/** Deep equality as ajv's `uniqueItems`, `const` and `enum` checks expect it. */
export const equal: (a: unknown, b: unknown) => boolean = unwrap(equalModule as never);
/** String length in code points, as JSON Schema's `minLength`/`maxLength` count it. */
export const ucs2length: (s: string) => number = unwrap(ucs2lengthModule as never);
