import type { Locator, Page } from "playwright-core";

export interface Latency {
  /** keydown → the first animation frame after the change was committed (what the person sees). */
  frame: number[];
  /** keydown → the main thread is free again (the work one keystroke costs). */
  busy: number[];
  /** keydown → the end of that frame's style, layout and paint on the main thread. */
  painted: number[];
}

/**
 * Types `text` into `input` one key at a time and measures each keystroke in the page: from the
 * keydown (performance.now() in a capturing listener) to the first requestAnimationFrame after the
 * page has seen the change (window.__rev bumped by the form's onChange, which fires after React
 * committed), and to the next task (a MessageChannel message: the thread was free).
 */
export async function measureTyping(page: Page, input: Locator, text: string, delay = 60): Promise<Latency> {
  await input.focus();
  // A string, not a function: the code runs in the page exactly as written (no transpiler helpers).
  await page.evaluate(
    `(() => {
      const el = document.activeElement;
      window.__lat = { frame: [], busy: [], painted: [] };
      if (window.__latStop) window.__latStop();
      const onKey = () => {
        const t0 = performance.now();
        const rev0 = window.__rev;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__lat.busy.push(performance.now() - t0);
        channel.port2.postMessage(0);
        const tick = () => {
          if (window.__rev > rev0) {
            window.__lat.frame.push(performance.now() - t0);
            // The frame's own work (style, layout, paint) runs after this callback; the next task
            // starts once it is done.
            const after = new MessageChannel();
            after.port1.onmessage = () => window.__lat.painted.push(performance.now() - t0);
            after.port2.postMessage(0);
          }
          else if (performance.now() - t0 < 2000) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      };
      el.addEventListener("keydown", onKey, { capture: true });
      window.__latStop = () => el.removeEventListener("keydown", onKey, { capture: true });
    })()`,
  );
  await page.keyboard.type(text, { delay });
  await page.waitForTimeout(300);
  return (await page.evaluate("window.__lat")) as Latency;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
