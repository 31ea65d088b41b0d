import { FormField } from './FormField';
import { MAPPING_FIELDS, type MappingField, type SubscriptionFormErrors } from './subscription-form-model';

const FIELD_LABELS: Readonly<Record<MappingField, string>> = {
  id: 'Id',
  lat: 'Latitude',
  lon: 'Longitude',
  alt: 'Altitude (m HAE)',
  time: 'Time',
  type: 'CoT type',
  course: 'Course (°)',
  speed: 'Speed (m/s)',
  callsign: 'Callsign',
};

interface JsonMappingEditorProps {
  readonly idPrefix: string;
  readonly mapping: Readonly<Record<MappingField, string>>;
  readonly errors: SubscriptionFormErrors;
  readonly onChange: (field: MappingField, path: string) => void;
}

/** Where the `json` format finds each value; the placeholder shows the name used when a path is left blank. */
export function JsonMappingEditor({ idPrefix, mapping, errors, onChange }: JsonMappingEditorProps) {
  return (
    <fieldset className="form-section">
      <legend>Field mapping</legend>
      <p className="field-hint">Dotted paths into each record, such as position.lat. A blank field is looked up under its own name.</p>
      <div className="mapping-grid">
        {MAPPING_FIELDS.map((field) => (
          <FormField key={field} id={`${idPrefix}-mapping-${field}`} label={FIELD_LABELS[field]} error={errors[`mapping.${field}`]}>
            {(control) => (
              <input
                {...control}
                autoComplete="off"
                spellCheck={false}
                placeholder={field}
                value={mapping[field]}
                data-testid={`mapping-${field}`}
                onChange={(event) => onChange(field, event.target.value)}
              />
            )}
          </FormField>
        ))}
      </div>
    </fieldset>
  );
}
