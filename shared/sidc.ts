/**
 * Turns a Cursor-on-Target type such as `a-h-A-M-F` into the 15-character MIL-STD-2525C symbol
 * identification code (SIDC) that draws it, here `SHAPMF---------`.
 *
 * A 2525C SIDC is, by position: 1 coding scheme, 2 standard identity (affiliation), 3 battle
 * dimension, 4 status, 5–10 function ID, 11–12 symbol modifiers, 13–14 country, 15 order of
 * battle. CoT atom types were built from 2525, so the letters after a CoT type's dimension are
 * exactly the function ID: `a-f-G-U-C-I` is warfighting (S), friend (F), ground (G), present (P),
 * function `UCI` (infantry), giving `SFGPUCI--------`.
 */
export const SIDC_LENGTH = 15;

const WARFIGHTING = 'S';
const PRESENT = 'P';
const FUNCTION_ID_START = 4;
const FUNCTION_ID_LENGTH = 6;
const INSTALLATION_MODIFIER = 'H';

/**
 * CoT affiliation letters that 2525C also has, as its standard identity letters. CoT's `x`
 * (other) and anything unexpected fall back to U, unknown: the same letters shared/cot-type.ts
 * colours, so the frame always agrees with the colour the track list shows.
 */
const identityByCotLetter: Readonly<Record<string, string>> = {
  p: 'P',
  u: 'U',
  a: 'A',
  f: 'F',
  n: 'N',
  s: 'S',
  h: 'H',
  j: 'J',
  k: 'K',
  o: 'O',
};

/** 2525C battle dimensions: space, air, ground, sea surface, subsurface, SOF and other. */
const BATTLE_DIMENSIONS = new Set(['P', 'A', 'G', 'S', 'U', 'F', 'X']);
/** 2525C's "unknown" battle dimension: a bare frame of the affiliation's shape. */
const UNKNOWN_DIMENSION = 'Z';
const UNKNOWN_IDENTITY = 'U';

/** One 2525 function-ID character; CoT writes anything else (lowercase, digits) only in local extensions. */
const FUNCTION_LETTER = /^[A-Z]$/;

export function sidcFromCotType(cotType: string): string {
  const [atom, affiliationLetter = '', dimensionLetter = '', ...functionLetters] = cotType.split('-');
  if (atom !== 'a') return frameOnly(UNKNOWN_IDENTITY);
  const identity = identityByCotLetter[affiliationLetter] ?? UNKNOWN_IDENTITY;
  if (!BATTLE_DIMENSIONS.has(dimensionLetter)) return frameOnly(identity);
  const functionId = leadingFunctionLetters(functionLetters).slice(0, FUNCTION_ID_LENGTH).join('');
  // 2525C draws ground installations (function IDs under `I`) with the installation bar,
  // which it asks for in modifier position 11 rather than in the function ID.
  const modifiers = dimensionLetter === 'G' && functionId.startsWith('I') ? INSTALLATION_MODIFIER : '';
  return (WARFIGHTING + identity + dimensionLetter + PRESENT + functionId.padEnd(FUNCTION_ID_LENGTH, '-') + modifiers).padEnd(SIDC_LENGTH, '-');
}

/**
 * The same SIDC one step up the 2525 hierarchy, by blanking the last function-ID letter
 * (`SFGPUCIZ-------` → `SFGPUCI--------`), or null when it has no function letter left. A CoT type
 * may name a function that no symbol set draws; its nearest ancestor is the honest picture.
 */
export function generalisedSidc(sidc: string): string | null {
  const functionId = sidc.slice(FUNCTION_ID_START, FUNCTION_ID_START + FUNCTION_ID_LENGTH).replace(/-+$/, '');
  if (functionId === '') return null;
  const shorter = functionId.slice(0, -1).padEnd(FUNCTION_ID_LENGTH, '-');
  return sidc.slice(0, FUNCTION_ID_START) + shorter + sidc.slice(FUNCTION_ID_START + FUNCTION_ID_LENGTH);
}

function frameOnly(identity: string): string {
  return (WARFIGHTING + identity + UNKNOWN_DIMENSION + PRESENT).padEnd(SIDC_LENGTH, '-');
}

/**
 * The function letters up to the first one that is not a 2525 character: a CoT extension such as
 * `a-f-G-U-C-I-d` is still infantry, and whatever follows the extension is no longer 2525's.
 */
function leadingFunctionLetters(letters: readonly string[]): string[] {
  const kept: string[] = [];
  for (const letter of letters) {
    if (!FUNCTION_LETTER.test(letter)) break;
    kept.push(letter);
  }
  return kept;
}
