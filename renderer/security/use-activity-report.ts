import { useEffect } from 'react';
import type { Client } from '../client';

/** Often enough to hold off an idle lock measured in minutes, rarely enough to cost nothing. */
export const ACTIVITY_REPORT_INTERVAL_MS = 10_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Tells the core the analyst is at the keyboard, at most once every ten seconds, so it locks only
 * after real idle time. Only while unlocked: input on a lock screen must not keep the cache open.
 */
export function useActivityReport(client: Client, unlocked: boolean): void {
  useEffect(() => {
    if (!unlocked) return undefined;
    let lastReport = Number.NEGATIVE_INFINITY;
    const onInput = (): void => {
      const now = Date.now();
      if (now - lastReport < ACTIVITY_REPORT_INTERVAL_MS) return;
      lastReport = now;
      void client.call('session.activity', {});
    };
    const options = { capture: true, passive: true };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, options);
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, options);
    };
  }, [client, unlocked]);
}
