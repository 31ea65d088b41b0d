import type { RecordFormat } from '../../shared/formats';

/** Typed against the contract's list, so a format added in the core fails the build until it has a label. */
export const RECORD_FORMAT_LABELS: Readonly<Record<RecordFormat, string>> = {
  auto: 'Detect per record',
  cot: 'Cursor-on-Target XML',
  'tak-protobuf': 'TAK protobuf',
  geojson: 'GeoJSON',
  json: 'JSON with field mapping',
  ais: 'AIS (NMEA AIVDM)',
  text: 'Text (cached, not plotted)',
};
