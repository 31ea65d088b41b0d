// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThemeSwitch } from '../../renderer/theme/ThemeSwitch';
import { THEME_STORAGE_KEY, useTheme } from '../../renderer/theme/use-theme';

// Tells React this is a test, so it applies updates inside act() without warning.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function ThemedPage() {
  const [theme, setTheme] = useTheme();
  return <ThemeSwitch theme={theme} onChange={setTheme} />;
}

function pressed(testId: string): string | null {
  return document.querySelector(`[data-testid="${testId}"]`)?.getAttribute('aria-pressed') ?? null;
}

describe('Given the theme switch in the title bar', () => {
  let root: Root;

  const mount = (): void => {
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root.render(<ThemedPage />));
  };

  beforeEach(() => {
    localStorage.clear();
    delete document.documentElement.dataset['theme'];
  });

  afterEach(() => {
    act(() => root.unmount());
    document.body.innerHTML = '';
  });

  it('When nothing was chosen before, Then the page is in the night theme', () => {
    mount();
    expect(document.documentElement.dataset['theme']).toBe('night');
    expect(pressed('theme-night')).toBe('true');
    expect(pressed('theme-day')).toBe('false');
  });

  it('When Day is pressed, Then the page switches to day and keeps it after a restart', () => {
    mount();
    act(() => document.querySelector<HTMLButtonElement>('[data-testid="theme-day"]')?.click());
    expect(document.documentElement.dataset['theme']).toBe('day');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('day');

    act(() => root.unmount());
    delete document.documentElement.dataset['theme'];
    mount();
    expect(document.documentElement.dataset['theme']).toBe('day');
    expect(pressed('theme-day')).toBe('true');
  });
});
