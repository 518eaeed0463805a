import { useCallback, useRef, useState } from 'react';
import { asProblem, type ApiError } from './api';
import type { MessageId } from './i18n/i18n';

/**
 * One action at a time from a screen: a second press while one runs does nothing, the last problem is kept to
 * show, and `busy` says when to mark the button (aria-disabled keeps it in the keyboard's reach).
 */
export function useSubmit() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);

  /** Runs `action`; a failure becomes the problem shown (called `title` unless the API named it), and is returned. */
  const submit = useCallback(async (title: MessageId, action: () => Promise<void>): Promise<ApiError | undefined> => {
    if (running.current) {
      return undefined;
    }
    running.current = true;
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
      return undefined;
    } catch (error) {
      const refused = asProblem(error, title);
      setProblem(refused);
      return refused;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, problem, setProblem, submit };
}
