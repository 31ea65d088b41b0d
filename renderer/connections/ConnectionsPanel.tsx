import { useCallback, useRef, useState } from 'react';
import type { Profile, ProfileStatus, Subscription } from '../../shared/connections';
import type { Client } from '../client';
import { RoleNote } from '../components/RoleNote';
import { useMayCall } from '../security/role-context';
import { ProfileCard } from './ProfileCard';
import { ProfileForm } from './ProfileForm';
import { QuarantineSection } from './QuarantineSection';
import { ratesBetween, readingOf, type CounterReading } from './subscription-rates';
import { usePolling } from './use-polling';

interface ConnectionsPanelProps {
  readonly client: Client;
  /** From the connections.changed event, which the App already follows. */
  readonly statuses: readonly ProfileStatus[];
  /** True while the built-in demo scenario is the feed. */
  readonly demo: boolean;
  readonly quarantinedCount: number;
  /** The tab is showing: only then are the counters polled. */
  readonly active: boolean;
}

type Editor = { readonly mode: 'add' } | { readonly mode: 'edit'; readonly profileId: string };

const POLL_MS = 2_000;
/** Two missed beats: beyond that the tab or window was hidden, and the rate starts afresh. */
const MAX_RATE_GAP_MS = 3 * POLL_MS;

export function ConnectionsPanel({ client, statuses, demo, quarantinedCount, active }: ConnectionsPanelProps) {
  const [profiles, setProfiles] = useState<readonly Profile[] | null>(null);
  const [subscriptions, setSubscriptions] = useState<readonly Subscription[]>([]);
  const [rates, setRates] = useState<ReadonlyMap<number, number>>(new Map());
  const [editor, setEditor] = useState<Editor | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const lastReading = useRef<CounterReading | null>(null);
  const maySaveProfile = useMayCall('profiles.save');

  /** Rates are measured only between polls: a read right after an edit would divide by a sliver of time. */
  const load = useCallback(
    async (measure: boolean): Promise<void> => {
      const [profilesRead, subscriptionsRead] = await Promise.all([client.call('profiles.list', {}), client.call('subscriptions.list', {})]);
      if (profilesRead.ok) setProfiles(profilesRead.value);
      if (subscriptionsRead.ok) setSubscriptions(subscriptionsRead.value);
      const failures = [profilesRead, subscriptionsRead].flatMap((read) => (read.ok ? [] : [read.error.message]));
      setProblem(failures[0] ?? null);
      if (!measure || !subscriptionsRead.ok) return;
      const reading = readingOf(subscriptionsRead.value, Date.now());
      setRates(ratesBetween(lastReading.current, reading, MAX_RATE_GAP_MS));
      lastReading.current = reading;
    },
    [client],
  );
  const reload = (): void => void load(false);
  // Profiles ride along with the counters: a short list, and it picks up changes made elsewhere.
  usePolling(() => void load(true), POLL_MS, active);

  return (
    <section className="connections-panel" aria-labelledby="connections-title">
      <header className="panel-head">
        <h2 id="connections-title">Connections</h2>
        {maySaveProfile ? (
          <button type="button" className="primary" data-testid="add-profile" disabled={editor !== null} onClick={() => setEditor({ mode: 'add' })}>
            Add profile
          </button>
        ) : null}
      </header>
      <div className="panel-body">
        {maySaveProfile ? null : <RoleNote action="change connection profiles or subscriptions" />}
        {demo ? (
          <p className="note" data-testid="demo-note">
            No connection profile yet, so Outpost is playing its built-in demo scenario. Saving the first profile stops the demo.
          </p>
        ) : null}
        {problem === null ? null : (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {editor?.mode === 'add' ? (
          <ProfileForm
            client={client}
            editing={null}
            onSaved={() => {
              setEditor(null);
              reload();
            }}
            onCancel={() => setEditor(null)}
          />
        ) : null}
        {profiles === null ? (
          <p className="field-hint">Reading the connection profiles…</p>
        ) : profiles.length === 0 && editor === null ? (
          <p className="field-hint">No connection profiles. Add one to read positions from a Kafka broker.</p>
        ) : (
          <ol className="profile-list">
            {profiles.map((profile) => (
              <li key={profile.id}>
                {editor?.mode === 'edit' && editor.profileId === profile.id ? (
                  <ProfileForm
                    client={client}
                    editing={profile}
                    onSaved={() => {
                      setEditor(null);
                      reload();
                    }}
                    onCancel={() => setEditor(null)}
                  />
                ) : (
                  <ProfileCard
                    client={client}
                    profile={profile}
                    status={statuses.find((status) => status.profileId === profile.id)}
                    subscriptions={subscriptions.filter((subscription) => subscription.profileId === profile.id)}
                    rates={rates}
                    onEdit={() => setEditor({ mode: 'edit', profileId: profile.id })}
                    onChanged={reload}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
        <QuarantineSection client={client} quarantinedCount={quarantinedCount} active={active} />
      </div>
    </section>
  );
}
