import type { PartitionLag } from '../../shared/connections';
import { formatCount } from './figures';
import { lagByTopic } from './partition-lag-summary';

interface PartitionLagListProps {
  readonly partitions: readonly PartitionLag[];
  readonly testId: string;
}

/** One line per topic with its total lag, then each partition's as "p0 12". */
export function PartitionLagList({ partitions, testId }: PartitionLagListProps) {
  if (partitions.length === 0) return null;
  return (
    <dl className="partition-lag" data-testid={testId}>
      {lagByTopic(partitions).map((topic) => (
        <div key={topic.topic} className="lag-topic">
          <dt>
            <span className="lag-topic-name">{topic.topic}</span>
            <span>{topic.total === 0 ? 'up to date' : `${formatCount(topic.total)} behind`}</span>
          </dt>
          <dd>
            <ol aria-label={`Lag per partition of ${topic.topic}`}>
              {topic.partitions.map(({ partition, lag }) => (
                <li key={partition} className={lag > 0 ? 'lagging' : undefined} title={`Partition ${partition}: ${formatCount(lag)} records behind`}>
                  p{partition} {formatCount(lag)}
                </li>
              ))}
            </ol>
          </dd>
        </div>
      ))}
    </dl>
  );
}
