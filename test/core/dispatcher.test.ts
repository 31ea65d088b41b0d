import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../electron/core/dispatcher';
import { UserFacingError } from '../../electron/core/user-facing-error';
import { recordingLog } from '../support/recording-log';
import { aTrack } from '../builders/track-builder';

const status = { version: '1.0.0', startedAt: 0, recordCount: 0, quarantinedCount: 0, trackCount: 0, demo: true } as const;

const unused = (): never => {
  throw new Error('not used by this test');
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.status': () => status,
    'tracks.list': ({ limit }) => [aTrack({ uid: `limit-${limit ?? 'none'}` })],
    'tracks.history': unused,
    'quarantine.list': () => [],
    'connections.status': () => [],
    'profiles.list': () => [],
    'profiles.save': unused,
    'profiles.remove': unused,
    'profiles.test': unused,
    'subscriptions.list': () => [],
    'subscriptions.add': unused,
    'subscriptions.remove': unused,
    'basemaps.list': unused,
    'basemaps.add': unused,
    'basemaps.remove': unused,
    'outbox.enqueue': unused,
    'outbox.list': unused,
    'outbox.counts': unused,
    'outbox.cancel': unused,
    'outbox.retry': unused,
    'outbox.setPrecedence': unused,
    'outbox.edit': unused,
    'outbox.destinations': unused,
    'outbox.setBudget': unused,
    'rules.list': unused,
    'rules.save': unused,
    'rules.remove': unused,
    'rules.setEnabled': unused,
    'rules.testAgainstCache': unused,
    'alerts.list': unused,
    'alerts.counts': unused,
    'alerts.acknowledge': unused,
    'alerts.resolve': unused,
    'review.range': unused,
    'review.frame': unused,
    'review.window': unused,
    'review.trails': unused,
    'review.alertMarks': unused,
    'search.query': unused,
    'search.saved.list': unused,
    'search.saved.save': unused,
    'search.saved.remove': unused,
    'export.policy': unused,
    'export.start': unused,
    'import.start': unused,
    'import.sources': unused,
    'jobs.list': unused,
    'jobs.cancel': unused,
    'cache.stats': unused,
    'cache.retention': unused,
    'cache.setRetention': unused,
    'cache.pins.list': unused,
    'cache.pins.add': unused,
    'cache.pins.remove': unused,
    'cache.compact': unused,
    'forwarding.list': unused,
    'forwarding.save': unused,
    'forwarding.remove': unused,
    'forwarding.setPaused': unused,
    'forwarding.dryRun': unused,
    ...overrides,
  };
}

describe('Given the dispatcher', () => {
  it('When a known method is called with good arguments, Then it answers with the handler result', async () => {
    const dispatch = createDispatcher(handlers(), recordingLog());
    const result = await dispatch('tracks.list', { limit: 5 });
    expect(result).toEqual({ ok: true, value: [aTrack({ uid: 'limit-5' })] });
  });

  it('When arguments are omitted for a method that takes none, Then it treats them as empty', async () => {
    const dispatch = createDispatcher(handlers(), recordingLog());
    expect(await dispatch('app.status', undefined)).toEqual({ ok: true, value: status });
  });

  it('When the method is unknown, Then it refuses with a sentence naming it', async () => {
    const dispatch = createDispatcher(handlers(), recordingLog());
    expect(await dispatch('tracks.delete', {})).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'Outpost has no method called "tracks.delete".' },
    });
  });

  it('When the method name is not even a string, Then it refuses it the same way', async () => {
    const dispatch = createDispatcher(handlers(), recordingLog());
    const result = await dispatch({ toString: 'x' }, {});
    expect(result.ok).toBe(false);
  });

  it.each([
    [{ limit: 'ten' }, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ extra: true }, 'extra'],
    ['not an object', 'value'],
  ])('When tracks.list gets %j, Then it rejects the arguments and names %s', async (args, field) => {
    let called = false;
    const dispatch = createDispatcher(
      handlers({
        'tracks.list': () => {
          called = true;
          return [];
        },
      }),
      recordingLog(),
    );
    const result = await dispatch('tracks.list', args);
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-arguments');
    expect(result.error.message).toMatch(/^tracks\.list was called with bad arguments: /);
    expect(result.error.message).toContain(field);
  });

  it('When a handler throws a user-facing error, Then its sentence reaches the caller', async () => {
    const dispatch = createDispatcher(
      handlers({
        'app.status': () => {
          throw new UserFacingError('The cache is locked. Unlock Outpost and try again.');
        },
      }),
      recordingLog(),
    );
    expect(await dispatch('app.status', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'The cache is locked. Unlock Outpost and try again.' },
    });
  });

  it('When a handler fails unexpectedly, Then the caller gets a plain sentence and the log gets the details', async () => {
    const log = recordingLog();
    const dispatch = createDispatcher(
      handlers({
        'app.status': () => {
          throw new TypeError('cannot read properties of undefined');
        },
      }),
      log,
    );
    const result = await dispatch('app.status', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Outpost could not complete app.status. The details are in the log.' },
    });
    expect(log.entries).toHaveLength(1);
    expect(String(log.entries[0]?.fields?.['error'])).toContain('cannot read properties of undefined');
  });
});
