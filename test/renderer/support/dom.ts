import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

// Tells React this is a test, so it applies updates inside act() without warning.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export function byTestId(testId: string, within: ParentNode = document): HTMLElement {
  const element = within.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (element === null) throw new Error(`Nothing on the page has data-testid="${testId}".`);
  return element;
}

export function allByTestId(testId: string, within: ParentNode = document): HTMLElement[] {
  return [...within.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
}

export function has(testId: string, within: ParentNode = document): boolean {
  return within.querySelector(`[data-testid="${testId}"]`) !== null;
}

/** Sets a control's value as typing or choosing would, so React's change handler runs. */
export function enter(testId: string, value: string, within: ParentNode = document): void {
  const control = byTestId(testId, within) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  const prototype = Object.getPrototypeOf(control) as object;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, value);
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

export function valueOf(testId: string, within: ParentNode = document): string {
  return (byTestId(testId, within) as HTMLInputElement).value;
}

/** Runs an action inside act() and lets the answers it awaits arrive. */
export async function settle(action: () => void = () => undefined, waitMs = 0): Promise<void> {
  await act(async () => {
    action();
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  });
}

/** A React root in a fresh container for each test, unmounted after it. */
export function aRootPerTest(): { readonly current: Root } {
  let current: Root | null = null;
  beforeEach(() => {
    const container = document.createElement('div');
    document.body.append(container);
    current = createRoot(container);
  });
  afterEach(() => {
    act(() => current?.unmount());
    document.body.innerHTML = '';
  });
  return {
    get current(): Root {
      if (current === null) throw new Error('The root exists only inside a test.');
      return current;
    },
  };
}
