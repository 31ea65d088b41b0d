import { useLayoutEffect } from 'react';
import { useStoredChoice } from '../map/tools/use-stored-choice';
import { DEFAULT_THEME, THEMES, type Theme } from './themes';

export const THEME_STORAGE_KEY = 'outpost.theme';

/**
 * The remembered theme, published as `data-theme` on the root element where styles.css picks its
 * colours. A layout effect sets it before the first paint, so a day user never sees a night flash.
 */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useStoredChoice(THEME_STORAGE_KEY, THEMES, DEFAULT_THEME);
  useLayoutEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  return [theme, setTheme];
}
