// @vitest-environment jsdom
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { NumberField } from '../../renderer/rules/NumberField';
import { aRootPerTest, byTestId, enter, has, settle, valueOf } from './support/dom';

/** A number field as a rule form holds it: the text as typed, and the last text it was told of. */
function WindowField({ error, told }: { readonly error?: string; readonly told: string[] }) {
  const [text, setText] = useState('60');
  const change = (next: string): void => {
    told.push(next);
    setText(next);
  };
  return <NumberField id="rule-window" label="Window" unit="seconds" inputMode="numeric" hint="Messages are counted per window." error={error} value={text} onChange={change} />;
}

function labelOf(input: HTMLElement): string | null | undefined {
  return document.querySelector(`label[for="${input.id}"]`)?.textContent;
}

describe('Given a number field in a rule', () => {
  const root = aRootPerTest();

  it('When it is shown, Then its label carries the unit, names the input, and the hint describes it', async () => {
    await settle(() => root.current.render(<WindowField told={[]} />));

    const input = byTestId('rule-window');
    expect(labelOf(input)).toBe('Window (seconds)');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(input.getAttribute('aria-describedby')).toBe('rule-window-hint');
    expect(document.getElementById('rule-window-hint')?.textContent).toBe('Messages are counted per window.');
    expect(has('rule-window-error')).toBe(false);
  });

  it('When the analyst types, Then it passes on the text as typed, unparsed, and shows it', async () => {
    const told: string[] = [];
    await settle(() => root.current.render(<WindowField told={told} />));

    await settle(() => enter('rule-window', ' 3O'));

    expect(told).toEqual([' 3O']);
    expect(valueOf('rule-window')).toBe(' 3O');
  });

  it('When it has an error, Then the error shows under it, marks the input invalid and describes it after the hint', async () => {
    await settle(() => root.current.render(<WindowField told={[]} error="Enter a whole number of seconds." />));

    const input = byTestId('rule-window');
    expect(byTestId('rule-window-error').textContent).toBe('Enter a whole number of seconds.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('rule-window-hint rule-window-error');
    expect(input.closest('.form-field')?.classList.contains('has-error')).toBe(true);
  });
});
