import { useCallback, useEffect, useRef, useState } from 'react';
import type { Profile } from '../../shared/connections';
import { OUTBOX_STATES, type OutboxCounts, type OutboxMessage } from '../../shared/outbox';
import type { Client } from '../client';
import { formatCount } from '../connections/figures';
import type { ComposedMessage } from './compose-form-model';
import { ComposeForm } from './ComposeForm';
import { DestinationsSection } from './DestinationsSection';
import { OutboxRow } from './OutboxRow';
import { STATE_LABELS } from './outbox-labels';
import { useCoalescedCall } from './use-coalesced-call';
import './outbox.css';

interface OutboxPanelProps {
  readonly client: Client;
  /** From useOutboxCounts, which the App already keeps for the status bar; null until known. */
  readonly counts: OutboxCounts | null;
  /** The tab is showing: only then is the list read. */
  readonly active: boolean;
  readonly now: number;
}

/** The list is for watching what is going out; older messages stay in the core's store. */
const LIST_LIMIT = 200;
/** A burst of sends changes the outbox many times a second; the list follows at most four times. */
const REFRESH_DELAY_MS = 250;

export function OutboxPanel({ client, counts, active, now }: OutboxPanelProps) {
  const [messages, setMessages] = useState<readonly OutboxMessage[] | null>(null);
  const [profiles, setProfiles] = useState<readonly Profile[] | null>(null);
  const [listProblem, setListProblem] = useState<string | null>(null);
  const [profilesProblem, setProfilesProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<ComposedMessage | null>(null);
  const latestRead = useRef(0);

  const readList = useCallback((): void => {
    // Reads can overlap; only the one started last may replace the list.
    latestRead.current += 1;
    const read = latestRead.current;
    void client.call('outbox.list', { limit: LIST_LIMIT }).then((result) => {
      if (read !== latestRead.current) return;
      if (result.ok) {
        setMessages(result.value);
        setListProblem(null);
      } else {
        setListProblem(result.error.message);
      }
    });
  }, [client]);
  const requestRead = useCoalescedCall(readList, REFRESH_DELAY_MS);

  useEffect(() => {
    if (!active) return;
    readList();
    // Profiles are edited in the Connections tab, so coming back here is when they may have changed.
    void client.call('profiles.list', {}).then((result) => {
      setProfilesProblem(result.ok ? null : result.error.message);
      if (result.ok) setProfiles(result.value);
    });
    return client.on('outbox.changed', requestRead);
  }, [active, client, readList, requestRead]);

  const replace = useCallback((changed: OutboxMessage) => {
    setMessages((previous) => previous?.map((message) => (message.id === changed.id ? changed : message)) ?? null);
  }, []);

  const edited = useCallback(
    (saved: OutboxMessage) => {
      setEditing(null);
      replace(saved);
      readList();
    },
    [readList, replace],
  );
  const stopEditing = useCallback(() => setEditing(null), []);

  const profileNames = new Map((profiles ?? []).map((profile) => [profile.id, profile.name]));

  return (
    <section className="outbox-panel" data-testid="outbox-panel" aria-labelledby="outbox-title">
      <header className="panel-head">
        <h2 id="outbox-title">Outbox</h2>
        <dl className="outbox-counts" aria-label="Messages by state">
          {OUTBOX_STATES.map((state) => (
            <div key={state} className={`outbox-count state-${state}`}>
              <dt>{STATE_LABELS[state]}</dt>
              <dd data-testid={`outbox-count-${state}`}>{counts === null ? '–' : formatCount(counts[state])}</dd>
            </div>
          ))}
        </dl>
      </header>
      <div className="panel-body">
        <ComposeForm client={client} profiles={profiles} editing={editing} onQueued={readList} onEdited={edited} onStopEditing={stopEditing} />
        {[profilesProblem, listProblem].map((problem) =>
          problem === null ? null : (
            <p key={problem} className="form-error" role="alert" data-testid="outbox-problem">
              {problem}
            </p>
          ),
        )}
        <DestinationsSection client={client} active={active} profiles={profiles} />
        {messages === null ? (
          <p className="field-hint">Reading the outbox…</p>
        ) : messages.length === 0 ? (
          <p className="field-hint">No outbound messages yet.</p>
        ) : (
          <>
            <ol className="outbox-list" aria-label="Outbound messages, newest first">
              {messages.map((message) => (
                <OutboxRow
                  key={message.id}
                  client={client}
                  message={message}
                  profileName={profileNames.get(message.profileId) ?? null}
                  now={now}
                  editing={message.id === editing?.id}
                  onChanged={replace}
                  onEdit={setEditing}
                />
              ))}
            </ol>
            {messages.length === LIST_LIMIT ? <p className="field-hint">Showing the newest {LIST_LIMIT} messages.</p> : null}
          </>
        )}
      </div>
    </section>
  );
}
