/**
 * Types for using the web components from React 19 (which passes properties to custom elements):
 * `import type {} from "@blankett/elements/react";` once in a project makes `<blankett-form>`
 * and `<blankett-child-log>` known to TypeScript's JSX checking, with their properties and events.
 */
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { BlankettChildLog } from "./blankett-child-log.ts";
import type { BlankettForm } from "./blankett-form.ts";
import type { BlankettChangeDetail, BlankettSubmitDetail, BlankettValidityDetail } from "./events.ts";

type ElementProps<E extends HTMLElement, P extends keyof E> = DetailedHTMLProps<HTMLAttributes<E>, E> & Partial<Pick<E, P>>;

/** `<blankett-form>` in JSX: its attributes/properties, and React 19's `on<event>` props for its events. */
export type BlankettFormJsxProps = ElementProps<BlankettForm, "schema" | "instrument" | "guided" | "name" | "view" | "variant" | "noDrafts" | "value"> & {
  "onblankett-change"?: (event: CustomEvent<BlankettChangeDetail>) => void;
  "onblankett-submit"?: (event: CustomEvent<BlankettSubmitDetail>) => void;
  "onblankett-validity"?: (event: CustomEvent<BlankettValidityDetail>) => void;
};

/** `<blankett-child-log>` in JSX. */
export type BlankettChildLogJsxProps = ElementProps<BlankettChildLog, "instrument" | "value">;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "blankett-form": BlankettFormJsxProps;
      "blankett-child-log": BlankettChildLogJsxProps;
    }
  }
}
