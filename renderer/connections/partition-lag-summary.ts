import type { PartitionLag } from '../../shared/connections';

export interface TopicLag {
  readonly topic: string;
  readonly total: number;
  readonly partitions: readonly { readonly partition: number; readonly lag: number }[];
}

/** Per-partition lag grouped by topic, topics and partitions in order, so the list does not jump between readings. */
export function lagByTopic(partitions: readonly PartitionLag[]): TopicLag[] {
  const byTopic = new Map<string, PartitionLag[]>();
  for (const partition of partitions) byTopic.set(partition.topic, [...(byTopic.get(partition.topic) ?? []), partition]);
  return [...byTopic.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([topic, lags]) => ({
      topic,
      total: lags.reduce((sum, lag) => sum + lag.lag, 0),
      partitions: lags.map(({ partition, lag }) => ({ partition, lag })).sort((a, b) => a.partition - b.partition),
    }));
}
