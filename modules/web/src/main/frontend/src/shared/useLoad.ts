import { useCallback, useEffect, useRef, useState } from 'react';
import { asProblem, type ApiError } from './api';
import type { MessageId } from './i18n/i18n';

export interface Loaded<T> {
  /** The answer for the current key; undefined while the first load for it runs or when it failed. */
  data?: T;
  problem?: ApiError;
  loading: boolean;
  reload(): void;
}

export interface LoadOptions {
  /** Loads again this often while the page is visible, and when the window gets focus or becomes visible. */
  refreshMs?: number;
  /** What to call a failure that is not the API's own problem. */
  title?: MessageId;
  /** Not yet: something the load needs is still on its way (it runs once this turns false). */
  wait?: boolean;
}

/** A refresh on focus only when the last load is older than this: tabbing back and forth costs nothing. */
const FOCUS_QUIET_MS = 5_000;

/**
 * Loads something for the screen, again when `key` changes or `reload` is called; aborts what is under way
 * when the key changes or the screen goes (the idle lock unmounts everything), so no answer arrives late.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string, options: LoadOptions = {}): Loaded<T> {
  const { refreshMs, title = 'problem.load', wait = false } = options;
  const latest = useRef(load);
  latest.current = load;
  const [state, setState] = useState<{ key: string; data?: T; problem?: ApiError; loading: boolean }>({ key, loading: true });
  const [tick, setTick] = useState(0);
  const lastLoad = useRef(0);

  useEffect(() => {
    if (wait) {
      return undefined;
    }
    const controller = new AbortController();
    lastLoad.current = Date.now();
    setState((current) => (current.key === key ? { ...current, loading: true } : { key, loading: true }));
    latest.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setState({ key, data, loading: false });
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) {
          return;
        }
        setState((current) => ({
          key,
          data: current.key === key ? current.data : undefined,
          problem: asProblem(error, title),
          loading: false,
        }));
      },
    );
    return () => controller.abort();
  }, [key, tick, title, wait]);

  useEffect(() => {
    if (!refreshMs) {
      return undefined;
    }
    const visible = () => document.visibilityState === 'visible';
    const timer = setInterval(() => {
      if (visible()) {
        setTick((n) => n + 1);
      }
    }, refreshMs);
    const onReturn = () => {
      if (visible() && Date.now() - lastLoad.current > FOCUS_QUIET_MS) {
        setTick((n) => n + 1);
      }
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [refreshMs]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const current = state.key === key ? state : { key, loading: true };
  return { data: current.data, problem: current.problem, loading: current.loading, reload };
}

/**
 * What a list shows: the current answer, or while a new key (a changed filter) loads, the last one, so the list stays
 * on screen marked as updating instead of going blank; nothing once the load failed.
 */
export function useLastAnswer<T>(loaded: Loaded<T>): T | undefined {
  const last = useRef<T | undefined>(undefined);
  if (loaded.data) {
    last.current = loaded.data;
  }
  return loaded.data ?? (loaded.problem ? undefined : last.current);
}
