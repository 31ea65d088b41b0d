import { useEffect, useSyncExternalStore } from 'react';
import type { Track } from '../../shared/domain';
import type { Client } from '../client';
import { formatUtcDateTime } from '../connections/figures';
import { formatLatLon } from '../map/tools/coordinates';
import { formatBearing } from '../map/tools/measurement-format';
import { RawPayload } from './RawPayload';
import { Sparkline } from './Sparkline';
import { describeAffiliationAndDimension, formatAltitude, formatSpeed, NOT_REPORTED } from './track-detail-format';
import type { TrackView } from './track-store';
import { useTrackHistory } from './use-track-history';
import './track-detail.css';

interface TrackDetailCardProps {
  readonly client: Client;
  readonly store: TrackView;
  readonly uid: string;
  readonly following: boolean;
  readonly onFollowChange: (following: boolean) => void;
  readonly onClose: () => void;
}

const oneDecimal = (value: number): string => value.toFixed(1);
const wholeMetres = (value: number): string => `${Math.round(value)} m`;

/** Everything known about the selected track, over the map's right edge. */
export function TrackDetailCard({ client, store, uid, following, onFollowChange, onClose }: TrackDetailCardProps) {
  // The live feed is fresher than the two-second history, so the fields come from it when it has the track.
  const live = useSyncExternalStore(store.subscribe, () => store.get(uid));
  const { history, problem } = useTrackHistory(client, uid);
  const track = live ?? history?.track ?? null;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const points = history?.points ?? [];
  return (
    <section className="track-detail" aria-label="Track details" data-testid="track-detail">
      <header className="track-detail-header">
        <h2 data-testid="track-detail-callsign">{track?.callsign ?? uid}</h2>
        <label className="track-detail-follow">
          <input type="checkbox" checked={following} onChange={(event) => onFollowChange(event.target.checked)} data-testid="track-follow" />
          Follow
        </label>
        <button type="button" className="track-detail-close" onClick={onClose} aria-label="Close track details" title="Close (Esc)">
          ×
        </button>
      </header>
      {track === null ? <p className="track-detail-note">{problem ?? 'Reading this track from the cache.'}</p> : <TrackFields track={track} />}
      {problem !== null && track !== null ? <p className="track-detail-note">{problem}</p> : null}
      <Sparkline label="Speed, m/s" samples={points.map((point) => ({ time: point.time, value: point.speed }))} format={oneDecimal} testId="speed-sparkline" />
      <Sparkline label="Altitude, HAE" samples={points.map((point) => ({ time: point.time, value: point.hae }))} format={wholeMetres} testId="altitude-sparkline" />
      {history?.latestRaw ? <RawPayload raw={history.latestRaw} /> : null}
    </section>
  );
}

function TrackFields({ track }: { readonly track: Track }) {
  const fields: readonly [string, string][] = [
    ['Callsign', track.callsign ?? NOT_REPORTED],
    ['UID', track.uid],
    ['CoT type', `${track.cotType} (${describeAffiliationAndDimension(track.affiliation, track.dimension)})`],
    ['Position', formatLatLon(track)],
    ['Altitude', formatAltitude(track.hae)],
    ['Course', track.course === null ? NOT_REPORTED : formatBearing(track.course)],
    ['Speed', formatSpeed(track.speed)],
    ['Time', formatUtcDateTime(track.time)],
    ['Stale at', track.stale === null ? NOT_REPORTED : formatUtcDateTime(track.stale)],
    ['Source', track.source],
    ['Topic', track.topic],
  ];
  return (
    <dl className="track-detail-fields" data-testid="track-detail-fields">
      {fields.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
