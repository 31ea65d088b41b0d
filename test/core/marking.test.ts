import { describe, expect, it } from 'vitest';
import { BANNER_COLOURS, bannerColours, MARKING_LEVELS, markingLevel } from '../../shared/marking';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(first: string, second: string): number {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((at) => {
      const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.039_28 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('Given a site marking', () => {
  it.each([
    ['UNCLASSIFIED', 'unclassified'],
    ['UNCLASSIFIED//FOUO', 'unclassified'],
    ['CUI', 'cui'],
    ['CUI//SP-PRVCY', 'cui'],
    ['CONTROLLED', 'cui'],
    ['CONFIDENTIAL', 'confidential'],
    ['SECRET', 'secret'],
    ['SECRET//NOFORN', 'secret'],
    ['TOP SECRET//SI//NOFORN', 'top-secret'],
    ['  secret//rel to usa, fvey ', 'secret'],
  ] as const)('When it reads %s, Then its level is %s', (marking, level) => {
    expect(markingLevel(marking)).toBe(level);
  });

  it.each(['NATO SECRET', 'SECRETARIAT', 'RESTRICTED', 'OFFICIAL-SENSITIVE', 'CUIRASS'])('When it reads %s, Then it has no known level', (marking) => {
    expect(markingLevel(marking)).toBe('other');
  });

  it('When it is SECRET//NOFORN, Then its banner is red with white text', () => {
    expect(bannerColours('SECRET//NOFORN')).toEqual({ background: '#c8102e', text: '#ffffff' });
  });

  it('When each level’s banner is drawn, Then its colours are the standard ones', () => {
    expect(Object.fromEntries(MARKING_LEVELS.map((level) => [level, BANNER_COLOURS[level].background]))).toEqual({
      unclassified: '#007a33',
      cui: '#502b85',
      confidential: '#0033a0',
      secret: '#c8102e',
      'top-secret': '#ff8c00',
      other: '#4d4d4d',
    });
  });

  it.each(MARKING_LEVELS)('When a %s banner is drawn, Then its text has at least 4.5:1 contrast with its background', (level) => {
    const { background, text } = BANNER_COLOURS[level];
    expect(contrast(background, text)).toBeGreaterThanOrEqual(4.5);
  });
});
