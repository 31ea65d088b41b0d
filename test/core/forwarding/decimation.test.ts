import { describe, expect, it } from 'vitest';
import { decide, releaseIfSilent, type EntityForwardState, type ForwardMessage } from '../../../electron/core/forwarding/decimation';

const SECOND = 1_000;
const INTERVAL = 30 * SECOND;

const aFix = (seconds: number): ForwardMessage => ({ id: `fix-${seconds}`, uid: 'unit-1', time: seconds * SECOND, payload: new Uint8Array(), summary: `${seconds}` });

/** Feeds fixes at the given fix times, each judged `arrivalGap` ms after the last; returns what went, by fix second. */
function run(fixSeconds: readonly number[], intervalMs: number | null, arrivalGapMs = 10): { sent: string[]; state: EntityForwardState } {
  let state: EntityForwardState = { lastSentTime: null, held: null };
  const sent: string[] = [];
  fixSeconds.forEach((seconds, index) => {
    const decision = decide(state, aFix(seconds), intervalMs, index * arrivalGapMs);
    sent.push(...decision.send.map((message) => message.summary));
    state = decision.next;
  });
  return { sent, state };
}

describe('Given decimation of one entity to one position per 30 s', () => {
  it('When it reports every 10 s, Then one fix in three goes, counted from the last one sent', () => {
    expect(run([0, 10, 20, 30, 40, 50, 60, 70], INTERVAL).sent).toEqual(['0', '30', '60']);
  });

  it('When it falls silent, Then the last fix is held, and goes once it has been silent a whole interval', () => {
    const { sent, state } = run([0, 10, 20, 30, 40], INTERVAL);
    expect(sent).toEqual(['0', '30']);
    expect(state.held?.message.summary).toBe('40');
    expect(releaseIfSilent(state, INTERVAL, state.held!.heldAt + INTERVAL - 1)).toBeNull();
    const release = releaseIfSilent(state, INTERVAL, state.held!.heldAt + INTERVAL);
    expect(release?.send.map((message) => message.summary)).toEqual(['40']);
    expect(release?.next).toEqual({ lastSentTime: 40 * SECOND, held: null });
  });

  it('When a gap comes in its reports, Then the last fix before the gap goes ahead of the first after it', () => {
    expect(run([0, 10, 20, 200, 210], INTERVAL).sent).toEqual(['0', '20', '200']);
  });

  it('When a fix no newer than the last one sent arrives, Then it never goes, so the far end sees time order', () => {
    expect(run([0, 30, 15, 30, 60], INTERVAL).sent).toEqual(['0', '30', '60']);
  });

  it('When a late fix arrives behind a newer one held, Then the newer stays held and goes after the silence', () => {
    const { sent, state } = run([0, 20, 10], INTERVAL);
    expect(sent).toEqual(['0']);
    expect(releaseIfSilent(state, INTERVAL, state.held!.heldAt + INTERVAL)?.send.map((message) => message.summary)).toEqual(['20']);
  });

  it('When a later fix replaces the held one inside the interval, Then only the latest is held', () => {
    const { state } = run([0, 5, 10, 15], INTERVAL);
    expect(state.held?.message.summary).toBe('15');
  });
});

describe('Given no decimation', () => {
  it('When fixes arrive, Then every newer one goes and nothing is held', () => {
    const { sent, state } = run([0, 1, 2, 2, 1, 3], null);
    expect(sent).toEqual(['0', '1', '2', '3']);
    expect(state.held).toBeNull();
  });
});
