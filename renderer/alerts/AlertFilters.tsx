import { SEVERITIES } from '../../shared/rules';
import { oneOf } from '../outbox/one-of';
import { SEVERITY_LABELS, SEVERITY_SYMBOLS } from './alert-labels';
import { STATE_CHOICE_LABELS, STATE_CHOICES, withSeverity, type AlertFilter } from './alert-filter';

interface AlertFiltersProps {
  readonly filter: AlertFilter;
  readonly onChange: (filter: AlertFilter) => void;
}

export function AlertFilters({ filter, onChange }: AlertFiltersProps) {
  return (
    <div className="alert-filters" role="group" aria-label="Which alerts to show">
      <label className="alert-filter-state">
        <span>Show</span>
        <select data-testid="alert-filter-state" value={filter.states} onChange={(event) => onChange({ ...filter, states: oneOf(STATE_CHOICES, event.target.value, 'open') })}>
          {STATE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {STATE_CHOICE_LABELS[choice]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="alert-filter-severities">
        <legend className="visually-hidden">Severities</legend>
        {SEVERITIES.map((severity) => (
          <label key={severity} className={`switch severity-${severity}`}>
            <input
              type="checkbox"
              data-testid={`alert-filter-${severity}`}
              checked={filter.severities.includes(severity)}
              onChange={(event) => onChange(withSeverity(filter, severity, event.target.checked))}
            />
            <span aria-hidden="true">{SEVERITY_SYMBOLS[severity]}</span> {SEVERITY_LABELS[severity]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
