import labelFontUrl from '../../../assets/fonts/roboto-condensed-latin-600-normal.woff2?url';

/** The one face labels are drawn in: Roboto Condensed SemiBold (SIL OFL 1.1), shipped with the app. */
const LABEL_FACE = 'Outpost Label';
export const LABEL_FONT_WEIGHT = '600';

let ready: Promise<string> | null = null;

/**
 * The CSS font-family to draw label glyphs with, once the bundled face has loaded from the
 * app's own origin (CSP font-src 'self'), so labels look the same on every machine. Should the
 * face fail to load, the family list falls through to the system's sans-serif.
 */
export function labelFontFamily(): Promise<string> {
  ready ??= loadLabelFace().then(() => `'${LABEL_FACE}', sans-serif`);
  return ready;
}

async function loadLabelFace(): Promise<void> {
  const face = new FontFace(LABEL_FACE, `url(${labelFontUrl})`, { weight: LABEL_FONT_WEIGHT });
  try {
    document.fonts.add(await face.load());
  } catch (error) {
    console.warn(`The bundled label font could not be loaded, so labels use the system sans-serif: ${String(error)}`);
  }
}
