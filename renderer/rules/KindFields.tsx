import { DIMENSIONS } from '../../shared/cot-type';
import { FormField } from '../connections/FormField';
import { ExpressionInput } from './ExpressionInput';
import type { KindFieldsProps } from './kind-fields-props';
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
  return (
    <ExpressionInput
      id="rule-expression"
      label="Fires when"
      hint="A condition on the entity’s latest report."
      placeholder='speed_kn > 450 and affiliation = "hostile"'
      value={fields.expression}
      error={errors.expression}
      onChange={(text) => set('expression', text)}
    />
  );
}

function StaleFields({ fields, errors, set }: KindFieldsProps) {
  return (
    <fieldset className="rule-kind-fields" data-testid="rule-stale">
      <legend>Gone quiet</legend>
      <FormField id="rule-silence" label="Silent for (seconds)" hint="Empty to rely on the stale time alone." error={errors.silentSeconds}>
        {(control) => <input {...control} data-testid="rule-silence" inputMode="numeric" autoComplete="off" value={fields.silentSeconds} onChange={(event) => set('silentSeconds', event.target.value)} />}
      </FormField>
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
        {DIMENSIONS.map((dimension) => {
          const typed = fields.maxSpeeds[dimension];
          const metresPerSecond = Number(typed);
          return (
            <FormField
              key={dimension}
              id={`rule-speed-${dimension}`}
              label={`${DIMENSION_LABELS[dimension]} (m/s)`}
              hint={typed.trim() !== '' && Number.isFinite(metresPerSecond) ? `≈ ${wholeNumber.format(metresPerSecond * KMH_PER_METRE_PER_SECOND)} km/h` : undefined}
              error={errors[`maxSpeed-${dimension}`]}
            >
              {(control) => (
                <input
                  {...control}
                  data-testid={`rule-speed-${dimension}`}
                  inputMode="decimal"
                  autoComplete="off"
                  value={typed}
                  onChange={(event) => set('maxSpeeds', { ...fields.maxSpeeds, [dimension]: event.target.value })}
                />
              )}
            </FormField>
          );
        })}
      </div>
    </fieldset>
  );
}

function ProximityFields({ fields, errors, set }: KindFieldsProps) {
  return (
    <fieldset className="rule-kind-fields" data-testid="rule-proximity">
      <legend>Too close to</legend>
      <ExpressionInput
        id="rule-near"
        label="Other entities that match"
        hint="The watched entities (the filter above) must not come near these."
        value={fields.near}
        error={errors.near}
        onChange={(text) => set('near', text)}
      />
      <FormField id="rule-distance" label="Distance (metres)" error={errors.distanceMetres}>
        {(control) => <input {...control} data-testid="rule-distance" inputMode="decimal" autoComplete="off" value={fields.distanceMetres} onChange={(event) => set('distanceMetres', event.target.value)} />}
      </FormField>
    </fieldset>
  );
}

function RateFields({ fields, errors, set }: KindFieldsProps) {
  return (
    <fieldset className="rule-kind-fields" data-testid="rule-rate">
      <legend>Unusual message rate, per subscription</legend>
      <div className="form-row">
        <FormField id="rule-window" label="Window (seconds)" hint="Messages are counted per window." error={errors.windowSeconds}>
          {(control) => <input {...control} data-testid="rule-window" inputMode="numeric" autoComplete="off" value={fields.windowSeconds} onChange={(event) => set('windowSeconds', event.target.value)} />}
        </FormField>
        <FormField id="rule-sigma" label="Threshold (standard deviations)" hint="From the usual count, 1 to 10." error={errors.sigma}>
          {(control) => <input {...control} data-testid="rule-sigma" inputMode="decimal" autoComplete="off" value={fields.sigma} onChange={(event) => set('sigma', event.target.value)} />}
        </FormField>
      </div>
      <FormField id="rule-warmup" label="Warm-up (windows)" hint="Windows to learn the usual rate from before judging any, 3 to 1,000." error={errors.warmupWindows}>
        {(control) => <input {...control} data-testid="rule-warmup" inputMode="numeric" autoComplete="off" value={fields.warmupWindows} onChange={(event) => set('warmupWindows', event.target.value)} />}
      </FormField>
    </fieldset>
  );
}
