import { DIMENSIONS } from '../../shared/cot-type';
import { ExpressionInput } from './ExpressionInput';
import type { KindFieldsProps } from './kind-fields-props';
import { NumberField } from './NumberField';
import { DIMENSION_LABELS } from './rule-labels';

const KMH_PER_METRE_PER_SECOND = 3.6;
const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The fields of every kind but a geofence, whose area needs the map (GeofenceFields). */
export function KindFields(props: KindFieldsProps) {
  switch (props.fields.kind) {
    case 'expression':
      return <ConditionFields {...props} />;
    case 'stale':
      return <StaleFields {...props} />;
    case 'kinematic':
      return <KinematicFields {...props} />;
    case 'proximity':
      return <ProximityFields {...props} />;
    case 'rate':
      return <RateFields {...props} />;
    case 'geofence':
    case 'first-sighting':
      return null;
  }
}

function ConditionFields({ fields, errors, set }: KindFieldsProps) {
  return <ExpressionInput id="rule-expression" label="Fires when" hint="A condition on the entity’s latest report." placeholder='speed_kn > 450 and affiliation = "hostile"' value={fields.expression} error={errors.expression} onChange={(text) => set('expression', text)} />;
}

function StaleFields({ fields, errors, set }: KindFieldsProps) {
  return (
    <fieldset className="rule-kind-fields" data-testid="rule-stale">
      <legend>Gone quiet</legend>
      <NumberField id="rule-silence" label="Silent for" unit="seconds" inputMode="numeric" hint="Empty to rely on the stale time alone." error={errors.silentSeconds} value={fields.silentSeconds} onChange={(text) => set('silentSeconds', text)} />
      <label className="switch">
        <input type="checkbox" data-testid="rule-past-stale" checked={fields.pastStaleTime} onChange={(event) => set('pastStaleTime', event.target.checked)} />
        Also when the stale time in the entity’s own report passes
      </label>
    </fieldset>
  );
}

function KinematicFields({ fields, errors, set }: KindFieldsProps) {
  return (
    <fieldset className="rule-kind-fields" data-testid="rule-kinematic">
      <legend>Fastest believable speed, by dimension</legend>
      <div className="rule-speed-grid">
        {DIMENSIONS.map((dimension) => (
          <NumberField key={dimension} id={`rule-speed-${dimension}`} label={DIMENSION_LABELS[dimension]} unit="m/s" inputMode="decimal" hint={inKilometresPerHour(fields.maxSpeeds[dimension])} error={errors[`maxSpeed-${dimension}`]} value={fields.maxSpeeds[dimension]} onChange={(text) => set('maxSpeeds', { ...fields.maxSpeeds, [dimension]: text })} />
        ))}
      </div>
    </fieldset>
  );
}

/** "≈ 2,340 km/h" for a speed typed in metres per second, so the analyst can judge it in the unit they think in. */
function inKilometresPerHour(typedMetresPerSecond: string): string | undefined {
  const metresPerSecond = Number(typedMetresPerSecond);
  if (typedMetresPerSecond.trim() === '' || !Number.isFinite(metresPerSecond)) return undefined;
  return `≈ ${wholeNumber.format(metresPerSecond * KMH_PER_METRE_PER_SECOND)} km/h`;
}

function ProximityFields({ fields, errors, set }: KindFieldsProps) {
  return (
    <fieldset className="rule-kind-fields" data-testid="rule-proximity">
      <legend>Too close to</legend>
      <ExpressionInput id="rule-near" label="Other entities that match" hint="The watched entities (the filter above) must not come near these." value={fields.near} error={errors.near} onChange={(text) => set('near', text)} />
      <NumberField id="rule-distance" label="Distance" unit="metres" inputMode="decimal" error={errors.distanceMetres} value={fields.distanceMetres} onChange={(text) => set('distanceMetres', text)} />
    </fieldset>
  );
}

function RateFields({ fields, errors, set }: KindFieldsProps) {
  return (
    <fieldset className="rule-kind-fields" data-testid="rule-rate">
      <legend>Unusual message rate, per subscription</legend>
      <div className="form-row">
        <NumberField id="rule-window" label="Window" unit="seconds" inputMode="numeric" hint="Messages are counted per window." error={errors.windowSeconds} value={fields.windowSeconds} onChange={(text) => set('windowSeconds', text)} />
        <NumberField id="rule-sigma" label="Threshold" unit="standard deviations" inputMode="decimal" hint="From the usual count, 1 to 10." error={errors.sigma} value={fields.sigma} onChange={(text) => set('sigma', text)} />
      </div>
      <NumberField id="rule-warmup" label="Warm-up" unit="windows" inputMode="numeric" hint="Windows to learn the usual rate from before judging any, 3 to 1,000." error={errors.warmupWindows} value={fields.warmupWindows} onChange={(text) => set('warmupWindows', text)} />
    </fieldset>
  );
}
