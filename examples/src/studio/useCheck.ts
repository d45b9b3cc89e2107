import { useEffect, useRef, useState } from "react";
import type { JsonSchema } from "@blankett/engine";
import { check, type Checked } from "./check.ts";
import type { CheckRequest, CheckResponse } from "./check.worker.ts";

export interface LiveCheck extends Checked {
  /** The result is for an earlier version of the overlay; a newer check is under way. */
  pending: boolean;
}

/**
 * The result of checkVariant for the overlay as it is now: computed in a worker, one request at a
 * time (changes made meanwhile are checked together once it is back), so typing never waits for it.
 */
export function useCheck(overlay: unknown, base: { ref: string; schema: JsonSchema; indicators: unknown } | undefined): LiveCheck | undefined {
  const [result, setResult] = useState<{ overlay: unknown; ref: string; checked: Checked } | undefined>(undefined);
  const worker = useRef<Worker | null | undefined>(undefined);
  const sentBase = useRef<string>("");
  const busy = useRef(false);
  const latest = useRef<{ overlay: unknown; ref: string } | undefined>(undefined);
  const asked = useRef(new Map<number, unknown>());
  const nextId = useRef(1);

  const send = () => {
    const w = worker.current;
    const job = latest.current;
    if (!w || !job || busy.current) return;
    busy.current = true;
    const id = nextId.current++;
    asked.current.set(id, job.overlay);
    w.postMessage({ kind: "check", id, ref: job.ref, overlay: job.overlay } satisfies CheckRequest);
  };

  useEffect(() => {
    if (typeof Worker === "undefined") {
      worker.current = null;
      return;
    }
    const w = new Worker(new URL("./check.worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<CheckResponse>) => {
      const overlayChecked = asked.current.get(e.data.id);
      asked.current.delete(e.data.id);
      busy.current = false;
      setResult({ overlay: overlayChecked, ref: e.data.ref, checked: { violations: e.data.violations, ...(e.data.schema ? { schema: e.data.schema } : {}) } });
      if (latest.current && latest.current.overlay !== overlayChecked) send();
    };
    return () => {
      w.terminate();
      worker.current = undefined;
      sentBase.current = "";
      busy.current = false;
    };
  }, []);

  useEffect(() => {
    if (!base) return;
    latest.current = { overlay, ref: base.ref };
    if (worker.current === null) {
      setResult({ overlay, ref: base.ref, checked: check(overlay, base.schema, base.indicators) });
      return;
    }
    if (!worker.current) return;
    if (sentBase.current !== base.ref) {
      worker.current.postMessage({ kind: "base", ref: base.ref, schema: base.schema, indicators: base.indicators } satisfies CheckRequest);
      sentBase.current = base.ref;
    }
    send();
  }, [overlay, base]);

  if (!base || !result || result.ref !== base.ref) return undefined;
  return { ...result.checked, pending: result.overlay !== overlay };
}

/** A value that follows another once it has stopped changing for `ms`. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
