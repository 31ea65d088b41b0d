import type { Affiliation } from '../../shared/cot-type';

/** MIL-STD-2525 frame fill colours (the "light" set): friend cyan, hostile red, neutral green, unknown yellow. */
export const affiliationColours: Readonly<Record<Affiliation, string>> = {
  friend: '#80e0ff',
  hostile: '#ff8080',
  neutral: '#aaffaa',
  unknown: '#ffff80',
};
