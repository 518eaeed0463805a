import { useEffect, useRef } from 'react';
import { watchIdle } from './idle';

/** Runs the idle clock while `active`; stops it when the component unmounts or the lock is not wanted. */
export function useIdleLock(seconds: number, onIdle: () => void, active: boolean): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (!active) {
      return undefined;
    }
    return watchIdle({ timeoutMs: seconds * 1000, onIdle: () => latest.current() });
  }, [seconds, active]);
}
