import { useMemo, useState } from 'react';
import type { SearchRow } from '../../shared/search';
import { affiliationColours } from '../map/affiliation-colours';
import { formatUtc } from '../review/utc-time';
import { NEWEST_FIRST, nextSort, sortedRows, type SearchColumn, type SearchSort } from './search-sort';
import { visibleRows } from './visible-rows';

interface SearchResultsTableProps {
  readonly rows: readonly SearchRow[];
  readonly onShow: (row: SearchRow) => void;
}

/** Every row is this tall, so where a row sits follows from its index and only those in view are drawn. */
export const ROW_HEIGHT_PX = 28;
const VIEW_HEIGHT_PX = 336;

const COLUMNS: readonly { readonly id: SearchColumn; readonly label: string }[] = [
  { id: 'time', label: 'Time (UTC)' },
  { id: 'callsign', label: 'Callsign' },
  { id: 'cotType', label: 'Type' },
  { id: 'topic', label: 'Topic' },
];

/** The results, sortable by column; thousands of rows scroll as smoothly as ten. */
export function SearchResultsTable({ rows, onShow }: SearchResultsTableProps) {
  const [sort, setSort] = useState<SearchSort>(NEWEST_FIRST);
  const [scrollTop, setScrollTop] = useState(0);
  const ordered = useMemo(() => sortedRows(rows, sort), [rows, sort]);
  const { first, end } = visibleRows(scrollTop, VIEW_HEIGHT_PX, ROW_HEIGHT_PX, ordered.length);

  return (
    <div className="search-results" role="table" aria-label="Search results" aria-rowcount={ordered.length}>
      <div className="search-results-head" role="row">
        {COLUMNS.map((column) => (
          <span key={column.id} role="columnheader" aria-sort={sort.column === column.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
            <button type="button" data-testid={`search-sort-${column.id}`} onClick={() => setSort(nextSort(sort, column.id))}>
              {column.label}
              {sort.column === column.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
            </button>
          </span>
        ))}
      </div>
      <div className="search-results-body" style={{ height: VIEW_HEIGHT_PX }} data-testid="search-results-body" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
        <div style={{ height: ordered.length * ROW_HEIGHT_PX, position: 'relative' }}>
          {ordered.slice(first, end).map((row, offset) => (
            <button
              key={`${row.recordId}:${row.uid}`}
              type="button"
              role="row"
              className="search-row"
              data-testid="search-row"
              data-uid={row.uid}
              data-time={row.time}
              style={{ top: (first + offset) * ROW_HEIGHT_PX, height: ROW_HEIGHT_PX }}
              title={`${row.uid} · ${row.source} · ${row.lat.toFixed(5)}, ${row.lon.toFixed(5)}`}
              onClick={() => onShow(row)}
            >
              <span role="cell">{formatUtc(row.time)}</span>
              <span role="cell">
                <span className="chip" style={{ backgroundColor: affiliationColours[row.affiliation] }} aria-label={row.affiliation} />
                {row.callsign ?? row.uid}
              </span>
              <span role="cell">{row.cotType}</span>
              <span role="cell">{row.topic}</span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
