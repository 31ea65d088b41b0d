/**
 * Reads the affiliation and battle dimension out of a Cursor-on-Target type
 * such as `a-h-A-M-F` (atom, hostile, air, military, fixed wing).
 */
export const AFFILIATIONS = ['friend', 'hostile', 'neutral', 'unknown'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

export const DIMENSIONS = ['ground', 'air', 'sea-surface', 'subsurface', 'space', 'other'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

// CoT folds the 2525 "assumed friend", "suspect", "joker" and "faker" identities into
// the four colours an analyst reads at a glance.
const affiliationByLetter: Readonly<Record<string, Affiliation>> = {
  f: 'friend',
  a: 'friend',
  h: 'hostile',
  s: 'hostile',
  j: 'hostile',
  k: 'hostile',
  n: 'neutral',
  u: 'unknown',
  p: 'unknown',
  o: 'unknown',
};

const dimensionByLetter: Readonly<Record<string, Dimension>> = {
  G: 'ground',
  A: 'air',
  S: 'sea-surface',
  U: 'subsurface',
  P: 'space',
};

export function affiliationOf(cotType: string): Affiliation {
  const [atom, letter] = cotType.split('-');
  if (atom !== 'a' || letter === undefined) return 'unknown';
  return affiliationByLetter[letter] ?? 'unknown';
}

export function dimensionOf(cotType: string): Dimension {
  const [atom, , letter] = cotType.split('-');
  if (atom !== 'a' || letter === undefined) return 'other';
  return dimensionByLetter[letter] ?? 'other';
}
