import { useState, type ChangeEvent } from 'react';
import { GEOFENCE_TRIGGERS, type GeofenceArea } from '../../shared/rules';
import { FormField } from '../connections/FormField';
import { formatCount } from '../connections/figures';
import type { AreaShape } from '../map/tools/area-sketch';
import { formatLatLon } from '../map/tools/coordinates';
import { formatKilometres } from '../map/tools/measurement-format';
import { oneOf } from '../outbox/one-of';
import { readAreaFile } from './area-import';
import type { KindFieldsProps } from './kind-fields-props';
import { TRIGGER_LABELS } from './rule-labels';
import type { AreaDrawing } from './use-area-drawing';

/** A geofence file larger than this is not one area drawn by hand or exported from a planning tool. */
const AREA_FILE_LIMIT_BYTES = 5 * 1024 * 1024;

const SHAPE_LABELS: Readonly<Record<AreaShape, string>> = { polygon: 'Draw a polygon', circle: 'Draw a circle' };

interface GeofenceFieldsProps extends KindFieldsProps {
  readonly areaDrawing: AreaDrawing;
}

/** The area, drawn on the map or imported from a file, and when crossing it counts. */
export function GeofenceFields({ fields, errors, set, areaDrawing }: GeofenceFieldsProps) {
  const [importProblem, setImportProblem] = useState<string | undefined>(undefined);
  const areaProblem = importProblem ?? errors.area;

  const draw = (shape: AreaShape): void => {
    setImportProblem(undefined);
    if (areaDrawing.drawing?.shape === shape) areaDrawing.cancel();
    else areaDrawing.start(shape, (area) => set('area', area));
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again, after fixing it, reads it again.
    event.target.value = '';
    if (file === undefined) return;
    if (file.size > AREA_FILE_LIMIT_BYTES) {
      setImportProblem(`“${file.name}” is larger than 5 MB. Export only the area you need, or draw it instead.`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setImportProblem(`“${file.name}” could not be read. Check that it is still there, or draw the area instead.`);
      return;
    }
    const reading = readAreaFile(file.name, text);
    if (reading.ok) {
      setImportProblem(undefined);
      set('area', reading.area);
    } else {
      setImportProblem(`“${file.name}”: ${reading.problem}`);
    }
  };

  return (
    <fieldset className="rule-kind-fields" data-testid="rule-geofence">
      <legend>Area</legend>
      <p className="rule-area-summary" data-testid="rule-area-summary">
        {describeArea(fields.area)}
      </p>
      <div className="rule-area-actions">
        {(['polygon', 'circle'] as const).map((shape) => (
          <button key={shape} type="button" data-testid={`rule-draw-${shape}`} aria-pressed={areaDrawing.drawing?.shape === shape} onClick={() => draw(shape)}>
            {areaDrawing.drawing?.shape === shape ? 'Drawing on the map… (Esc cancels)' : SHAPE_LABELS[shape]}
          </button>
        ))}
        <label className="file-button">
          Import GeoJSON or KML…
          <input
            type="file"
            className="visually-hidden"
            accept=".geojson,.json,.kml,application/geo+json,application/vnd.google-earth.kml+xml"
            data-testid="rule-area-file"
            onChange={(event) => void importFile(event)}
          />
        </label>
      </div>
      {areaProblem === undefined ? null : (
        <p className="field-error" role="alert" data-testid="rule-area-error">
          {areaProblem}
        </p>
      )}
      <div className="form-row">
        <FormField id="rule-trigger" label="Fires when an entity">
          {(control) => (
            <select {...control} data-testid="rule-trigger" value={fields.trigger} onChange={(event) => set('trigger', oneOf(GEOFENCE_TRIGGERS, event.target.value, 'enter'))}>
              {GEOFENCE_TRIGGERS.map((trigger) => (
                <option key={trigger} value={trigger}>
                  {TRIGGER_LABELS[trigger]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {fields.trigger === 'dwell' ? (
          <FormField id="rule-dwell" label="Dwell time (seconds)" hint="How long inside before it counts." error={errors.dwellSeconds}>
            {(control) => <input {...control} data-testid="rule-dwell" inputMode="numeric" autoComplete="off" value={fields.dwellSeconds} onChange={(event) => set('dwellSeconds', event.target.value)} />}
          </FormField>
        ) : null}
      </div>
    </fieldset>
  );
}

/** "A polygon of 5 corners." or "A circle of 2.50 km radius around 40.10000° N  9.00000° E." */
function describeArea(area: GeofenceArea | null): string {
  if (area === null) return 'No area yet: draw one on the map, or import it from a file.';
  if (area.shape === 'polygon') return `A polygon of ${formatCount(area.ring.length)} corners.`;
  return `A circle of ${formatKilometres(area.radiusMetres)} radius around ${formatLatLon(area)}.`;
}
