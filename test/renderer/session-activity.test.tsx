// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../shared/session';
import { SessionGate } from '../../renderer/security/SessionGate';
import { aRootPerTest, settle } from './support/dom';
import { aLockedSession, anUnlockedSession, sessionHost } from './support/session-host';

const NOW = Date.UTC(2026, 10, 26, 14, 0, 0);

function touchEveryInput(): void {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
  window.dispatchEvent(new Event('pointermove'));
  window.dispatchEvent(new Event('pointerdown'));
  window.dispatchEvent(new Event('wheel'));
}

describe('Given the session gate reports the analyst’s input', () => {
  const root = aRootPerTest();
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
  afterEach(() => vi.useRealTimers());

  const open = async (state: SessionState) => {
    const host = sessionHost(state);
    await settle(() => root.current.render(<SessionGate client={host.client}>{() => <div data-testid="app" />}</SessionGate>));
    return host;
  };

  it('When keys, pointer and wheel are used many times within ten seconds, Then the core hears of it once, and again after ten seconds', async () => {
    const host = await open(anUnlockedSession());
    await settle(() => {
      touchEveryInput();
      vi.advanceTimersByTime(4_000);
      touchEveryInput();
      vi.advanceTimersByTime(5_999);
      touchEveryInput();
    });
    expect(host.calls('session.activity')).toHaveLength(1);

    await settle(() => {
      vi.advanceTimersByTime(1);
      touchEveryInput();
    });
    expect(host.calls('session.activity')).toHaveLength(2);
  });

  it('When the session is locked, Then input on the lock screen is not reported', async () => {
    const host = await open(aLockedSession());
    await settle(() => touchEveryInput());
    expect(host.calls('session.activity')).toEqual([]);
  });

  it('When the session locks while in use, Then reporting stops', async () => {
    const host = await open(anUnlockedSession());
    await settle(() => touchEveryInput());
    await settle(() => host.emit('session.changed', aLockedSession({ lockReason: 'idle' })));
    await settle(() => {
      vi.advanceTimersByTime(60_000);
      touchEveryInput();
    });
    expect(host.calls('session.activity')).toHaveLength(1);
  });
});
