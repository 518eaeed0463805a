/**
 * The idle lock's clock: "clear the screen after each patron". Calls `onIdle` once when nobody has
 * touched keyboard, pointer, wheel or screen for `timeoutMs`.
 *
 * Activity only notes the time; the single timer re-arms itself for what is left when it fires. So a
 * busy desk costs no timer churn, and a laptop that slept past the limit locks as soon as it wakes.
 */

export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export interface IdleWatchOptions {
  timeoutMs: number;
  onIdle: () => void;
  /** Where activity is listened for; the window by default. */
  target?: EventTarget;
  /** Whose visibility is watched to check the clock on return; the document by default. */
  page?: Document;
}

/** Starts watching; returns the function that stops it (for unmount). */
export function watchIdle({ timeoutMs, onIdle, target = window, page = document }: IdleWatchOptions): () => void {
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const noteActivity = () => {
    lastActivity = Date.now();
  };
  const arm = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(check, delay);
  };
  const check = () => {
    if (stopped) {
      return;
    }
    const idleFor = Date.now() - lastActivity;
    if (idleFor >= timeoutMs) {
      stop();
      onIdle();
    } else {
      arm(timeoutMs - idleFor);
    }
  };
  const onVisibility = () => {
    if (page.visibilityState === 'visible') {
      check();
    }
  };
  const listenerOptions: AddEventListenerOptions = { capture: true, passive: true };

  function stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    clearTimeout(timer);
    for (const type of ACTIVITY_EVENTS) {
      target.removeEventListener(type, noteActivity, listenerOptions);
    }
    page.removeEventListener('visibilitychange', onVisibility);
  }

  for (const type of ACTIVITY_EVENTS) {
    target.addEventListener(type, noteActivity, listenerOptions);
  }
  page.addEventListener('visibilitychange', onVisibility);
  arm(timeoutMs);
  return stop;
}
