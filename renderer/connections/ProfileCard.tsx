import { useState } from 'react';
import type { ConnectionTestResult, Profile, ProfileStatus, Subscription } from '../../shared/connections';
import type { Result } from '../../shared/result';
import type { Client } from '../client';
import { useMayCall } from '../security/role-context';
import { ConfirmButton } from './ConfirmButton';
import { ConnectionStateBadge } from './ConnectionStateBadge';
import { formatCount, formatRate } from './figures';
import { PartitionLagList } from './PartitionLagList';
import { SubscriptionForm } from './SubscriptionForm';
import { SubscriptionRow } from './SubscriptionRow';
import { TestResultView } from './TestResultView';

interface ProfileCardProps {
  readonly client: Client;
  readonly profile: Profile;
  /** Undefined until the core reports on a profile just saved. */
  readonly status: ProfileStatus | undefined;
  readonly subscriptions: readonly Subscription[];
  readonly rates: ReadonlyMap<number, number>;
  readonly onEdit: () => void;
  /** The profile or its subscriptions changed: read them again. */
  readonly onChanged: () => void;
}

/** A new draft each time, so picking another topic from a test refills the form. */
interface SubscriptionDraft {
  readonly topic: string;
  readonly serial: number;
}

export function ProfileCard({ client, profile, status, subscriptions, rates, onEdit, onChanged }: ProfileCardProps) {
  const { id, name } = profile;
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<ConnectionTestResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [draft, setDraft] = useState<SubscriptionDraft | null>(null);
  const mayEdit = useMayCall('profiles.save');
  const mayTest = useMayCall('profiles.test');
  const mayRemove = useMayCall('profiles.remove');
  const mayAddSubscription = useMayCall('subscriptions.add');

  const openDraft = (topic: string): void => setDraft((previous) => ({ topic, serial: (previous?.serial ?? 0) + 1 }));

  const test = async (): Promise<void> => {
    setTesting(true);
    setProblem(null);
    setTestResult(null);
    const result = await client.call('profiles.test', { id });
    setTesting(false);
    if (result.ok) setTestResult(result.value);
    else setProblem(result.error.message);
  };

  const runThenReload = async (call: () => Promise<Result<unknown>>): Promise<void> => {
    setProblem(null);
    const result = await call();
    if (result.ok) onChanged();
    else setProblem(result.error.message);
  };

  const security = [profile.tls === null ? null : 'TLS', profile.sasl === null ? null : `SASL ${profile.sasl.mechanism} as ${profile.sasl.username}`]
    .filter((part) => part !== null)
    .join(' · ');

  return (
    <article className="profile-card" data-testid={`profile-row-${id}`} aria-labelledby={`profile-${id}-name`}>
      <header className="profile-head">
        <div className="profile-title">
          <h3 id={`profile-${id}-name`}>{name}</h3>
          <span className="profile-id">{id}</span>
          {profile.enabled ? null : <span className="tag">disabled</span>}
        </div>
        <ConnectionStateBadge state={status?.state ?? null} testId={`profile-state-${id}`} />
      </header>
      <p className="profile-brokers">
        {profile.brokers.join(', ')}
        {security === '' ? null : <span className="profile-security"> · {security}</span>}
      </p>
      {status === undefined || status.state === 'connected' || status.reason === null ? null : (
        <p className="profile-reason" data-testid={`profile-reason-${id}`}>
          {status.reason}
        </p>
      )}
      {status === undefined || !isReading(status) ? null : (
        <div className="profile-figures">
          <span data-testid={`profile-rate-${id}`}>{formatRate(status.rate)}</span>
          {status.catchUp === null ? null : (
            <span className="catch-up" data-testid={`profile-catch-up-${id}`}>
              catching up: {formatCount(status.catchUp.done)} of {formatCount(status.catchUp.total)}
              <progress value={status.catchUp.done} max={Math.max(1, status.catchUp.total)} aria-hidden="true" />
            </span>
          )}
        </div>
      )}
      <PartitionLagList partitions={status?.partitions ?? []} testId={`profile-lag-${id}`} />
      {mayEdit || mayTest || mayRemove ? (
        <div className="profile-actions">
          {mayEdit ? (
            <button type="button" className="quiet" data-testid={`edit-profile-${id}`} onClick={onEdit}>
              Edit
            </button>
          ) : null}
          {mayTest ? (
            <button type="button" className="quiet" data-testid={`test-profile-${id}`} disabled={testing} onClick={() => void test()}>
              {testing ? 'Testing…' : 'Test'}
            </button>
          ) : null}
          {mayRemove ? (
            <ConfirmButton
              label="Remove"
              question={removalQuestion(name, subscriptions.length)}
              confirmLabel="Remove profile"
              testId={`remove-profile-${id}`}
              onConfirm={() => void runThenReload(() => client.call('profiles.remove', { id }))}
            />
          ) : null}
        </div>
      ) : null}
      {testing ? <p className="field-hint">Testing the connection. An unreachable broker can take several seconds to report.</p> : null}
      {problem === null ? null : (
        <p className="form-error" role="alert" data-testid={`profile-problem-${id}`}>
          {problem}
        </p>
      )}
      {testResult === null ? null : <TestResultView profileId={id} result={testResult} onPickTopic={openDraft} />}
      <section className="subscriptions" aria-label={`Subscriptions of ${name}`}>
        <h4>Subscriptions</h4>
        {subscriptions.length === 0 ? (
          <p className="field-hint">None yet: this profile reads nothing until you add one.</p>
        ) : (
          <ul>
            {subscriptions.map((subscription) => (
              <SubscriptionRow
                key={subscription.id}
                subscription={subscription}
                rate={rates.get(subscription.id)}
                onRemove={() => void runThenReload(() => client.call('subscriptions.remove', { id: subscription.id }))}
              />
            ))}
          </ul>
        )}
        {!mayAddSubscription ? null : draft === null ? (
          <button type="button" className="quiet" data-testid={`add-subscription-${id}`} onClick={() => openDraft('')}>
            Add subscription
          </button>
        ) : (
          <SubscriptionForm
            key={draft.serial}
            client={client}
            profileId={id}
            initialTopic={draft.topic}
            onAdded={() => {
              setDraft(null);
              onChanged();
            }}
            onCancel={() => setDraft(null)}
          />
        )}
      </section>
    </article>
  );
}

/** Connected, or consuming with a problem on the side: a rate and a backlog mean something. */
function isReading(status: ProfileStatus): boolean {
  return status.state === 'connected' || status.state === 'degraded';
}

function removalQuestion(name: string, subscriptionCount: number): string {
  const along = subscriptionCount === 0 ? '' : subscriptionCount === 1 ? ' and its subscription' : ` and its ${subscriptionCount} subscriptions`;
  return `Remove “${name}”${along}? Outpost stops reading from its brokers; records already cached stay.`;
}
