import type { DestinationStatus } from '../../shared/outbox';
import { formatCount } from '../connections/figures';
import { useMayCall } from '../security/role-context';
import { BudgetEditor } from './BudgetEditor';
import { describeRate } from './budget-input';
import { formatByteRate, formatSize } from './byte-units';
import { formatDrainTime } from './drain-time';

interface DestinationRowProps {
  readonly destination: DestinationStatus;
  /** The profile's name, or null when it has been deleted. */
  readonly profileName: string | null;
  readonly onSetBudget: (bytesPerSecond: number | null) => Promise<string | null>;
}

export function DestinationRow({ destination, profileName, onSetBudget }: DestinationRowProps) {
  const { profileId, topic, queued, queuedWireBytes, budgetBytesPerSecond, measuredBytesPerSecond, sentWireBytes, drainSeconds, waiting } = destination;
  const name = `${profileName ?? profileId} / ${topic}`;
  const maySetBudget = useMayCall('outbox.setBudget');
  return (
    <li className="destination-row" data-testid="destination-row" data-profile-id={profileId} data-topic={topic}>
      <div className="outbox-row-head">
        <span className="outbox-destination" title={name}>
          {name}
        </span>
        <span className="destination-queued" data-testid="destination-queued">
          {formatCount(queued)} queued
        </span>
      </div>
      <div className="outbox-meta">
        {queued === 0 ? null : (
          <span data-testid="destination-size" title="What the queued messages cost on the link, compressed">
            {formatSize(queuedWireBytes)} to send
          </span>
        )}
        <span data-testid="destination-budget">{budgetBytesPerSecond === null ? 'No limit' : `Budget ${describeRate(budgetBytesPerSecond)}`}</span>
        {measuredBytesPerSecond === null ? null : <span data-testid="destination-measured">Measured {formatByteRate(measuredBytesPerSecond)}</span>}
        {sentWireBytes === 0 ? null : (
          <span data-testid="destination-sent" title="Compressed bytes the broker has taken since Outpost started: what this destination has cost the link">
            {formatSize(sentWireBytes)} sent since start
          </span>
        )}
        {queued === 0 ? null : drainSeconds === null ? (
          <span data-testid="destination-drain" title="Not known yet: there is no budget, and nothing has been sent to measure the link by.">
            —
          </span>
        ) : (
          // The estimate is at the budget or the measured rate; while the queue waits it tells what follows, not when.
          <span data-testid="destination-drain">
            drains in {formatDrainTime(drainSeconds)}
            {waiting === null ? null : ' once it can send'}
          </span>
        )}
      </div>
      {waiting === null ? null : (
        <p className="outbox-reason" data-testid="destination-waiting">
          {waiting}
        </p>
      )}
      {/* Keyed by the budget, so a saved budget replaces what was typed. */}
      {maySetBudget ? <BudgetEditor key={String(budgetBytesPerSecond)} budget={budgetBytesPerSecond} onSave={onSetBudget} /> : null}
    </li>
  );
}
