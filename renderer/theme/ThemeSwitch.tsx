import { THEMES, themeLabels, type Theme } from './themes';

interface ThemeSwitchProps {
  readonly theme: Theme;
  readonly onChange: (theme: Theme) => void;
}

/** Two pressed-or-not buttons rather than one toggle, so the current theme is always written on screen. */
export function ThemeSwitch({ theme, onChange }: ThemeSwitchProps) {
  return (
    <div className="theme-switch" role="group" aria-label="Colour theme">
      {THEMES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === theme}
          data-testid={`theme-${option}`}
          title={`${themeLabels[option]} colours for the map and panels`}
          onClick={() => onChange(option)}
        >
          {themeLabels[option]}
        </button>
      ))}
    </div>
  );
}
