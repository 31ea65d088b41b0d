import { generalisedSidc, sidcFromCotType } from '../../../shared/sidc';
import type { Milsymbol } from './milsymbol';

/** Distinct CoT types are few in any real feed; the bound only guards against a hostile one. */
const MAX_REMEMBERED = 2_000;

export type SidcResolver = (cotType: string) => string;

/**
 * The SIDC the map draws for a CoT type: the one 2525C names for it, or, when milsymbol has no
 * symbol for that function, its nearest ancestor that it can draw (ultimately the bare frame).
 * Answers are remembered, since every report of a track asks again.
 */
export function drawableSidcResolver(ms: Milsymbol): SidcResolver {
  const sidcByCotType = new Map<string, string>();
  const isDrawable = (sidc: string): boolean => new ms.Symbol(sidc).isValid() === true;
  return (cotType) => {
    const known = sidcByCotType.get(cotType);
    if (known !== undefined) return known;
    let sidc = sidcFromCotType(cotType);
    while (!isDrawable(sidc)) {
      const parent = generalisedSidc(sidc);
      if (parent === null) break;
      sidc = parent;
    }
    if (sidcByCotType.size >= MAX_REMEMBERED) sidcByCotType.clear();
    sidcByCotType.set(cotType, sidc);
    return sidc;
  };
}
