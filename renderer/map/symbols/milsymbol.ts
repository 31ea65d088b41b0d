import type milsymbol from 'milsymbol';

export type Milsymbol = typeof milsymbol;

/**
 * milsymbol carries every symbol of 2525 B–E and APP-6, as much code as the rest of the renderer
 * together; loaded on its own, it comes in as a separate file alongside the basemap instead of
 * swelling the app's main bundle.
 */
export async function loadMilsymbol(): Promise<Milsymbol> {
  return (await import('milsymbol')).default;
}
