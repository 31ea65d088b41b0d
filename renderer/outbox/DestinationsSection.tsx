import { useCallback } from 'react';
import type { Profile } from '../../shared/connections';
import type { Client } from '../client';
import { useMayCall } from '../security/role-context';
import { DestinationRow } from './DestinationRow';
import { OtherDestinationBudget } from './OtherDestinationBudget';
import { useDestinations } from './use-destinations';

interface DestinationsSectionProps {
  readonly client: Client;
  /** The tab is showing: only then are the destinations read. */
  readonly active: boolean;
  /** From profiles.list; null until it has answered. */
  readonly profiles: readonly Profile[] | null;
}

/** Where queued messages go, how fast each destination may send, and how long its queue will take. */
export function DestinationsSection({ client, active, profiles }: DestinationsSectionProps) {
  const { destinations, problem, read } = useDestinations(client, active);
  const maySetBudget = useMayCall('outbox.setBudget');

  const setBudget = useCallback(
    async (profileId: string, topic: string, bytesPerSecond: number | null): Promise<string | null> => {
      const result = await client.call('outbox.setBudget', { profileId, topic, bytesPerSecond });
      if (!result.ok) return result.error.message;
      // Read again rather than patch in the answer: a lifted budget on an empty queue drops the destination from the list.
      read();
      return null;
    },
    [client, read],
  );

  const profileNames = new Map((profiles ?? []).map((profile) => [profile.id, profile.name]));

  return (
    <section className="outbox-destinations" data-testid="outbox-destinations" aria-labelledby="outbox-destinations-title">
      <h3 id="outbox-destinations-title">Destinations</h3>
      {problem === null ? null : (
        <p className="form-error" role="alert" data-testid="destinations-problem">
          {problem}
        </p>
      )}
      {destinations === null ? (
        <p className="field-hint">Reading the destinations…</p>
      ) : destinations.length === 0 ? (
        <p className="field-hint">Nothing is queued, and no destination has a budget.</p>
      ) : (
        <ul className="destination-list" aria-label="Destinations with messages queued or a budget set">
          {destinations.map((destination) => (
            <DestinationRow
              key={`${destination.profileId}/${destination.topic}`}
              destination={destination}
              profileName={profileNames.get(destination.profileId) ?? null}
              onSetBudget={(bytesPerSecond) => setBudget(destination.profileId, destination.topic, bytesPerSecond)}
            />
          ))}
        </ul>
      )}
      {!maySetBudget || profiles === null || profiles.length === 0 ? null : <OtherDestinationBudget profiles={profiles} onSetBudget={setBudget} />}
    </section>
  );
}
