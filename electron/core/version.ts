/** Replaced at build time from package.json; tests and scripts run from source see the fallback. */
declare const __OUTPOST_VERSION__: string | undefined;

export const OUTPOST_VERSION: string = typeof __OUTPOST_VERSION__ === 'string' ? __OUTPOST_VERSION__ : '0.0.0-dev';
