import { useRef, useSyncExternalStore } from "react";
import type { FormSession, SessionSnapshot } from "@blankett/engine";

/**
 * Subscribes a component to one slice of the engine's form session (engine/form/session.ts);
 * re-renders only when `isEqual` says the slice changed. A keystroke then re-renders the field
 * typed into and whatever the engine says changed — not the whole form.
 */
export function useStore<T>(session: FormSession, select: (s: SessionSnapshot) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ value: T } | null>(null);
  // Selections are cheap lookups, so they run on every read; the previous value is returned when
  // equal, which is what lets React skip the re-render.
  const read = () => {
    const value = select(session.get());
    if (last.current && isEqual(last.current.value, value)) return last.current.value;
    last.current = { value };
    return value;
  };
  return useSyncExternalStore(session.subscribe, read, read);
}
