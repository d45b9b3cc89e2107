/**
 * Runs the hostile-input corpus (cases.ts): every case is one test. CLI cases run in-process with
 * the console output captured, library cases call the engine, the giants run in a child process
 * with a peak-RSS bound. Each case is checked against its expected exit code or outcome, its time
 * bound, and the rules that hold for all: no planted answer (MARKER) in any output, no raw control
 * character, no internal error, Object.prototype untouched. A case marked `known` (a defect not
 * yet fixed) runs with it.fails. The last line printed sums the run up.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { BASE_TMP, CountingServer, MARKER, Tmp, childRun, cliRun } from "./harness.ts";
import { CASES, CLEANUP, commonChecks, type Context, type HostileCase } from "./cases.ts";

const server = new CountingServer();
const ctx: Context = { port: 0, hits: () => server.hits };
const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort().join(",");

interface Record {
  id: string;
  ms: number;
  passed: boolean;
  rssMiB?: number;
}
const records: Record[] = [];

beforeAll(async () => {
  await server.start();
  ctx.port = server.port;
});

afterEach(() => {
  for (const p of CLEANUP.splice(0)) rmSync(p, { force: true, recursive: true });
});

afterAll(async () => {
  await server.stop();
  rmSync(BASE_TMP, { recursive: true, force: true });
  const passed = records.filter((r) => r.passed).length;
  const slowest = records.filter((r) => r.passed).reduce<Record | undefined>((a, r) => (!a || r.ms > a.ms ? r : a), undefined);
  const heaviest = records.reduce<Record | undefined>((a, r) => (r.rssMiB !== undefined && (!a || r.rssMiB > a.rssMiB!) ? r : a), undefined);
  const known = CASES.filter((c) => c.known).length;
  console.log(
    `hostile corpus: ${records.length} cases, ${passed} passed (${known} known defects, run as expected failures), ` +
      `slowest passing case ${slowest?.id} ${slowest ? Math.round(slowest.ms) : 0} ms, ` +
      `highest peak RSS ${heaviest ? Math.round(heaviest.rssMiB!) : 0} MiB (${heaviest?.id}), nothing fetched: ${server.hits === 0}`,
  );
});

async function runCase(c: HostileCase): Promise<{ ms: number; rssMiB?: number }> {
  const t = new Tmp(c.id);
  if (c.kind === "cli") {
    const argv = c.argv(t, ctx);
    const t0 = performance.now();
    const r = await cliRun(argv);
    const ms = performance.now() - t0;
    try {
      expect(r.code, `exit code; stdout: ${r.out.slice(0, 400)} stderr: ${r.err.slice(0, 400)}`).toBe(c.exit);
      c.check?.(r, t, ctx);
      commonChecks(c, r);
    } finally {
      expect(ms, "time bound").toBeLessThan(c.ms);
    }
    return { ms };
  }
  if (c.kind === "child") {
    const argv = c.argv(t, ctx);
    const stdin = c.stdin?.(t);
    const r = await childRun(argv, stdin, c.ms + 2000);
    expect(r.code, `exit code; stdout: ${r.out.slice(0, 400)} stderr: ${r.err.slice(0, 400)}`).toBe(c.exit);
    c.check?.(r, t);
    commonChecks(c, r);
    expect(r.ms, "time bound").toBeLessThan(c.ms);
    expect(r.rssMiB, "peak RSS bound (MiB)").toBeLessThan(c.rssMiB);
    return { ms: r.ms, rssMiB: r.rssMiB };
  }
  const t0 = performance.now();
  let value: unknown;
  let thrown: unknown;
  try {
    value = await c.run(t, ctx);
  } catch (e) {
    thrown = e;
  }
  const ms = performance.now() - t0;
  if (c.outcome === "throws") {
    expect(thrown, `expected an error, got ${JSON.stringify(value)?.slice(0, 200)}`).toBeInstanceOf(Error);
    const message = (thrown as Error).message;
    expect(thrown, "a stack overflow is no refusal").not.toBeInstanceOf(RangeError);
    if (c.match) expect(message).toMatch(c.match);
    expect(message).not.toContain(MARKER);
  } else {
    if (thrown) throw thrown;
    c.check?.(value, t, ctx);
  }
  expect(({} as { polluted?: unknown }).polluted, "Object.prototype polluted").toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(","), "Object.prototype changed").toBe(protoKeys);
  expect(ms, "time bound").toBeLessThan(c.ms);
  return { ms };
}

const families = [...new Set(CASES.map((c) => c.family))];

describe("hostile-input corpus", () => {
  it("has at least 300 cases, unique ids, at most 10 in child processes", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(300);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    expect(CASES.filter((c) => c.kind === "child").length).toBeLessThanOrEqual(10);
  });

  for (const family of families) {
    describe(family, () => {
      for (const c of CASES.filter((x) => x.family === family)) {
        // HOSTILE_SHOW_KNOWN=1 runs the known defects as ordinary tests, to see how each one fails.
        const test = c.known && !process.env.HOSTILE_SHOW_KNOWN ? it.fails : it;
        const timeout = Math.max(c.ms * 3, 10_000);
        test(
          c.known ? `${c.id} — KNOWN DEFECT: ${c.known}` : c.id,
          async () => {
            const record: Record = { id: c.id, ms: 0, passed: false };
            records.push(record);
            const result = await runCase(c);
            record.ms = result.ms;
            if (result.rssMiB !== undefined) record.rssMiB = result.rssMiB;
            record.passed = true;
          },
          timeout,
        );
      }
    });
  }
});
