import type { LatLon } from '../../../shared/geo';
import { measureLeg, measurePath } from './measurement';
import { formatBearing, formatKilometres, formatNauticalMiles } from './measurement-format';

interface MeasurementPanelProps {
  readonly points: readonly LatLon[];
  readonly pointer: LatLon | null;
}

/** Each leg's great-circle distance and initial bearing, the total, and the leg the next click would add. */
export function MeasurementPanel({ points, pointer }: MeasurementPanelProps) {
  const { legs, totalMetres } = measurePath(points);
  const last = points.at(-1);
  const pending = last === undefined || pointer === null ? null : measureLeg(last, pointer);
  return (
    <section className="measurement-panel" aria-label="Distance and bearing" data-testid="measurement-panel">
      <p className="measurement-hint">{hint(points.length)}</p>
      {legs.length === 0 && pending === null ? null : (
        <table>
          <thead>
            <tr>
              <th scope="col">Leg</th>
              <th scope="col" colSpan={2}>
                Distance
              </th>
              <th scope="col">Bearing</th>
            </tr>
          </thead>
          <tbody>
            {legs.map((leg, index) => (
              <tr key={index} data-testid="measurement-leg">
                <th scope="row">{index + 1}</th>
                <td>{formatKilometres(leg.metres)}</td>
                <td>{formatNauticalMiles(leg.metres)}</td>
                <td>{formatBearing(leg.bearing)}</td>
              </tr>
            ))}
            {pending === null ? null : (
              <tr className="pending" title="The leg to the pointer, added on the next click">
                <th scope="row">{legs.length + 1}</th>
                <td>{formatKilometres(pending.metres)}</td>
                <td>{formatNauticalMiles(pending.metres)}</td>
                <td>{formatBearing(pending.bearing)}</td>
              </tr>
            )}
          </tbody>
          {legs.length === 0 ? null : (
            <tfoot>
              <tr data-testid="measurement-total">
                <th scope="row">Total</th>
                <td>{formatKilometres(totalMetres)}</td>
                <td>{formatNauticalMiles(totalMetres)}</td>
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </section>
  );
}

function hint(pointCount: number): string {
  if (pointCount === 0) return 'Click the map to place the first point.';
  if (pointCount === 1) return 'Click a second point to measure the first leg.';
  return 'Click to add a leg. Press Esc to finish.';
}
