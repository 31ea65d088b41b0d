export const THEMES = ['night', 'day'] as const;
export type Theme = (typeof THEMES)[number];

/** Night is the default: a dark screen keeps an operator's eyes adapted and shows little light outside. */
export const DEFAULT_THEME: Theme = 'night';

export const themeLabels: Readonly<Record<Theme, string>> = { night: 'Night', day: 'Day' };
