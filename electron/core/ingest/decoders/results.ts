import type { DecodeResult, DecodedEntity } from '../decoded-entity';

/** A record that decoded cleanly but holds nothing to plot; shared, since it never changes. */
export const NOTHING_TO_PLOT: DecodeResult = Object.freeze({ ok: true, entities: Object.freeze([]) });

export function success(entities: readonly DecodedEntity[]): DecodeResult {
  return { ok: true, entities };
}

export function failure(error: string): DecodeResult {
  return { ok: false, error };
}
