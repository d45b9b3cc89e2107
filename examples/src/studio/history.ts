import { useCallback, useState } from "react";

/**
 * Undo and redo over whole values. Typing into one field is one step, not one per keystroke:
 * a change with the same `merge` key as the one before it replaces that step.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The merge key of the last change; cleared by undo and redo. */
  merge?: string;
}

export const MAX_STEPS = 200;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function record<T>(h: History<T>, next: T, merge?: string): History<T> {
  if (next === h.present) return h;
  if (merge !== undefined && merge === h.merge) return { ...h, present: next, future: [] };
  return { past: [...h.past, h.present].slice(-MAX_STEPS), present: next, future: [], ...(merge !== undefined ? { merge } : {}) };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1];
  if (prev === undefined) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest };
}

export function useHistory<T>(initial: () => T) {
  const [history, setHistory] = useState(() => startHistory(initial()));
  const change = useCallback((next: T | ((now: T) => T), merge?: string) => {
    setHistory((h) => record(h, typeof next === "function" ? (next as (now: T) => T)(h.present) : next, merge));
  }, []);
  return {
    value: history.present,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    change,
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
    /** A new document (opened or started): the history starts over. */
    reset: useCallback((value: T) => setHistory(startHistory(value)), []),
  };
}
