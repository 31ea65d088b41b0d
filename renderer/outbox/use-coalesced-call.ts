import { useCallback, useEffect, useRef } from 'react';

/**
 * Returns a request function that runs `action` once, `delayMs` after the first request of a burst.
 * Requests made while one is pending ride along with it, so `action` runs at most once per
 * `delayMs` and always after the last request.
 */
export function useCoalescedCall(action: () => void, delayMs: number): () => void {
  const latest = useRef(action);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = action;
  }, [action]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, delayMs);
  }, [delayMs]);
}
