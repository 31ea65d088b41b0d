// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { CachePin } from '../../shared/cache';
import type { RetentionSettings } from '../../shared/config';
import { ok } from '../../shared/result';
import type { Client } from '../../renderer/client';
import { CachePanel } from '../../renderer/cache/CachePanel';
import { useJobs } from '../../renderer/transfer/use-jobs';
import { allByTestId, aRootPerTest, byTestId, enter, settle, valueOf } from './support/dom';
import { fakeClient } from './support/fake-client';
import { aJob, JOB_STARTED } from './support/job-builder';

const COMPACT_JOB = aJob({ kind: 'compact', label: 'Compact the cache', total: 400 });
const REVIEW_TIME = Date.UTC(2026, 10, 26, 7, 0, 0);

interface CacheState {
  retention: RetentionSettings;
  pins: CachePin[];
}

function cacheHost(state: CacheState) {
  return fakeClient((method, args) => {
    switch (method) {
      case 'jobs.list':
        return ok([]);
      case 'cache.stats':
        return ok({
          fileBytes: 900_000_000,
          usedBytes: 600_000_000,
          streams: [
            { source: 'edge', topic: 'cot', records: 1_200_000, bytes: 500_000_000 },
            { source: 'import:6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', topic: 'mission.geojson', records: 7_200, bytes: 2_500_000 },
          ],
        });
      case 'cache.retention':
        return ok(state.retention);
      case 'cache.setRetention':
        state.retention = (args as { retention: RetentionSettings }).retention;
        return ok(state.retention);
      case 'cache.pins.list':
        return ok(state.pins);
      case 'cache.pins.add': {
        const { pin } = args as { pin: Omit<CachePin, 'id' | 'createdAt'> };
        state.pins = [...state.pins, { ...pin, id: state.pins.length + 1, createdAt: JOB_STARTED }];
        return ok(state.pins.at(-1));
      }
      case 'cache.pins.remove':
        state.pins = state.pins.filter((pin) => pin.id !== (args as { id: number }).id);
        return ok({ removed: true });
      case 'cache.compact':
        return ok(COMPACT_JOB);
      default:
        return undefined;
    }
  });
}

function Cache({ client }: { readonly client: Client }) {
  const jobs = useJobs(client);
  return <CachePanel client={client} jobs={jobs} active reviewTime={REVIEW_TIME} />;
}

const aCache = (): CacheState => ({ retention: { maxAgeHours: 168, maxBytes: 4_000_000_000 }, pins: [] });

describe('Given the Cache tab', () => {
  const root = aRootPerTest();

  it('When it opens, Then it shows the size and each source and topic, largest first', async () => {
    const host = cacheHost(aCache());
    await settle(() => root.current.render(<Cache client={host.client} />));

    expect(byTestId('cache-size').textContent).toBe('600 MB in use of a 900 MB file; 300 MB could be given back by Compact.');
    expect(allByTestId('cache-stream').map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['edge', 'cot', '1,200,000', '500 MB'],
      ['import:6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', 'mission.geojson', '7,200', '2.5 MB'],
    ]);
  });

  it('When retention is changed, Then the new settings are saved; a size it cannot read is explained', async () => {
    const state = aCache();
    const host = cacheHost(state);
    await settle(() => root.current.render(<Cache client={host.client} />));
    expect([valueOf('retention-hours'), valueOf('retention-gigabytes')]).toEqual(['168', '4']);

    await settle(() => enter('retention-hours', '720'));
    await settle(() => enter('retention-gigabytes', '20'));
    await settle(() => byTestId('retention-save').click());
    expect(host.calls('cache.setRetention')).toEqual([{ retention: { maxAgeHours: 720, maxBytes: 20_000_000_000 } }]);
    expect(byTestId('retention-message').textContent).toBe('Saved. Retention applies it on its next pass.');

    await settle(() => enter('retention-gigabytes', 'lots'));
    await settle(() => byTestId('retention-save').click());
    expect(byTestId('retention-message').textContent).toBe('Type the most the cache may hold in GB, such as 4.');
    expect(host.calls('cache.setRetention')).toHaveLength(1);
  });

  it('When the hour up to the review time is pinned and then unpinned, Then the pin list follows', async () => {
    const host = cacheHost(aCache());
    await settle(() => root.current.render(<Cache client={host.client} />));

    await settle(() => byTestId('pin-from-review').click());
    await settle(() => enter('pin-label', 'Ambush'));
    await settle(() => byTestId('pin-add').click());
    expect(host.calls('cache.pins.add')).toEqual([{ pin: { from: REVIEW_TIME - 3_600_000, to: REVIEW_TIME, label: 'Ambush' } }]);
    expect(allByTestId('cache-pin').map((pin) => pin.textContent)).toEqual(['Ambush 2026-11-26 06:00:00Z – 2026-11-26 07:00:00ZUnpin']);

    await settle(() => byTestId('cache-pin-remove').click());
    expect(host.calls('cache.pins.remove')).toEqual([{ id: 1 }]);
    expect(allByTestId('cache-pin')).toEqual([]);
  });

  it('When Compact is pressed, Then its progress shows until it is done, and the size is read again', async () => {
    const host = cacheHost(aCache());
    await settle(() => root.current.render(<Cache client={host.client} />));
    await settle(() => byTestId('cache-compact').click());
    expect(byTestId('cache-compact').hasAttribute('disabled')).toBe(true);

    await settle(() => host.emit('jobs.changed', [{ ...COMPACT_JOB, done: 100 }]));
    expect(byTestId('job-figures').textContent).toBe('100 of 400');
    const statsReads = host.calls('cache.stats').length;

    await settle(() => host.emit('jobs.changed', [{ ...COMPACT_JOB, state: 'done', done: 400, finishedAt: JOB_STARTED + 9_000, message: '300 MB given back to the disk.' }]));
    expect(byTestId('job-figures').textContent).toBe('400 of 400 · 300 MB given back to the disk.');
    expect(host.calls('cache.stats').length).toBe(statsReads + 1);
  });
});
