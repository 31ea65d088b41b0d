/** A position ready to go, as it will be queued: the same bytes whether it goes at once or after being held. */
export interface ForwardMessage {
  readonly id: string;
  /** The entity, which is also the record key. */
  readonly uid: string;
  readonly time: number;
  readonly payload: Uint8Array;
  /** What the outbox list shows of it. */
  readonly summary: string;
}

/** Held back by decimation, with when it was held by the core's clock. */
export interface HeldPosition {
  readonly message: ForwardMessage;
  readonly heldAt: number;
}

/** Where one rule stands with one entity. */
export interface EntityForwardState {
  /** Fix time of the last position sent. */
  readonly lastSentTime: number | null;
  readonly held: HeldPosition | null;
}

export interface Decision {
  /** What goes now, in order. */
  readonly send: readonly ForwardMessage[];
  readonly next: EntityForwardState;
}

/**
 * Decimation: at most one position per entity per interval, counted in fix time, and never
 * without the last position before a gap. A position inside the interval is held, replacing the
 * one held before; it goes when the entity's next fix comes an interval or more after it (it was
 * the last before a gap), or when the entity has been silent an interval (see `releaseIfSilent`).
 * A fix no newer than the last one sent, or than the one held, is never sent, so each entity's
 * positions reach the far end in time order. With no interval, every newer fix goes.
 */
export function decide(state: EntityForwardState, message: ForwardMessage, intervalMs: number | null, now: number): Decision {
  const { lastSentTime, held } = state;
  if (lastSentTime !== null && message.time <= lastSentTime) return { send: [], next: state };
  // A late fix never displaces a newer one held: the newest before a gap is the one that must go.
  if (held !== null && message.time <= held.message.time) return { send: [], next: state };
  if (intervalMs === null) return { send: [message], next: { lastSentTime: message.time, held: null } };
  const send: ForwardMessage[] = [];
  let sentTime = lastSentTime;
  if (held !== null && message.time - held.message.time >= intervalMs) {
    send.push(held.message);
    sentTime = held.message.time;
  }
  if (sentTime === null || message.time - sentTime >= intervalMs) {
    send.push(message);
    return { send, next: { lastSentTime: message.time, held: null } };
  }
  return { send, next: { lastSentTime: sentTime, held: { message, heldAt: now } } };
}

/** The held position, once the entity has been silent a whole interval since it was held. */
export function releaseIfSilent(state: EntityForwardState, intervalMs: number, now: number): Decision | null {
  if (state.held === null || now - state.held.heldAt < intervalMs) return null;
  return { send: [state.held.message], next: { lastSentTime: state.held.message.time, held: null } };
}
