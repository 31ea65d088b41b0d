import ms from 'milsymbol';
import { describe, expect, it } from 'vitest';
import { affiliationOf, type Affiliation } from '../../shared/cot-type';
import { generalisedSidc, SIDC_LENGTH, sidcFromCotType } from '../../shared/sidc';
import { drawableSidcResolver } from '../../renderer/map/symbols/drawable-sidc';

interface Row {
  readonly cotType: string;
  /** What 2525C names the type: scheme, identity, dimension, status P, function, modifiers. */
  readonly sidc: string;
  readonly affiliation: Affiliation;
  /** What the map draws, where milsymbol has no symbol for that exact function. */
  readonly drawn?: string;
}

const table: readonly Row[] = [
  // The demo scenario's scripted units.
  { cotType: 'a-f-G-U-C-I', sidc: 'SFGPUCI--------', affiliation: 'friend' },
  { cotType: 'a-h-A-M-F', sidc: 'SHAPMF---------', affiliation: 'hostile' },
  { cotType: 'a-h-G-U-C-A', sidc: 'SHGPUCA--------', affiliation: 'hostile' },
  // The rest of the demo's types, across its affiliations.
  { cotType: 'a-n-G-U-C-R', sidc: 'SNGPUCR--------', affiliation: 'neutral' },
  { cotType: 'a-u-G-E-V-A', sidc: 'SUGPEVA--------', affiliation: 'unknown' },
  { cotType: 'a-f-G-U-C-F', sidc: 'SFGPUCF--------', affiliation: 'friend' },
  { cotType: 'a-h-G-U-S', sidc: 'SHGPUS---------', affiliation: 'hostile' },
  { cotType: 'a-f-A-M-F-Q', sidc: 'SFAPMFQ--------', affiliation: 'friend' },
  { cotType: 'a-n-A-M-H', sidc: 'SNAPMH---------', affiliation: 'neutral' },
  { cotType: 'a-u-A-C-F', sidc: 'SUAPCF---------', affiliation: 'unknown' },
  { cotType: 'a-n-S-X', sidc: 'SNSPX----------', affiliation: 'neutral' },
  { cotType: 'a-f-S-C-L', sidc: 'SFSPCL---------', affiliation: 'friend' },
  { cotType: 'a-h-S-C-S', sidc: 'SHSPCS---------', affiliation: 'hostile', drawn: 'SHSPC----------' },
  { cotType: 'a-n-S-X-F', sidc: 'SNSPXF---------', affiliation: 'neutral' },
  // What the AIS, JSON and GeoJSON decoders give records that carry no type of their own.
  { cotType: 'a-u-S-X', sidc: 'SUSPX----------', affiliation: 'unknown' },
  { cotType: 'a-u-G', sidc: 'SUGP-----------', affiliation: 'unknown' },
  // Sea, subsurface, space and air beyond the demo.
  { cotType: 'a-h-S-C-L-C-V', sidc: 'SHSPCLCV-------', affiliation: 'hostile' },
  { cotType: 'a-f-U-S-N', sidc: 'SFUPSN---------', affiliation: 'friend' },
  { cotType: 'a-h-U-S', sidc: 'SHUPS----------', affiliation: 'hostile' },
  { cotType: 'a-f-P-S', sidc: 'SFPPS----------', affiliation: 'friend' },
  { cotType: 'a-h-P-V', sidc: 'SHPPV----------', affiliation: 'hostile' },
  { cotType: 'a-f-A-W-M-S-A', sidc: 'SFAPWMSA-------', affiliation: 'friend' },
  // Ground equipment, and installations, which 2525C marks in modifier position 11.
  { cotType: 'a-f-G-E-W-R-R', sidc: 'SFGPEWRR-------', affiliation: 'friend' },
  { cotType: 'a-h-G-E-V-A-T', sidc: 'SHGPEVAT-------', affiliation: 'hostile' },
  { cotType: 'a-f-G-U-C-V-R-A', sidc: 'SFGPUCVRA------', affiliation: 'friend' },
  { cotType: 'a-f-G-I', sidc: 'SFGPI-----H----', affiliation: 'friend' },
  { cotType: 'a-f-G-I-B', sidc: 'SFGPIB----H----', affiliation: 'friend' },
  { cotType: 'a-n-G-I-U-E', sidc: 'SNGPIUE---H----', affiliation: 'neutral' },
  // Every CoT affiliation letter, and special operations forces and "other".
  { cotType: 'a-s-A-M-F-F', sidc: 'SSAPMFF--------', affiliation: 'hostile' },
  { cotType: 'a-j-G-U-C-I', sidc: 'SJGPUCI--------', affiliation: 'hostile' },
  { cotType: 'a-k-A-M-F', sidc: 'SKAPMF---------', affiliation: 'hostile' },
  { cotType: 'a-a-S-C', sidc: 'SASPC----------', affiliation: 'friend' },
  { cotType: 'a-p-G', sidc: 'SPGP-----------', affiliation: 'unknown' },
  { cotType: 'a-o-A', sidc: 'SOAP-----------', affiliation: 'unknown' },
  { cotType: 'a-x-G-U-C-I', sidc: 'SUGPUCI--------', affiliation: 'unknown' },
  { cotType: 'a-.-G-U-C-I', sidc: 'SUGPUCI--------', affiliation: 'unknown' },
  { cotType: 'a-f-F-A', sidc: 'SFFPA----------', affiliation: 'friend' },
  { cotType: 'a-f-X', sidc: 'SFXP-----------', affiliation: 'friend' },
  // The odd ones: no type, not an atom, too short, and letters 2525 does not use.
  { cotType: '', sidc: 'SUZP-----------', affiliation: 'unknown' },
  { cotType: 'b-m-p-s-p-i', sidc: 'SUZP-----------', affiliation: 'unknown' },
  { cotType: 'a', sidc: 'SUZP-----------', affiliation: 'unknown' },
  { cotType: 'a-f', sidc: 'SFZP-----------', affiliation: 'friend' },
  { cotType: 'a-F-G-U-C-I', sidc: 'SUGPUCI--------', affiliation: 'unknown' },
  { cotType: 'a-f-g-U-C-I', sidc: 'SFZP-----------', affiliation: 'friend' },
  { cotType: 'a-f-G-U-C-I-d', sidc: 'SFGPUCI--------', affiliation: 'friend' },
  { cotType: 'a-f-G-U-c-I', sidc: 'SFGPU----------', affiliation: 'friend' },
  { cotType: 'a-f-A-M-F-Q-r-x', sidc: 'SFAPMFQ--------', affiliation: 'friend' },
  { cotType: 'a-h-G-U-C-I-Z-X-Y-W-V', sidc: 'SHGPUCIZXY-----', affiliation: 'hostile', drawn: 'SHGPUCIZ-------' },
];

/** 2525C identity letters, grouped into the four colours Outpost shows. */
const identitiesByAffiliation: Readonly<Record<Affiliation, string>> = {
  friend: 'FADM',
  hostile: 'HSJK',
  neutral: 'NL',
  unknown: 'UPOGW',
};

describe('Given the CoT types Outpost meets', () => {
  it('Then the table covers at least 30 types, including every type the demo scenario plays', () => {
    expect(table.length).toBeGreaterThanOrEqual(30);
    const demoTypes = ['G-U-C-I', 'G-U-C-A', 'G-U-C-R', 'G-E-V-A', 'G-U-C-F', 'G-U-S', 'A-M-F', 'A-M-F-Q', 'A-M-H', 'A-C-F', 'S-X', 'S-C-L', 'S-C-S', 'S-X-F'];
    const covered = new Set(table.map((row) => row.cotType.slice(4)));
    expect(demoTypes.filter((type) => !covered.has(type))).toEqual([]);
  });

  it.each(table)('When $cotType is read, Then its 2525C SIDC is $sidc', ({ cotType, sidc }) => {
    expect(sidcFromCotType(cotType)).toBe(sidc);
    expect(sidc).toHaveLength(SIDC_LENGTH);
  });

  it.each(table)('When $cotType is drawn, Then milsymbol accepts its symbol, framed for a $affiliation track', ({ cotType, sidc, affiliation, drawn }) => {
    const sidcOf = drawableSidcResolver(ms);
    const drawnSidc = sidcOf(cotType);
    expect(drawnSidc).toBe(drawn ?? sidc);
    expect(new ms.Symbol(drawnSidc).isValid()).toBe(true);
    expect(affiliationOf(cotType)).toBe(affiliation);
    expect(identitiesByAffiliation[affiliation]).toContain(drawnSidc.charAt(1));
  });
});

describe('Given a SIDC whose function milsymbol may not know', () => {
  it('When it is generalised, Then the last function letter goes, and the frame alone has no parent', () => {
    expect(generalisedSidc('SHGPUCIZXY-----')).toBe('SHGPUCIZX------');
    expect(generalisedSidc('SFGPIB----H----')).toBe('SFGPI-----H----');
    expect(generalisedSidc('SFGPI-----H----')).toBe('SFGP------H----');
    expect(generalisedSidc('SUZP-----------')).toBeNull();
  });

  it('When the same type is asked for again, Then the remembered answer comes back without asking milsymbol', () => {
    let asked = 0;
    const counting = { ...ms, Symbol: class extends ms.Symbol { override isValid(): boolean { asked += 1; return true; } } } as typeof ms;
    const sidcOf = drawableSidcResolver(counting);
    sidcOf('a-f-G-U-C-I');
    sidcOf('a-f-G-U-C-I');
    expect(asked).toBe(1);
  });
});
