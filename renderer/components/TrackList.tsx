import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Track } from '../../shared/domain';
import { formatAge } from '../format/age';
import { affiliationColours } from '../map/affiliation-colours';

// One collator for every sort: localeCompare with options builds a new one per comparison, which
// profiling showed costing seconds a minute with 10,000 tracks.
const callsignOrder = new Intl.Collator('en', { numeric: true });

interface TrackListProps {
  readonly tracks: readonly Track[];
  /** The map's track filter, which the list follows too. */
  readonly shows: (track: Track) => boolean;
  readonly now: number;
  readonly selectedUid: string | null;
  readonly onSelect: (uid: string) => void;
}

/** Rendering thousands of rows would cost more than it helps; the filter narrows the rest. */
const MAX_ROWS = 500;

export function TrackList({ tracks, shows, now, selectedUid, onSelect }: TrackListProps) {
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const matching = tracks.filter((t) => shows(t) && (needle === '' || `${t.callsign ?? ''} ${t.uid} ${t.cotType}`.toLowerCase().includes(needle)));
    return matching.sort((a, b) => callsignOrder.compare(a.callsign ?? a.uid, b.callsign ?? b.uid));
  }, [tracks, shows, filter]);

  // Enter picks the first match, as a search box does; the map then centres on it.
  const selectFirstMatch = (event: KeyboardEvent<HTMLInputElement>): void => {
    const first = rows[0];
    if (event.key !== 'Enter' || first === undefined) return;
    event.preventDefault();
    onSelect(first.uid);
  };

  return (
    <aside className="track-list" aria-label="Tracks">
      <header>
        <h2>Tracks</h2>
        <input
          type="search"
          placeholder="Find callsign, uid or type"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={selectFirstMatch}
          aria-label="Filter tracks"
          title="Type to narrow the list. Enter selects the first track."
        />
        <p className="count">{rows.length === tracks.length ? `${tracks.length} tracks` : `${rows.length} of ${tracks.length} tracks`}</p>
      </header>
      <ol>
        {rows.slice(0, MAX_ROWS).map((track) => (
          <li key={track.uid}>
            <button type="button" className={track.uid === selectedUid ? 'selected' : undefined} onClick={() => onSelect(track.uid)}>
              <span className="chip" style={{ backgroundColor: affiliationColours[track.affiliation] }} aria-label={track.affiliation} />
              <span className="callsign">{track.callsign ?? track.uid}</span>
              <span className="type">{track.cotType}</span>
              <span className="age">{formatAge(now - track.time)}</span>
            </button>
          </li>
        ))}
      </ol>
      {rows.length > MAX_ROWS ? <p className="more">{rows.length - MAX_ROWS} more: refine the filter to see them.</p> : null}
    </aside>
  );
}
