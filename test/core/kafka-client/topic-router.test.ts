import { describe, expect, it } from 'vitest';
import { createTopicRouter } from '../../../electron/core/kafka/topic-router';
import type { StoredSubscription } from '../../../electron/core/store/store';

function subscription(overrides: Partial<StoredSubscription>): StoredSubscription {
  return { id: 1, profileId: 'edge', topic: null, pattern: null, format: 'auto', mapping: null, received: 0, quarantined: 0, ...overrides };
}

describe('Given subscriptions by topic and by pattern', () => {
  const router = createTopicRouter([
    subscription({ id: 1, pattern: 'cot\\..*', format: 'cot' }),
    subscription({ id: 2, topic: 'cot.special', format: 'tak-protobuf' }),
    subscription({ id: 3, pattern: 'ais', format: 'ais' }),
  ]);

  it('Then an exact topic wins over a pattern that also matches', () => {
    expect(router.route('cot.special')).toMatchObject({ subscriptionId: 2, format: 'tak-protobuf' });
    expect(router.route('cot.blue')).toMatchObject({ subscriptionId: 1, format: 'cot' });
  });

  it('Then a pattern must match the whole topic name', () => {
    expect(router.route('ais')).toMatchObject({ subscriptionId: 3 });
    expect(router.route('ais-archive')).toMatchObject({ subscriptionId: null, format: 'auto' });
  });

  it('Then kafkajs is handed the topic names and anchored patterns', () => {
    expect(router.topics.map(String)).toEqual(['cot.special', '/^(?:cot\\..*)$/', '/^(?:ais)$/']);
  });
});
