import { useEffect, useState } from 'react';

const TICK_MS = 1000;

/**
 * Whether passphrases are refused until `until`, and for how long yet. Ticks each second while
 * the lockout lasts, so the countdown moves and the field opens again when it ends.
 */
export function useLockout(until: number | null): { readonly lockedOut: boolean; readonly remainingMs: number } {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until === null) return undefined;
    const tick = (): void => {
      const time = Date.now();
      setNow(time);
      if (time >= until) clearInterval(timer);
    };
    const timer = setInterval(tick, TICK_MS);
    // A lockout that arrives long after the last tick is measured from now, not from then.
    const catchUp = setTimeout(tick, 0);
    return () => {
      clearInterval(timer);
      clearTimeout(catchUp);
    };
  }, [until]);

  const remainingMs = until === null ? 0 : until - now;
  return { lockedOut: remainingMs > 0, remainingMs };
}
