import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { FormSession, SessionSnapshot } from "@blankett/engine";

/**
 * Connects an element to the engine's form session (engine/form/session.ts), as React's
 * useSyncExternalStore does for the React renderer: every new snapshot updates the host, after
 * `changed` has seen it with the one before (the element keeps its form value, validity and
 * events in step there). A pending draft is written when the page goes away or the element
 * leaves it.
 */
export class SessionController implements ReactiveController {
  #session: FormSession | undefined;
  #last: SessionSnapshot | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly changed: (now: SessionSnapshot, before: SessionSnapshot | undefined) => void,
  ) {
    host.addController(this);
  }

  get session(): FormSession | undefined {
    return this.#session;
  }

  /** The session now (undefined while no form is loaded). */
  get snapshot(): SessionSnapshot | undefined {
    return this.#session?.get();
  }

  /** Drives another session (another schema) or none; the old one's pending draft is written. */
  attach(session: FormSession | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#session?.flushDraft();
    this.#session = session;
    this.#last = undefined;
    if (!session) return;
    this.#unsubscribe = session.subscribe(this.#notify);
    this.#notify();
  }

  #notify = (): void => {
    const session = this.#session;
    if (!session) return;
    const now = session.get();
    const before = this.#last;
    if (now === before) return;
    this.#last = now;
    this.changed(now, before);
    this.host.requestUpdate();
  };

  #flush = (): void => this.#session?.flushDraft();

  hostConnected(): void {
    if (this.#connected) return;
    this.#connected = true;
    window.addEventListener("pagehide", this.#flush);
  }

  hostDisconnected(): void {
    this.#connected = false;
    window.removeEventListener("pagehide", this.#flush);
    this.#flush();
  }
}
