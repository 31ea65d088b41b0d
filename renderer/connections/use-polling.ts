import { useEffect, useRef } from 'react';

/**
 * Calls `read` at once and then every `everyMs` while `enabled`, skipping beats while the window
 * is hidden: a panel nobody can see should not keep the core busy.
 */
export function usePolling(read: () => void, everyMs: number, enabled: boolean): void {
  const latest = useRef(read);
  useEffect(() => {
    latest.current = read;
  }, [read]);

  useEffect(() => {
    if (!enabled) return;
    latest.current();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') latest.current();
    }, everyMs);
    return () => clearInterval(timer);
  }, [enabled, everyMs]);
}
