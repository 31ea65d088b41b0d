import { describe, expect, it } from 'vitest';
import type { PartitionLag } from '../../shared/connections';
import { lagByTopic } from '../../renderer/connections/partition-lag-summary';

function aLag(topic: string, partition: number, lag: number): PartitionLag {
  return { topic, partition, nextOffset: 100, endOffset: 100 + lag, lag };
}

describe('Given per-partition lag from the core', () => {
  it('When partitions of several topics arrive in any order, Then they are grouped by topic, in order, with each topic’s total', () => {
    const summary = lagByTopic([aLag('cot', 2, 5), aLag('ais', 0, 0), aLag('cot', 0, 12), aLag('cot', 1, 0)]);
    expect(summary).toEqual([
      { topic: 'ais', total: 0, partitions: [{ partition: 0, lag: 0 }] },
      { topic: 'cot', total: 17, partitions: [{ partition: 0, lag: 12 }, { partition: 1, lag: 0 }, { partition: 2, lag: 5 }] },
    ]);
  });

  it('When there are no partitions, Then there is nothing to show', () => {
    expect(lagByTopic([])).toEqual([]);
  });
});
