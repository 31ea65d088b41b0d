import type { Map as MapLibreMap } from 'maplibre-gl';
import { COORDINATE_FORMATS, formatCoordinate, type CoordinateFormat } from './coordinates';
import { usePointerPosition } from './use-pointer-position';
import { useStoredChoice } from './use-stored-choice';

export const COORDINATE_FORMAT_STORAGE_KEY = 'outpost.coordinateFormat';

const formatLabels: Readonly<Record<CoordinateFormat, string>> = { latlon: 'LAT/LON', mgrs: 'MGRS' };
const formatNames: Readonly<Record<CoordinateFormat, string>> = { latlon: 'latitude and longitude', mgrs: 'MGRS' };

/** The position under the pointer; a click switches between latitude/longitude and MGRS, and the choice is kept. */
export function CoordinateReadout({ map }: { readonly map: MapLibreMap }) {
  const [format, setFormat] = useStoredChoice(COORDINATE_FORMAT_STORAGE_KEY, COORDINATE_FORMATS, 'latlon');
  const pointer = usePointerPosition(map);
  const other: CoordinateFormat = format === 'mgrs' ? 'latlon' : 'mgrs';
  return (
    <button
      type="button"
      className="coordinate-readout"
      data-testid="coordinate-readout"
      title={`Show the position in ${formatNames[other]}`}
      onClick={() => setFormat(other)}
    >
      <span className="readout-format" data-testid="coordinate-format">
        {formatLabels[format]}
      </span>
      <span className={pointer === null ? 'readout-value idle' : 'readout-value'} data-testid="coordinate-value">
        {pointer === null ? 'Point at the map to read a position.' : formatCoordinate(pointer, format)}
      </span>
    </button>
  );
}
