/**
 * Capped exponential backoff with jitter: the wait before attempt n is drawn
 * between half and all of min(cap, base·2ⁿ), so clients that lost the same
 * broker do not reconnect in lockstep, yet none retries in a tight loop.
 */
export function backoffDelay(attempt: number, options: { readonly baseMs: number; readonly capMs: number }, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling * (0.5 + random() / 2));
}
