import { createContext, useContext } from "react";
import type { ModelLookup } from "./lookup.ts";
import type { FormNode, FormSession } from "@blankett/engine";

/** Stable for the life of a form: the templates read the engine's view of it from here. */
export interface BlankettContextValue {
  store: FormSession;
  lookup: ModelLookup;
  guided: boolean;
  /** Asks the table at `pointer` to move focus, once redrawn, into row `index` or to its add button. */
  requestFocus(pointer: string, target: number | "add"): void;
  takeFocus(pointer: string): number | "add" | undefined;
}

export const BlankettContext = createContext<BlankettContextValue | null>(null);

export function useBlankett(): BlankettContextValue {
  const ctx = useContext(BlankettContext);
  if (!ctx) throw new Error("Blankett: mallarna används utanför formuläret");
  return ctx;
}

/** The field a widget draws: its pointer, DOM id and what it is described by. */
export interface FieldInfo {
  pointer: string;
  id: string;
  node: FormNode;
  /** Space-separated ids (help, unit, error) for aria-describedby, or undefined. */
  describedBy: string | undefined;
  invalid: boolean;
  /** The value changed (errors wait for the person to leave the field). */
  changed(): void;
  /** The person left the field. */
  left(): void;
  /** A choice was made (option, box): the field counts as touched at once. */
  chosen(): void;
}

export const FieldContext = createContext<FieldInfo | null>(null);

export function useField(): FieldInfo {
  const field = useContext(FieldContext);
  if (!field) throw new Error("Blankett: en kontroll ritas utanför sitt fält");
  return field;
}
