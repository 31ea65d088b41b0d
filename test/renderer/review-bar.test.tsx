// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AlertMark } from '../../shared/review';
import { StatusBar } from '../../renderer/components/StatusBar';
import { createReplay, type Replay } from '../../renderer/review/replay';
import { ReviewBanner } from '../../renderer/review/ReviewBanner';
import { ReviewBar } from '../../renderer/review/ReviewBar';
import { createSwitchableTrackView } from '../../renderer/review/switchable-track-view';
import { useAlertMarks } from '../../renderer/review/use-alert-marks';
import { useReplayState } from '../../renderer/review/use-replay-state';
import { useShowInReview } from '../../renderer/review/use-show-in-review';
import type { Client } from '../../renderer/client';
import { createTrackStore } from '../../renderer/tracks/track-store';
import { manualClock } from '../support/manual-clock';
import { aRootPerTest, byTestId, enter, has, settle, valueOf } from './support/dom';
import { fakeClient } from './support/fake-client';
import { RAVEN, REVIEW_FROM, REVIEW_TO, reviewAnswers } from './support/review-host';

const MARK: AlertMark = {
  id: 'mark-1',
  time: REVIEW_FROM + 1_800_000,
  severity: 'critical',
  subject: RAVEN.uid,
  callsign: RAVEN.callsign,
  ruleName: 'Fast hostile aircraft',
  lat: 40.5,
  lon: 9,
};

function aReplay() {
  const host = fakeClient(reviewAnswers({ marks: [MARK] }));
  const live = createTrackStore((run) => run());
  const review = createTrackStore((run) => run());
  const view = createSwitchableTrackView(live, review);
  const replay = createReplay({ client: host.client, store: review, view, clock: manualClock(0) });
  return { host, view, replay };
}

/** The bar, banner and status bar as the App wires them. */
function Review({ client, replay, onSelect }: { readonly client: Client; readonly replay: Replay; readonly onSelect: (uid: string) => void }) {
  const state = useReplayState(replay);
  const marks = useAlertMarks(client, state.range, state.mode === 'review');
  const showInReview = useShowInReview(replay, onSelect);
  return (
    <>
      <ReviewBanner state={state} />
      <ReviewBar replay={replay} state={state} marks={marks} onShowMark={(mark) => showInReview(mark.time, mark.subject)} />
      <StatusBar mode={state.mode} status={null} connections={[]} trackCount={0} outboxQueued={null} alertCounts={null} problem={null} />
    </>
  );
}

function press(testId: string): void {
  byTestId(testId).click();
}

function keyDown(testId: string, key: string): void {
  byTestId(testId).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

describe('Given the review bar under the map', () => {
  const root = aRootPerTest();

  it('When the analyst enters review, Then the view says REVIEW with the time and speed, not live, and the slider spans the cache', async () => {
    const { host, replay } = aReplay();
    await settle(() => root.current.render(<Review client={host.client} replay={replay} onSelect={() => undefined} />));
    expect(byTestId('mode-pill').textContent).toBe('LIVE');
    expect(has('review-banner')).toBe(false);

    await settle(() => press('review-enter'));

    expect(byTestId('mode-pill').textContent).toBe('REVIEW');
    expect(byTestId('review-banner').textContent).toBe('REVIEW — 2026-11-26 07:00:00Z ×1 paused — not live');
    const slider = byTestId('review-slider') as HTMLInputElement;
    expect([slider.min, slider.max, slider.value]).toEqual([String(REVIEW_FROM), String(REVIEW_TO), String(REVIEW_TO)]);
    expect(valueOf('review-time-input')).toBe('2026-11-26 07:00:00Z');
  });

  it('When a UTC time is typed and Enter pressed, Then review goes to that moment; a time it cannot read is explained', async () => {
    const { host, replay } = aReplay();
    await settle(() => root.current.render(<Review client={host.client} replay={replay} onSelect={() => undefined} />));
    await settle(() => press('review-enter'));

    await settle(() => enter('review-time-input', '2026-11-26 06:15:30Z'));
    await settle(() => keyDown('review-time-input', 'Enter'));
    expect(host.calls('review.frame').at(-1)).toEqual({ at: Date.UTC(2026, 10, 26, 6, 15, 30) });
    expect(byTestId('review-banner').textContent).toContain('2026-11-26 06:15:30Z');

    await settle(() => keyDown('review-time-input', 'ArrowUp'));
    expect(host.calls('review.frame').at(-1)).toEqual({ at: Date.UTC(2026, 10, 26, 6, 15, 31) });

    await settle(() => enter('review-time-input', 'half past six'));
    await settle(() => keyDown('review-time-input', 'Enter'));
    expect(byTestId('review-time-problem').textContent).toBe('Type the time as YYYY-MM-DD HH:MM:SSZ, in UTC.');
  });

  it('When Play is pressed and a speed chosen, Then it plays at that speed until paused', async () => {
    const { host, replay } = aReplay();
    await settle(() => root.current.render(<Review client={host.client} replay={replay} onSelect={() => undefined} />));
    await settle(() => press('review-enter'));

    await settle(() => enter('review-speed', '30'));
    await settle(() => press('review-play'));
    expect(replay.state()).toMatchObject({ playing: true, speed: 30 });
    expect(byTestId('review-banner').textContent).toContain('×30 playing');

    await settle(() => press('review-pause'));
    expect(replay.state().playing).toBe(false);
  });

  it('When an alert mark on the timeline is clicked, Then review goes to the alert’s time and selects its subject there', async () => {
    const { host, replay, view } = aReplay();
    const selected: string[] = [];
    await settle(() => root.current.render(<Review client={host.client} replay={replay} onSelect={(uid) => selected.push(uid)} />));
    await settle(() => press('review-enter'));
    expect(host.calls('review.alertMarks')).toEqual([{ from: REVIEW_FROM, to: REVIEW_TO, limit: 2_000 }]);

    await settle(() => press('review-alert-mark'));

    expect(replay.state().time).toBe(MARK.time);
    expect(selected).toEqual([RAVEN.uid]);
    expect(view.get(RAVEN.uid)?.time).toBe(MARK.time);
  });

  it('When Jump to live is pressed, Then the pill says LIVE and the banner and frame are gone', async () => {
    const { host, replay } = aReplay();
    await settle(() => root.current.render(<Review client={host.client} replay={replay} onSelect={() => undefined} />));
    await settle(() => press('review-enter'));

    await settle(() => press('review-live'));

    expect(byTestId('mode-pill').textContent).toBe('LIVE');
    expect(has('review-banner')).toBe(false);
    expect(byTestId('review-bar').dataset['mode']).toBe('live');
  });
});
