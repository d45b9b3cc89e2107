/** A compiled expression: data in, value out. */
export type Evaluator = (data: unknown) => unknown;

/** An expression the engine refuses to compile (unknown operation, too deep, too costly, …). */
export class LogicError extends Error {}
