import type { Affiliation } from '../../../shared/cot-type';
import type { ExportFormat } from '../../../shared/transfer';
import { cotEventXml, escapeXml } from '../cot/encode-cot';
import type { ExportRow } from '../store/transfer-tables';

/** What every exported file says about itself, beside its fixes. */
export interface ExportHeading {
  readonly marking: string;
  readonly exportedAt: number;
  /** What was exported, in the analyst's words: "06:00Z–07:00Z" or the search. */
  readonly scope: string;
  readonly version: string;
}

/**
 * A file format as three pieces of text: what opens the file, each fix (`index` counts from 0,
 * for formats that separate rows), and what closes it once the count is known.
 */
export interface ExportWriter {
  opening(heading: ExportHeading): string;
  row(row: ExportRow, index: number, heading: ExportHeading): string;
  closing(heading: ExportHeading, count: number): string;
}

/** A fix without a stale time of its own counts as stale a minute after it, as CoT does. */
const DEFAULT_STALE_MS = 60_000;

const iso = (epochMillis: number): string => new Date(epochMillis).toISOString();

/**
 * One feature per line, so Outpost's import splits the file without parsing it whole. The marking
 * is a top-level member (RFC 7946 §6.1 foreign member); the count goes at the end, when it is known.
 */
const geojson: ExportWriter = {
  opening: (heading) => `{"type":"FeatureCollection","classification":${JSON.stringify(heading.marking)},"features":[\n`,
  row(row, index) {
    const coordinates = row.hae === null ? [row.lon, row.lat] : [row.lon, row.lat, row.hae];
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: {
        uid: row.uid,
        callsign: row.callsign,
        type: row.cotType,
        affiliation: row.affiliation,
        dimension: row.dimension,
        time: iso(row.time),
        stale: row.stale === null ? null : iso(row.stale),
        course: row.course,
        speed: row.speed,
        source: row.source,
        topic: row.topic,
        recordId: row.recordId,
      },
    };
    return (index === 0 ? '' : ',\n') + JSON.stringify(feature);
  },
  closing: (heading, count) =>
    `\n],"outpost":${JSON.stringify({ version: heading.version, exportedAt: iso(heading.exportedAt), scope: heading.scope, count })}}\n`,
};

const CSV_COLUMNS = ['time_utc', 'uid', 'callsign', 'cot_type', 'affiliation', 'dimension', 'lat', 'lon', 'hae_m', 'course_deg', 'speed_mps', 'stale_utc', 'source', 'topic', 'record_id'];

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The marking is a comment line first and last, so it survives a reader that drops comments at either end. */
const csv: ExportWriter = {
  opening: (heading) => `# ${heading.marking}\r\n${CSV_COLUMNS.join(',')}\r\n`,
  row: (row) =>
    [
      iso(row.time),
      row.uid,
      row.callsign,
      row.cotType,
      row.affiliation,
      row.dimension,
      row.lat,
      row.lon,
      row.hae,
      row.course,
      row.speed,
      row.stale === null ? null : iso(row.stale),
      row.source,
      row.topic,
      row.recordId,
    ]
      .map(csvField)
      .join(',') + '\r\n',
  closing: (heading) => `# ${heading.marking}\r\n`,
};

/** KML colours are aabbggrr: the 2525 light fills the map draws, opaque. */
const KML_COLOURS: Readonly<Record<Affiliation, string>> = {
  friend: 'ffffe080',
  hostile: 'ff8080ff',
  neutral: 'ffaaffaa',
  unknown: 'ff80ffff',
};

/** Flat Placemarks in time order: a file that streams out, and that Google Earth's time slider plays. */
const kml: ExportWriter = {
  opening(heading) {
    const styles = Object.entries(KML_COLOURS)
      .map(([affiliation, colour]) => `<Style id="${affiliation}"><IconStyle><color>${colour}</color></IconStyle></Style>`)
      .join('\n');
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n<!-- ${escapeComment(heading.marking)} -->\n` +
      `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n` +
      `<name>${escapeXml(heading.marking)} – Outpost export ${escapeXml(heading.scope)}</name>\n${styles}\n`
    );
  },
  row(row) {
    const data: [string, string | number | null][] = [
      ['uid', row.uid],
      ['cot_type', row.cotType],
      ['affiliation', row.affiliation],
      ['dimension', row.dimension],
      ['course_deg', row.course],
      ['speed_mps', row.speed],
      ['stale_utc', row.stale === null ? null : iso(row.stale)],
      ['source', row.source],
      ['topic', row.topic],
      ['record_id', row.recordId],
    ];
    const extended = data
      .filter((entry): entry is [string, string | number] => entry[1] !== null)
      .map(([name, value]) => `<Data name="${name}"><value>${escapeXml(String(value))}</value></Data>`)
      .join('');
    const coordinates = row.hae === null ? `${row.lon},${row.lat}` : `${row.lon},${row.lat},${row.hae}`;
    return (
      `<Placemark><name>${escapeXml(row.callsign ?? row.uid)}</name><TimeStamp><when>${iso(row.time)}</when></TimeStamp>` +
      `<styleUrl>#${row.affiliation}</styleUrl><ExtendedData>${extended}</ExtendedData>` +
      `<Point>${row.hae === null ? '' : '<altitudeMode>absolute</altitudeMode>'}<coordinates>${coordinates}</coordinates></Point></Placemark>\n`
    );
  },
  closing: () => `</Document></kml>\n`,
};

/**
 * CoT has no marking field every receiver shows, so the marking is in a comment, on the wrapper,
 * and opening each event's remarks, as Outpost's outbox marks what it sends. How the position was
 * got is not cached, so every event says `m-f` (machine, fused).
 */
const cot: ExportWriter = {
  opening: (heading) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- ${escapeComment(heading.marking)} -->\n` +
    `<events classification="${escapeXml(heading.marking)}">\n`,
  row: (row, _index, heading) =>
    cotEventXml({
      uid: row.uid,
      type: row.cotType,
      how: 'm-f',
      time: row.time,
      start: row.time,
      stale: row.stale ?? row.time + DEFAULT_STALE_MS,
      lat: row.lat,
      lon: row.lon,
      hae: row.hae,
      ce: null,
      le: null,
      callsign: row.callsign,
      course: row.course,
      speed: row.speed,
      remarks: heading.marking,
    }) + '\n',
  closing: () => `</events>\n`,
};

export const exportWriters: Readonly<Record<ExportFormat, ExportWriter>> = { geojson, csv, kml, cot };

/** A comment may not hold `--`; a marking never needs two dashes in a row to be read. */
function escapeComment(text: string): string {
  return text.replaceAll(/-{2,}/g, '-');
}
