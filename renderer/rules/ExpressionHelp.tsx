import { EXPRESSION_FIELDS, type ExpressionField } from '../../shared/expression';

/** The fields an expression may name and how to join conditions, for the analyst writing one. */
export function ExpressionHelp() {
  return (
    <details className="expression-help" data-testid="expression-help">
      <summary>How to write a condition</summary>
      <p className="field-hint">
        Compare a field with a value: <code>speed &gt; 250</code>, <code>affiliation = &quot;hostile&quot;</code>, <code>type ~= &quot;a-h-A&quot;</code>,{' '}
        <code>callsign in [&quot;RAPTOR 3&quot;, &quot;VIPER 9&quot;]</code>, <code>alt = null</code>. Join conditions with <code>and</code>, <code>or</code>,{' '}
        <code>not</code> and brackets. Text goes in double quotes; <code>~=</code> matches a pattern, <code>*</code> standing for anything.
      </p>
      <dl className="expression-fields">
        {EXPRESSION_FIELDS.map((field) => (
          <div key={field.name}>
            <dt>
              <code>{field.name}</code> <span className="expression-field-kind">{kindOf(field)}</span>
            </dt>
            <dd>{field.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function kindOf(field: ExpressionField): string {
  switch (field.type) {
    case 'number':
      return `number, ${field.unit}`;
    case 'string':
      return 'text';
    case 'enum':
      return field.values.join(' | ');
    case 'boolean':
      return 'true or false';
  }
}
