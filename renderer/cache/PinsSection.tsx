import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CachePin } from '../../shared/cache';
import type { Client } from '../client';
import { RoleNote } from '../components/RoleNote';
import { useMayCall } from '../security/role-context';
import { formatUtc, parseUtc } from '../review/utc-time';

interface PinsSectionProps {
  readonly client: Client;
  /** The moment review shows, or null live: a pin can keep the hour up to it. */
  readonly reviewTime: number | null;
}

const HOUR_MS = 3_600_000;

/** Windows of time retention keeps whatever their age: listed, added and removed. */
export function PinsSection({ client, reviewTime }: PinsSectionProps) {
  const [pins, setPins] = useState<readonly CachePin[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const mayAdd = useMayCall('cache.pins.add');
  const mayRemove = useMayCall('cache.pins.remove');

  const read = useCallback(() => {
    void client.call('cache.pins.list', {}).then((answer) => (answer.ok ? setPins(answer.value) : setProblem(answer.error.message)));
  }, [client]);
  useEffect(read, [read]);

  const add = (event: FormEvent): void => {
    event.preventDefault();
    const fromTime = parseUtc(from);
    const toTime = parseUtc(to);
    if (fromTime === null || toTime === null) return setProblem('Type both times as YYYY-MM-DD HH:MM:SSZ, in UTC.');
    if (label.trim() === '') return setProblem('Name the pin, so it can be told apart later.');
    void client.call('cache.pins.add', { pin: { from: fromTime, to: toTime, label: label.trim() } }).then((answer) => {
      if (!answer.ok) return setProblem(answer.error.message);
      setProblem(null);
      setLabel('');
      read();
    });
  };
  const remove = (id: number): void => {
    void client.call('cache.pins.remove', { id }).then((answer) => (answer.ok ? read() : setProblem(answer.error.message)));
  };

  return (
    <section className="pins-section" aria-label="Pinned windows">
      <ul>
        {pins.map((pin) => (
          <li key={pin.id} data-testid="cache-pin">
            <strong>{pin.label}</strong> {formatUtc(pin.from)} – {formatUtc(pin.to)}
            {mayRemove ? (
              <button type="button" data-testid="cache-pin-remove" aria-label={`Unpin ${pin.label}`} onClick={() => remove(pin.id)}>
                Unpin
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {mayAdd ? (
        <form onSubmit={add}>
          <label>
            From (UTC)
            <input type="text" data-testid="pin-from" value={from} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label>
            To (UTC)
            <input type="text" data-testid="pin-to" value={to} onChange={(event) => setTo(event.target.value)} />
          </label>
          <label>
            Name
            <input type="text" data-testid="pin-label" value={label} onChange={(event) => setLabel(event.target.value)} />
          </label>
          {reviewTime === null ? null : (
            <button
              type="button"
              data-testid="pin-from-review"
              onClick={() => {
                setFrom(formatUtc(reviewTime - HOUR_MS));
                setTo(formatUtc(reviewTime));
              }}
            >
              The hour up to the review time
            </button>
          )}
          <button type="submit" data-testid="pin-add">
            Pin
          </button>
        </form>
      ) : (
        <RoleNote action="pin windows of time" />
      )}
      {problem === null ? null : (
        <p className="form-problem" role="alert" data-testid="pin-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
