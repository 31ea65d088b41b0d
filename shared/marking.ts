import { z } from 'zod';

/** The levels a banner is coloured by; `other` is any marking Outpost does not recognise, such as NATO or national ones. */
export const MARKING_LEVELS = ['unclassified', 'cui', 'confidential', 'secret', 'top-secret', 'other'] as const;
export type MarkingLevel = (typeof MARKING_LEVELS)[number];

export interface BannerColours {
  readonly background: string;
  readonly text: string;
}

/**
 * The colours US banners and labels use for each level: green, purple, blue, red and orange follow
 * the SF 710 label and the SF 705, 704 and 703 cover sheets of DoDM 5200.01 Volume 2, and purple the
 * SF 901 CUI cover sheet of the ISOO CUI Marking Handbook. Those documents name the colours, not
 * their shades; these are the shades commonly used on system banners, each with a text colour that
 * keeps at least 4.5:1 contrast. A marking of no known level gets a neutral grey, so no colour
 * claims a level the text does not.
 */
export const BANNER_COLOURS: Readonly<Record<MarkingLevel, BannerColours>> = {
  unclassified: { background: '#007a33', text: '#ffffff' },
  cui: { background: '#502b85', text: '#ffffff' },
  confidential: { background: '#0033a0', text: '#ffffff' },
  secret: { background: '#c8102e', text: '#ffffff' },
  'top-secret': { background: '#ff8c00', text: '#000000' },
  other: { background: '#4d4d4d', text: '#ffffff' },
};

// TOP SECRET is tried before SECRET, which it ends with. CUI banners may also read CONTROLLED (32 CFR 2002.20).
const LEVEL_WORDS: readonly (readonly [string, MarkingLevel])[] = [
  ['TOP SECRET', 'top-secret'],
  ['SECRET', 'secret'],
  ['CONFIDENTIAL', 'confidential'],
  ['CUI', 'cui'],
  ['CONTROLLED', 'cui'],
  ['UNCLASSIFIED', 'unclassified'],
];

/**
 * The level a marking opens with: "SECRET//NOFORN" is secret and "CUI//SP-PRVCY" is CUI. The level
 * must be a whole word, so "SECRETARIAT" is not secret.
 */
export function markingLevel(marking: string): MarkingLevel {
  const text = marking.trim().toUpperCase();
  for (const [word, level] of LEVEL_WORDS) {
    if (text.startsWith(word) && !/^[A-Z0-9]/.test(text.slice(word.length))) return level;
  }
  return 'other';
}

export function bannerColours(marking: string): BannerColours {
  return BANNER_COLOURS[markingLevel(marking)];
}

/** What the renderer shows before anything else: the site's marking, and the consent text to acknowledge, if any. */
export const MarkingsSchema = z.object({ marking: z.string().min(1), consent: z.string().min(1).nullable() });
export type Markings = z.output<typeof MarkingsSchema>;
