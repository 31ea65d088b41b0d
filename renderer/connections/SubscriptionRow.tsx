import type { Subscription } from '../../shared/connections';
import { useMayCall } from '../security/role-context';
import { ConfirmButton } from './ConfirmButton';
import { formatCount, formatRate } from './figures';
import { RECORD_FORMAT_LABELS } from './format-labels';

interface SubscriptionRowProps {
  readonly subscription: Subscription;
  /** Undefined until two readings of the counters exist. */
  readonly rate: number | undefined;
  readonly onRemove: () => void;
}

export function SubscriptionRow({ subscription, rate, onRemove }: SubscriptionRowProps) {
  const { id, topic, pattern, format, mapping, received, quarantined } = subscription;
  const target = topic ?? `topics matching /${pattern ?? ''}/`;
  const mappedPaths = mapping === null ? [] : Object.entries(mapping).map(([field, path]) => `${field} ← ${path}`);
  const mayRemove = useMayCall('subscriptions.remove');
  return (
    <li className="subscription-row" data-testid={`subscription-row-${id}`}>
      <div className="subscription-head">
        <span className="subscription-target" title={target}>
          {target}
        </span>
        <span className="format-tag" title={RECORD_FORMAT_LABELS[format]}>
          {format}
        </span>
        {mayRemove ? (
          <ConfirmButton
            label="Remove"
            question={`Stop reading ${topic === null ? target : `“${topic}”`}? Records already cached stay.`}
            confirmLabel="Remove subscription"
            testId={`remove-subscription-${id}`}
            onConfirm={onRemove}
          />
        ) : null}
      </div>
      <div className="subscription-counters">
        <span className="received" data-testid={`subscription-received-${id}`}>{formatCount(received)} received</span>
        <span className={quarantined > 0 ? 'warning' : undefined} data-testid={`subscription-quarantined-${id}`}>
          {formatCount(quarantined)} quarantined
        </span>
        <span data-testid={`subscription-rate-${id}`}>{rate === undefined ? 'measuring rate…' : formatRate(rate)}</span>
      </div>
      {mappedPaths.length === 0 ? null : <p className="mapping-summary">{mappedPaths.join(' · ')}</p>}
    </li>
  );
}
